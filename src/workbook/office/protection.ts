/**
 * Writing into a protected sheet. SRS's blank templates are protected without a password
 * (rules/layout/protection.ts): data cells and header lines open, the title, labels and notes
 * locked. Excel refuses values and formulas in a locked cell of a protected sheet, and formats
 * unless the protection allows them, failing the whole request. So, around a confirmed write, a
 * sheet that would refuse it is unprotected, written and protected again with the options it had
 * (WorksheetProtection, ExcelApi 1.2: below the 1.9 the pane requires). Excel unprotects only
 * with the sheet's password, which SRS never asks for: a sheet protected with one stops the
 * action before any cell changes, with one zh line. A sheet whose writes all go into unlocked
 * cells it allows is left protected and never unprotected.
 */
import { passwordReason } from "../refusals";
import { CELL_EDIT, retry } from "./run";

/** What an action is about to write into one sheet. */
export interface SheetWrite {
  /** The sheet's name or id, as it is when the probe is sent. */
  sheet: string;
  /**
   * Cells (A1) given values or formulas (none for formats alone: highlights); "all" when the whole
   * sheet is cleared or rewritten.
   */
  cells: string[] | "all";
  /** Whether number formats or fills are set too (allowed by the protection's allowFormatCells). */
  formats: boolean;
  /** How the refusal names the sheet, if not by its name (a sheet just imported from a file). */
  label?: string;
}

/** A sheet SRS has unprotected, and what to protect it with again. */
export interface Lifted {
  id: string;
  options: Excel.WorksheetProtectionOptions;
}

/** An error Excel reported for a request (OfficeExtension.Error), not a bug of ours. */
export const isHostError = (e: unknown) =>
  typeof (e as { code?: unknown } | undefined)?.code === "string";

/**
 * Queues, in the caller's next request, each sheet's protection (protected, options) and the lock
 * of every cell to be written. After that request, `lift` unprotects the sheets that would
 * refuse the writes (one request, none if no sheet would).
 */
export function probeProtection(context: Excel.RequestContext, writes: SheetWrite[]) {
  const probes = writes.map((w) => {
    const ws = context.workbook.worksheets.getItem(w.sheet);
    ws.load("id,name");
    ws.protection.load("protected,options");
    const locks =
      w.cells === "all"
        ? []
        : w.cells.map((cell) => ({
            cell,
            p: ws.getRange(cell).format.protection.load("locked"),
          }));
    return { w, ws, locks };
  });
  return {
    /**
     * What is still to be done, once read: `cells` still to be written (a fix whose cell changed
     * meanwhile is not), `sheets` still written at all (a mark the clerk recoloured is not
     * cleared), `formats` whether a sheet's number formats change after all.
     */
    lift: async (
      still: {
        cells?: (sheet: string, cell: string) => boolean;
        sheets?: (sheet: string) => boolean;
        formats?: (sheet: string) => boolean;
      } = {}
    ): Promise<Lifted[]> => {
      const refusing = probes.filter(({ w, ws, locks }) => {
        if (still.sheets && !still.sheets(w.sheet)) return false;
        const only = still.cells;
        const writing = only ? locks.filter((l) => only(w.sheet, l.cell)) : locks;
        // Formats alone (no cells given), or along with cells still to be written.
        const formatting =
          (still.formats ? still.formats(w.sheet) : w.formats) &&
          (locks.length === 0 || writing.length > 0);
        return (
          ws.protection.protected &&
          (w.cells === "all" ||
            // null: a range not all unlocked (a single cell is never mixed)
            writing.some((l) => l.p.locked !== false) ||
            (formatting && !ws.protection.options.allowFormatCells))
        );
      });
      const byId = new Map(
        refusing.map(({ w, ws }) => [
          ws.id,
          { id: ws.id, name: w.label ?? ws.name, options: { ...ws.protection.options } },
        ])
      );
      return unprotect(context, [...byId.values()]);
    },
  };
}

/**
 * Unprotects the sheets in one request. Excel stops a request at the first action that fails
 * (a sheet with a password): those unprotected before it are protected again, and the action
 * stops with the reason, nothing written.
 */
async function unprotect(
  context: Excel.RequestContext,
  sheets: (Lifted & { name: string })[]
): Promise<Lifted[]> {
  if (!sheets.length) return [];
  const ws = context.workbook.worksheets;
  for (const s of sheets) ws.getItem(s.id).protection.unprotect();
  try {
    await context.sync();
    return sheets.map(({ id, options }) => ({ id, options }));
  } catch (e) {
    if (!isHostError(e) || (e as { code: string }).code === CELL_EDIT) throw e;
  }
  const now = sheets.map((s) => {
    const p = ws.getItem(s.id).protection;
    p.load("protected");
    return { s, p };
  });
  await context.sync();
  await protectAgain(
    context,
    now.filter(({ p }) => !p.protected).map(({ s }) => s)
  );
  const refused = now.find(({ p }) => p.protected)?.s ?? sheets[0];
  throw new Error(passwordReason(refused.name));
}

/** Protects the sheets again with their options, in one request; waits out cell editing. */
async function protectAgain(context: Excel.RequestContext, lifted: Lifted[]): Promise<void> {
  if (!lifted.length) return;
  for (let attempt = 0; ; attempt++) {
    for (const s of lifted) context.workbook.worksheets.getItem(s.id).protection.protect(s.options);
    try {
      // A sheet must not stay unprotected because the clerk was typing (an Excel that fails a
      // request during cell edit instead of waiting): asked again until editing ends.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      return await context.sync();
    } catch (e) {
      if ((e as { code?: unknown } | undefined)?.code !== CELL_EDIT || attempt >= 20) throw e;
      await retry.wait(Math.min(2000, 250 * (attempt + 1)));
    }
  }
}

/**
 * Runs `write` (its own requests) with the lifted sheets unprotected and protects them again
 * afterwards, also when the write fails (its error is the one reported).
 */
export async function whileLifted<T>(
  context: Excel.RequestContext,
  lifted: Lifted[],
  write: () => Promise<T>
): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (e) {
    await protectAgain(context, lifted).catch(() => undefined);
    throw e;
  }
  await protectAgain(context, lifted);
  return result;
}
