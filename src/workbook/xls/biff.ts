/**
 * The sheets of an Excel 97–2003 workbook stream (BIFF8, [MS-XLS]): cell values with their cell
 * formats, merged areas, column widths, row heights. Only the records a report's values live in
 * are read; every count the file could inflate is bounded as it is read, with the .xlsx route's
 * own limits and lines (sniff.ts), before anything is built from it.
 */
import type { CellValue, Merge } from "../../rules/grid";
import { FileBudget, LIMITS, REASONS, UnreadableFile } from "../xlsx/budget";
import { PASSWORD } from "../xlsx/sniff";

/** A cell format: the number format and what the copy written as .xlsx needs to look the same. */
export interface Xf {
  format: number;
  font: number;
  /** Horizontal (0 general … 3 right, 6 centre across) and vertical (0 top, 1 centre, 2 bottom). */
  align: { h: number; v: number; wrap: boolean };
  /** Line styles of the left, right, top and bottom borders (0 none, 1 thin…). */
  borders: [number, number, number, number];
  /** Fill pattern (0 none, 1 solid) and its colour index. */
  fill: { pattern: number; color: number };
}

export interface Font {
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  color: number;
  name: string;
}

export interface XlsSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Raw values (numbers not yet read as dates), row-major, ragged; rows without a value are []. */
  values: CellValue[][];
  /** The cell format of every cell the sheet lists, values and styled blanks alike: row → col → xf. */
  styles: Map<number, Map<number, number>>;
  /** Rows the sheet describes (a ROW record), as an .xlsx lists its <row>s. */
  rows: Set<number>;
  merges: Merge[];
  /** Characters, by column; points, by row. */
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  defaultWidth?: number;
  defaultHeight?: number;
}

export interface XlsBook {
  sheets: XlsSheet[];
  date1904: boolean;
  /** Custom number formats by id (FORMAT records). */
  formats: Map<number, string>;
  xfs: Xf[];
  fonts: Font[];
  /** Colour index → #RRGGBB (the default palette as the file changes it). */
  palette: Map<number, string>;
}

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FONT: 0x0031,
  FORMAT: 0x041e,
  XF: 0x00e0,
  PALETTE: 0x0092,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  DIMENSIONS: 0x0200,
  ROW: 0x0208,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  MERGECELLS: 0x00e5,
  COLINFO: 0x007d,
  STANDARDWIDTH: 0x0099,
  DEFAULTROWHEIGHT: 0x0225,
} as const;

/** BIFF8's own sheet: 65,536 rows of 256 columns. */
const ROWS = 65_536;
const COLS = 256;

const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

interface Rec {
  type: number;
  data: Uint8Array;
  /** Where the next record starts. */
  end: number;
}

/** The records of a stream from `at`; a record running past the stream's end is a broken file. */
function* records(stream: Uint8Array, at: number, broken: () => Error): Generator<Rec> {
  while (at + 4 <= stream.byteLength) {
    const type = stream[at] | (stream[at + 1] << 8);
    const size = stream[at + 2] | (stream[at + 3] << 8);
    const end = at + 4 + size;
    if (end > stream.byteLength) throw broken();
    yield { type, data: stream.subarray(at + 4, end), end };
    at = end;
  }
}

const u16 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8)) >>> 0;
const u32 = (d: Uint8Array, at: number) =>
  (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
const f64 = (d: Uint8Array, at: number) =>
  new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);

/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the top of a double, maybe ×1/100. */
function rk(v: number): number {
  let n: number;
  if (v & 2) n = (v | 0) >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, v & 0xfffffffc, true);
    n = b.getFloat64(0, true);
  }
  return v & 1 ? n / 100 : n;
}

/**
 * Text split over a record and its CONTINUE records: where characters run past a piece, the next
 * piece starts with a flags byte saying whether they go on as one or two bytes each.
 */
