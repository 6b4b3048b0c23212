/**
 * Reads every worksheet's used range (values and merged areas) in two requests,
 * whatever the number of sheets: one for the sheet list, one for all the ranges; sheet by
 * sheet only when Excel refuses that (see readWorkbook).
 */
import type { Grid, Merge } from "../../rules/grid";
import { plain } from "../cell-value";
import { fromA1 } from "../../rules/grid";
import type { SheetsRead, SkippedSheet } from "../types";
import { CELLS_PER_REQUEST } from "./batches";

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
 * @param withMerges whether the host lists merged areas (ExcelApi 1.13, `mergesSupported`);
 *   without them headers read as unmerged, which recognition takes in its stride.
 */
export async function readAllSheets(
  context: Excel.RequestContext,
  withMerges = true
): Promise<SheetsRead> {
  const { grids, skipped } = await readWorkbook(context, withMerges);
  return Object.assign(grids, { skipped });
}

/** An error Excel reported for a request, other than cell editing (which is waited out). */
const refusedByExcel = (e: unknown) => {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code !== "InvalidOperationInCellEditMode";
};

/** Queues the read of one sheet's used range (values, formats, origin, merged areas). */
function queueRead(context: Excel.RequestContext, id: string, name: string, withMerges: boolean) {
  // valuesOnly: a sheet formatted down to row 10,000 should not be read that far.
  const used = context.workbook.worksheets.getItem(id).getUsedRange(true);
  used.load("values,numberFormat,rowIndex,columnIndex");
  const merged = withMerges ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  return { name, used, merged };
}

function gridOf({ name, used, merged }: ReturnType<typeof queueRead>): Grid {
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
}

/**
 * Every sheet as a grid, with each sheet's id (stable through renames) beside it, and the ids of
 * the protected sheets (for writes that follow, protection.ts): two requests.
 * Should Excel refuse to read them all at once (Excel on the web's 5 MB answers, more than 512
 * merged areas in a sheet), the sheets are sized first and read a few at a time: a sheet bigger
 * than any report (a roster of 20,000 rows) is skipped, with the reason; a sheet whose merged
 * areas cannot be listed is read without them; one Excel still refuses is skipped.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  withMerges = true
): Promise<{ grids: Grid[]; ids: string[]; skipped: SkippedSheet[]; protectedIds: Set<string> }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility,items/protection/protected");
  await context.sync();
  const list = sheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
  // A report on a sheet the workbook hides is named so wherever it is mentioned.
  const hidden = new Map(
    sheets.items
      .filter((ws) => ws.visibility === "Hidden" || ws.visibility === "VeryHidden")
      .map((ws) => [ws.id, ws.visibility === "VeryHidden" ? "veryHidden" : "hidden"] as const)
  );
  const toGrid = (r: ReturnType<typeof queueRead>, id: string): Grid => {
    const g = gridOf(r);
    const v = hidden.get(id);
    return v ? { ...g, visibility: v } : g;
  };
  const ids = list.map((s) => s.id);
  const protectedIds = new Set(
    sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.id)
  );
  const all = list.map((s) => queueRead(context, s.id, s.name, withMerges));
  try {
    await context.sync();
    return { grids: all.map((r, i) => toGrid(r, list[i].id)), ids, skipped: [], protectedIds };
  } catch (e) {
    if (!refusedByExcel(e)) throw e;
  }
  const sizes = list.map((s) => {
    const used = context.workbook.worksheets.getItem(s.id).getUsedRange(true);
    used.load("rowCount,columnCount");
    return used;
  });
  await context.sync();
  const read = new Map<string, Grid>();
  const skipped: SkippedSheet[] = [];
  const fit: { id: string; name: string; cells: number }[] = [];
  list.forEach((s, i) => {
    const cells = sizes[i].rowCount * sizes[i].columnCount;
    if (cells > CELLS_PER_REQUEST)
      skipped.push({
        sheet: s.name,
        reason: `内容过多（${sizes[i].rowCount} 行 × ${sizes[i].columnCount} 列），不像报表，未检查`,
      });
    else fit.push({ ...s, cells });
  });
  /** Reads the sheets in one request; false if Excel refused it. */
  const attempt = async (group: typeof fit, merges: boolean) => {
    const reads = group.map((s) => queueRead(context, s.id, s.name, merges));
    try {
      await context.sync();
    } catch (e) {
      if (!refusedByExcel(e)) throw e;
      return false;
    }
    reads.forEach((r, k) => read.set(group[k].id, toGrid(r, group[k].id)));
    return true;
  };
  const groups: (typeof fit)[] = [];
  for (const s of fit) {
    const last = groups[groups.length - 1];
    if (last && last.reduce((n, x) => n + x.cells, 0) + s.cells <= CELLS_PER_REQUEST) last.push(s);
    else groups.push([s]);
  }
  // Only after Excel refused the one request: a request per 20,000 cells, then per sheet.
  for (const group of groups) {
    if (await attempt(group, withMerges)) continue;
    for (const s of group.length > 1 ? group : []) if (await attempt([s], withMerges)) continue;
    for (const s of group.filter((x) => !read.has(x.id)))
      if (!(withMerges && (await attempt([s], false))))
        skipped.push({ sheet: s.name, reason: "Excel 无法读取此表，未检查" });
  }
  return {
    grids: list.filter((s) => read.has(s.id)).map((s) => read.get(s.id)!),
    ids: list.filter((s) => read.has(s.id)).map((s) => s.id),
    skipped,
    protectedIds,
  };
}

/** Whether this Excel can list merged areas (ExcelApi 1.13: Microsoft 365, Excel 2021 and later). */
export const mergesSupported = () => Office.context.requirements.isSetSupported("ExcelApi", "1.13");
