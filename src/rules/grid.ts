/** What the rules read from a sheet, whichever adapter produced it (Office.js or .xlsx). */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name. */
  name: string;
  /** Row-major values; rows may be ragged and shorter than the sheet. */
  values: CellValue[][];
  merges: Merge[];
  /** Where `values[0][0]` sits on the sheet (a used range rarely starts at A1). */
  origin?: { row: number; col: number };
  /** The sheet's own column widths (characters, as `<col width>`), from the origin; none where default. */
  widths?: (number | undefined)[];
  /** The sheet's own row heights (points, as `<row ht>`), from the origin; none where default. */
  heights?: (number | undefined)[];
  /** A sheet the workbook hides: "veryHidden" only code can show again. Absent when visible. */
  visibility?: "hidden" | "veryHidden";
}

/** A copy of a grid that shares nothing with it that an edit changes. */
export function copyGrid(grid: Grid): Grid {
  const copy: Grid = {
    ...grid,
    values: grid.values.map((r) => r.slice()),
    merges: grid.merges.map((m) => ({ ...m })),
  };
  if (grid.origin) copy.origin = { ...grid.origin };
  if (grid.widths) copy.widths = grid.widths.slice();
  if (grid.heights) copy.heights = grid.heights.slice();
  return copy;
}

/** "隐藏" or "深度隐藏" (veryHidden: only code shows it again) for a hidden sheet, else "". */
export const hiddenKind = (g: Pick<Grid, "visibility">) =>
  g.visibility === "veryHidden" ? "深度隐藏" : g.visibility === "hidden" ? "隐藏" : "";

/** How a line names a sheet the workbook hides: "（隐藏的工作表）"; "" for a visible one. */
export const hiddenWords = (g: Pick<Grid, "visibility">) =>
  hiddenKind(g) && `（${hiddenKind(g)}的工作表）`;

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  return r === undefined || r[col] === undefined ? null : r[col];
}

export function gridSize(grid: Grid): { rows: number; cols: number } {
  let cols = 0;
  for (const r of grid.values) cols = Math.max(cols, r.length);
  return { rows: grid.values.length, cols };
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of a grid cell, on the sheet (origin applied). */
export function toA1(grid: Grid | null, row: number, col: number): string {
  const o = grid?.origin ?? { row: 0, col: 0 };
  return columnLetters(col + o.col) + String(row + o.row + 1);
}

/** Parses "C7" (sheet-absolute, 0-based result). */
export function fromA1(address: string): { row: number; col: number } {
  // A plain "C7" (every cell a reader meets) by character codes; anything else by the pattern.
  let at = 0;
  let col = 0;
  let row = 0;
  for (let c = address.charCodeAt(0); c >= 65 && c <= 90; c = address.charCodeAt(++at))
    col = col * 26 + c - 64;
  const digits = at;
  for (let c = address.charCodeAt(at); c >= 48 && c <= 57; c = address.charCodeAt(++at))
    row = row * 10 + c - 48;
  // Up to 15 digits: the sum stays an exact integer, as Number() gives it.
  if (at === address.length && digits > 0 && at > digits && at - digits <= 15)
    return { row: row - 1, col: col - 1 };
  return fromA1Pattern(address);
}

function fromA1Pattern(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The grid cell at a sheet A1 address: toA1's inverse (origin taken off). */
export function gridCellOf(grid: Grid, address: string): { row: number; col: number } {
  const o = grid.origin ?? { row: 0, col: 0 };
  const p = fromA1(address);
  return { row: p.row - o.row, col: p.col - o.col };
}

/** The merge covering a cell, if any. */
export function mergeAt(grid: Grid, row: number, col: number): Merge | undefined {
  return grid.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
  );
}
