/** Applies certain fixes (blank → 0, ５ → 5, 1,200 → 1200, 3家 → 3) to a grid, returning a new grid. */
import type { Finding } from "./finding";
import { fromA1, type Grid } from "./grid";

export function applyFixes(grid: Grid, findings: Finding[]): Grid {
  const values = grid.values.map((r) => [...r]);
  const o = grid.origin ?? { row: 0, col: 0 };
  for (const f of findings) {
    if (!f.fix || f.sheet !== grid.name) continue;
    const { row, col } = fromA1(f.fix.cell);
    const r = row - o.row;
    const c = col - o.col;
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = f.fix.value;
  }
  return { ...grid, values };
}
