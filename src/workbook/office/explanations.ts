/** 审核说明 in Excel: the hidden sheet rewritten whole in one request (it holds a row a warning). */
import { type Explanation, explanationsGrid } from "../../rules/review/explanations";
import { uniqueSheetName } from "../../rules/sheet-names";
import { writeGrid } from "./write-grid";

/**
 * Writes `list` into the 审核说明 sheet (`existing`, as the last read found it by its marker), in
 * place: its contents cleared and written again, which keeps the user's undo history, where
 * deleting the sheet and adding it anew would clear it (Worksheet.delete, and Worksheet.visibility
 * on Windows and Mac: office/undo.ts). So the last explanation withdrawn leaves the sheet with its
 * title and header and no row. A workbook without one gets a new sheet, hidden ("Hidden" is kept
 * by Excel, WPS and LibreOffice alike; "VeryHidden" is not, and could not be deleted next time).
 */
export async function writeExplanations(
  context: Excel.RequestContext,
  existing: string | undefined,
  list: Explanation[]
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names = new Set(sheets.items.map((s) => s.name));
  const grid = explanationsGrid(list);
  const there = existing !== undefined && names.has(existing);
  if (there) {
    const ws = sheets.getItem(existing);
    ws.getRange().clear("Contents");
    writeGrid(ws, grid);
  } else if (list.length) {
    const ws = sheets.add(uniqueSheetName(grid.name, names));
    writeGrid(ws, grid);
    ws.visibility = "Hidden";
  }
  await context.sync();
}
