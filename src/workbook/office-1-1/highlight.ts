/**
 * Highlighting and clearing through ExcelApi 1.1, for the 兼容版 (src/lite), kept in the same
 * record as the main pane's (saved-fills.ts, in the document's settings): either pane clears what
 * the other marked. ExcelApi 1.1 has RangeFill.color and RangeFill.clear() only (pattern,
 * patternColor and the tints are [Api set: ExcelApi 1.9]; getRanges and getCellProperties 1.9 too),
 * so each cell is read and painted by its own Range, all in one request each way, and:
 * - a cell with no fill reads "#FFFFFF" (as Excel reports it, test/helpers/excel-mock.ts NO_FILL)
 *   and is kept as no fill: a cell filled solid white gets no fill back (the same look but for
 *   gridlines);
 * - a mark whose original has a pattern or a tint (marked by the main pane on a newer Excel)
 *   cannot be given back exactly here: it stays marked and recorded, and is listed.
 * Worksheet protection is ExcelApi 1.2: a protected sheet refuses the request, and the action
 * stops with one line (nothing is unprotected).
 */
import { loadSaved, type SavedFill, storeSaved } from "../saved-fills";
import type { DocumentStore } from "../store";
import { type Mark, MARK_COLORS } from "../types";

/** Excel's answer for a cell without a fill. */
const NO_FILL_COLOR = "#FFFFFF";

/** A host error for a protected sheet, as one line (protection itself cannot be read in 1.1). */
const PROTECTED =
  "有的工作表受保护，Excel 拒绝改底色：请先点“审阅 › 撤销工作表保护”，再标出或清除。单元格的内容没有改动。";

async function syncOrSay(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: unknown } | undefined)?.code;
    if (code === "AccessDenied" || code === "InvalidOperation") throw new Error(PROTECTED);
    throw e;
  }
}

const sameColor = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** Paints the marks (errors over warnings), keeping each cell's first original in the document. */
export async function highlight11(
  context: Excel.RequestContext,
  marks: Mark[],
  store: DocumentStore
): Promise<{ marked: number }> {
  const saved = loadSaved(store);
  const unique = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  for (const m of marks) if (m.severity === "error") unique.set(`${m.sheet}!${m.cell}`, m);
  const sheets = new Map<string, Excel.Worksheet>();
  const reads = [...unique.values()].map((m) => {
    let ws = sheets.get(m.sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(m.sheet);
      ws.load("id");
      sheets.set(m.sheet, ws);
    }
    const fill = ws.getRange(m.cell).format.fill.load("color");
    return { m, fill };
  });
  await context.sync();
  for (const { m, fill } of reads) {
    const id = sheets.get(m.sheet)!.id;
    // A record keyed by the sheet's name (kept before ids were) moves to its id.
    if (!saved.has(id) && saved.has(m.sheet)) {
      saved.set(id, saved.get(m.sheet)!);
      saved.delete(m.sheet);
    }
    const cells = saved.get(id) ?? saved.set(id, new Map()).get(id)!;
    const original: SavedFill = cells.get(m.cell)?.fill ?? {
      color: fill.color,
      pattern: sameColor(fill.color, NO_FILL_COLOR) ? "None" : "Solid",
      patternColor: "#000000",
    };
    cells.set(m.cell, { fill: original, mark: MARK_COLORS[m.severity] });
  }
  // The originals are in the document before any cell changes.
  await storeSaved(store, saved);
  for (const { m, fill } of reads) fill.color = MARK_COLORS[m.severity];
  await syncOrSay(context);
  return { marked: reads.length };
}

/** Whether ExcelApi 1.1 can set this original back exactly: no fill, or a plain solid colour. */
const restorable = (f: SavedFill) =>
  (f.pattern === "None" || f.pattern === "Solid") && !f.tintAndShade;

/**
 * Gives every marked cell still showing our mark its original fill; a cell the clerk recoloured
 * since is left as it is. Returns how many were given back, and the cells whose original this
 * Excel cannot set (they stay marked and recorded, for a newer Excel's 清除标记).
 */
export async function clear11(
  context: Excel.RequestContext,
  store: DocumentStore
): Promise<{ restored: number; kept: string[] }> {
  const saved = loadSaved(store);
  if (!saved.size) return { restored: 0, kept: [] };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  // Kept by id (a renamed sheet still clears); older records by name. A deleted sheet is skipped.
  const names = new Map<string, string>();
  for (const s of sheets.items) names.set(s.id, s.name).set(s.name, s.name);
  const reads: {
    key: string;
    cell: string;
    fill: Excel.RangeFill;
    record: { fill: SavedFill; mark: string };
  }[] = [];
  saved.forEach((cells, key) => {
    if (!names.has(key)) return;
    const ws = sheets.getItem(key);
    cells.forEach((record, cell) => {
      const fill = ws.getRange(cell).format.fill.load("color");
      reads.push({ key, cell, fill, record });
    });
  });
  await context.sync();
  let restored = 0;
  const kept: string[] = [];
  const left = new Map<string, Map<string, { fill: SavedFill; mark: string }>>();
  for (const { key, cell, fill, record } of reads) {
    if (!sameColor(fill.color, record.mark)) continue;
    if (!restorable(record.fill)) {
      kept.push(`${names.get(key)}!${cell}`);
      (left.get(key) ?? left.set(key, new Map()).get(key)!).set(cell, record);
      continue;
    }
    if (record.fill.pattern === "None") fill.clear();
    else fill.color = record.fill.color;
    restored++;
  }
  await syncOrSay(context);
  await storeSaved(store, left);
  return { restored, kept };
}
