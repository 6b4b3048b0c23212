/**
 * An .xls or .et as the .xlsx SRS writes in its place: SRS never writes the old formats, so a stamp,
 * an explanation, a 退回 copy or the page's download of such a file is this workbook with the
 * change in it. Values (numbers, dates in their format, text), merged areas, widths, heights,
 * hidden sheets and each cell's look (font, borders, alignment, fill, number format) carry over;
 * what SRS does not read (formulas, pictures, comments, validation) does not.
 * Reading it back gives the grids the .xls gives (test/workbook/xls-read.test.ts).
 */
import ExcelJS from "exceljs";
import { uniqueSheetName } from "../../rules/sheet-names";
import { BUILT_IN } from "../xlsx/lean-read";
import type { Font, XlsBook, Xf } from "./biff";
import { bookGrids } from "./read";

const BORDER: (ExcelJS.BorderStyle | undefined)[] = [
  undefined,
  "thin",
  "medium",
  "dashed",
  "dotted",
  "thick",
  "double",
  "hair",
  "mediumDashed",
  "dashDot",
  "mediumDashDot",
  "dashDotDot",
  "mediumDashDotDot",
  "slantDashDot",
];
const HORIZONTAL: ExcelJS.Alignment["horizontal"][] = [
  undefined as unknown as ExcelJS.Alignment["horizontal"],
  "left",
  "center",
  "right",
  "fill",
  "justify",
  "centerContinuous",
  "distributed",
];
const VERTICAL: ExcelJS.Alignment["vertical"][] = [
  "top",
  "middle",
  "bottom",
  "justify",
  "distributed",
];

/** BIFF8's default palette, colour indices 8–63 ([MS-XLS] 2.5.161), before a PALETTE record. */
const PALETTE = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 800000 008000 000080 808000 800080 " +
  "008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF 000080 FF00FF " +
  "FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF " +
  "FFCC99 3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 " +
  "993300 993366 333399 333333"
).split(" ");

function colour(book: XlsBook, index: number): string | undefined {
  if (index < 0 || index > 63) return undefined; // the system's colours: left to the reader
  const hex = book.palette.get(index) ?? (index < 8 ? PALETTE[index] : `#${PALETTE[index - 8]}`);
  return `FF${hex.replace("#", "")}`;
}

function font(book: XlsBook, f: Font | undefined): Partial<ExcelJS.Font> | undefined {
  if (!f) return undefined;
  const argb = colour(book, f.color);
  return {
    name: f.name,
    size: f.size,
    ...(f.bold && { bold: true }),
    ...(f.italic && { italic: true }),
    ...(argb && argb !== "FF000000" && { color: { argb } }),
  };
}

function style(book: XlsBook, xf: Xf): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  // Font 4 is never written: indices past it are one lower in the list ([MS-XLS] 2.5.129).
  const f = font(book, book.fonts[xf.font >= 4 ? xf.font - 1 : xf.font]);
  if (f) out.font = f;
  const code = book.formats.get(xf.format) || BUILT_IN[xf.format];
  if (code && code !== "General") out.numFmt = code;
  const horizontal = HORIZONTAL[xf.align.h];
  out.alignment = {
    ...(horizontal && { horizontal }),
    vertical: VERTICAL[xf.align.v] ?? "bottom",
    ...(xf.align.wrap && { wrapText: true }),
  };
  const sides = ["left", "right", "top", "bottom"] as const;
  const border: Partial<ExcelJS.Borders> = {};
  xf.borders.forEach((b, i) => {
    if (BORDER[b]) border[sides[i]] = { style: BORDER[b] };
  });
  if (Object.keys(border).length) out.border = border;
  const fill = xf.fill.pattern === 1 ? colour(book, xf.fill.color) : undefined;
  if (fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  return out;
}

/** The .xlsx an .xls or .et (read by read.ts readXlsBook) stands for. */
export async function bookToXlsx(book: XlsBook): Promise<Uint8Array> {
  const grids = bookGrids(book);
  const styles = book.xfs.map((xf) => style(book, xf));
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  const taken = new Set<string>();
  book.sheets.forEach((s, i) => {
    const sheetName = uniqueSheetName(s.name, taken);
    taken.add(sheetName);
    const ws = wb.addWorksheet(sheetName, { state: s.state });
    const g = grids[i];
    for (const [r, cols] of s.styles)
      for (const [c, xf] of cols) {
        const cell = ws.getCell(r + 1, c + 1);
        const v = s.values[r]?.[c];
        if (v !== undefined && v !== null) cell.value = v;
        // A copy each: a fill set later on one cell (退回's marks) must not reach its neighbours.
        if (styles[xf]) cell.style = { ...styles[xf] };
      }
    for (const m of g.merges)
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // Overlapping areas (a crafted file): the first one stands, as in the grid's reading.
      }
    g.widths?.forEach((w, c) => w !== undefined && (ws.getColumn(c + 1).width = w));
    g.heights?.forEach((h, r) => h !== undefined && (ws.getRow(r + 1).height = h));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
