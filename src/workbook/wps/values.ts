/**
 * Confirmed fixes and stamps in WPS, and their undo, as in Excel (office/values.ts): only cells
 * still holding what was checked are written; what each held (its formula or constant, as
 * Range.Formula gives it, and its number format) is kept in the workbook first, so the last round
 * can be given back where a cell still holds what SRS wrote. Text goes into text cells ("@"):
 * written into a General cell, "0595" would become 595 and "=…" a formula, as if typed.
 */
import { asCellInput, plain } from "../cell-value";
import type { CellValue } from "../../rules/grid";
import { keepBounded, type DocumentStore } from "../store";
import type { CellWrite } from "../types";
import type { EtWorkbook } from "./et";
import { type SheetWrite, whileLifted } from "./protection";

const KEY = "srs.fixes.v1";

/** What a cell held: its formula ("=…") or constant, and its number format. */
interface Held {
  formula: string | number | boolean;
  format: string;
}

interface Undo {
  /** before: the constant as checked (Formula gives a constant as text: "1,200" would come back 1200). */
  writes: { sheet: string; cell: string; before: CellValue; after: number | string; held: Held }[];
}

/** A cell holding more than this is no typo to fix (office/values.ts MAX_HELD). */
const MAX_HELD = 1000;
const MAX_CELL_CHARS = 32767;

const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");

function readCell(book: EtWorkbook, sheet: string, cell: string): { value: CellValue; held: Held } {
  const r = book.Worksheets.Item(sheet).Range(cell);
  const format = r.NumberFormat ?? "General";
  return {
    value: plain(r.Value2, format),
    held: { formula: r.Formula as string | number | boolean, format },
  };
}

interface CellOut {
  sheet: string;
  cell: string;
  value: CellValue;
  format: string;
  /** The cell's number format now: left alone when it stays (a protected sheet may refuse formats). */
  was: string;
  formula?: boolean;
}

function sheetWrites(book: EtWorkbook, cells: CellOut[]): SheetWrite[] {
  const m = new Map<string, CellOut[]>();
  for (const c of cells) m.get(c.sheet)?.push(c) ?? m.set(c.sheet, [c]);
  return [...m].map(([sheet, list]) => ({
    sheet: book.Worksheets.Item(sheet),
    cells: list.map((c) => c.cell),
    formats: list.some((c) => c.format !== c.was),
  }));
}

function writeCells(book: EtWorkbook, cells: CellOut[]): void {
  for (const w of cells) {
    const r = book.Worksheets.Item(w.sheet).Range(w.cell);
    if (w.format !== w.was) r.NumberFormat = w.format;
    if (w.formula) r.Formula = w.value;
    else r.Value2 = w.format === "@" ? (w.value ?? "") : asCellInput(w.value);
  }
}

export async function writeFixes(
  book: EtWorkbook,
  writes: CellWrite[],
  store: DocumentStore
): Promise<number> {
  const todo = writes
    .map((w) => ({ w, now: readCell(book, w.sheet, w.cell) }))
    .filter(
      ({ w, now }) =>
        now.value === w.expected &&
        // A formula giving "" is not a blank to fill: the clerk's formula stays.
        !(w.expected === null && isFormula(now.held.formula)) &&
        String(now.held.formula).length <= MAX_HELD &&
        String(w.value).length <= MAX_CELL_CHARS
    );
  const out: CellOut[] = todo.map(({ w, now }) => ({
    sheet: w.sheet,
    cell: w.cell,
    value: w.value,
    format:
      typeof w.value === "string" ? "@" : now.held.format === "@" ? "General" : now.held.format,
    was: now.held.format,
  }));
  return whileLifted(sheetWrites(book, out), async () => {
    keepBounded(
      store,
      KEY,
      {
        writes: todo.map(({ w, now }) => ({
          sheet: w.sheet,
          cell: w.cell,
          before: now.value,
          after: w.value,
          held: now.held,
        })),
      } satisfies Undo,
      (kb, limit) =>
        `要修正的单元格太多，工作簿里存不下它们的原样（约 ${kb} KB，上限 ${limit} KB），未作修改：请分几个工作表修正`
    );
    await store.save();
    writeCells(book, out);
    return todo.length;
  });
}

export function lastFixes(store: DocumentStore): number {
  return store.get<Undo>(KEY)?.writes.length ?? 0;
}

/** Gives back what the last fixes replaced, where the cell still holds the fixed value. */
export async function undoFixes(book: EtWorkbook, store: DocumentStore): Promise<number> {
  const undo = store.get<Undo>(KEY);
  if (!undo?.writes.length) return 0;
  const todo = undo.writes
    .map((w) => ({ w, now: readCell(book, w.sheet, w.cell) }))
    .filter(({ w, now }) => now.value === w.after);
  const out: CellOut[] = todo.map(({ w, now }) => ({
    sheet: w.sheet,
    cell: w.cell,
    value: isFormula(w.held.formula) ? w.held.formula : w.before,
    format: w.held.format,
    was: now.held.format,
    formula: isFormula(w.held.formula),
  }));
  await whileLifted(sheetWrites(book, out), () => writeCells(book, out));
  store.remove(KEY);
  await store.save();
  return todo.length;
}
