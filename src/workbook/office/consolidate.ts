/**
 * One-button consolidation in Excel: insert each child file's sheets (ExcelApi 1.13, which
 * clears Excel's undo stack: the pane says so first), rename them after their units, and write
 * or update the summary sheets (native SUM formulas) and 汇总说明, all in a handful of requests:
 * one for the sheet ids, one per 4 MB of files, two to read, one per 5 MB of writes.
 */
import type { ChildLine, UnreadableChild } from "../../rules/consolidation/plan";
import type { Grid } from "../../rules/grid";
import { headerCode } from "../../rules/consolidation/incomplete";
import { planWorkbook } from "../../rules/consolidation/workbook";
import { writeExplanations } from "./explanations";
import type { ConsolidateOptions } from "../types";
import { nowText } from "../today";
import { rect, writeGrid } from "./write-grid";
import { BYTES_PER_REQUEST, inRequests } from "./batches";
import { readWorkbook } from "./read-sheets";
import { isHostError, probeProtection, type SheetWrite, whileLifted } from "./protection";

export interface ChildFile {
  name: string;
  base64: string;
  /** The file's own time, to order two reports of a unit dated alike. */
  lastModified?: number;
}

/** Why Excel would not import a file, in one line for the 汇总说明 and the pane. */
export function importRefusal(e: unknown): string {
  switch ((e as { code?: string } | undefined)?.code) {
    case "UnsupportedFeature":
      return "Excel 网页版无法导入含批注、图表、数据透视表或切片器的工作表：请在桌面版 Excel 中汇总，或请该单位删去这些内容后重发";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "文件过大，Excel 无法一次导入";
    default:
      return "Excel 无法导入此文件：请用 Excel 打开并另存为 .xlsx 后重发";
  }
}

/**
 * Inserts each file's sheets, as many files a request as 4 MB allow, and gives the ids of the
 * sheets each file added (insertWorksheetsFromBase64 returns ids, not names). A request in which a
 * file fails (Excel on the web refuses comments, charts, PivotTables and slicers) ran the files
 * before it and none after: their copies are removed and the files of that request are inserted
 * one a request, so that only the failing file is left out, with its reason.
 */
async function insertFiles(
  context: Excel.RequestContext,
  files: ChildFile[]
): Promise<{ inserted: { f: ChildFile; ids: string[] }[]; refused: UnreadableChild[] }> {
  const ws = context.workbook.worksheets;
  ws.load("items/id");
  await context.sync();
  const known = new Set(ws.items.map((s) => s.id));
  const inserted: { f: ChildFile; ids: string[] }[] = [];
  const refused: UnreadableChild[] = [];
  const insert = (f: ChildFile) =>
    context.workbook.insertWorksheetsFromBase64(f.base64, { positionType: "End" });
  const batches: ChildFile[][] = [[]];
  let bytes = 0;
  for (const f of files) {
    if (bytes > 0 && bytes + f.base64.length > BYTES_PER_REQUEST) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(f);
    bytes += f.base64.length;
  }
  const record = (f: ChildFile, ids: string[]) => {
    inserted.push({ f, ids });
    ids.forEach((id) => known.add(id));
  };
  for (const batch of batches.filter((b) => b.length)) {
    const results = batch.map((f) => ({ f, ids: insert(f) }));
    try {
      // One request per 4 MB of files (see batches.ts).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const r of results) record(r.f, r.ids.value);
      continue;
    } catch (e) {
      if (!isHostError(e)) throw e;
    }
    // The request failed part-way: remove what it inserted, then one file a request.
    ws.load("items/id");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const s of ws.items) if (!known.has(s.id)) s.delete();
    for (const f of batch) {
      const ids = insert(f);
      try {
        // Only after a failed request: each file alone, to tell which one Excel refuses.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        record(f, ids.value);
      } catch (e) {
        if (!isHostError(e)) throw e;
        refused.push({ origin: f.name, reason: importRefusal(e) });
      }
    }
  }
  return { inserted, refused };
}

/** @param unreadable files refused before import (child-files.ts), listed in the 汇总说明. */
export async function consolidateInExcel(
  context: Excel.RequestContext,
  files: ChildFile[],
  unreadable: UnreadableChild[] = [],
  options: ConsolidateOptions = {}
): Promise<ChildLine[]> {
  const { inserted, refused } = await insertFiles(context, files);
  const { grids: sheets, ids, protectedIds } = await readWorkbook(context);
  const nameOf = new Map(ids.map((id, i) => [id, sheets[i].name]));
  const plan = planWorkbook(
    sheets,
    inserted.map(({ f, ids: added }) => ({
      origin: f.name,
      // A sheet too big to read (readWorkbook skips it) is no report: left out of the plan.
      sheets: added.flatMap((id) => (nameOf.has(id) ? [nameOf.get(id)!] : [])),
      fileTime: f.lastModified,
    })),
    { ...options, unreadable: [...unreadable, ...refused], made: nowText() }
  );
  const lifted = await liftProtected(
    context,
    plan,
    sheets.map((s, i) => ({ name: s.name, id: ids[i] })),
    protectedIds,
    inserted
  );
  return whileLifted(context, lifted, () => writePlan(context, plan, sheets));
}

type WorkbookPlan = ReturnType<typeof planWorkbook>;

