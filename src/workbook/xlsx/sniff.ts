/**
 * Tells, before parsing, why a file cannot be a report workbook: one clear line
 * for the clerk instead of a parser's stack trace.
 */
import { Inflate } from "fflate";
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** What an .xlsx may unpack to: a report is a few MB; beyond this it is a zip bomb or a monster sheet. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** What one worksheet's XML may unpack to: a report sheet is well under 1 MB (1,048,576 rows are ~40 MB). */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** "EncryptedPackage" in UTF-16LE. */
const ENCRYPTED = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);

/** An OLE file holding a password-protected .xlsx. Plain bytes, no Node Buffer: the demo sniffs too. */
function isEncrypted(buf: Uint8Array): boolean {
  for (let at = buf.indexOf(ENCRYPTED[0]); at >= 0; at = buf.indexOf(ENCRYPTED[0], at + 1))
    if (ENCRYPTED.every((b, i) => buf[at + i] === b)) return true;
  return false;
}

const CORRUPT = "文件已损坏或不是完整的 .xlsx 工作簿，无法读取";

/** Parts unpacked by name (the shape fflate's unzipSync gives). */
export type UnpackedParts = Record<string, Uint8Array>;

/**
 * Throws UnreadableFile with a one-line zh-CN reason, or returns when the bytes look like an .xlsx
 * that unpacks to a report-sized workbook. With `keep`, it returns the worksheets and shared
 * strings it unpacked to check them, each whole and exactly its declared size (so the bytes any
 * unzip would give), for the reader not to unpack them again.
 */
export async function sniffWorkbook(
  buf: Uint8Array,
  name: string,
  keep = false
): Promise<UnpackedParts> {
  if (buf.byteLength === 0) throw new UnreadableFile("文件是空的（0 字节）");
  if (buf.byteLength > MAX_FILE_BYTES)
    throw new UnreadableFile(
      `文件过大（${Math.round(buf.byteLength / 1048576)} MB），不像是一份报表`
    );
  if (startsWith(buf, OLE)) {
    if (isEncrypted(buf)) throw new UnreadableFile("文件设有打开密码，请在 Excel 中取消密码后再试");
    const kind = /\.et$/i.test(name) ? "WPS 表格（.et）" : "旧版 Excel（.xls）";
    throw new UnreadableFile(`这是${kind}文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再试`);
  }
  if (!startsWith(buf, ZIP)) throw new UnreadableFile("不是 Excel 工作簿（.xlsx）文件");
  const entries = zipEntries(buf);
  if (entries === undefined) throw new UnreadableFile(CORRUPT);
  if (entries === "hidden")
    throw new UnreadableFile("压缩文件的目录少报了其中的条目，可能被恶意构造，无法读取");
  const names = new Set(entries.map((e) => e.name));
  if (names.has("mimetype") && names.has("content.xml"))
    throw new UnreadableFile(
      "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中“另存为” .xlsx 后再试"
    );
  if (entries.reduce((sum, e) => sum + e.declared, 0) > MAX_UNPACKED_BYTES)
    throw new UnreadableFile(
      `文件解压后超过 ${MAX_UNPACKED_BYTES / 1048576} MB，不像是一份报表（可能已损坏或被恶意构造）`
    );
  if (entries.some((e) => e.name.startsWith("xl/worksheets/") && e.declared > MAX_SHEET_BYTES))
    throw new UnreadableFile("工作表过大（行数远超一份报表），请只保留报表所在的区域后再试");
  // The parser (JSZip under exceljs) refuses an entry whose size differs from its declaration,
  // but only once it holds it whole: check those that could unpack past a sheet's bound first.
  for (const e of entries.filter((e) => e.compressed * MAX_RATIO > MAX_SHEET_BYTES))
    if (!unpacksWithin(buf, e)) throw new UnreadableFile(CORRUPT);
  if (!names.has("xl/workbook.xml"))
    throw new UnreadableFile("这个压缩文件不是 Excel 工作簿（.xlsx）：里面没有工作簿");
  // A tiny file can still claim a cell at row 1,000,000,000 or a merge over the whole sheet:
  // the sheets' structure is bounded before the parser builds anything from it.
  const budget = { rows: 0, cells: 0 };
  const kept: UnpackedParts = {};
  for (const e of entries.filter((x) =>
    /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(x.name)
  )) {
    const why = scanSheet(buf, e, budget, keep ? (bytes) => (kept[e.name] = bytes) : undefined);
    if (why) throw new UnreadableFile(why);
  }
  return kept;
}

