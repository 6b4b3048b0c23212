/**
 * One-button consolidation in Excel: insert each child file's sheets (ExcelApi 1.13, which
 * clears Excel's undo stack: the pane says so first), rename them after their units, and write
 * or update the summary sheets (native SUM formulas) and 汇总说明, all in a handful of requests:
 * one per 4 MB of files, two to read, one per 5 MB of writes.
 */
import type { ChildLine, UnreadableChild } from "../../rules/consolidate";
import { planConsolidation } from "../../rules/consolidation-plan";
import { rect, writeGrid } from "./write-grid";
import { BYTES_PER_REQUEST, inRequests } from "./batches";
import { readAllSheets } from "./read-sheets";

export interface ChildFile {
  name: string;
  base64: string;
}

/** @param unreadable files refused before import (child-files.ts), listed in the 汇总说明. */
export async function consolidateInExcel(
  context: Excel.RequestContext,
  files: ChildFile[],
  unreadable: UnreadableChild[] = []
): Promise<ChildLine[]> {
  // Two hundred village files outweigh one request: as many files per request as 4 MB allow.
  const inserted: { f: ChildFile; names: OfficeExtension.ClientResult<string[]> }[] = [];
  await inRequests(
    context,
    files,
    (f) => f.base64.length,
    (f) =>
      inserted.push({
        f,
        names: context.workbook.insertWorksheetsFromBase64(f.base64, { positionType: "End" }),
      }),
    BYTES_PER_REQUEST
  );
  const origins = new Map(
    inserted.flatMap(({ f, names }) => names.value.map((n) => [n, f.name] as [string, string]))
  );
  const sheets = await readAllSheets(context);
  const plan = planConsolidation(sheets, [...origins.keys()], origins, unreadable);
  const ws = context.workbook.worksheets;
  // In this order: earlier backups go, replaced copies become backups, new sheets take their names.
  for (const name of plan.deletions) ws.getItem(name).delete();
  for (const [from, to] of plan.backups) ws.getItem(from).name = to;
  for (const [from, to] of plan.renames) if (from !== to) ws.getItem(from).name = to;
  const present = new Set(sheets.map((s) => s.name));
  const writes: (() => void)[] = [];
  for (const s of plan.consolidation.summaries) {
    writes.push(() => {
      const sheet = present.has(s.sheet) ? ws.getItem(s.sheet) : ws.add(s.sheet);
      if (!present.has(s.sheet)) writeGrid(sheet, s.layout.grid);
      for (const c of s.cells)
        sheet.getRange(rect(c.row, c.col, 1, 1)).formulas = [[`=${c.formula}`]];
    });
  }
  writes.push(() => {
    const notes = present.has(plan.consolidation.notes.name)
      ? ws.getItem(plan.consolidation.notes.name)
      : ws.add(plan.consolidation.notes.name);
    if (present.has(plan.consolidation.notes.name)) notes.getRange().clear("Contents");
    writeGrid(notes, plan.consolidation.notes);
  });
  const size = (i: number) =>
    i < plan.consolidation.summaries.length
      ? plan.consolidation.summaries[i].cells.length + 500
      : 500;
  await inRequests(
    context,
    writes.map((w, i) => ({ w, i })),
    ({ i }) => size(i),
    ({ w }) => w()
  );
  return plan.consolidation.lines;
}