/**
 * Unprotects the sheets there already (or just inserted) that the plan writes and that would
 * refuse it (protection.ts): nothing is sent when none is protected, as is usual. A password
 * stops the consolidation before any sheet is renamed or written, and the files just inserted
 * are taken out again: the workbook is left as it was.
 */
async function liftProtected(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  present: { name: string; id: string }[],
  protectedIds: Set<string>,
  inserted: { f: ChildFile; ids: string[] }[]
) {
  const fileOf = new Map(inserted.flatMap(({ f, ids }) => ids.map((id) => [id, f.name])));
  const final = (n: string) => plan.backups.get(n) ?? plan.renames.get(n) ?? n;
  const idOf = new Map(
    present.filter((s) => !plan.deletions.includes(s.name)).map((s) => [final(s.name), s.id])
  );
  const writes: SheetWrite[] = [
    ...[...plan.conversions].map(([name, list]) => ({
      sheet: name,
      cells: list.map((c) => c.cell),
      formats: true,
    })),
    ...plan.summaries.map((s) => ({
      sheet: s.sheet,
      cells: [...s.cells, ...(s.line ? [s.line] : [])].map((c) => rect(c.row, c.col, 1, 1)),
      formats: false,
    })),
    { sheet: plan.notes.name, cells: "all" as const, formats: true },
  ].flatMap((w) => {
    const id = idOf.get(w.sheet);
    if (!id || !protectedIds.has(id)) return [];
    const file = fileOf.get(id);
    return [{ ...w, sheet: id, ...(file ? { label: `${file}：${w.sheet}` } : {}) }];
  });
  if (!writes.length) return [];
  const probe = probeProtection(context, writes);
  await context.sync();
  try {
    return await probe.lift();
  } catch (e) {
    for (const id of fileOf.keys()) context.workbook.worksheets.getItem(id).delete();
    await context.sync();
    throw e;
  }
}

/** Deletions, backups and renames, then the summaries, 明细 and 汇总说明, in few requests. */
async function writePlan(context: Excel.RequestContext, plan: WorkbookPlan, sheets: Grid[]) {
  const ws = context.workbook.worksheets;
  // In this order: earlier backups go, replaced copies become backups, new sheets take their names.
  for (const name of plan.deletions) ws.getItem(name).delete();
  for (const [from, to] of plan.backups) ws.getItem(from).name = to;
  for (const [from, to] of plan.renames) if (from !== to) ws.getItem(from).name = to;
  // The sheets there once the deletions and renames are done (an inserted township's summary
  // bearing our summary's name has just been renamed after its township).
  const present = new Set(
    sheets
      .map((s) => s.name)
      .filter((n) => !plan.deletions.includes(n))
      .map((n) => plan.backups.get(n) ?? plan.renames.get(n) ?? n)
  );
  const writes: { size: number; write: () => void }[] = [];
  // The copies hold the numbers the children wrote as text, so SUM agrees with the summary.
  for (const [name, list] of plan.conversions)
    writes.push({
      size: list.length * 2,
      write: () => {
        const sheet = ws.getItem(name);
        for (const c of list) {
          const cell = sheet.getRange(c.cell);
          cell.numberFormat = [["General"]];
          cell.values = [[c.value]];
        }
      },
    });
  for (const s of plan.summaries) {
    writes.push({
      size: s.cells.length + 500,
      write: () => {
        const sheet = present.has(s.sheet) ? ws.getItem(s.sheet) : ws.add(s.sheet);
        if (!present.has(s.sheet)) writeGrid(sheet, s.layout.grid);
        for (const c of s.cells)
          sheet.getRange(rect(c.row, c.col, 1, 1)).formulas = [[`=${c.formula}`]];
        // The line saying the total is incomplete, on a summary updated in place (a new one has it).
        if (s.line) sheet.getRange(rect(s.line.row, s.line.col, 1, 1)).values = [[s.line.value]];
      },
    });
    const d = s.detail;
    if (d)
      writes.push({
        size: d.rows.length * (d.rows[0]?.cells.length ?? 0) + 500,
        write: () => {
          const sheet = ws.add(d.sheet);
          const head = [...d.head, ...d.rows.map((r) => [r.unit, r.sheet])];
          writeGrid(sheet, { name: d.sheet, values: head, merges: [] });
          const width = d.rows[0]?.cells.length ?? 0;
          if (d.rows.length && width)
            sheet.getRange(rect(d.head.length, 2, d.rows.length, width)).formulas = d.rows.map(
              (r) => r.cells.map((c) => (c.formula ? `=${c.formula}` : ""))
            );
        },
      });
  }
  // "未汇总：…" at the top of every printed page of a copy not summed ([d.ts] HeaderFooter.leftHeader,
  // ExcelApi 1.9; consolidation needs 1.13).
  writes.push({
    size: plan.headers.size * 2,
    write: () => {
      for (const [name, text] of plan.headers)
        ws.getItem(name).pageLayout.headersFooters.defaultForAllPages.leftHeader = headerCode(text);
    },
  });
  writes.push({
    size: 500,
    write: () => {
      const name = plan.notes.name;
      const notes = present.has(name) ? ws.getItem(name) : ws.add(name);
      if (present.has(name)) notes.getRange().clear("Contents");
      writeGrid(notes, plan.notes);
    },
  });
  await inRequests(
    context,
    writes,
    (w) => w.size,
    (w) => w.write()
  );
  if (plan.explanations)
    await writeExplanations(context, plan.explanations.existing, plan.explanations.list);
  return plan.lines;
}
