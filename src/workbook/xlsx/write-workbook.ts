/**
 * Writes grids into one .xlsx through exceljs (the roster, tests' files). Text is always text:
 * "=x" stays a string. The township workbook is township.ts's, written without exceljs.
 */
import ExcelJS from "exceljs";
import { addGridSheet } from "./grid-sheet";

export { addGridSheet };

/** A workbook of the sheets `fill` adds. */
export async function toXlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
