/**
 * Excel on the web rejects requests over 5 MB. Work that could pass that is queued in
 * batches, each synced once: the number of requests grows with the payload, not the cells.
 */

/** Cells a single request may touch, keeping well under 5 MB (≈ 100 bytes a cell either way). */
export const CELLS_PER_REQUEST = 20_000;

/** Bytes of file content (base64) a single request may carry, a margin under 5 MB. */
export const BYTES_PER_REQUEST = 4 * 1024 * 1024;

/** A1 addresses per getRanges() call (its address string has a length limit). */
export const ADDRESSES_PER_CALL = 400;

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Queues `work` for groups of items and syncs once per group of at most `perRequest`
 * cells (or bytes, with BYTES_PER_REQUEST). The syncs are sequential by necessity (each
 * waits for the last), one per 5 MB.
 */
export async function inRequests<T>(
  context: Excel.RequestContext,
  items: T[],
  cells: (item: T) => number,
  work: (item: T) => void,
  perRequest = CELLS_PER_REQUEST
): Promise<void> {
  let pending = 0;
  for (const item of items) {
    const n = cells(item);
    if (pending > 0 && pending + n > perRequest) {
      // One request per 5 MB of payload, by design (see above).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      pending = 0;
    }
    work(item);
    pending += n;
  }
  if (pending > 0) await context.sync();
}
