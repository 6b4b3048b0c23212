/**
 * The page keeps its workbook in this browser (localStorage: no request, and it works from
 * file:// in Chromium), so a reload or a closed tab loses nothing: the workbook as it would be
 * downloaded (its edits, practice round, 审核说明 inside) and its file name.
 *
 * Only when the user says so (`keepChoice`), asked once the workbook first changes, with where it
 * is kept: from file:// every local page opened in the same browser shares that storage and could
 * read it, which no key can prevent (the page itself is a file anyone can read), so the clerk
 * decides, knowing that. And only by one tab (`claimOwner`): the first tab of the page holds a Web
 * Lock while it is open; another tab says so and never saves over it.
 */
import { MemoryWorkbook } from "../workbook/memory-workbook";

const KEY = "srs.page";
const CHOICE = "srs.page.keep";

/** Where the workbook is kept, and who else can read it there. */
export const whereKept = () =>
  location.protocol === "file:"
    ? "工作簿存在本浏览器的本地存储中，不上传；但用这个浏览器从本机打开的其他网页也能读取它，公用电脑上请选“不保存”。"
    : "工作簿存在本浏览器中，只有本网站能读取，不上传。";

/** The user's answer to keeping the workbook in the browser; undefined until asked. */
export function keepChoice(): "yes" | "no" | undefined {
  try {
    const v = localStorage.getItem(CHOICE);
    return v === "yes" || v === "no" ? v : undefined;
  } catch {
    return "no"; // storage off: nothing can be kept
  }
}

export function setKeepChoice(choice: "yes" | "no" | undefined): void {
  try {
    if (choice) localStorage.setItem(CHOICE, choice);
    else localStorage.removeItem(CHOICE);
  } catch {
    // Storage off: nothing is kept either way.
  }
}

type Locks = {
  request(name: string, o: { ifAvailable: boolean }, f: (l: unknown) => unknown): Promise<unknown>;
};

/**
 * Whether this tab may save: it holds the page's lock until it closes (or reloads), so a second
 * tab gets false. A browser without Web Locks has one owner per tab, as before.
 */
export function claimOwner(): Promise<boolean> {
  const locks = (navigator as unknown as { locks?: Locks }).locks;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    locks
      .request(KEY, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        // Held for as long as the tab lives.
        return lock ? new Promise(() => undefined) : undefined;
      })
      .catch(() => resolve(true));
  });
}

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
