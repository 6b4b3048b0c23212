/**
 * Writing a grid into a WPS sheet in bulk: one Value2 write for the values, number formats by
 * groups of cells (a Range of several areas, "A1:C1,E4", whose reference stays under 255
 * characters), one Merge a merged area. Text goes into cells formatted as text ("@"), so a
 * child's "=…" or "0595" stays the text it was, as typed entry would otherwise read it.
 */
import { gridSize, type Grid } from "../../rules/grid";
import { packCells } from "../saved-fills";
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from "./et";
import { rect } from "./read";

/** Cells as few ranges as they make, in references of at most 255 characters (WPS's Range limit). */
export function unions(cells: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const part of packCells(cells).split(",").filter(Boolean)) {
    if (cur && cur.length + 1 + part.length > 255) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${part}` : part;
  }
  if (cur) out.push(cur);
  return out;
}

/** Applies `set` to the cells, a range of several areas at a time. */
export function eachUnion(ws: EtWorksheet, cells: string[], set: (r: EtRange) => void): void {
  for (const address of unions(cells)) set(ws.Range(address));
}

/** Writes the grid where it was (its origin, A1 when it has none): values, text formats, merges. */
export function writeGrid(ws: EtWorksheet, grid: Grid): void {
  const { row: top, col: left } = grid.origin ?? { row: 0, col: 0 };
  const cols = Math.max(1, gridSize(grid).cols);
  const rows = Math.max(1, grid.values.length);
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => grid.values[r]?.[c] ?? "")
  );
  const range = ws.Range(rect(top, left, rows, cols));
  range.NumberFormat = "General";
  const text: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => typeof v === "string" && v && text.push(rect(top + r, left + c, 1, 1)))
  );
  eachUnion(ws, text, (r) => (r.NumberFormat = "@"));
  range.Value2 = rows === 1 && cols === 1 ? values[0][0] : values;
  for (const m of grid.merges)
    ws.Range(rect(top + m.top, left + m.left, m.bottom - m.top + 1, m.right - m.left + 1)).Merge();
}

/** Column widths in characters from column `from`, adjacent columns of one width set together. */
export function setColumnWidths(ws: EtWorksheet, widths: (number | undefined)[], from = 0): void {
  for (let c = 0; c < widths.length;) {
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === widths[c]) end++;
    if (widths[c] !== undefined)
      ws.Range(rect(0, from + c, 1, end - c + 1)).ColumnWidth = widths[c]!;
    c = end + 1;
  }
}

/** A new sheet after the last one, named `name` (unique already). */
export function addSheet(book: EtWorkbook, name: string): EtWorksheet {
  const sheets = book.Worksheets;
  const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
  ws.Name = name;
  return ws;
}

/**
 * Deletes the sheets by name without WPS asking the clerk to confirm each (DisplayAlerts off, as
 * it was again afterwards).
 */
export function deleteSheets(app: EtApplication, names: string[]): void {
  if (!names.length) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const n of names) app.ActiveWorkbook!.Worksheets.Item(n).Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
