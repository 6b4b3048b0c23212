/** 审核说明 in Excel: the hidden sheet rewritten whole in one request (it holds a row a warning). */
import { type Explanation, explanationsGrid } from "../../rules/review/explanations";
import { uniqueSheetName } from "../../rules/sheet-names";
import { writeGrid } from "./write-grid";

/**
 * Replaces the 审核说明 sheet (`existing`, as the last read found it by its marker) with `list`,
 * hidden ("Hidden" is kept by Excel, WPS and LibreOffice alike; "VeryHidden" is not, and could
 * not be deleted next time).
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
  if (existing !== undefined && names.has(existing)) {
    sheets.getItem(existing).delete();
    names.delete(existing);
  }
  if (list.length) {
    const grid = explanationsGrid(list);
    const ws = sheets.add(uniqueSheetName(grid.name, names));
    writeGrid(ws, grid);
    ws.visibility = "Hidden";
  }
  await context.sync();
}