class Pieces {
  private i = 0;
  private at = 0;
  constructor(
    private pieces: Uint8Array[],
    private broken: () => Error
  ) {}
  private piece(): Uint8Array {
    while (this.at >= this.pieces[this.i]?.byteLength) {
      this.i++;
      this.at = 0;
    }
    if (this.i >= this.pieces.length) throw this.broken();
    return this.pieces[this.i];
  }
  /** Whether every byte has been read. */
  get done(): boolean {
    if (this.at < (this.pieces[this.i]?.byteLength ?? 0)) return false;
    return this.pieces.slice(this.i + 1).every((p) => p.byteLength === 0);
  }
  byte(): number {
    return this.piece()[this.at++];
  }
  u16(): number {
    return this.byte() | (this.byte() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0;) {
      const p = this.piece();
      const step = Math.min(left, p.byteLength - this.at);
      this.at += step;
      left -= step;
    }
  }
  /** `count` characters, one or two bytes each, the width renewed at each piece's start. */
  chars(count: number, wide: boolean): string {
    let s = "";
    for (let left = count; left > 0;) {
      if (this.at >= this.pieces[this.i].byteLength) {
        this.i++;
        this.at = 0;
        if (this.i >= this.pieces.length) throw this.broken();
        wide = (this.byte() & 1) === 1;
      }
      const p = this.pieces[this.i];
      const n = Math.min(left, Math.floor((p.byteLength - this.at) / (wide ? 2 : 1)));
      if (n === 0) throw this.broken();
      const codes = new Array<number>(n);
      for (let k = 0; k < n; k++, this.at += wide ? 2 : 1)
        codes[k] = wide ? p[this.at] | (p[this.at + 1] << 8) : p[this.at];
      // Pieces are at most 8,224 bytes: no call gets more arguments than that.
      s += String.fromCharCode(...codes);
      left -= n;
    }
    return s;
  }
  /** An XLUnicodeRichExtendedString ([MS-XLS] 2.5.293); its runs and phonetic data skipped. */
  richString(): string {
    const count = this.u16();
    if (count > LIMITS.cellChars) throw new UnreadableFile(REASONS.cellChars);
    const flags = this.byte();
    const runs = flags & 8 ? this.u16() : 0;
    const ext = flags & 4 ? this.u32() : 0;
    const s = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return s;
  }
}

/** An XLUnicodeString with a 16-bit count (cch), or a ShortXLUnicodeString (8-bit), in one record. */
function unicode(d: Uint8Array, at: number, short: boolean, broken: () => Error): string {
  const count = short ? d[at] : u16(d, at);
  if (count > LIMITS.cellChars) throw new UnreadableFile(REASONS.cellChars);
  if (!count) return "";
  const flags = at + (short ? 1 : 2);
  return new Pieces([d.subarray(flags + 1)], broken).chars(count, (d[flags] & 1) === 1);
}

/** An Excel 5.0/95 workbook (BIFF5), in a "Book" stream or a "Workbook" one. */
export const OLDER =
  "这是 Excel 95 或更早版本的工作簿，SRS 读不了，请在 Excel 或 WPS 中“另存为” .xlsx 后再试";

/** Reads a BIFF8 workbook stream. `kind` names the file in messages; `broken` is its corrupt line. */
export function readBiff8(stream: Uint8Array, broken: () => Error, budget: FileBudget): XlsBook {
  const first = records(stream, 0, broken).next();
  if (first.done || first.value.type !== R.BOF) throw broken();
  if (u16(first.value.data, 0) !== 0x0600) throw new UnreadableFile(OLDER);

  const book: XlsBook = {
    sheets: [],
    date1904: false,
    formats: new Map(),
    xfs: [],
    fonts: [],
    palette: new Map(),
  };
  const bound: { name: string; at: number; state: XlsSheet["state"] }[] = [];
  let strings: string[] = [];
  let sst: Uint8Array[] | undefined;
  for (const r of records(stream, first.value.end, broken)) {
    const d = r.data;
    if (sst && r.type === R.CONTINUE) {
      sst.push(d);
      continue;
    }
    if (sst) strings = sharedStrings(sst, broken, budget);
    sst = undefined;
    if (r.type === R.EOF) break;
    if (r.type === R.FILEPASS) throw new UnreadableFile(PASSWORD);
    if (r.type === R.DATEMODE) book.date1904 = u16(d, 0) === 1;
    else if (r.type === R.FORMAT) book.formats.set(u16(d, 0), unicode(d, 2, false, broken));
    else if (r.type === R.FONT && d.byteLength >= 16)
      book.fonts.push({
        size: u16(d, 0) / 20,
        italic: (d[2] & 2) === 2,
        color: u16(d, 4),
        bold: u16(d, 6) >= 700,
        name: unicode(d, 14, true, broken),
      });
    else if (r.type === R.XF && d.byteLength >= 20) {
      budget.take("cellFormats");
      book.xfs.push(xf(d));
    } else if (r.type === R.PALETTE) {
      const n = Math.min(u16(d, 0), (d.byteLength - 2) >> 2);
      for (let i = 0; i < n; i++) {
        const at = 2 + i * 4;
        const hex = (b: number) => b.toString(16).padStart(2, "0");
        book.palette.set(8 + i, `#${hex(d[at])}${hex(d[at + 1])}${hex(d[at + 2])}`.toUpperCase());
      }
    } else if (r.type === R.BOUNDSHEET && d.byteLength >= 8) {
      // Worksheets only: a chart, macro or module sheet holds no report (nor does exceljs read one).
      if (d[5] !== 0) continue;
      const state = (["visible", "hidden", "veryHidden"] as const)[d[4] & 3] ?? "hidden";
      bound.push({ name: unicode(d, 6, true, broken), at: u32(d, 0), state });
    } else if (r.type === R.SST) sst = [d.subarray(8)];
  }
  if (sst) strings = sharedStrings(sst, broken, budget);
  for (const b of bound)
    book.sheets.push(readSheet(stream, b.at, { ...b, strings, budget, broken }));
  return book;
}

