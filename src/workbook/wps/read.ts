/**
 * Every worksheet of a WPS workbook as a grid. The object model is synchronous and answers a
 * range at a time, so a sheet costs a handful of calls, not one a cell: its used range's values
 * in one Value2 read; its number formats in one read when they agree (NumberFormat of a range is
 * null over mixed formats), else a column at a time and only then the numbers of a mixed column
 * (a format matters to a number alone: it may be a date); its merged areas by halving the used
 * range while MergeCells says "some" (null), so a sheet without merges costs one call.
 */
import { columnLetters, fromA1, type Grid, type Merge } from "../../rules/grid";
import { plain } from "../cell-value";
import type { SheetsRead, SkippedSheet } from "../types";
import {
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
} from "./et";

/** More cells than any report: a roster or an export, left unread (one line says so). */
export const MAX_SHEET_CELLS = 200_000;
/** Calls the merge search may make on one sheet before it stops (a sheet merged cell by cell). */
const MERGE_CALLS = 20_000;

export const rect = (top: number, left: number, rows: number, cols: number) =>
  rows === 1 && cols === 1
    ? `${columnLetters(left)}${top + 1}`
    : `${columnLetters(left)}${top + 1}:${columnLetters(left + cols - 1)}${top + rows}`;

/** The worksheets, 1-based (Worksheets.Item(1) is the first). */
export function sheetsOf(book: EtWorkbook): EtWorksheet[] {
  const sheets = book.Worksheets;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= sheets.Count; i++) out.push(sheets.Item(i));
  return out;
}

/** Value2 (or Formula) of a range as rows: one cell's scalar becomes a 1 × 1 grid. */
export function rowsOf(v: unknown, rows: number, cols: number): unknown[][] {
  return rows === 1 && cols === 1 ? [[v]] : (v as unknown[][]);
}

/** "$A$1:$B$2" → its first area as a merge (rows and columns from 0). */
export function areaOf(address: string): Merge {
  const [p, q = p] = address.split(",")[0].replace(/\$/g, "").split(":");
  const a = fromA1(p);
  const b = fromA1(q);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function numberFormats(ws: EtWorksheet, used: EtRange, values: unknown[][]): (string | null)[][] {
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const whole = used.NumberFormat;
  if (typeof whole === "string") return values.map((r) => r.map(() => whole));
  const out = values.map((r) => r.map((): string | null => null));
  for (let c = 0; c < cols; c++) {
    const column = ws.Range(rect(top, left + c, rows, 1)).NumberFormat;
    for (let r = 0; r < rows; r++)
      out[r][c] =
        typeof column === "string"
          ? column
          : typeof values[r][c] === "number"
            ? ws.Range(rect(top + r, left + c, 1, 1)).NumberFormat
            : null;
  }
  return out;
}

/** The merged areas meeting the used range, relative to its origin. */
function mergedAreas(ws: EtWorksheet, used: EtRange): Merge[] {
  const top = used.Row - 1;
  const left = used.Column - 1;
  const found = new Map<string, Merge>();
  let calls = 0;
  const scan = (t: number, l: number, h: number, w: number): void => {
    if (calls++ > MERGE_CALLS) return;
    const merged = ws.Range(rect(t, l, h, w)).MergeCells;
    if (merged === false) return;
    if (merged === true || (h === 1 && w === 1)) {
      const area = areaOf(ws.Range(rect(t, l, 1, 1)).MergeArea.Address(false, false));
      if (area.bottom > area.top || area.right > area.left)
        found.set(`${area.top},${area.left}`, area);
      const whole =
        area.top <= t && area.left <= l && area.bottom >= t + h - 1 && area.right >= l + w - 1;
      if (whole || (h === 1 && w === 1)) return;
    }
    // Some cells merged (null), or not all by the one area: halve along the longer side.
    if (h >= w) {
      const half = Math.ceil(h / 2);
      scan(t, l, half, w);
      scan(t + half, l, h - half, w);
    } else {
      const half = Math.ceil(w / 2);
      scan(t, l, h, half);
      scan(t, l + half, h, w - half);
    }
  };
  scan(top, left, used.Rows.Count, used.Columns.Count);
  return [...found.values()].map((m) => ({
    top: m.top - top,
    left: m.left - left,
    bottom: m.bottom - top,
    right: m.right - left,
  }));
}

/**
 * One sheet as a grid, from its used range (which in WPS, as in Excel, reaches formatted cells
 * too: empty rows and columns past the last value are dropped).
 */
export function readSheet(ws: EtWorksheet): Grid | SkippedSheet {
  const used = ws.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  if (rows * cols > MAX_SHEET_CELLS)
    return { sheet: ws.Name, reason: `内容过多（${rows} 行 × ${cols} 列），不像报表，未检查` };
  const raw = rowsOf(used.Value2, rows, cols);
  const formats = numberFormats(ws, used, raw);
  const values = raw.map((r, i) => r.map((v, j) => plain(v, formats[i][j])));
  let height = values.length;
  while (height > 0 && values[height - 1].every((v) => v === null)) height--;
  let width = cols;
  while (width > 0 && values.every((r) => r[width - 1] === null)) width--;
  // A report on a sheet the workbook hides is named so wherever it is mentioned.
  const visibility =
    ws.Visible === XL_SHEET_VERY_HIDDEN
      ? "veryHidden"
      : ws.Visible === XL_SHEET_HIDDEN
        ? "hidden"
        : undefined;
  return {
    name: ws.Name,
    values: values.slice(0, height).map((r) => r.slice(0, width)),
    merges: mergedAreas(ws, used),
    origin: { row: used.Row - 1, col: used.Column - 1 },
    ...(visibility && { visibility }),
  };
}

/** Every sheet as a grid, in the workbook's order; sheets too big to be a report left out, said why. */
export function readSheets(book: EtWorkbook): SheetsRead {
  const grids: Grid[] = [];
  const skipped: SkippedSheet[] = [];
  for (const ws of sheetsOf(book)) {
    const g = readSheet(ws);
    if ("reason" in g) skipped.push(g);
    else grids.push(g);
  }
  return Object.assign(grids, { skipped });
}
