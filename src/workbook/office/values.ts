/**
 * Writes certain fixes and stamps into cells, only after the user confirmed them, and keeps what
 * each cell held before (its formula or value, and its number format) in the document so the
 * last round can be given back.
 *
 * Excel interprets a string written through Range.values as if typed: "=", "+" and "-" start a
 * formula, "0595…" becomes a number (the leading 0 lost), "2026-12-24" a date. Text is therefore
 * written into cells formatted as text ("@"), which keep it as given.
 */
import type { CellValue } from "../../rules/grid";
import type { CellWrite } from "../types";
import { inRequests } from "./batches";
import { asCellInput, plain } from "../cell-value";
import { probeProtection, type SheetWrite, whileLifted } from "./protection";
import { keepBounded, type DocumentStore } from "../store";

const KEY = "srs.fixes.v1";

/** What a cell held: its formula ("=…") or constant, as Range.formulas gives it, and its format. */
interface Held {
  formula: string | number | boolean;
  format: string;
}

interface Undo {
  writes: {
    sheet: string;
    cell: string;
    /** The value the check saw (records written before formulas were kept; held replaces it). */
    before?: CellValue;
    after: number | string;
    /** The cell as it was (absent in records written before formulas were kept). */
    held?: Held;
  }[];
}

const same = (a: CellValue, b: CellValue) => a === b;

/**
 * A cell holding more than this is no typo to fix (a number padded with thousands of spaces): it
 * is left as it is, still flagged, and its text never goes into the document's settings.
 */
const MAX_HELD = 1000;
/** Excel's limit for one cell. */
const MAX_CELL_CHARS = 32767;
const heldLength = (h: Held) => String(h.formula).length;

/** Each cell's value as the rules read it, its formula and its number format: one request. */
async function readCells(
  context: Excel.RequestContext,
  cells: { sheet: string; cell: string }[]
): Promise<{ value: CellValue; held: Held }[]> {
  const ranges = cells.map((c) => {
    const r = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    r.load("values,formulas,numberFormat");
    return r;
  });
  await context.sync();
  return ranges.map((r) => ({
    value: plain(r.values[0][0], r.numberFormat[0][0]),
    held: {
      formula: r.formulas[0][0] as string | number | boolean,
      format: String(r.numberFormat[0][0]),
    },
  }));
}

const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");

/** The cells written, by sheet: a value and its number format each. */
function bySheet(cells: { sheet: string; cell: string }[]): SheetWrite[] {
  const m = new Map<string, string[]>();
  for (const c of cells) m.set(c.sheet, [...(m.get(c.sheet) ?? []), c.cell]);
  return [...m].map(([sheet, list]) => ({ sheet, cells: list, formats: true }));
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

/** The sheets where some cell's number format changes. */
const reformatted = (cells: CellOut[]) =>
  new Set(cells.filter((c) => c.format !== c.was).map((c) => c.sheet));

/** Unprotects the sheets that would refuse these cells (protection.ts). */
const lift = (probe: ReturnType<typeof probeProtection>, cells: CellOut[]) => {
  const writing = new Set(cells.map((c) => `${c.sheet}!${c.cell}`));
  const formats = reformatted(cells);
  return probe.lift({
    cells: (sheet, cell) => writing.has(`${sheet}!${cell}`),
    formats: (sheet) => formats.has(sheet),
  });
};

/** Writes each cell: text as text ("@"), numbers as numbers, a held formula back as a formula. */
function writeCells(context: Excel.RequestContext, cells: CellOut[]) {
  return inRequests(
    context,
    cells,
    () => 2,
    (w) => {
      const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
      if (w.format !== w.was) range.numberFormat = [[w.format]];
      if (w.formula) range.formulas = [[w.value as string]];
      // In a text cell a string stays as given; elsewhere it is quoted if Excel would retype it.
      else range.values = [[w.format === "@" ? (w.value ?? "") : asCellInput(w.value)]];
    }
  );
}

/** Applies the writes whose cells still hold what was checked; returns how many were written. */
export async function writeFixes(
  context: Excel.RequestContext,
  writes: CellWrite[],
  store: DocumentStore
): Promise<number> {
  // Each sheet's protection is read with the cells (see protection.ts).
  const probe = probeProtection(context, bySheet(writes));
  const current = await readCells(context, writes);
  const todo = writes
    .map((w, i) => ({ w, now: current[i] }))
    .filter(
      ({ w, now }) =>
        same(now.value, w.expected) &&
        // A formula giving "" is not a blank to fill: the clerk's formula stays.
        !(w.expected === null && isFormula(now.held.formula)) &&
        heldLength(now.held) <= MAX_HELD &&
        String(w.value).length <= MAX_CELL_CHARS
    );
  const out: CellOut[] = todo.map(({ w, now }) => ({
    sheet: w.sheet,
    cell: w.cell,
    value: w.value,
    // Text as text: a phone number keeps its leading 0, a date stays the text written.
    format:
      typeof w.value === "string" ? "@" : now.held.format === "@" ? "General" : now.held.format,
    was: now.held.format,
  }));
  const lifted = await lift(probe, out);
  return whileLifted(context, lifted, async () => {
    keepBounded(
      store,
      KEY,
      {
        writes: todo.map(({ w, now }) => ({
          sheet: w.sheet,
          cell: w.cell,
          after: w.value,
          held: now.held,
        })),
      } satisfies Undo,
      (kb, limit) =>
        `要修正的单元格太多，工作簿设置里存不下它们的原样（约 ${kb} KB，上限 ${limit} KB），未作修改：请分几个工作表修正`
    );
    await store.save();
    await writeCells(context, out);
    return todo.length;
  });
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
  const probe = probeProtection(context, bySheet(undo.writes));
  const current = await readCells(context, undo.writes);
  const todo = undo.writes
    .map((w, i) => ({ ...w, now: current[i].held }))
    .filter((w, i) => same(current[i].value, w.after));
  const out: CellOut[] = todo.map((w) =>
    w.held
      ? {
          ...w,
          value: w.held.formula === "" ? null : w.held.formula,
          format: w.held.format,
          was: w.now.format,
          formula: isFormula(w.held.formula),
        }
      : { ...w, value: w.before ?? null, format: w.now.format, was: w.now.format }
  );
  await whileLifted(context, await lift(probe, out), () => writeCells(context, out));
  store.remove(KEY);
  await store.save();
  return todo.length;
}
