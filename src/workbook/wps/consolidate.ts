/**
 * One-button consolidation in WPS. WPS has no insertWorksheetsFromBase64: each picked file is
 * read by the same readers as the page (xlsx/read.ts, sniffed first, so a file no report could be
 * gets its one line in 汇总说明) and its sheets written as copies, values only (a child's formula
 * reaches nothing in the township's workbook: `srs consolidate` copies values too), each where it
 * was on its sheet, with its column widths. Then the workbook is read back and the one plan
 * (rules/consolidation/workbook.ts) carried out as in Excel: deletions, backups, renames, text
 * numbers as numbers in the copies, summaries as native SUMs, 明细, 汇总说明 and 审核说明.
 */
import type { ChildLine, UnreadableChild } from "../../rules/consolidation/plan";
import { headerCode } from "../../rules/consolidation/incomplete";
import { type InsertedFile, planWorkbook } from "../../rules/consolidation/workbook";
import type { Grid } from "../../rules/grid";
import { uniqueSheetName } from "../../rules/sheet-names";
import { nowText } from "../today";
import type { ConsolidateOptions, ReceivedFile } from "../types";
import { UnreadableFile } from "../xlsx/sniff";
import type { EtApplication, EtWorkbook } from "./et";
import { writeExplanations } from "./explanations";
import { lift, protectAgain, type SheetWrite } from "./protection";
import { readSheets, rect, sheetsOf } from "./read";
import { addSheet, deleteSheets, eachUnion, setColumnWidths, writeGrid } from "./write";

async function readFiles(files: ReceivedFile[], options: ConsolidateOptions) {
  const { readGrids } = await import("../xlsx/read");
  const read: { f: ReceivedFile; grids: Grid[] }[] = [];
  const unreadable: UnreadableChild[] = [];
  for (const [i, f] of files.entries()) {
    await options.onProgress?.(i, files.length); // reading is the long part
    try {
      read.push({ f, grids: await readGrids(f.bytes, f.name) });
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      unreadable.push({ origin: f.name, reason: e.message });
    }
  }
  await options.onProgress?.(files.length, files.length);
  return { read, unreadable };
}

/** Each file's sheets as new sheets at the end, values where they were, under unique names. */
function insertCopies(
  book: EtWorkbook,
  read: { f: ReceivedFile; grids: Grid[] }[]
): InsertedFile[] {
  const taken = new Set(sheetsOf(book).map((s) => s.Name));
  return read.map(({ f, grids }) => {
    const sheets = grids.map((g) => {
      const name = uniqueSheetName(g.name, taken);
      taken.add(name);
      const ws = addSheet(book, name);
      writeGrid(ws, g);
      if (g.widths) setColumnWidths(ws, g.widths, g.origin?.col ?? 0);
      return name;
    });
    return { origin: f.name, sheets, fileTime: f.lastModified };
  });
}

export async function consolidateInWps(
  app: EtApplication,
  files: ReceivedFile[],
  options: ConsolidateOptions = {}
): Promise<ChildLine[]> {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error("没有打开的工作簿");
  const { read, unreadable } = await readFiles(files, options);
  const inserted = insertCopies(book, read);
  const sheets = readSheets(book);
  const plan = planWorkbook(sheets, inserted, { ...options, unreadable, made: nowText() });
  const final = (n: string) => plan.backups.get(n) ?? plan.renames.get(n) ?? n;
  const present = new Set(
    sheets
      .map((s) => s.name)
      .filter((n) => !plan.deletions.includes(n))
      .map(final)
  );
  // The sheets there already that the plan writes into (the copies just written are not protected).
  const before = new Map(sheets.map((s) => [final(s.name), s.name]));
  const writes: SheetWrite[] = [
    ...[...plan.conversions].map(([name, list]) => ({
      name,
      cells: list.map((c) => c.cell),
      formats: true,
    })),
    ...plan.summaries
      .filter((s) => present.has(s.sheet))
      .map((s) => ({
        name: s.sheet,
        cells: [...s.cells, ...(s.line ? [s.line] : [])].map((c) => rect(c.row, c.col, 1, 1)),
        formats: false,
      })),
    ...(present.has(plan.notes.name)
      ? [{ name: plan.notes.name, cells: "all" as const, formats: true }]
      : []),
  ].map(({ name, ...w }) => ({ ...w, sheet: book.Worksheets.Item(before.get(name) ?? name) }));
  let lifted;
  try {
    lifted = lift(writes);
  } catch (e) {
    // A password stops it before anything is renamed or written: the copies go again.
    deleteSheets(
      app,
      inserted.flatMap((f) => f.sheets)
    );
    throw e;
  }
  try {
    return writePlan(app, book, plan, present);
  } finally {
    protectAgain(lifted);
  }
}

type WorkbookPlan = ReturnType<typeof planWorkbook>;

function writePlan(app: EtApplication, book: EtWorkbook, plan: WorkbookPlan, present: Set<string>) {
  const ws = book.Worksheets;
  // In this order: earlier backups go, replaced copies become backups, new sheets take their names.
  deleteSheets(app, plan.deletions);
  for (const [from, to] of plan.backups) ws.Item(from).Name = to;
  for (const [from, to] of plan.renames) if (from !== to) ws.Item(from).Name = to;
  // The copies hold the numbers the children wrote as text, so SUM agrees with the summary.
  for (const [name, list] of plan.conversions) {
    const sheet = ws.Item(name);
    eachUnion(
      sheet,
      list.map((c) => c.cell),
      (r) => (r.NumberFormat = "General")
    );
    for (const c of list) sheet.Range(c.cell).Value2 = c.value;
  }
  for (const s of plan.summaries) {
    const sheet = present.has(s.sheet) ? ws.Item(s.sheet) : addSheet(book, s.sheet);
    if (!present.has(s.sheet)) writeGrid(sheet, s.layout.grid);
    for (const c of s.cells) sheet.Range(rect(c.row, c.col, 1, 1)).Formula = `=${c.formula}`;
    // The line saying the total is incomplete, on a summary updated in place (a new one has it).
    if (s.line) sheet.Range(rect(s.line.row, s.line.col, 1, 1)).Value2 = s.line.value;
    const d = s.detail;
    if (d) {
      const detail = addSheet(book, d.sheet);
      writeGrid(detail, {
        name: d.sheet,
        values: [...d.head, ...d.rows.map((r) => [r.unit, r.sheet])],
        merges: [],
      });
      const width = d.rows[0]?.cells.length ?? 0;
      const formulas = d.rows.map((r) => r.cells.map((c) => (c.formula ? `=${c.formula}` : "")));
      if (d.rows.length && width)
        detail.Range(rect(d.head.length, 2, d.rows.length, width)).Formula =
          d.rows.length === 1 && width === 1 ? formulas[0][0] : formulas;
    }
  }
  // "未汇总：…" at the top of every printed page of a copy not summed.
  for (const [name, text] of plan.headers) ws.Item(name).PageSetup.LeftHeader = headerCode(text);
  const notes = present.has(plan.notes.name)
    ? ws.Item(plan.notes.name)
    : addSheet(book, plan.notes.name);
  if (present.has(plan.notes.name)) notes.UsedRange.ClearContents();
  writeGrid(notes, plan.notes);
  if (plan.explanations) writeExplanations(app, plan.explanations.existing, plan.explanations.list);
  return plan.lines;
}
