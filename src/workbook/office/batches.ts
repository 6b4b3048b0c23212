/**
 * Excel on the web rejects requests and responses over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins": RichAPI.Error past it). Work that could pass that is queued
 * in batches, each synced once: the number of requests grows with the payload, not the cells.
 */

/** Cells a single request may touch, keeping well under 5 MB (≈ 100 bytes a cell either way). */
export const CELLS_PER_REQUEST = 20_000;

/** Bytes a single request may carry or answer with (file content in base64, addresses, fills), a margin under 5 MB. */
export const BYTES_PER_REQUEST = 4 * 1024 * 1024;

/** The UTF-8 bytes of a text, as a request carries it (a sheet named 朴里村 takes 9). */
export function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      n += 2; // a surrogate pair: 4 bytes for its 2 units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

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
