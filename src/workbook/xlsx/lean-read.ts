/**
 * The grids of a workbook read straight from its XML parts, for the plain workbooks reports are:
 * cells, shared strings, number formats, merged areas, column widths and row heights. It reads
 * exactly what the exceljs route (read.ts) reads, quirks included, and declines (undefined)
 * anything else it does not model: phonetic runs, CDATA, prefixed or comment-bearing XML, shared
 * formulas saved without a result, value-less cells without a style, overlapping merges, several
 * <cols>, hyperlinks, the 1904 calendar. Those files
 * are read by exceljs. Why: exceljs builds a model of every cell and style, which cost more than
 * everything else a township consolidation does (docs/PERFORMANCE.md); test/workbook/lean-read.test.ts
 * compares both routes on every kind of file the tests make.
 * Call only after the file was sniffed (sniff.ts): its parts are known to unpack to a bounded size.
 * The parts the sniff unpacked (worksheets, shared strings) can be given, and are not unpacked
 * or decoded again.
 */
import { type Parts, partText, unzipParts, xmlDecode } from "./parts";
import type { CellValue, Grid, Merge } from "../../rules/grid";
import { fromA1 } from "../../rules/grid";

/** Declines: the file holds something this reader does not model. */
class NotLean extends Error {}
const decline = (): never => {
  throw new NotLean();
};

/** An attribute value as an XML parser gives it: whitespace characters become spaces. */
const attrValue = (s: string) => xmlDecode(s.replace(/[\t\n\r]/g, " "));

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const v = m[2] ?? m[3];
    // Most values have nothing to decode.
    out.set(m[1], /[&\t\n\r]/.test(v) ? attrValue(v) : v);
  }
  return out;
}

/**
 * A cell's r, s and t. Most writers put them so (r="B7" s="3" t="s"), read here without the
 * general parse, a tenth of the reading of a sheet; anything else goes through attrs.
 */
const PLAIN_CELL = /^\s+r="([A-Z]{1,3}\d+)"(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?\s*$/;

/** A cell's r (undefined unless a plain reference such as B7), s and t. */
function cellAttrs(tag: string): { r?: string; s?: string; t?: string } {
  const m = PLAIN_CELL.exec(tag);
  if (m) return { r: m[1], s: m[2], t: m[3] };
  const a = attrs(tag);
  const r = a.get("r");
  return { r: r && /^[A-Z]{1,3}\d+$/.test(r) ? r : undefined, s: a.get("s"), t: a.get("t") };
}

/** exceljs decodes entities in a t="str" value a second time (utils.xmlDecode). */
const namedAgain = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => xmlDecode(m));

/** exceljs's reading of _xHHHH_ in shared strings (upper-case hex only). */
const underscoreEscapes = (s: string) =>
  s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** exceljs's test of a number format for dates (utils.isDateFmt). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Built-in formats exceljs knows by id (its defaultnumformats `f` entries). */
export const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Which style ids (s="n") show numbers as dates. */
function dateStyles(styles: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const custom = new Map<number, string>();
  // The workbook's own formats only: <dxfs> (conditional formats) hold numFmts of their own.
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(styles)?.[1] ?? "";
  for (const m of numFmts.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  let id = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const fmt = Number(attrs(m[1]).get("numFmtId") ?? 0);
    // An empty custom code falls back to the built-in one, as exceljs's style index does.
    if (fmt && isDateFormat(custom.get(fmt) || BUILT_IN[fmt])) out.add(id);
    id++;
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  if (xml.includes("<rPh")) decline();
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const texts = [...(m[1] ?? "").matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)];
    // Several bare <t> (no runs) break the schema; exceljs keeps the last of them.
    if (texts.length > 1 && !/<r\b/.test(m[1] ?? "")) decline();
    out.push(texts.map((t) => underscoreEscapes(xmlDecode(t[1] ?? ""))).join(""));
  }
  return out;
}

/** exceljs's date (utils.excelToDate), as read.ts shows it: the ISO day. */
function isoDay(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
  if (Number.isNaN(d.getTime())) decline();
  return d.toISOString().slice(0, 10);
}

interface Pending {
  row: number;
  col: number;
  formula: string;
}

/** Column widths and row heights as a file gives them, and its defaults (read.ts keeps its own). */
export interface SheetSizes {
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  defaultWidth?: number;
  defaultHeight?: number;
}

export interface LeanSheet {
  name: string;
  visibility?: Grid["visibility"];
  values: CellValue[][];
  merges: Merge[];
  pending: Pending[];
  sizes: SheetSizes;
}

