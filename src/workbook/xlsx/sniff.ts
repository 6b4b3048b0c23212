/**
 * Tells, before parsing, why a file cannot be a report workbook: one clear line for the clerk
 * instead of a parser's stack trace, and a bound (budget.ts) on everything a reader would build.
 */
import { Inflate, inflateSync } from "fflate";
import { FileBudget, LIMITS, REASONS, UnreadableFile, type Counted } from "./budget";
import { unzipParts, zipParts } from "./parts";
import { eachTag } from "./xml-tags";

export { UnreadableFile } from "./budget";
export const MAX_FILE_BYTES = LIMITS.fileBytes;

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
const BROKEN_XML = "文件已损坏：其中的 XML 不完整（标签没有闭合），无法读取";

/** Parts unpacked by name (the shape fflate's unzipSync gives). */
export type UnpackedParts = Record<string, Uint8Array>;

export interface Sniffed {
  /** The file to read: as given, or with its UTF-16 parts re-encoded as UTF-8 (which every reader takes). */
  bytes: Uint8Array;
  /**
   * With `keep`: the parts the reader needs (worksheets, shared strings, styles, the workbook and
   * its relationships) as unpacked to check them, each whole and exactly its declared size.
   */
  parts: UnpackedParts;
  /** With `keep`: the text of each part handed over that was UTF-8, as decoded to check it. */
  texts: Record<string, string>;
  /**
   * Cells the data validations and defined names cover: exceljs lays out every one of them, so
   * past a bound they are left out of what it is handed (read.ts), never out of the file.
   */
  ranges: number;
  /**
   * Bounds the parts `leanFirst` left (nothing otherwise), before exceljs or a writer reads them;
   * `bytes` then re-encodes any of them that was UTF-16.
   */
  rest(): void;
}

/** How the parts of a package are read: by whom, and so how they are counted. */
type Role = "sheet" | "strings" | "styles" | "workbook" | "xml";

/**
 * A part's role, for the names exceljs and the lean reader give meaning to. exceljs matches its
 * names without anchors (a worksheet is any name holding xl/worksheets/sheetN.xml) and reads
 * every other XML part it knows; each is counted as read, never skipped for an odd name.
 */
function roleOf(entry: string): Role | undefined {
  const name = entry.replace(/^\/+/, "");
  if (name.endsWith("/") || /xl\/media\//.test(name)) return undefined;
  if (name === "xl/sharedStrings.xml") return "strings";
  if (name === "xl/styles.xml") return "styles";
  if (name === "xl/workbook.xml") return "workbook";
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) || /xl\/worksheets\/sheet\d+[.]xml/.test(name))
    return "sheet";
  return /\.(xml|rels|vml)/i.test(name) ? "xml" : undefined;
}

/** What the reader is handed (lean-read.ts unpacks nothing more for a plain workbook). */
const KEPT: Role[] = ["sheet", "strings", "styles", "workbook"];
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/** An OLE compound file: an .xls or WPS .et (read by ../xls), or a password-protected .xlsx. */
export const isCompoundFile = (buf: Uint8Array) => startsWith(buf, OLE);

export const PASSWORD = "文件设有打开密码，请在 Excel 或 WPS 中取消密码后再试";

/** What every file is refused for first, whatever its kind. */
export function sniffBytes(buf: Uint8Array): void {
  if (buf.byteLength === 0) throw new UnreadableFile("文件是空的（0 字节）");
  if (buf.byteLength > LIMITS.fileBytes)
    throw new UnreadableFile(
      `文件过大（${Math.round(buf.byteLength / 1048576)} MB），不像是一份报表`
    );
  if (isCompoundFile(buf) && isEncrypted(buf)) throw new UnreadableFile(PASSWORD);
}

/**
 * Throws UnreadableFile with a one-line zh-CN reason, or returns when the bytes look like an .xlsx
 * that unpacks to a report-sized workbook: every XML part is unpacked piece by piece and counted
 * against the file's budget (budget.ts) before any parser builds anything from it. With `keep`,
 * the parts the reader needs are handed over, so they are not unpacked twice. With `leanFirst`,
 * only the parts the lean reader parses are bounded now and the others (the theme, document
 * properties, drawings: half a report's XML) when `rest` is called, before a reader that parses
 * every part: a plain workbook's other parts are then never unpacked at all.
 */