function xf(d: Uint8Array): Xf {
  const align = d[6];
  const lines = u16(d, 10);
  return {
    font: u16(d, 0),
    format: u16(d, 2),
    align: { h: align & 7, v: (align >> 4) & 7, wrap: (align & 8) === 8 },
    borders: [lines & 15, (lines >> 4) & 15, (lines >> 8) & 15, (lines >> 12) & 15],
    fill: { pattern: (u32(d, 14) >>> 26) & 63, color: u16(d, 18) & 127 },
  };
}

/** The shared strings: the SST record's strings, continued over its CONTINUE records. */
function sharedStrings(pieces: Uint8Array[], broken: () => Error, budget: FileBudget): string[] {
  const p = new Pieces(pieces, broken);
  const out: string[] = [];
  // The declared count is not trusted: strings are read while the records hold them.
  while (!p.done) {
    budget.take("strings");
    out.push(p.richString());
  }
  return out;
}

function readSheet(
  stream: Uint8Array,
  at: number,
  s: {
    name: string;
    state: XlsSheet["state"];
    strings: string[];
    budget: FileBudget;
    broken: () => Error;
  }
): XlsSheet {
  const { budget, broken } = s;
  const sheet: XlsSheet = {
    name: s.name,
    state: s.state,
    values: [],
    styles: new Map(),
    rows: new Set(),
    merges: [],
    widths: [],
    heights: [],
  };
  const it = records(stream, at, broken);
  const bof = it.next();
  if (bof.done || bof.value.type !== R.BOF || u16(bof.value.data, 0) !== 0x0600) throw broken();
  budget.take("sheets");
  const structure = () => new UnreadableFile(REASONS.structure);
  const cell = (row: number, col: number, xf: number, value: CellValue | undefined) => {
    if (col >= COLS) throw structure();
    budget.take("cells");
    let styles = sheet.styles.get(row);
    if (!styles) sheet.styles.set(row, (styles = new Map()));
    styles.set(col, xf);
    if (value === undefined) return;
    if (typeof value === "string") budget.take("text", value.length);
    const values = (sheet.values[row] ??= []);
    values[col] = value;
  };
  let standard: number | undefined;
  let rest: number | undefined;
  let pendingString: { row: number; col: number; xf: number } | undefined;
  let depth = 0;
  for (const r of it) {
    const d = r.data;
    // A chart drawn on the sheet is a substream of its own, BOF to EOF: skipped whole.
    if (r.type === R.BOF) depth++;
    else if (r.type === R.EOF) {
      if (depth-- === 0) break;
    }
    if (depth > 0) continue;
    if (pendingString && r.type !== R.STRING && r.type !== R.CONTINUE) pendingString = undefined;
    switch (r.type) {
      case R.DIMENSIONS:
        // The used range the sheet claims: past BIFF8's own sheet, the file was made to mislead.
        if (d.byteLength >= 12 && (u32(d, 4) > ROWS || u16(d, 10) > COLS)) throw structure();
        break;
      case R.ROW: {
        budget.take("rows");
        const row = u16(d, 0);
        sheet.rows.add(row);
        sheet.heights[row] = (u16(d, 6) & 0x7fff) / 20;
        break;
      }
      case R.NUMBER:
        cell(u16(d, 0), u16(d, 2), u16(d, 4), f64(d, 6));
        break;
      case R.RK:
        cell(u16(d, 0), u16(d, 2), u16(d, 4), rk(u32(d, 6)));
        break;
      case R.MULRK: {
        const row = u16(d, 0);
        const first = u16(d, 2);
        for (let i = 0; 4 + i * 6 + 6 <= d.byteLength - 2; i++)
          cell(row, first + i, u16(d, 4 + i * 6), rk(u32(d, 6 + i * 6)));
        break;
      }
      case R.LABELSST: {
        const text = s.strings[u32(d, 6)];
        if (text === undefined) throw broken();
        cell(u16(d, 0), u16(d, 2), u16(d, 4), text);
        break;
      }
      case R.LABEL:
        cell(u16(d, 0), u16(d, 2), u16(d, 4), unicode(d, 6, false, broken));
        break;
      case R.BOOLERR:
        cell(u16(d, 0), u16(d, 2), u16(d, 4), d[7] ? (ERRORS[d[6]] ?? "#N/A") : d[6] !== 0);
        break;
      case R.FORMULA: {
        const [row, col, xf] = [u16(d, 0), u16(d, 2), u16(d, 4)];
        // The result Excel saved: a number, or a marked kind in the first byte.
        if (u16(d, 12) !== 0xffff) cell(row, col, xf, f64(d, 6));
        else if (d[6] === 0) pendingString = { row, col, xf };
        else if (d[6] === 1) cell(row, col, xf, d[8] !== 0);
        else if (d[6] === 2) cell(row, col, xf, ERRORS[d[8]] ?? "#N/A");
        else cell(row, col, xf, undefined); // an empty text: nothing shows
        break;
      }
      case R.STRING:
        if (pendingString) {
          const pieces = [d];
          // Its own CONTINUE records follow it directly.
          for (let next = r.end; ;) {
            const c = records(stream, next, broken).next();
            if (c.done || c.value.type !== R.CONTINUE) break;
            pieces.push(c.value.data);
            next = c.value.end;
          }
          const p = new Pieces(pieces, broken);
          const count = p.u16();
          if (count > LIMITS.cellChars) throw new UnreadableFile(REASONS.cellChars);
          const wide = (p.byte() & 1) === 1;
          const text = p.chars(count, wide);
          cell(pendingString.row, pendingString.col, pendingString.xf, text || undefined);
          pendingString = undefined;
        }
        break;
      case R.BLANK:
        cell(u16(d, 0), u16(d, 2), u16(d, 4), undefined);
        break;
      case R.MULBLANK: {
        const row = u16(d, 0);
        const first = u16(d, 2);
        for (let i = 0; 4 + i * 2 + 2 <= d.byteLength - 2; i++)
          cell(row, first + i, u16(d, 4 + i * 2), undefined);
        break;
      }
      case R.MERGECELLS: {
        const n = Math.min(u16(d, 0), (d.byteLength - 2) >> 3);
        for (let i = 0; i < n; i++) {
          const at = 2 + i * 8;
          const m = {
            top: u16(d, at),
            left: u16(d, at + 4),
            bottom: u16(d, at + 2),
            right: u16(d, at + 6),
          };
          if (m.bottom < m.top || m.right < m.left || m.right >= COLS) throw structure();
          budget.take("mergedCells", (m.bottom - m.top + 1) * (m.right - m.left + 1));
          if (sheet.merges.length >= LIMITS.merges) throw new UnreadableFile(REASONS.mergedCells);
          // One cell "merged" with itself is no merged area.
          if (m.bottom > m.top || m.right > m.left) sheet.merges.push(m);
        }
        break;
      }
      case R.COLINFO: {
        const [first, last] = [u16(d, 0), Math.min(u16(d, 2), COLS - 1)];
        for (let c = first; c <= last; c++) sheet.widths[c] = u16(d, 4) / 256;
        // LibreOffice gives the columns past its own widths the sheet's default width, so.
        if (last === COLS - 1) rest = u16(d, 4) / 256;
        break;
      }
      case R.STANDARDWIDTH:
        standard = u16(d, 0) / 256;
        break;
      case R.DEFAULTROWHEIGHT:
        if (d.byteLength >= 4) sheet.defaultHeight = u16(d, 2) / 20;
        break;
    }
  }
  sheet.defaultWidth = standard ?? rest;
  return sheet;
}
