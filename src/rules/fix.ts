/**
 * Certain fixes (blank → 0 or its parts' sum, ５ → 5, 1,200 → 1200, 3家 → 3, '12 → 12, 无 → 0):
 * which cells they change, and a grid with them applied.
 */
import type { Finding, Fix } from "./finding";
import { type Grid, gridCellOf } from "./grid";

export interface SheetFix extends Fix {
  sheet: string;
  /** The finding whose fix it is. */
  finding: Finding;
}

/** Every finding's certain fix, one a cell (were two given for a cell, the later one). */
export function certainFixes(findings: Finding[]): SheetFix[] {
  const byCell = new Map<string, SheetFix>();
  for (const f of findings)
    if (f.fix) byCell.set(`${f.sheet}!${f.fix.cell}`, { ...f.fix, sheet: f.sheet, finding: f });
  return [...byCell.values()];
}

export function applyFixes(grid: Grid, findings: Finding[]): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const f of certainFixes(findings)) {
    if (f.sheet !== grid.name) continue;
    const { row: r, col: c } = gridCellOf(grid, f.cell);
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = f.value;
  }
  return { ...grid, values };
}
