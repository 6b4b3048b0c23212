/**
 * A sheet's text as the recognizer reads it: every cell normalized once, merged
 * areas filled from their top-left cell (a merged header covers all its columns).
 */
import { type Grid, gridSize } from "../grid";
import { labelScore, normalizeLabel, withoutUnit } from "../text";
import { FLATTENED, isAutoName } from "./header-text";

export interface SheetText {
  grid: Grid;
  rows: number;
  cols: number;
  /** Normalized text of a cell, merged areas filled; "" for numbers and blanks. */
  at(row: number, col: number): string;
  /** The text of a cell or of the merged area covering it, as written ("" for numbers and blanks). */
  raw(row: number, col: number): string;
  /** Normalized text of a cell itself (no merge fill). */
  own(row: number, col: number): string;
  /** Like own, but "" for text too long to be a label (notes). */
  label(row: number, col: number): string;
  /** Is this cell covered by a merge without being its top-left cell? */
  covered(row: number, col: number): boolean;
  /** Every distinct text on the sheet, normalized, with and without a trailing unit; flattened headers' parts too. */
  texts: Set<string>;
  /** Every cell short enough to be a label, with its normalized text, row by row. */
  labels: { row: number; col: number; text: string }[];
  /** labelScore, remembered: every template compares the same sheet labels again. */
  score(found: string, expected: string): number;
}

/** No header label is longer than this, however spaced out: longer cells (notes) are not labels. */
const LABEL_MAX_RAW = 160;

/** A text for the prescreen: as is, without its unit, without an Excel Table's duplicate suffix. */
function addText(texts: Set<string>, t: string) {
  if (!t) return;
  texts.add(t);
  texts.add(withoutUnit(t));
  const bare = t.replace(/\d+$/, "");
  if (bare && bare !== t) texts.add(bare).add(withoutUnit(bare));
}

export function readSheetText(grid: Grid): SheetText {
  const { rows, cols } = gridSize(grid);
  // Normalized lazily: most cells are numbers, and long notes are read only if asked for.
  const cache = new Map<number, string>();
  const ownAt = (r: number, c: number): string => {
    const v = grid.values[r]?.[c];
    if (typeof v !== "string") return "";
    const k = r * cols + c;
    let t = cache.get(k);
    if (t === undefined) {
      t = normalizeLabel(v);
      // An Excel Table's name for a blank header cell (列1, Column1) is no text.
      if (isAutoName(t)) t = "";
      cache.set(k, t);
    }
    return t;
  };
  const isLabel = (r: number, c: number) => {
    const v = grid.values[r]?.[c];
    return typeof v === "string" && v.length <= LABEL_MAX_RAW;
  };
  const origin = new Map<number, number>();
  const coveredSet = new Set<number>();
  for (const m of grid.merges)
    for (let r = m.top; r <= m.bottom && r < rows; r++)
      for (let c = m.left; c <= m.right && c < cols; c++) {
        if (r !== m.top || c !== m.left) coveredSet.add(r * cols + c);
        origin.set(r * cols + c, m.top * cols + m.left);
      }
  const scores = new Map<string, Map<string, number>>();
  const texts = new Set<string>();
  const labels: SheetText["labels"] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < (grid.values[r]?.length ?? 0); c++) {
      if (!isLabel(r, c)) continue;
      const t = ownAt(r, c);
      if (t) {
        labels.push({ row: r, col: c, text: t });
        addText(texts, t);
        const v = grid.values[r][c] as string;
        if (FLATTENED.test(v))
          for (const part of v.split(FLATTENED)) addText(texts, normalizeLabel(part));
      }
    }
  return {
    grid,
    rows,
    cols,
    own: ownAt,
    raw: (r, c) => {
      const o = origin.get(r * cols + c);
      const [or, oc] = o === undefined ? [r, c] : [Math.floor(o / cols), o % cols];
      const v = grid.values[or]?.[oc];
      return typeof v === "string" && ownAt(or, oc) ? v : "";
    },
    label: (r, c) => (isLabel(r, c) ? ownAt(r, c) : ""),
    at: (r, c) => {
      const o = origin.get(r * cols + c);
      const t = o === undefined ? "" : ownAt(Math.floor(o / cols), o % cols);
      return t || ownAt(r, c);
    },
    covered: (r, c) => coveredSet.has(r * cols + c),
    texts,
    labels,
    score: (found, expected) => {
      let row = scores.get(found);
      if (!row) scores.set(found, (row = new Map()));
      let v = row.get(expected);
      if (v === undefined) row.set(expected, (v = labelScore(found, expected)));
      return v;
    },
  };
}
