/** Applies certain fixes (blank → 0, ５ → 5, 1,200 → 1200, 3家 → 3) to a grid, returning a new grid. */
import type { Finding } from "./finding";
import { type Grid, gridCellOf } from "./grid";

export function applyFixes(grid: Grid, findings: Finding[]): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const f of findings) {
    if (!f.fix || f.sheet !== grid.name) continue;
    const { row: r, col: c } = gridCellOf(grid, f.fix.cell);
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = f.fix.value;
  }
  return { ...grid, values };
}
