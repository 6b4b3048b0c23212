/** 退回 of sheets held only as grids (a host that cannot hand over its file): values and merges, marked. */
import ExcelJS from "exceljs";
import type { Grid } from "../../rules/grid";
import type { Returned } from "../../rules/review/return";
import { addGridSheet } from "./grid-sheet";
import { markedCopy } from "./marked-copy";

export async function returnedXlsx(grids: Grid[], r: Returned): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const g of grids) addGridSheet(wb, g);
  return markedCopy(new Uint8Array(await wb.xlsx.writeBuffer()), r);
}
