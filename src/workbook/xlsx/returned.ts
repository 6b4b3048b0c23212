/** 退回 as an .xlsx: the unit's workbook with its problem cells filled and a 问题清单 sheet. */
import ExcelJS from "exceljs";
import type { Grid } from "../../rules/grid";
import { problemListGrid } from "../../rules/review/problem-list";
import type { Returned } from "../../rules/review/return";
import { uniqueSheetName } from "../../rules/sheet-names";
import { MARK_COLORS } from "../types";
import { addGridSheet } from "./grid-sheet";

const argb = (hex: string) => `FF${hex.slice(1)}`;

/** Fills each problem cell (an error's red over a warning's amber) and adds the 问题清单, first. */
export function markReturned(wb: ExcelJS.Workbook, r: Returned): void {
  const marks = new Map<string, string>();
  for (const i of r.items)
    if (i.cell && (i.severity === "error" || !marks.has(`${i.sheet}!${i.cell}`)))
      marks.set(`${i.sheet}!${i.cell}`, MARK_COLORS[i.severity]);
  for (const [key, color] of marks) {
    const at = key.lastIndexOf("!");
    const ws = wb.getWorksheet(key.slice(0, at));
    if (!ws) continue;
    ws.getCell(key.slice(at + 1)).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(color) },
    };
  }
  const list = problemListGrid(r);
  const ws = addGridSheet(wb, {
    ...list,
    name: uniqueSheetName(list.name, new Set(wb.worksheets.map((w) => w.name))),
  });
  [16, 14, 14, 8, 6, 70, 18].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { vertical: "top", wrapText: i === 5 };
  });
  ws.getCell(1, 1).font = { bold: true };
  // The list is what the unit opens first.
  wb.views = [{ activeTab: wb.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
}

/** The marked copy of sheets held as grids (the pane, the browser page): values and merges, marked. */
export async function returnedXlsx(grids: Grid[], r: Returned): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const g of grids) addGridSheet(wb, g);
  markReturned(wb, r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
