/**
 * Excel 97–2003 (.xls) and WPS 表格 (.et) workbooks read into the same grids as an .xlsx: values
 * (text stays text, a number in a date format is its ISO day, as exceljs gives it), merged areas,
 * column widths and row heights, ending where the .xlsx routes end (read.ts finishGrid).
 * A compound file (compound.ts) holding a BIFF8 workbook stream (biff.ts); everything else is
 * one zh line.
 */
import type { CellValue, Grid } from "../../rules/grid";
import { BUILT_IN, isDateFormat } from "../xlsx/lean-read";
import { finishGrid } from "../xlsx/read";
import { FileBudget, UnreadableFile } from "../xlsx/budget";
import { PASSWORD, sniffBytes } from "../xlsx/sniff";
import { OLDER, readBiff8, type XlsBook, type XlsSheet } from "./biff";
import { brokenFile, compoundStreams } from "./compound";

/** How a message names the file: a WPS .et by its name, anything else as an .xls. */
export const xlsKind = (name: string) =>
  /\.et$/i.test(name) ? "WPS 表格文件（.et）" : "Excel 97-2003 工作簿（.xls）";

/** The workbook of an .xls or .et, or one zh line saying why not. */
export function readXlsBook(buf: Uint8Array, name: string): XlsBook {
  sniffBytes(buf);
  const kind = xlsKind(name);
  const streams = compoundStreams(buf, ["Workbook", "Book", "EncryptedPackage"], kind);
  if (streams.has("EncryptedPackage")) throw new UnreadableFile(PASSWORD);
  const stream = streams.get("Workbook");
  if (!stream) {
    if (streams.has("Book")) throw new UnreadableFile(OLDER);
    throw new UnreadableFile(
      "这个文件里没有工作表，不是 Excel 工作簿（可能是 Word 文档等其他 Office 文件）"
    );
  }
  const budget = new FileBudget();
  const book = readBiff8(stream, () => new UnreadableFile(brokenFile(kind)), budget);
  if (book.sheets.length === 0) throw new UnreadableFile("工作簿中没有任何工作表");
  return book;
}

/** The grids of an .xls or .et, one a worksheet. */
export const readXls = (buf: Uint8Array, name: string): Grid[] => bookGrids(readXlsBook(buf, name));

/** A workbook's grids, one a worksheet. */
export function bookGrids(book: XlsBook): Grid[] {
  // What the grids lay out, counted across the file (the records were counted as read).
  // Every sheet's extent is counted before any is laid out.
  const laid = new FileBudget();
  for (const s of book.sheets) laid.take("area", area(s));
  const dates = dateXfs(book);
  return book.sheets.map((s) => sheetGrid(s, (v, xf) => dateValue(book, dates, v, xf)));
}

/** The xf ids whose number format shows a date (exceljs's test, as the .xlsx routes apply it). */
export function dateXfs(book: XlsBook): Set<number> {
  const out = new Set<number>();
  book.xfs.forEach((xf, i) => {
    if (isDateFormat(book.formats.get(xf.format) || BUILT_IN[xf.format])) out.add(i);
  });
  return out;
}

/** A cell's value as the .xlsx routes give it: a number in a date format is its day. */
function dateValue(book: XlsBook, dates: Set<number>, v: CellValue, xf: number): CellValue {
  return (typeof v === "number" && dates.has(xf) && isoDay(v, book.date1904)) || v;
}

/** exceljs's day of a serial number (utils.excelToDate), as read.ts shows a date: the ISO day. */
function isoDay(serial: number, date1904: boolean): string | undefined {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** The last row a sheet lays out: its last value, row described or merged area. */
function lastRow(s: XlsSheet): number {
  let last = s.values.length - 1;
  for (const r of s.rows) last = Math.max(last, r);
  for (const m of s.merges) last = Math.max(last, m.bottom);
  return last;
}

/** The cells a sheet lays out: a place a row, each row as long as its last value, merged areas. */
function area(s: XlsSheet): number {
  let n = lastRow(s) + 1;
  s.values.forEach((row) => (n += row.length));
  for (const m of s.merges) n += (m.bottom - m.top + 1) * (m.right + 1);
  return n;
}

/**
 * A sheet laid out as the .xlsx routes lay one out: a row for each row the sheet describes, each
 * row as long as its last value, every cell a merged area covers given a place. What is laid out
 * is counted across the file before it is built: a value at the sheet's far corner costs the
 * whole extent, and a sheet listed many times costs it each time.
 */
function sheetGrid(s: XlsSheet, value: (v: CellValue, xf: number) => CellValue): Grid {
  const last = lastRow(s);
  const values: CellValue[][] = [];
  for (let r = 0; r <= last; r++) {
    const raw = s.values[r] ?? [];
    const row: CellValue[] = new Array(raw.length).fill(null);
    raw.forEach((v, c) => (row[c] = value(v, s.styles.get(r)?.get(c) ?? -1)));
    values.push(row);
  }
  for (const m of s.merges)
    for (let r = m.top; r <= m.bottom; r++)
      while (values[r].length <= m.right) values[r].push(null);
  return finishGrid({
    name: s.name,
    // A report on a hidden sheet is named so wherever it is mentioned, as from an .xlsx.
    ...(s.state !== "visible" && { visibility: s.state }),
    values,
    merges: s.merges,
    pending: [],
    sizes: {
      widths: s.widths,
      heights: s.heights,
      defaultWidth: s.defaultWidth,
      defaultHeight: s.defaultHeight,
    },
  });
}
