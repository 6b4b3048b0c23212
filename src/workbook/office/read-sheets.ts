/**
 * Reads every worksheet's used range (values and merged areas) in two requests,
 * whatever the number of sheets: one for the sheet list, one for all the ranges.
 */
import type { CellValue, Grid, Merge } from "../../rules/grid";
import { fromA1 } from "../../rules/grid";

/** "Sheet1!A1:B2, 'a, b'!C3" → the ranges' A1 parts, sheet names dropped. */
export function parseAreas(address: string): Merge[] {
  const out: Merge[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?/g)) {
    const a = fromA1(m[1]);
    const b = m[2] ? fromA1(m[2]) : a;
    out.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return out;
}

/**
 * Whether a number format shows a date: y or d, or m away from h and s (m is minutes in
 * "h:mm"), once quoted text ("年"), escaped characters and [brackets] (colours, locales,
 * [DBNum1]) are set aside. "General", "0.00" and "@" are not dates.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (bare === "general" || bare === "@") return false;
  return /[yd]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** Excel's date serial (days since 1899-12-30) as ISO text, the way the .xlsx adapter gives dates. */
function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000))
    .toISOString()
    .slice(0, 10);
}

/**
 * A cell as the rules read it. Range.values gives a date as its serial number; its number format
 * (loaded in the same request) tells it is a date, read then as ISO text like the .xlsx adapter.
 */
export const plain = (v: unknown, format?: unknown): CellValue =>
  v === "" || v === null || v === undefined
    ? null
    : typeof v === "number"
      ? typeof format === "string" && isDateFormat(format)
        ? isoOfSerial(v)
        : v
      : typeof v === "boolean"
        ? v
        : String(v);

/**
 * @param withMerges whether the host lists merged areas (ExcelApi 1.13, `mergesSupported`);
 *   without them headers read as unmerged, which recognition takes in its stride.
 */
export async function readAllSheets(
  context: Excel.RequestContext,
  withMerges = true
): Promise<Grid[]> {
  return (await readWorkbook(context, withMerges)).grids;
}

/** Every sheet as a grid, with each sheet's id (stable through renames) beside it. */
export async function readWorkbook(
  context: Excel.RequestContext,
  withMerges = true
): Promise<{ grids: Grid[]; ids: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const ids = sheets.items.map((ws) => ws.id);
  const pending = sheets.items.map((ws) => {
    // valuesOnly: a sheet formatted down to row 10,000 should not be read that far.
    const used = ws.getUsedRange(true);
    used.load("values,numberFormat,rowIndex,columnIndex");
    const merged = withMerges ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    return { name: ws.name, used, merged };
  });
  await context.sync();
  const grids = pending.map(({ name, used, merged }) => {
    const origin = { row: used.rowIndex, col: used.columnIndex };
    const merges =
      !merged || merged.isNullObject
        ? []
        : parseAreas(merged.address).map((m) => ({
            top: m.top - origin.row,
            left: m.left - origin.col,
            bottom: m.bottom - origin.row,
            right: m.right - origin.col,
          }));
    const formats = used.numberFormat;
    const values = used.values.map((r, i) => r.map((v, j) => plain(v, formats[i]?.[j])));
    return { name, values, merges, origin };
  });
  return { grids, ids };
}

/** Whether this Excel can list merged areas (ExcelApi 1.13: Microsoft 365, Excel 2021 and later). */
export const mergesSupported = () => Office.context.requirements.isSetSupported("ExcelApi", "1.13");
