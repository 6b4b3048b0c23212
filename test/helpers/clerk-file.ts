/** A report file as a clerk keeps it: filled from a seed, with its own fill and column widths. */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/rules/grid";
import { toA1 } from "../../src/rules/grid";
import type { Period } from "../../src/rules/period";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";

/** The clerk's own fill on the unit cell (A7), which every save must keep. */
export const YELLOW = "FFFFFF00";
/** The clerk's own widths of columns A and B. */
export const WIDTHS = [31, 17];

export interface ClerkFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  /** The cells left blank (`blank` keys asked for), and what they held. */
  blanks: { cell: string; value: CellValue }[];
}

/** One sheet of `grid` in an .xlsx, with the clerk's fill and widths. */
export async function xlsxOf(sheet: string, grid: Grid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  grid.values.forEach((r, i) =>
    r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
  );
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.getCell("A7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A unit's report of `template` (a village's 季报表（一） by default), `set` cells changed and
 * `blank` column keys of its first filled row left blank.
 */
export async function clerkFile(
  unit: string,
  seed: number,
  options: {
    template?: string;
    rowTypes?: string[];
    period?: Period;
    blank?: string[];
    /** Values to put, by "slot|column" key: "county.national|certified.large". */
    set?: Record<string, CellValue>;
  } = {}
): Promise<ClerkFile> {
  const {
    template = "nanan-2026-quarterly-1",
    rowTypes = ["village"],
    period,
    blank = [],
    set = {},
  } = options;
  const t = getTemplate(template)!;
  const { grid } = filledSheet(t, { seed, rowTypes, unit, ...(period && { period }) });
  const rec = recognize(grid);
  if (rec.kind !== "table") throw new Error(`${template} not recognized`);
  for (const [key, v] of Object.entries(set)) {
    const [slot, column] = key.split("|");
    grid.values[rec.match.rows.get(slot)!][rec.match.columns.get(column)!] = v;
  }
  const row = rec.match.rows.get(rec.info.slots.find((s) => rowTypes.includes(s.rowType))!.key)!;
  const blanks = blank.map((key) => {
    const col = rec.match.columns.get(key)!;
    const value = grid.values[row][col];
    grid.values[row][col] = null;
    return { cell: toA1(grid, row, col), value };
  });
  return {
    name: `${unit}.xlsx`,
    mimeType: "application/octet-stream",
    buffer: await xlsxOf(t.shortTitle.replace(/[（）]/g, ""), grid),
    blanks,
  };
}
