/**
 * Highlight flagged cells (errors red, warnings amber) and give every cell back exactly the
 * fill it had — pattern and pattern colour included — even after the workbook was saved,
 * closed and reopened: the original fills are kept in the document, by sheet id so a renamed
 * sheet still clears. A cell the user recoloured since is left alone. (ExceLint overwrote users'
 * formatting this way; SRS must not.) Theme tints are kept too; a gradient fill, which Office.js
 * cannot set (RangeFill.pattern: "LinearGradient and RectangularGradient are not supported"),
 * could not be given back, so such a cell is not highlighted but listed.
 */
import type { Severity } from "../../rules/finding";
import { columnLetters, fromA1 } from "../../rules/grid";
import { type HighlightResult, type Mark, MARK_COLORS } from "../types";
import { ADDRESSES_PER_CALL, chunk, inRequests } from "./batches";
import { probeProtection, whileLifted } from "./protection";
import { loadSaved, type SavedFill, storeSaved } from "../saved-fills";
import type { DocumentStore } from "../store";

type FillProps = Excel.CellProperties & { format: { fill: SavedFill } };
const FILL_SPEC: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: {
      color: true,
      pattern: true,
      patternColor: true,
      tintAndShade: true,
      patternTintAndShade: true,
    },
  },
};

const GRADIENT = /Gradient$/;

/** The smallest rectangle holding every address, and where each address sits in it. */
function box(cells: string[]) {
  const at = cells.map(fromA1);
  // A loop, not a spread: a spread over many cells overflows the stack.
  const top = at.reduce((m, a) => Math.min(m, a.row), Infinity);
  const left = at.reduce((m, a) => Math.min(m, a.col), Infinity);
  const bottom = at.reduce((m, a) => Math.max(m, a.row), -Infinity);
  const right = at.reduce((m, a) => Math.max(m, a.col), -Infinity);
  return {
    address: `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`,
    size: (bottom - top + 1) * (right - left + 1),
    offset: (cell: string) => {
      const a = fromA1(cell);
      return { r: a.row - top, c: a.col - left };
    },
  };
}

/**
 * Reads the fills of the given cells, one bounding range per sheet, and each sheet's id and
 * protection, in one request. `bySheet` is keyed by sheet name or id (getItem takes either).
 * `lift` then unprotects the sheets whose protection does not allow formatting (protection.ts).
 */
async function readFills(context: Excel.RequestContext, bySheet: Map<string, string[]>) {
  const probe = probeProtection(
    context,
    [...bySheet.keys()].map((sheet) => ({ sheet, cells: [], formats: true }))
  );
  const reads = [...bySheet].map(([sheet, cells]) => {
    const b = box(cells);
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load("id");
    const props = ws.getRange(b.address).getCellProperties(FILL_SPEC);
    return { sheet, ws, cells, b, props };
  });
  await context.sync();
  const out = new Map<string, { id: string; fills: Map<string, SavedFill> }>();
  for (const { sheet, ws, cells, b, props } of reads) {
    const fills = new Map<string, SavedFill>();
    for (const cell of cells) {
      const { r, c } = b.offset(cell);
      const f = (props.value[r][c] as FillProps).format.fill;
      fills.set(cell, {
        color: f.color,
        pattern: f.pattern,
        patternColor: f.patternColor,
        tintAndShade: f.tintAndShade ?? 0,
        patternTintAndShade: f.patternTintAndShade ?? 0,
      });
    }
    out.set(sheet, { id: ws.id, fills });
  }
  return { fills: out, lift: probe.lift };
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
): Promise<HighlightResult> {
  const saved = loadSaved(store);
  const unique = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  // Errors win over warnings on the same cell.
  for (const m of marks) if (m.severity === "error") unique.set(`${m.sheet}!${m.cell}`, m);
  // One request: every marked cell's fill now, and each sheet's id.
  const { fills: now, lift } = await readFills(context, groupBySheet([...unique.values()]));
  const list: Mark[] = [];
  const untouched: string[] = [];
  for (const m of unique.values()) {
    const { id, fills } = now.get(m.sheet)!;
    // A record keyed by the sheet's name (kept before ids were) moves to its id.
    if (!saved.has(id) && saved.has(m.sheet)) {
      saved.set(id, saved.get(m.sheet)!);
      saved.delete(m.sheet);
    }
    const sheet = saved.get(id) ?? saved.set(id, new Map()).get(id)!;
    // A cell already under our mark keeps its first original.
    const fill = sheet.get(m.cell)?.fill ?? fills.get(m.cell)!;
    if (GRADIENT.test(fill.pattern)) {
      untouched.push(`${m.sheet}!${m.cell}`);
      continue;
    }
    sheet.set(m.cell, { fill, mark: MARK_COLORS[m.severity] });
    list.push(m);
  }
  const groups = (["error", "warning"] as Severity[]).flatMap((sev) =>
    [...groupBySheet(list.filter((m) => m.severity === sev))].map(([sheet, cells]) => ({
      sheet,
      cells,
      apply: (fill: Excel.RangeFill) => {
        // Solid, whatever pattern the cell had: the mark must read as ours (clear checks for it).
        fill.pattern = "Solid";
        fill.color = MARK_COLORS[sev];
        fill.tintAndShade = 0;
      },
    }))
  );
  const painting = new Set(list.map((m) => m.sheet));
  await whileLifted(context, await lift({ sheets: (sheet) => painting.has(sheet) }), async () => {
    // Keep the originals in the document before touching any cell.
    await storeSaved(store, saved);
    await paint(context, groups);
  });
  return { marked: list.length, untouched };
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
  sheets.load("items/name,items/id");
  await context.sync();
  // Kept by id (a renamed sheet still clears); older records by name. A deleted sheet is skipped.
  const existing = new Set(sheets.items.flatMap((s) => [s.id, s.name]));
  const bySheet = new Map(
    [...saved]
      .filter(([sheet, cells]) => existing.has(sheet) && cells.size)
      .map(([sheet, cells]) => [sheet, [...cells.keys()]] as [string, string[]])
  );
  const read = bySheet.size ? await readFills(context, bySheet) : undefined;
  const now = new Map([...(read?.fills ?? [])].map(([k, v]) => [k, v.fills]));
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
  const painting = new Set([...groups.values()].map((g) => g.sheet));
  const lifted = read ? await read.lift({ sheets: (sheet) => painting.has(sheet) }) : [];
  await whileLifted(context, lifted, async () => {
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
            if (g.fill.tintAndShade) f.tintAndShade = g.fill.tintAndShade;
            if (g.fill.pattern !== "Solid") {
              f.patternColor = g.fill.patternColor;
              if (g.fill.patternTintAndShade) f.patternTintAndShade = g.fill.patternTintAndShade;
            }
          }
        },
      }))
    );
    await storeSaved(store, new Map());
  });
  return [...groups.values()].reduce((n, g) => n + g.cells.length, 0);
}