/** Excel's own bounds, and what a file of reports can hold. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const MAX_MERGES = 5_000;
const MAX_MERGED_CELLS = 1_000_000;
const MAX_ROWS_PER_FILE = 200_000;
const MAX_CELLS_PER_FILE = 1_000_000;
/** A text node past Excel's 32,767 characters a cell. */
const LONG_TEXT = /<(?:\w+:)?t\b[^>]*>[^<]{32768}/;
const TAGS = /<(?:\w+:)?(row|c|col|mergeCell)\b([^>]*)>/g;
const STRUCTURE = "工作表结构超出范围，不像是一份报表（可能已损坏或被恶意构造）";

const colNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Unpacks one sheet's XML piece by piece and checks its structure: row and column numbers within
 * Excel's, <col> ranges, the count and area of merges, and rows and cells across the file.
 * Returns the reason it is refused, or undefined. `whole` gets the unpacked part when it was
 * unpacked to the end and is exactly its declared size (never more is held than declared).
 */
function scanSheet(
  buf: Uint8Array,
  e: ZipEntry,
  budget: { rows: number; cells: number },
  whole?: (bytes: Uint8Array) => void
): string | undefined {
  const data = entryData(buf, e);
  if (!data) return CORRUPT;
  const text = new TextDecoder();
  let carry = "";
  let merges = 0;
  let merged = 0;
  let why: string | undefined;
  // One pass over the tags that carry positions: rows, cells, column ranges, merges.
  const scan = (part: string): string | undefined => {
    if (LONG_TEXT.test(part))
      return "有单元格的文字超过 32767 个字符（Excel 的上限），不像是一份报表";
    for (const m of part.matchAll(TAGS)) {
      const [, tag, attrs] = m;
      if (tag === "row") {
        const r = /\br="(\d+)"/.exec(attrs);
        if (r && +r[1] > MAX_ROW) return STRUCTURE;
        if (++budget.rows > MAX_ROWS_PER_FILE)
          return "工作表行数远超一份报表，请只保留报表所在的区域后再试";
      } else if (tag === "c") {
        const r = /\br="([A-Z]+)(\d+)"/.exec(attrs);
        if (r && (+r[2] > MAX_ROW || colNumber(r[1]) > MAX_COL)) return STRUCTURE;
        if (++budget.cells > MAX_CELLS_PER_FILE)
          return "工作表单元格数远超一份报表，请只保留报表所在的区域后再试";
      } else if (tag === "col") {
        const r = /\bmax="(\d+)"/.exec(attrs);
        if (r && +r[1] > MAX_COL) return STRUCTURE;
      } else {
        const r = /\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(attrs);
        if (!r) continue;
        const [c1, r1, c2 = r[1], r2 = r[2]] = [r[1], r[2], r[3], r[4]];
        if (+r1 > MAX_ROW || +r2 > MAX_ROW || colNumber(c1) > MAX_COL || colNumber(c2) > MAX_COL)
          return STRUCTURE;
        merged += (Math.abs(+r2 - +r1) + 1) * (Math.abs(colNumber(c2) - colNumber(c1)) + 1);
        if (++merges > MAX_MERGES || merged > MAX_MERGED_CELLS)
          return "合并单元格过多或范围过大，不像是一份报表（可能已损坏或被恶意构造）";
      }
    }
    return undefined;
  };
  let pieces: Uint8Array[] | undefined = whole && [];
  let size = 0;
  const result = unpack(data, e.method, (chunk) => {
    size += chunk.byteLength;
    if (pieces && size <= e.declared) pieces.push(chunk);
    else pieces = undefined;
    const all = carry + text.decode(chunk, { stream: true });
    // Whole tags only: what follows the last "<" waits for the next piece.
    const cut = all.lastIndexOf("<");
    carry = cut > 0 ? all.slice(cut) : "";
    why = scan(cut > 0 ? all.slice(0, cut) : all);
    return why === undefined;
  });
  if (result === "corrupt") return CORRUPT;
  why ??= result === "whole" ? scan(carry) : undefined;
  if (!why && result === "whole" && pieces && size === e.declared) whole!(joined(pieces, size));
  return why;
}

