/**
 * Highlight flagged cells (errors red, warnings amber) and give every cell back exactly the
 * fill it had — pattern and pattern colour included — even after the workbook was saved,
 * closed and reopened: the original fills are kept in the document. A cell the user recoloured
 * since is left alone. (ExceLint overwrote users' formatting this way; SRS must not.)
 */
import type { Severity } from "../../rules/finding";
import { columnLetters, fromA1 } from "../../rules/grid";
import { type Mark, MARK_COLORS } from "../types";
import { ADDRESSES_PER_CALL, chunk, inRequests } from "./batches";
import { loadSaved, type SavedFill, storeSaved } from "./saved-fills";
import type { DocumentStore } from "./store";

type FillProps = Excel.CellProperties & { format: { fill: SavedFill } };
const FILL_SPEC: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true } },
};

/** The smallest rectangle holding every address, and where each address sits in it. */
function box(cells: string[]) {
  const at = cells.map(fromA1);
  const top = Math.min(...at.map((a) => a.row));
  const left = Math.min(...at.map((a) => a.col));
  const bottom = Math.max(...at.map((a) => a.row));
  const right = Math.max(...at.map((a) => a.col));
  return {
    address: `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`,
    size: (bottom - top + 1) * (right - left + 1),
    offset: (cell: string) => {
      const a = fromA1(cell);
      return { r: a.row - top, c: a.col - left };
    },
  };
}

/** Reads the fills of the given cells, one bounding range per sheet, in one request. */
async function readFills(context: Excel.RequestContext, bySheet: Map<string, string[]>) {
  const reads = [...bySheet].map(([sheet, cells]) => {
    const b = box(cells);
    const props = context.workbook.worksheets
      .getItem(sheet)
      .getRange(b.address)
      .getCellProperties(FILL_SPEC);
    return { sheet, cells, b, props };
  });
  await context.sync();
  const out = new Map<string, Map<string, SavedFill>>();
  for (const { sheet, cells, b, props } of reads) {
    const fills = new Map<string, SavedFill>();
    for (const cell of cells) {
      const { r, c } = b.offset(cell);
      const f = (props.value[r][c] as FillProps).format.fill;
      fills.set(cell, { color: f.color, pattern: f.pattern, patternColor: f.patternColor });
    }
    out.set(sheet, fills);
  }
  return out;
}

function groupBySheet<T extends { sheet: string; cell: string }>(items: T[]) {
  const m = new Map<string, string[]>();
  for (const i of items) {
    const list = m.get(i.sheet);
    if (list) list.push(i.cell);
    else m.set(i.sheet, [i.cell]);
  }
  return m;
}

/** Paints groups of cells sharing one fill, in as few requests as the payload allows. */
async function paint(
  context: Excel.RequestContext,
  groups: { sheet: string; cells: string[]; apply: (fill: Excel.RangeFill) => void }[]
): Promise<void> {
  const calls = groups.flatMap((g) =>
    chunk(g.cells, ADDRESSES_PER_CALL).map((cells) => ({ ...g, cells }))
  );
  await inRequests(
    context,
    calls,
    (c) => c.cells.length,
    (c) =>
      c.apply(context.workbook.worksheets.getItem(c.sheet).getRanges(c.cells.join(",")).format.fill)
  );
}

export async function highlightCells(
  context: Excel.RequestContext,
  marks: Mark[],
  store: DocumentStore
): Promise<number> {
  const saved = loadSaved(store);
  const unique = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  // Errors win over warnings on the same cell.
  for (const m of marks) if (m.severity === "error") unique.set(`${m.sheet}!${m.cell}`, m);
  const list = [...unique.values()];
  // Originals are read only for cells not already under a highlight of ours.
  const fresh = list.filter((m) => !saved.get(m.sheet)?.has(m.cell));
  const originals = fresh.length ? await readFills(context, groupBySheet(fresh)) : new Map();
  for (const m of list) {
    const sheet = saved.get(m.sheet) ?? saved.set(m.sheet, new Map()).get(m.sheet)!;
    const fill = sheet.get(m.cell)?.fill ?? originals.get(m.sheet)!.get(m.cell)!;
    sheet.set(m.cell, { fill, mark: MARK_COLORS[m.severity] });
  }
  // Keep the originals in the document before touching any cell.
  await storeSaved(store, saved);
  const groups = (["error", "warning"] as Severity[]).flatMap((sev) =>
    [...groupBySheet(list.filter((m) => m.severity === sev))].map(([sheet, cells]) => ({
      sheet,
      cells,
      apply: (fill: Excel.RangeFill) => {
        // Solid, whatever pattern the cell had: the mark must read as ours (clear checks for it).
        fill.pattern = "Solid";
        fill.color = MARK_COLORS[sev];
      },
    }))
  );
  await paint(context, groups);
  return list.length;
}

export function hasHighlights(store: DocumentStore): boolean {
  return [...loadSaved(store).values()].some((cells) => cells.size > 0);
}

/** Restores every highlighted cell's original fill; returns how many cells were given back. */
export async function clearHighlights(
  context: Excel.RequestContext,
  store: DocumentStore
): Promise<number> {
  const saved = loadSaved(store);
  if (!saved.size) return 0;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const bySheet = new Map(
    [...saved]
      .filter(([sheet, cells]) => existing.has(sheet) && cells.size)
      .map(([sheet, cells]) => [sheet, [...cells.keys()]] as [string, string[]])
  );
  const now = bySheet.size
    ? await readFills(context, bySheet)
    : new Map<string, Map<string, SavedFill>>();
  // Group the cells still showing our mark by the fill they get back.
  const groups = new Map<string, { sheet: string; cells: string[]; fill: SavedFill }>();
  for (const [sheet, cells] of bySheet)
    for (const cell of cells) {
      const { fill, mark } = saved.get(sheet)!.get(cell)!;
      const current = now.get(sheet)!.get(cell)!;
      if (current.color.toUpperCase() !== mark.toUpperCase() || current.pattern !== "Solid")
        continue;
      const key = `${sheet}\u0000${JSON.stringify(fill)}`;
      if (!groups.has(key)) groups.set(key, { sheet, cells: [], fill });
      groups.get(key)!.cells.push(cell);
    }
  await paint(
    context,
    [...groups.values()].map((g) => ({
      sheet: g.sheet,
      cells: g.cells,
      apply: (f: Excel.RangeFill) => {
        if (g.fill.pattern === "None") f.clear();
        else {
          f.pattern = g.fill.pattern as Excel.FillPattern;
          f.color = g.fill.color;
          if (g.fill.pattern !== "Solid") f.patternColor = g.fill.patternColor;
        }
      },
    }))
  );
  await storeSaved(store, new Map());
  return [...groups.values()].reduce((n, g) => n + g.cells.length, 0);
}
