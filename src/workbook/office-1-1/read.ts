/**
 * Reading a workbook through ExcelApi 1.1 alone, for the 兼容版 (src/lite): the only Excel set of
 * volume-licensed Excel 2016 (Microsoft's "Excel JavaScript API requirement sets": ExcelApi 1.1,
 * "Office 2016: Version 1509 (Build 4266.1001)"; 1.2–1.7 came to the volume-licensed Office 2019,
 * 1.8 onward to Office 2021). Members used, all [Api set: ExcelApi 1.1] in the Office.js
 * reference: WorksheetCollection.items, getActiveWorksheet, getItem; Worksheet.name, id,
 * visibility, getUsedRange() (its valuesOnly argument is 1.2, so formatted empty cells count; they
 * read as blanks); Range.values, numberFormat, rowIndex, columnIndex. Merged areas are ExcelApi
 * 1.13: headers read as unmerged, as the main pane reads them on an Excel without 1.13
 * (office/read-sheets.ts), and recognition copes.
 */
import type { Grid } from "../../rules/grid";
import { plain } from "../cell-value";

/** An error Excel reported for a request (OfficeExtension.Error carries a code), not a bug of ours. */
const refusedByExcel = (e: unknown) =>
  typeof (e as { code?: unknown } | undefined)?.code === "string" &&
  (e as { code: string }).code !== "InvalidOperationInCellEditMode";

export interface WorkbookRead {
  grids: Grid[];
  /** The sheet the clerk is looking at. */
  active: string;
  /** Sheets Excel would not read, with the reason. */
  skipped: { sheet: string; reason: string }[];
}

function queueRead(context: Excel.RequestContext, id: string) {
  const used = context.workbook.worksheets.getItem(id).getUsedRange();
  used.load("values,numberFormat,rowIndex,columnIndex");
  return used;
}

function gridOf(name: string, visibility: string, used: Excel.Range): Grid {
  const formats = used.numberFormat;
  const values = used.values.map((r, i) => r.map((v, j) => plain(v, formats[i] && formats[i][j])));
  const grid: Grid = {
    name,
    values,
    merges: [],
    origin: { row: used.rowIndex, col: used.columnIndex },
  };
  if (visibility === "Hidden") grid.visibility = "hidden";
  if (visibility === "VeryHidden") grid.visibility = "veryHidden";
  return grid;
}

/**
 * Every sheet's used range (the rules read the workbook: explanations, rosters, plans on other
 * sheets) and the active sheet's name: two requests; sheet by sheet only if Excel refuses that.
 */
export async function readWorkbook11(context: Excel.RequestContext): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const list = sheets.items.map((ws) => ({ id: ws.id, name: ws.name, visibility: ws.visibility }));
  const all = list.map((s) => queueRead(context, s.id));
  try {
    await context.sync();
    return {
      grids: list.map((s, i) => gridOf(s.name, s.visibility, all[i])),
      active: active.name,
      skipped: [],
    };
  } catch (e) {
    if (!refusedByExcel(e)) throw e;
  }
  const grids: Grid[] = [];
  const skipped: WorkbookRead["skipped"] = [];
  for (const s of list) {
    const used = queueRead(context, s.id);
    try {
      // One sheet a request, only after Excel refused them all at once.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      grids.push(gridOf(s.name, s.visibility, used));
    } catch (e) {
      if (!refusedByExcel(e)) throw e;
      skipped.push({ sheet: s.name, reason: "Excel 无法读取此表，未检查" });
    }
  }
  return { grids, active: active.name, skipped };
}

/** Goes to a cell: Worksheet.activate and Range.select (ExcelApi 1.1). */
export async function selectCell11(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