/** One array of the pieces (the one piece itself when there is one). */
function joined(pieces: Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** An entry's packed bytes, or undefined when its local header does not hold together. */
function entryData(buf: Uint8Array, e: ZipEntry): Uint8Array | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (e.local + 30 > buf.byteLength || view.getUint32(e.local, true) !== 0x04034b50)
    return undefined;
  const start =
    e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  if (start + e.compressed > buf.byteLength) return undefined;
  return buf.subarray(start, start + e.compressed);
}

/**
 * Deflate's limit: no stream unpacks to more than about 1,032 times its size. A report's
 * entries are a few KB packed and can never get past the bound, so they are not unpacked twice.
 */
const MAX_RATIO = 1032;

const UTF8 = new TextDecoder();

/** A zip entry as its central directory declares it. */
interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  /** The unpacked size, as declared (a zip bomb may lie). */
  declared: number;
  /** Where the local header starts. */
  local: number;
}

/**
 * The entries of a zip, read from its central directory without unpacking anything;
 * undefined when the directory is missing or broken (a truncated file).
 */
function zipEntries(buf: Uint8Array): ZipEntry[] | "hidden" | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the very end.
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined;
    // 0xFFFFFFFF: a ZIP64 size, over 4 GB — too big either way.
    const raw = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: UTF8.decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      declared: raw === 0xffffffff ? Infinity : raw,
      local: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // The parser reads every header it finds, not the count the end record declares: a count
  // patched down would hide entries (a 200 MB sheet) from the checks above.
  if (at + 4 <= buf.byteLength && view.getUint32(at, true) === 0x02014b50) return "hidden";
  return entries;
}

/**
 * Whether the entry unpacks to at most its declared size. Unpacks piece by piece and stops at the
 * first byte over, so a lying zip bomb costs a few MB, never what it would expand to.
 */
function unpacksWithin(buf: Uint8Array, e: ZipEntry): boolean {
  const data = entryData(buf, e);
  if (!data) return false;
  let size = 0;
  return unpack(data, e.method, (chunk) => (size += chunk.byteLength) <= e.declared) === "whole";
}

/** Pieces of packed input: each unpacks to at most about 4 MB (deflate's 1,032× bound). */
const STEP = 4096;

/**
 * Unpacks a zip entry piece by piece (fflate: synchronous, the same in node and the browser),
 * handing each piece to `take` until it returns false. Other methods than stored and deflate are
 * left to the parser, which refuses them.
 */
function unpack(
  data: Uint8Array,
  method: number,
  take: (chunk: Uint8Array) => boolean
): "whole" | "stopped" | "corrupt" | "other" {
  if (method === 0) return take(data) ? "whole" : "stopped";
  if (method !== 8) return "other";
  let stopped = false;
  const inflate = new Inflate((chunk) => {
    if (!stopped && !take(chunk)) stopped = true;
  });
  try {
    for (let at = 0; at < data.length && !stopped; at += STEP)
      inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch {
    return "corrupt"; // not deflate data at all
  }
  return stopped ? "stopped" : "whole";
}