export async function sniffWorkbook(
  buf: Uint8Array,
  _name: string,
  keep = false,
  leanFirst = false
): Promise<Sniffed> {
  sniffBytes(buf);
  // Readers send compound files to ../xls before they get here.
  if (isCompoundFile(buf)) throw new UnreadableFile(CORRUPT);
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
  if (entries.reduce((sum, e) => sum + e.declared, 0) > LIMITS.unpackedBytes)
    throw new UnreadableFile(
      `文件解压后超过 ${LIMITS.unpackedBytes / 1048576} MB，不像是一份报表（可能已损坏或被恶意构造）`
    );
  const read = entries.flatMap((e) => {
    const role = roleOf(e.name);
    return role ? [{ ...e, role }] : [];
  });
  for (const e of read)
    if (e.declared > LIMITS.partBytes)
      throw new UnreadableFile(
        e.role === "sheet"
          ? "工作表过大（行数远超一份报表），请只保留报表所在的区域后再试"
          : `文件中的 ${e.name} 解压后超过 ${LIMITS.partBytes / 1048576} MB，不像是一份报表（可能已损坏或被恶意构造）`
      );
  // The parser (JSZip under exceljs) refuses an entry whose size differs from its declaration,
  // but only once it holds it whole: check those that could unpack past a part's bound first
  // (the parts read are checked as they are unpacked, below).
  for (const e of entries.filter(
    (e) => !roleOf(e.name) && e.compressed * MAX_RATIO > LIMITS.partBytes
  ))
    if (!unpacksWithin(buf, e)) throw new UnreadableFile(CORRUPT);

  const budget = new FileBudget();
  const kept: UnpackedParts = {};
  const texts: Record<string, string> = {};
  const utf8: UnpackedParts = {};
  const stats = new Map<string, Partial<Record<Counted, number>>>();
  const ranges = { cells: 0 };
  // Shared strings first: a cell showing one counts its length.
  const lengths: number[] = [];
  const order = [
    ...read.filter((e) => e.role === "strings"),
    ...read.filter((e) => e.role !== "strings"),
  ];
  const wanted = (e: { name: string; role: Role }) =>
    KEPT.includes(e.role) || e.name === WORKBOOK_RELS;
  const scanEntries = (list: typeof order) => {
    for (const e of list) {
      const counts: Partial<Record<Counted, number>> = {};
      const count = (kind: Counted, n = 1) => {
        budget.take(kind, n);
        counts[kind] = (counts[kind] ?? 0) + n;
      };
      const visitor =
        e.role === "sheet"
          ? sheetVisitor(count, lengths, ranges)
          : e.role === "strings"
            ? stringsVisitor(count, lengths)
            : e.role === "styles"
              ? stylesVisitor(count)
              : e.role === "workbook"
                ? workbookVisitor(count, ranges)
                : undefined;
      const want = wanted(e);
      const part = scanPart(
        buf,
        e,
        count,
        e.role === "sheet" ? "elements" : "otherElements",
        visitor,
        want
      );
      if (part.utf8) utf8[e.name] = part.utf8;
      const bytes = part.utf8 ?? part.whole;
      if (want && bytes) kept[e.name] = bytes;
      if (want && part.text !== undefined) texts[e.name] = part.text;
      if (e.role === "sheet") {
        const key = e.name.replace(/^\/+/, "");
        const before = stats.get(key) ?? {};
        for (const [k, v] of Object.entries(before) as [Counted, number][])
          counts[k] = (counts[k] ?? 0) + v;
        stats.set(key, counts);
      }
    }
  };
  let later: typeof order | undefined = leanFirst ? order.filter((e) => !wanted(e)) : [];
  scanEntries(leanFirst ? order.filter(wanted) : order);
  const sniffed: Sniffed = {
    bytes: buf,
    parts: keep ? kept : {},
    texts: keep ? texts : {},
    ranges: 0,
    rest: () => {
      if (!later) return;
      scanEntries(later);
      later = undefined;
      // Parts re-encoded from UTF-16 go to every reader as UTF-8: the package is repacked, which
      // unpacks every part (each bounded by now), whichever part was UTF-16.
      if (Object.keys(utf8).length === 0) return;
      sniffed.bytes = zipParts({ ...unzipParts(buf), ...utf8 });
      if (!keep) sniffed.parts = utf8;
    },
  };
  if (!names.has("xl/workbook.xml"))
    throw new UnreadableFile("这个压缩文件不是 Excel 工作簿（.xlsx）：里面没有工作簿");
  // A sheet part the workbook lists n times is read n times (400 sheet entries aliasing one part
  // are 400 sheets), and was counted once above.
  for (const [part, times] of sheetReads(kept, texts)) {
    const counts = stats.get(part);
    if (counts && times > 1)
      for (const [k, v] of Object.entries(counts) as [Counted, number][])
        budget.take(k, v * (times - 1));
  }
  sniffed.ranges = ranges.cells;
  if (Object.keys(utf8).length > 0) sniffed.rest();
  return sniffed;
}

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** An attribute's value (either quote), not one of another namespace's of the same local name. */
function attrOf(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}
const ATTRS = new Map<string, RegExp>();