/** "A1:C2" (or "A1") as a 0-based area. */
export function parseRange(ref: string): Merge {
  // As ref.split(":")'s first two (destructuring a split was a fifth of reading a sheet's merges).
  const colon = ref.indexOf(":");
  const p = fromA1(colon < 0 ? ref : ref.slice(0, colon));
  const next = colon < 0 ? -1 : ref.indexOf(":", colon + 1);
  const q = colon < 0 ? p : fromA1(ref.slice(colon + 1, next < 0 ? undefined : next));
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

const COLUMN_KEY = 1 << 15;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/;
const INLINE = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/;

function readSheet(name: string, xml: string, strings: string[], dates: Set<number>): LeanSheet {
  const open = xml.indexOf("<sheetData");
  if (open < 0 || xml.includes("<hyperlink")) decline();
  const close = xml.indexOf("</sheetData>", open);
  const data = close < 0 ? "" : xml.slice(open, close);
  const rows = new Map<number, Map<number, CellValue>>();
  const put = (r: number, c: number, v: CellValue) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, v);
  };
  const pending: Pending[] = [];
  const unstyled: { row: number; col: number }[] = [];
  const heights: (number | undefined)[] = [];
  // exceljs gives every <row> a place, even one with only styled empty cells.
  for (const m of data.matchAll(/<row\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    const r = a.get("r");
    if (!r || !/^\d+$/.test(r)) decline();
    if (!rows.has(Number(r) - 1)) rows.set(Number(r) - 1, new Map());
    const ht = a.get("ht");
    heights[Number(r) - 1] = ht ? parseFloat(ht) : undefined;
  }
  for (const m of data.matchAll(CELL)) {
    const a = cellAttrs(m[1]);
    const ref = a.r;
    if (!ref) decline();
    const { row, col } = fromA1(ref!);
    const type = a.t;
    // exceljs gives style 0 (or none) no format: its numbers are never dates.
    const style = Number(a.s ?? 0);
    const date = style !== 0 && dates.has(style);
    const body = m[2] ?? "";
    const f = FORMULA.exec(body);
    const raw = VALUE.exec(body)?.[1];
    const v = raw ? xmlDecode(raw) : "";
    const number = (text: string) => {
      const n = parseFloat(text);
      return date ? isoDay(n) : n;
    };
    if (type === "d" || (body.includes("<is") && type !== "inlineStr")) decline();
    if (f && !f[2] && !/\bt=/.test(f[1])) decline(); // exceljs takes an empty <f> for no formula
    if (f) {
      const fa = attrs(f[1]);
      if (!v) {
        // No result saved: the formula is worked out (read.ts), a shared one's own text unknown here.
        if (fa.get("t") === "shared" && !fa.has("ref")) decline();
        pending.push({ row, col, formula: xmlDecode(f[2] ?? "") });
        put(row, col, null);
        continue;
      }
      const result =
        type === "str"
          ? namedAgain(v)
          : type === "b"
            ? parseInt(v, 10) !== 0
            : type === "e"
              ? v
              : number(v);
      put(row, col, result);
      continue;
    }
    if (type === "inlineStr") {
      const is = INLINE.exec(body)?.[1] ?? "";
      if (/<r\b/.test(is)) decline();
      const text = [...is.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)]
        .map((t) => xmlDecode(t[1] ?? ""))
        .join("");
      if (!text) decline();
      put(row, col, text);
      continue;
    }
    if (!v) {
      // A styled empty cell is nothing; an unstyled one exceljs takes for a merged cell, which is
      // what it is when a merged area covers it (checked below), and is not modelled otherwise.
      if (!style) unstyled.push({ row, col });
      continue;
    }
    if (type === "s") {
      const s = strings[parseInt(v, 10)];
      if (s === undefined) decline();
      put(row, col, s);
    } else if (type === "str") put(row, col, namedAgain(v));
    else if (type === "b") put(row, col, parseInt(v, 10) !== 0);
    else if (type === "e") put(row, col, v);
    else if (type === undefined || type === "n") put(row, col, number(v));
    else decline();
  }
  const merges: Merge[] = [];
  // Cells by row * COLUMN_KEY + column (a merge's columns reach ZZZ, 18,278).
  const covered = new Set<number>();
  const tail = xml.slice(close < 0 ? open : close);
  for (const m of tail.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
    const ref = attrs(m[1]).get("ref");
    if (!ref || !/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref)) decline();
    const g = parseRange(ref!);
    if (g.top === g.bottom && g.left === g.right) decline();
    merges.push(g);
    // exceljs gives every cell of a merged area but the first a value (the first cell's): each
    // such row counts as holding values, as far as the area reaches.
    for (let r = g.top; r <= g.bottom; r++)
      for (let c = g.left; c <= g.right; c++) {
        const key = r * COLUMN_KEY + c;
        if (covered.has(key)) decline();
        covered.add(key);
        if (r !== g.top || c !== g.left) put(r, c, null);
      }
  }
  if (unstyled.some(({ row, col }) => !covered.has(row * COLUMN_KEY + col))) decline();
  // No spread over the keys: a sheet may hold 200,000 rows (sniff.ts), past a call's arguments.
  const maxKey = (keys: Iterable<number>) => {
    let n = -1;
    for (const k of keys) if (k > n) n = k;
    return n;
  };
  const values: CellValue[][] = [];
  for (let r = 0, last = maxKey(rows.keys()); r <= last; r++) {
    const row = rows.get(r);
    const out: CellValue[] = [];
    for (let c = 0, width = row ? maxKey(row.keys()) + 1 : 0; c < width; c++)
      out.push(row!.get(c) ?? null);
    values.push(out);
  }
  const cols = Math.max(0, maxKey(values.map((r) => r.length)));
  return {
    name,
    values,
    merges,
    pending,
    sizes: sheetSizes(xml.slice(0, open), cols, heights),
  };
}

