/** Header surgery for tests: a multi-row header flattened into one row, or made into an Excel Table's. */
import type { CellValue, Grid } from "../../src/rules/grid";
import { clone, insertRow } from "./grids";

export interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The text at a cell, or at the top-left of the merged area covering it. */
function textAt(g: Grid, row: number, col: number): string | undefined {
  const m = g.merges.find(
    (x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right
  );
  const v = m ? g.values[m.top]?.[m.left] : g.values[row]?.[col];
  return typeof v === "string" && v.trim() ? v : undefined;
}

/** Each header column's labels, top to bottom (a merged group named once). */
export function headerPaths(g: Grid, h: Band): string[][] {
  const out: string[][] = [];
  for (let c = h.left; c <= h.right; c++) {
    const path: string[] = [];
    for (let r = h.top; r <= h.bottom; r++) {
      const t = textAt(g, r, c);
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    out.push(path);
  }
  return out;
}

/** Rows [top, bottom] become one row holding `text(path)` a column; merges there go, the rows below move up. */
export function flattenHeader(g: Grid, h: Band, text: (path: string[]) => string): Grid {
  const paths = headerPaths(g, h);
  const out = clone(g);
  const row: CellValue[] = [...(out.values[h.top] ?? [])];
  paths.forEach((p, i) => (row[h.left + i] = p.length ? text(p) : null));
  const gone = h.bottom - h.top;
  out.values.splice(h.top, gone + 1, row);
  out.merges = out.merges
    .filter((m) => m.bottom < h.top || m.top > h.bottom)
    .map((m) => (m.top > h.bottom ? { ...m, top: m.top - gone, bottom: m.bottom - gone } : m));
  return out;
}

/**
 * What Excel makes of row `row` as a Table's header row: a blank cell is named 列n (its
 * position in the table), a repeated name gets 2, 3… appended (企业数（家次）2).
 */
export function tableHeaderRow(
  g: Grid,
  row: number,
  left: number,
  right: number,
  auto = "列"
): Grid {
  const out = clone(g);
  const seen = new Map<string, number>();
  for (let c = left; c <= right; c++) {
    const v = out.values[row][c];
    let name = typeof v === "string" && v.trim() ? v : `${auto}${c - left + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}${n}`;
    out.values[row][c] = name;
  }
  return out;
}

/** A Table made with "my table has headers" off: a row of Excel's names (列1, 列2… or Column1…) above the range. */
export function autoNamesAbove(
  g: Grid,
  top: number,
  left: number,
  right: number,
  auto = "列"
): Grid {
  const names = Array.from({ length: right + 1 }, (_, c) =>
    c >= left ? `${auto}${c - left + 1}` : null
  );
  return insertRow(g, top, names);
}