/**
 * Characters as a cell shows them: a character reference (&#x4E2D;) or entity is one (two past
 * U+FFFF), and in shared strings an _xHHHH_ escape is one, as the readers decode them.
 */
function chars(raw: string, escapes: boolean): number {
  let n = raw.length;
  if (raw.includes("&"))
    for (const m of raw.matchAll(/&(?:#(\d+)|#x([0-9a-fA-F]+)|\w+);/g)) {
      const code = m[1] ? +m[1] : m[2] ? parseInt(m[2], 16) : 0;
      n -= m[0].length - (code > 0xffff ? 2 : 1);
    }
  if (escapes && raw.includes("_x")) n -= 6 * (raw.match(/_x[0-9A-F]{4}_/g)?.length ?? 0);
  return n;
}

const tooLong = () => new UnreadableFile(REASONS.cellChars);
const structure = () => new UnreadableFile(REASONS.structure);

/** Cells an area ("A1:C3", "A1") covers, within Excel's grid; 0 for what is no area. */
function areaOf(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return 0;
  const [c1, r1, c2 = m[1], r2 = m[2]] = [m[1], m[2], m[3], m[4]];
  const clip = (n: number, most: number) => Math.min(Math.max(n, 1), most);
  const rows = Math.abs(clip(+r2, LIMITS.maxRow) - clip(+r1, LIMITS.maxRow)) + 1;
  const cols =
    Math.abs(clip(colNumber(c2), LIMITS.maxCol) - clip(colNumber(c1), LIMITS.maxCol)) + 1;
  return rows * cols;
}

/** A cell's attributes as most writers give them: [, column letters, row digits, type]. */
const PLAIN_CELL = /^\s+r="([A-Z]+)(\d+)"(?:\s+s="\d+")?(?:\s+t="(\w+)")?\s*\/?$/;

/**
 * Sees each tag as it is scanned: its local name, whether it closes, and for a start tag its
 * attributes and the text after it.
 */
interface Visitor {
  tag(close: boolean, name: string, attrs: string, text: string): void;
  end?(): void;
}
type Count = (kind: Counted, n?: number) => void;

/**
 * A worksheet: rows and columns within Excel's, cells, the grid's extent (rows down to the last,
 * each row as wide as its last cell, columns given a width), merges, and text as the cells show it.
 */
function sheetVisitor(count: Count, lengths: number[], ranges: { cells: number }): Visitor {
  let row = 0;
  let col = 0;
  let width = 0;
  let last = 0;
  let widest = 0;
  let type: string | undefined;
  let text = 0;
  let merges = 0;
  const endRow = () => {
    count("area", width);
    width = 0;
  };
  const shown = (n: number) => {
    if ((text += n) > LIMITS.cellChars) throw tooLong();
    count("text", n);
  };
  return {
    tag(close, name, attrs, after) {
      if (close) {
        if (name === "row") endRow();
        return;
      }
      switch (name) {
        case "row": {
          const r = attrOf(attrs, "r");
          row = r !== undefined && /^\d+$/.test(r) ? +r : row + 1;
          if (row > LIMITS.maxRow) throw structure();
          last = Math.max(last, row);
          col = 0;
          count("rows");
          if (attrs.endsWith("/")) endRow();
          break;
        }
        case "c": {
          // Most cells are written r="B7" s="3" t="s": one match for the reference and type.
          const plain = PLAIN_CELL.exec(attrs);
          const r = plain ?? /^([A-Z]+)(\d+)$/.exec(attrOf(attrs, "r") ?? "");
          if (r && (+r[2] > LIMITS.maxRow || colNumber(r[1]) > LIMITS.maxCol)) throw structure();
          col = r ? colNumber(r[1]) : col + 1;
          if (r) last = Math.max(last, +r[2]);
          width = Math.max(width, col);
          type = plain ? plain[3] : attrOf(attrs, "t");
          text = 0;
          count("cells");
          break;
        }
        case "v":
          if (type === "s") {
            const n = lengths[parseInt(after, 10)] ?? 0;
            count("text", n);
          } else shown(chars(after, false));
          break;
        case "t":
          shown(chars(after, false));
          break;
        case "f": {
          const n = chars(after, false);
          if (n > LIMITS.cellChars) throw tooLong();
          count("text", n);
          break;
        }
        case "col": {
          const max = attrOf(attrs, "max");
          if (max !== undefined && +max > LIMITS.maxCol) throw structure();
          if (max !== undefined && /^\d+$/.test(max)) widest = Math.max(widest, +max);
          break;
        }
        case "mergeCell": {
          const ref = attrOf(attrs, "ref");
          if (!ref) break;
          const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
          const rows = m ? [m[2], m[4] ?? m[2]] : [];
          const cols = m ? [m[1], m[3] ?? m[1]] : [];
          if (
            rows.some((x) => +x > LIMITS.maxRow) ||
            cols.some((x) => colNumber(x) > LIMITS.maxCol)
          )
            throw structure();
          if (++merges > LIMITS.merges) throw new UnreadableFile(REASONS.mergedCells);
          count("mergedCells", areaOf(ref));
          break;
        }
        case "dataValidation":
          for (const ref of (attrOf(attrs, "sqref") ?? "").split(/\s+/))
            ranges.cells += areaOf(ref);
          break;
      }
    },
    end() {
      count("area", last + widest);
    },
  };
}

/** The shared strings: each one's length as the cells show it (runs joined, phonetic runs aside). */
function stringsVisitor(count: Count, lengths: number[]): Visitor {
  let length = 0;
  let phonetic = false;
  return {
    tag(close, name, attrs, after) {
      if (name === "rPh") phonetic = !close && !attrs.endsWith("/");
      else if (name === "si" && (close || attrs.endsWith("/"))) {
        lengths.push(length);
        count("strings");
        length = 0;
      } else if (name === "t" && !close && !phonetic) {
        length += chars(after, true);
        if (length > LIMITS.cellChars) throw tooLong();
      }
    },
  };
}

/** The cell formats (cellXfs), as Excel counts them. */
function stylesVisitor(count: Count): Visitor {
  let inside = false;
  return {
    tag(close, name, attrs) {
      if (name === "cellXfs") inside = !close && !attrs.endsWith("/");
      else if (name === "xf" && inside && !close) count("cellFormats");
    },
  };
}

/** The sheets the workbook lists, and the cells its defined names cover. */
function workbookVisitor(count: Count, ranges: { cells: number }): Visitor {
  return {
    tag(close, name, _attrs, after) {
      if (close) return;
      if (name === "sheet") count("sheets");
      else if (name === "definedName")
        for (const m of after.matchAll(/\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g))
          ranges.cells += areaOf(m[0]);
    },
  };
}

/**
 * How often each worksheet part is read: once for each sheet the workbook lists on it, by the
 * lean reader's resolution of the target and exceljs's (they differ on odd targets).
 */
function sheetReads(kept: UnpackedParts, texts: Record<string, string>): Map<string, number> {
  const text = (n: string) => texts[n] ?? (kept[n] ? new TextDecoder().decode(kept[n]) : "");
  const targets = new Map<string, string>();
  for (const m of text(WORKBOOK_RELS).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attrOf(m[1], "Id");
    const to = attrOf(m[1], "Target");
    if (id !== undefined && to !== undefined) targets.set(id, to);
  }
  const times = new Map<string, number>();
  for (const m of text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1];
    const to = id === undefined ? undefined : targets.get(id);
    if (to === undefined) continue;
    const parts = new Set([
      to.startsWith("/") ? to.slice(1) : `xl/${to}`,
      `xl/${to.replace(/^(\s|\/xl\/)+/, "")}`,
    ]);
    for (const p of parts) times.set(p, (times.get(p) ?? 0) + 1);
  }
  return times;
}

/** An XML declaration at the start of a part. */
const DECLARATION = /^\s*<\?xml[^>]*>/;
/** A comment, CDATA, processing instruction or DOCTYPE (sticky from lastIndex on, via g). */
const OTHER_MARKUP = /<[!?]/g;
const SLASH = 0x2f;
/** Past this, the text or tag being carried to the next piece is no cell's (10 bytes a character at most). */
const MAX_CARRY = 1 << 20;

/** The encoding a part's first bytes show: XML allows UTF-16, which LibreOffice reads and so do we. */
function encodingOf(b: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0)) return "utf-16le";
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0x3c)) return "utf-16be";
  return "utf-8";
}