/**
 * A sheet's sizes: the widths of the first `cols` columns as exceljs lays out <cols> (sorted by
 * min, a column taken by the first <col> that reaches it), the row heights read with the cells,
 * and the sheet's default sizes (<sheetFormatPr>).
 */
function sheetSizes(head: string, cols: number, heights: (number | undefined)[]): SheetSizes {
  if ((head.match(/<cols\b/g) ?? []).length > 1) decline();
  const list = /<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(head)?.[1] ?? "";
  const defs = [...list.matchAll(/<col\b([^>]*?)\/?>/g)]
    .map((m) => {
      const a = attrs(m[1]);
      const [min = "0", max = "0", width] = [a.get("min"), a.get("max"), a.get("width")];
      if (!/^\d+$/.test(min) || !/^\d+$/.test(max)) decline();
      return { min: Number(min), max: Number(max), width: width ? parseFloat(width) : undefined };
    })
    .sort((p, q) => p.min - q.min);
  const widths: (number | undefined)[] = [];
  let next = 1;
  for (const d of defs) {
    if (d.min > next) next = d.min;
    for (; next <= d.max && next <= cols; next++) widths[next - 1] = d.width;
    if (next <= d.max) next = d.max + 1;
  }
  const format = attrs(/<sheetFormatPr\b([^>]*?)\/?>/.exec(head)?.[1] ?? "");
  const defaultWidth = format.get("defaultColWidth");
  const defaultHeight = format.get("defaultRowHeight");
  return {
    widths,
    heights,
    defaultWidth: defaultWidth ? parseFloat(defaultWidth) : undefined,
    defaultHeight: defaultHeight ? parseFloat(defaultHeight) : undefined,
  };
}

const WORKSHEET_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/**
 * The sheets of the workbook, or undefined when exceljs must read it. `unpacked` parts are not
 * unpacked again, and those whose `texts` are given (as the sniff decoded them) not decoded again.
 */
export function leanSheets(
  bytes: Uint8Array,
  unpacked: Parts = {},
  texts: Record<string, string> = {}
): LeanSheet[] | undefined {
  try {
    const parts = {
      ...unzipParts(
        bytes,
        (name) =>
          !(name in unpacked) &&
          /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/.test(
            name
          )
      ),
      ...unpacked,
    };
    const text = (name: string) => {
      const s = texts[name] ?? partText(parts, name);
      if (s === undefined) return undefined;
      // What an XML parser does before anything else; and what this reader does not model.
      const afterDeclaration = s.startsWith("<?xml") ? s.indexOf("?>") + 2 : 0;
      if (
        s.includes("<![CDATA[") ||
        s.includes("<!--") ||
        s.includes("<?", afterDeclaration) ||
        // An end tag with space before its ">" is legal XML these patterns do not follow.
        /<\/[\w:.-]+\s+>/.test(s) ||
        // An entity XML does not define: the parser behind exceljs refuses the file.
        /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)
      )
        decline();
      return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
    };
    const workbook = text("xl/workbook.xml") ?? decline();
    const rels = text("xl/_rels/workbook.xml.rels") ?? decline();
    if (!workbook.includes("<sheets") || /<\w+:sheets?\b/.test(workbook)) decline();
    if (/<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook)) decline();
    const targets = new Map<string, { type: string; target: string }>();
    for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      targets.set(a.get("Id") ?? "", { type: a.get("Type") ?? "", target: a.get("Target") ?? "" });
    }
    const strings = sharedStrings(text("xl/sharedStrings.xml"));
    const dates = dateStyles(text("xl/styles.xml"));
    const sheets: LeanSheet[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      const id = [...a].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
      const rel = targets.get(id ?? "");
      if (!rel || rel.type !== WORKSHEET_REL) decline();
      const part = rel!.target.startsWith("/") ? rel!.target.slice(1) : `xl/${rel!.target}`;
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) decline();
      const xml = text(part) ?? decline();
      if (/<\w+:(sheetData|c|row)\b/.test(xml)) decline();
      const sheet = readSheet(a.get("name") ?? decline(), xml, strings, dates);
      const state = a.get("state");
      if (state === "hidden" || state === "veryHidden") sheet.visibility = state;
      sheets.push(sheet);
    }
    return sheets;
  } catch (e) {
    if (e instanceof NotLean) return undefined;
    // Anything unexpected is left to exceljs, which reads or refuses the file as it always has.
    return undefined;
  }
}
