/**
 * The page keeps its workbook in this browser (localStorage: origin-local, no request, and it
 * works from file:// in Chromium), so a reload or a closed tab loses nothing: the workbook as it
 * would be downloaded (its edits, practice round, 审核说明 inside) and its file name. Kept only once
 * the user has changed something or opened a file; forgotten on request.
 */
import { MemoryWorkbook } from "../workbook/memory-workbook";

const KEY = "srs.page";

interface Kept {
  name: string;
  /** The sample's sheets still there: set aside again when files are consolidated. */
  examples: string[];
  /** The .xlsx, base64. */
  bytes: string;
  savedAt: number;
}

const toBase64 = (bytes: Uint8Array) => {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Keeps the workbook; false when the browser refuses (too big for its storage, or storage off). */
export async function keepWorkbook(book: MemoryWorkbook, name: string): Promise<boolean> {
  const savedAt = Date.now(); // when the workbook was taken, not when its bytes were ready
  const kept: Kept = {
    name,
    examples: [...book.examples],
    bytes: toBase64(await book.toXlsx()),
    savedAt,
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
    return true;
  } catch {
    forgetWorkbook(); // an older copy would come back on reload as if it were this one
    return false;
  }
}

/** The workbook kept by an earlier visit, or undefined (none, or not readable any more). */
export async function keptWorkbook(): Promise<{ book: MemoryWorkbook; name: string } | undefined> {
  let kept: Kept;
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return undefined;
    kept = JSON.parse(text) as Kept;
  } catch {
    return undefined;
  }
  try {
    const book = await MemoryWorkbook.fromXlsx(fromBase64(kept.bytes), kept.name);
    for (const s of kept.examples) if (book.sheets.some((g) => g.name === s)) book.examples.add(s);
    return { book, name: kept.name };
  } catch {
    forgetWorkbook();
    return undefined;
  }
}

export function forgetWorkbook(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage off: nothing was kept.
  }
}
