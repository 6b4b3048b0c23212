/** 审核说明 in an .xlsx: the hidden sheet rewritten whole, everything else in the workbook kept. */
import type ExcelJS from "exceljs";
import { type Explanation, explanationsGrid } from "../../rules/review/explanations";
import { uniqueSheetName } from "../../rules/sheet-names";
import { addGridSheet } from "./grid-sheet";

/**
 * Replaces the workbook's 审核说明 sheet (`existing`, found by its marker) with `list`, hidden
 * (state "hidden", which Excel, WPS and LibreOffice keep; "veryHidden" LibreOffice does not).
 */
export function putExplanations(
  wb: ExcelJS.Workbook,
  existing: string | undefined,
  list: Explanation[]
): void {
  const old = existing === undefined ? undefined : wb.getWorksheet(existing);
  if (old) wb.removeWorksheet(old.id);
  if (list.length === 0) return;
  const grid = explanationsGrid(list);
  const name = uniqueSheetName(grid.name, new Set(wb.worksheets.map((w) => w.name)));
  const ws = addGridSheet(wb, { ...grid, name });
  ws.state = "hidden";
  [14, 8, 14, 60, 18, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
