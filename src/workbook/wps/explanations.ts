/**
 * 审核说明 in WPS: the hidden sheet rewritten whole, as in Excel (office/explanations.ts): "hidden"
 * (Worksheet.Visible = xlSheetHidden) is kept by WPS, Excel and LibreOffice alike.
 */
import { type Explanation, explanationsGrid } from "../../rules/review/explanations";
import { uniqueSheetName } from "../../rules/sheet-names";
import { type EtApplication, XL_SHEET_HIDDEN } from "./et";
import { sheetsOf } from "./read";
import { addSheet, deleteSheets, writeGrid } from "./write";

/** Replaces the 审核说明 sheet (`existing`, as the last read found it by its marker) with `list`. */
export function writeExplanations(
  app: EtApplication,
  existing: string | undefined,
  list: Explanation[]
): void {
  const book = app.ActiveWorkbook!;
  const active = app.ActiveSheet?.Name;
  const names = new Set(sheetsOf(book).map((s) => s.Name));
  if (existing !== undefined && names.has(existing)) {
    deleteSheets(app, [existing]);
    names.delete(existing);
  }
  if (!list.length) return;
  const grid = explanationsGrid(list);
  const ws = addSheet(book, uniqueSheetName(grid.name, names));
  writeGrid(ws, grid);
  // A new sheet is the active one: the clerk's sheet comes back before ours is hidden.
  if (active && names.has(active)) book.Worksheets.Item(active).Activate();
  ws.Visible = XL_SHEET_HIDDEN;
}
