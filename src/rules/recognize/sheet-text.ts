/**
 * A sheet's text as the recognizer reads it: every cell normalized once, merged
 * areas filled from their top-left cell (a merged header covers all its columns).
 */
import { type Grid, gridSize } from "../grid";
import { labelScore, normalizeLabel, withoutUnit } from "../text";

export interface SheetText {
  grid: Grid;
  rows: number;
  cols: number;
  /** Normalized text of a cell, merged areas filled; "" for numbers and blanks. */
  at(row: number, col: number): string;
  /** Normalized text of a cell itself (no merge fill). */
  own(row: number, col: number): string;
  /** Is this cell covered by a merge without being its top-left cell? */
  covered(row: number, col: number): boolean;
  /** Every distinct text on the sheet, normalized, with and without a trailing unit. */
  texts: Set<string>;
  /** labelScore, remembered: every template compares the same sheet labels again. */
  score(found: string, expected: string): number;
}

export function readSheetText(grid: Grid): SheetText {
  const { rows, cols } = gridSize(grid);
  const own: string[][] = grid.values.map((r) =>
    r.map((v) => (typeof v === "string" ? normalizeLabel(v) : ""))
  );
  const fill = new Map<number, string>();
  const coveredSet = new Set<number>();
  for (const m of grid.merges) {
    const t = own[m.top]?.[m.left] ?? "";
    for (let r = m.top; r <= m.bottom && r < rows; r++)
      for (let c = m.left; c <= m.right && c < cols; c++) {
        if (r !== m.top || c !== m.left) coveredSet.add(r * cols + c);
        if (t) fill.set(r * cols + c, t);
      }
  }
  const ownAt = (r: number, c: number) => own[r]?.[c] ?? "";
  const scores = new Map<string, Map<string, number>>();
  const texts = new Set<string>();
  for (const r of own)
    for (const t of r)
      if (t) {
        texts.add(t);
        texts.add(withoutUnit(t));
      }
  return {
    grid,
    rows,
    cols,
    own: ownAt,
    at: (r, c) => fill.get(r * cols + c) ?? ownAt(r, c),
    covered: (r, c) => coveredSet.has(r * cols + c),
    texts,
    score: (found, expected) => {
      let row = scores.get(found);
      if (!row) scores.set(found, (row = new Map()));
      let v = row.get(expected);
      if (v === undefined) row.set(expected, (v = labelScore(found, expected)));
      return v;
    },
  };
}
