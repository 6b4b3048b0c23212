/**
 * Highlights in WPS, kept as the Excel adapter keeps them (saved-fills.ts, in the workbook's
 * custom properties here): each marked cell's own fill — colour, pattern, pattern colour, tints —
 * is kept before it is painted, and given back by 清除标记, even after the file was saved and
 * reopened; a cell the clerk recoloured since is left alone; a gradient, which Interior cannot
 * set, is never painted (listed instead). Interior.Color is BGR (red + green·256 + blue·65536).
 * Records are keyed by sheet name (WPS gives a sheet no id that outlives a rename).
 */
import type { Severity } from "../../rules/finding";
import { loadSaved, type SavedFill, storeSaved } from "../saved-fills";
import type { DocumentStore } from "../store";
import { type HighlightResult, type Mark, MARK_COLORS } from "../types";
import {
  type EtInterior,
  type EtWorkbook,
  XL_PATTERN_GRADIENTS,
  XL_PATTERN_NONE,
  XL_PATTERN_SOLID,
} from "./et";
import { type SheetWrite, whileLifted } from "./protection";
import { eachUnion } from "./write";

const hex = (bgr: number | null) => {
  const n = Number(bgr) || 0;
  const h = (x: number) => x.toString(16).padStart(2, "0").toUpperCase();
  return `#${h(n & 255)}${h((n >> 8) & 255)}${h((n >> 16) & 255)}`;
};
const bgr = (color: string) => {
  const n = parseInt(color.slice(1), 16);
  return ((n >> 16) & 255) + ((n >> 8) & 255) * 256 + (n & 255) * 65536;
};
const patternName = (p: number | null) =>
  p === XL_PATTERN_NONE ? "None" : p === XL_PATTERN_SOLID ? "Solid" : String(p);

function fillOf(i: EtInterior): SavedFill {
  return {
    color: hex(i.Color),
    pattern: patternName(i.Pattern),
    patternColor: hex(i.PatternColor),
    tintAndShade: Number(i.TintAndShade) || 0,
    patternTintAndShade: Number(i.PatternTintAndShade) || 0,
  };
}

function paint(i: EtInterior, f: SavedFill): void {
  if (f.pattern === "None") {
    i.Pattern = XL_PATTERN_NONE;
    return;
  }
  i.Color = bgr(f.color);
  i.Pattern = f.pattern === "Solid" ? XL_PATTERN_SOLID : Number(f.pattern);
  if (f.tintAndShade) i.TintAndShade = f.tintAndShade;
  if (f.pattern !== "Solid") {
    i.PatternColor = bgr(f.patternColor);
    if (f.patternTintAndShade) i.PatternTintAndShade = f.patternTintAndShade;
  }
}

const gradient = (f: SavedFill) => XL_PATTERN_GRADIENTS.map(String).includes(f.pattern);

function bySheet<T extends { sheet: string; cell: string }>(items: T[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of items) m.get(i.sheet)?.push(i.cell) ?? m.set(i.sheet, [i.cell]);
  return m;
}

export async function highlightCells(
  book: EtWorkbook,
  marks: Mark[],
  store: DocumentStore
): Promise<HighlightResult> {
  const saved = loadSaved(store);
  const unique = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  // Errors win over warnings on the same cell.
  for (const m of marks) if (m.severity === "error") unique.set(`${m.sheet}!${m.cell}`, m);
  const list: Mark[] = [];
  const untouched: string[] = [];
  for (const m of unique.values()) {
    const cells = saved.get(m.sheet) ?? saved.set(m.sheet, new Map()).get(m.sheet)!;
    // A cell already under our mark keeps its first original.
    const fill =
      cells.get(m.cell)?.fill ?? fillOf(book.Worksheets.Item(m.sheet).Range(m.cell).Interior);
    if (gradient(fill)) {
      untouched.push(`${m.sheet}!${m.cell}`);
      continue;
    }
    cells.set(m.cell, { fill, mark: MARK_COLORS[m.severity] });
    list.push(m);
  }
  const writes: SheetWrite[] = [...bySheet(list).keys()].map((s) => ({
    sheet: book.Worksheets.Item(s),
    cells: [],
    formats: true,
  }));
  await whileLifted(writes, async () => {
    // Keep the originals in the workbook before touching any cell.
    await storeSaved(store, saved);
    for (const sev of ["error", "warning"] as Severity[])
      for (const [sheet, cells] of bySheet(list.filter((m) => m.severity === sev)))
        eachUnion(book.Worksheets.Item(sheet), cells, (r) => {
          const i = r.Interior;
          i.Color = bgr(MARK_COLORS[sev]);
          i.Pattern = XL_PATTERN_SOLID;
          i.TintAndShade = 0;
        });
  });
  return { marked: list.length, untouched };
}

/** Gives every highlighted cell still showing our mark its own fill back; returns how many. */
export async function clearHighlights(book: EtWorkbook, store: DocumentStore): Promise<number> {
  const saved = loadSaved(store);
  if (!saved.size) return 0;
  const names = new Set<string>();
  for (let i = 1; i <= book.Worksheets.Count; i++) names.add(book.Worksheets.Item(i).Name);
  // Cells still showing our mark, grouped by the fill they get back (a deleted sheet is skipped).
  const groups = new Map<string, { sheet: string; cells: string[]; fill: SavedFill }>();
  for (const [sheet, cells] of saved) {
    if (!names.has(sheet)) continue;
    const ws = book.Worksheets.Item(sheet);
    for (const [cell, { fill, mark }] of cells) {
      const now = ws.Range(cell).Interior;
      if (hex(now.Color) !== mark.toUpperCase() || now.Pattern !== XL_PATTERN_SOLID) continue;
      const key = `${sheet}\u0000${JSON.stringify(fill)}`;
      if (!groups.has(key)) groups.set(key, { sheet, cells: [], fill });
      groups.get(key)!.cells.push(cell);
    }
  }
  const painting = new Set([...groups.values()].map((g) => g.sheet));
  const writes: SheetWrite[] = [...painting].map((s) => ({
    sheet: book.Worksheets.Item(s),
    cells: [],
    formats: true,
  }));
  await whileLifted(writes, async () => {
    for (const g of groups.values())
      eachUnion(book.Worksheets.Item(g.sheet), g.cells, (r) => paint(r.Interior, g.fill));
    await storeSaved(store, new Map());
  });
  return [...groups.values()].reduce((n, g) => n + g.cells.length, 0);
}

export function hasHighlights(store: DocumentStore): boolean {
  return [...loadSaved(store).values()].some((cells) => cells.size > 0);
}