/**
 * Unpacks one part piece by piece, decodes it, checks its tags close in order and counts every
 * element, handing each tag to the visitor. Returns the part whole when asked (and unpacked to
 * exactly its declared size) with its text as decoded, or re-encoded as UTF-8 when it was
 * UTF-16. Throws UnreadableFile.
 */
function scanPart(
  buf: Uint8Array,
  e: ZipEntry,
  count: Count,
  elements: "elements" | "otherElements",
  visitor: Visitor | undefined,
  want: boolean
): { whole?: Uint8Array; utf8?: Uint8Array; text?: string } {
  const data = entryData(buf, e);
  if (!data || (e.method !== 0 && e.method !== 8)) throw new UnreadableFile(CORRUPT);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let utf16 = false;
  const decoded: string[] = [];
  let carry = "";
  let first = true;
  // A comment, CDATA, a processing instruction or a DOCTYPE may hold "<" and ">" of its own: the
  // tags of such a part are counted but their order is left to the parser.
  let lenient = false;
  const stack: string[] = [];
  const scan = (part: string) => {
    if (!lenient) {
      // After the declaration, if the part starts with one.
      OTHER_MARKUP.lastIndex = first ? (DECLARATION.exec(part)?.[0].length ?? 0) : 0;
      if (OTHER_MARKUP.test(part)) lenient = true;
    }
    first = false;
    let opened = 0;
    eachTag(part, (close, at, nameEnd, gt, textEnd) => {
      const qname = part.slice(at, nameEnd);
      if (close) {
        if (!lenient && stack.pop() !== qname) throw new UnreadableFile(BROKEN_XML);
      } else {
        opened++;
        // A start tag closing itself (<c r="A1"/>) opens nothing.
        if (!lenient && part.charCodeAt(gt - 1) !== SLASH) stack.push(qname);
      }
      if (visitor) {
        const colon = qname.indexOf(":");
        // An end tag's attributes and the text after it are no visitor's concern: not sliced.
        visitor.tag(
          close,
          colon < 0 ? qname : qname.slice(colon + 1),
          close ? "" : part.slice(nameEnd, gt),
          close ? "" : part.slice(gt + 1, textEnd)
        );
      }
    });
    count(elements, opened);
  };
  let pieces: Uint8Array[] | undefined = want ? [] : undefined;
  let size = 0;
  const result = unpack(
    data,
    e.method,
    (chunk) => {
      size += chunk.byteLength;
      // More than declared: a lying zip (the parser would refuse it, once it held it whole).
      if (size > e.declared) throw new UnreadableFile(CORRUPT);
      // The part in one piece (every part of a report): decoded at once, by a decoder set up once.
      let once = false;
      if (!decoder) {
        const encoding = encodingOf(chunk);
        utf16 = encoding !== "utf-8";
        once = !utf16 && size === e.declared;
        decoder = once ? UTF8 : new TextDecoder(encoding);
      }
      pieces?.push(chunk);
      const text = decoder.decode(chunk, once ? undefined : { stream: true });
      if (utf16 || want) decoded.push(text);
      const all = carry + text;
      // Whole tags only: what follows the last "<" waits for the next piece.
      const cut = all.lastIndexOf("<");
      if (cut > 0) {
        carry = all.slice(cut);
        scan(all.slice(0, cut));
      } else carry = all;
      if (carry.length > MAX_CARRY)
        throw /^<(?:\w+:)?[tvf]\b[^>]*>/.test(carry) ? tooLong() : structure();
      return true;
    },
    e.declared
  );
  if (result === "corrupt") throw new UnreadableFile(CORRUPT);
  const rest = decoder?.decode() ?? "";
  scan(carry + rest);
  if (!lenient && stack.length) throw new UnreadableFile(BROKEN_XML);
  visitor?.end?.();
  if (utf16) {
    const xml = decoded.join("").replace(/^\s*(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, "$1UTF-8");
    return { utf8: new TextEncoder().encode(xml) };
  }
  if (!pieces || size !== e.declared) return {};
  return { whole: joined(pieces, size), text: decoded.join("") + rest };
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
  return (
    unpack(data, e.method, (chunk) => (size += chunk.byteLength) <= e.declared, e.declared) ===
    "whole"
  );
}

/**
 * A native raw inflate of the host, when it has one (node's zlib: the CLI gives it, useNativeInflate),
 * unpacking into at most `most` bytes or throwing. A report's part unpacks a fifth faster than
 * by fflate in JavaScript, which the page keeps.
 */
export type NativeInflate = (data: Uint8Array, most: number) => Uint8Array;
let nativeInflate: NativeInflate | undefined;
export const useNativeInflate = (inflate: NativeInflate | undefined) => {
  nativeInflate = inflate;
};

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
  take: (chunk: Uint8Array) => boolean,
  declared: number
): "whole" | "stopped" | "corrupt" | "other" {
  if (method === 0) return take(data) ? "whole" : "stopped";
  if (method !== 8) return "other";
  // One piece (every part of a report): unpacked at once into its declared size and a byte more,
  // which shows a lying size. Streaming gave each part a 160 KB window to allocate and copy, a
  // third of reading a village's file.
  if (data.length > 0 && data.length <= STEP && declared <= data.length * MAX_RATIO) {
    let whole: Uint8Array;
    try {
      whole = nativeInflate
        ? nativeInflate(data, declared + 1)
        : inflateSync(data, { out: new Uint8Array(declared + 1) });
    } catch {
      return "corrupt";
    }
    return take(whole) ? "whole" : "stopped";
  }
  let stopped = false;
  let failed: unknown;
  const inflate = new Inflate((chunk) => {
    if (stopped) return;
    try {
      if (!take(chunk)) stopped = true;
    } catch (e) {
      // A refusal from `take` is the caller's to throw, not a sign of bad deflate data.
      failed = e;
      stopped = true;
    }
  });
  try {
    for (let at = 0; at < data.length && !stopped; at += STEP)
      inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch {
    if (failed === undefined) return "corrupt"; // not deflate data at all
  }
  if (failed !== undefined) throw failed;
  return stopped ? "stopped" : "whole";
}
