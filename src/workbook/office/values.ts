/**
 * Writes certain fixes into cells, only after the user confirmed them, and keeps what each
 * cell held before in the document so the last round of fixes can be given back.
 */
import type { CellValue } from "../../rules/grid";
import type { CellWrite } from "../types";
import { inRequests } from "./batches";
import type { DocumentStore } from "./store";

const KEY = "srs.fixes.v1";

interface Undo {
  writes: { sheet: string; cell: string; before: CellValue; after: number | string }[];
}

/** Text that Excel would read as a formula is written as text. */
export function asCellInput(v: CellValue): string | number | boolean {
  if (v === null) return "";
  return typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

const same = (a: unknown, b: CellValue) => (a === "" ? null : a) === b;

async function readValues(context: Excel.RequestContext, cells: { sheet: string; cell: string }[]) {
  const ranges = cells.map((c) => {
    const r = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    r.load("values");
    return r;
  });
  await context.sync();
  return ranges.map((r) => r.values[0][0] as unknown);
}

function writeCells(
  context: Excel.RequestContext,
  cells: { sheet: string; cell: string; value: CellValue }[]
) {
  return inRequests(
    context,
    cells,
    () => 1,
    (w) =>
      (context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).values = [
        [asCellInput(w.value)],
      ])
  );
}

/** Applies the writes whose cells still hold what was checked; returns how many were written. */
export async function writeFixes(
  context: Excel.RequestContext,
  writes: CellWrite[],
  store: DocumentStore
): Promise<number> {
  const current = await readValues(context, writes);
  const todo = writes.filter((w, i) => same(current[i], w.expected));
  store.set(KEY, {
    writes: todo.map((w) => ({ sheet: w.sheet, cell: w.cell, before: w.expected, after: w.value })),
  } satisfies Undo);
  await store.save();
  await writeCells(context, todo);
  return todo.length;
}

export function lastFixes(store: DocumentStore): number {
  return store.get<Undo>(KEY)?.writes.length ?? 0;
}

/** Gives back what the last fixes replaced, where the cell still holds the fixed value. */
export async function undoFixes(
  context: Excel.RequestContext,
  store: DocumentStore
): Promise<number> {
  const undo = store.get<Undo>(KEY);
  if (!undo?.writes.length) return 0;
  const current = await readValues(context, undo.writes);
  const todo = undo.writes.filter((w, i) => same(current[i], w.after));
  await writeCells(
    context,
    todo.map((w) => ({ ...w, value: w.before }))
  );
  store.remove(KEY);
  await store.save();
  return todo.length;
}
