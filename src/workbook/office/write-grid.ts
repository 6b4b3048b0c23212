/** Writes a grid's values and merged areas into a worksheet, in bulk. */
import { columnLetters, type Grid, gridSize } from "../../rules/grid";

export const rect = (top: number, left: number, rows: number, cols: number) =>
  `${columnLetters(left)}${top + 1}:${columnLetters(left + cols - 1)}${top + rows}`;

export function writeGrid(ws: Excel.Worksheet, grid: Grid): void {
  const cols = Math.max(1, gridSize(grid).cols); // a loop: a spread over many rows overflows the stack
  const values = grid.values.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? ""));
  // Text is set through numberFormat "@" so a child's "=…" can never become a formula.
  const range = ws.getRange(rect(0, 0, values.length, cols));
  range.numberFormat = values.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
  range.values = values;
  for (const m of grid.merges)
    ws.getRange(rect(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)).merge(false);
}

/**
 * Column widths given in characters (as a template's layout and an .xlsx give them), set in
 * points: n characters of the default font are n × 7 + 5 pixels, a pixel ¾ of a point. Adjacent
 * columns of one width are set together, all in the caller's batch.
 */
export function setColumnWidths(ws: Excel.Worksheet, widths: number[]): void {
  for (let c = 0; c < widths.length;) {
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === widths[c]) end++;
    ws.getRange(rect(0, c, 1, end - c + 1)).format.columnWidth = (widths[c] * 7 + 5) * 0.75;
    c = end + 1;
  }
}
