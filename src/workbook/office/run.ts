/**
 * Excel.run for every batch SRS sends. A batch sent while the clerk is typing in a cell fails
 * with InvalidOperationInCellEditMode unless it asks to wait (RunOptions.delayForCellEdit, in the
 * Excel JavaScript API reference). Every batch asks; where the host does not wait (older
 * Excels), a read, or a write that checks before it writes, is tried again until editing ends:
 * a check after an edit, QTOTAL's snapshot and the pane's buttons never fail for it.
 */

export const CELL_EDIT = "InvalidOperationInCellEditMode";

/** How long to wait before trying again (replaced in tests). */
export const retry = {
  wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

const isCellEdit = (e: unknown) => (e as { code?: unknown } | undefined)?.code === CELL_EDIT;

/**
 * @param again whether the batch may be run again after Excel refused it for cell editing: true
 *   for reads and for writes that check the cells first (they find what is done already); false
 *   for consolidation, whose import cannot be repeated.
 */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  again = true
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      if (!again || !isCellEdit(e)) throw e;
      // Each try is one request: Excel answers at once while the clerk still types.
      await retry.wait(Math.min(2000, 250 * (attempt + 1)));
    }
  }
}
