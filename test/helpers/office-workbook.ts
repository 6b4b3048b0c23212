/** A workbook holding the given sheets on the Excel host double, for reading through the Office adapter. */
import type { Grid } from "../../src/rules/grid";
import { Book, excelContext, type HostOptions } from "./excel-mock";

export function officeWorkbook(grids: Grid[], options?: HostOptions) {
  const book = grids.reduce((b, g) => b.load(g), new Book());
  return excelContext(book, undefined, options).context;
}
