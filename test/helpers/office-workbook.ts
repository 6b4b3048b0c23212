/** A workbook holding the given sheets on the Excel host double, for reading through the Office adapter. */
import ExcelJS from "exceljs";
import { fromA1, type Grid } from "../../src/rules/grid";
import { Book, excelContext, type HostOptions } from "./excel-mock";

export function officeWorkbook(grids: Grid[], options?: HostOptions) {
  const book = grids.reduce((b, g) => b.load(g), new Book());
  return excelContext(book, undefined, options).context;
}

const STATE = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/** The double's workbook saved as .xlsx, as Excel would save it: every sheet's cells and visibility. */
export async function savedAsXlsx(book: Book): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, s] of book.sheets) {
    const ws = wb.addWorksheet(name, { state: STATE[s.visibility] });
    for (const [cell, v] of s.values) {
      const { row, col } = fromA1(cell);
      const formula = s.formulas.get(cell);
      ws.getCell(row + 1, col + 1).value = formula
        ? { formula: formula.slice(1), result: v as number }
        : (v as ExcelJS.CellValue);
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
