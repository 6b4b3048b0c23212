/** Plants a unique number in every data cell of a blank layout, so a test can tell where each cell went. */
import type { Grid } from "../../src/rules/grid";
import { cellAddress, type Recognition } from "../../src/rules/recognize";
import { blankTemplate, type Layout } from "../../src/rules/layout/blank-template";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { clone, setCell } from "./grids";

export interface Planted {
  layout: Layout;
  grid: Grid;
  /** "slot|column" → the number planted there. */
  markers: Map<string, number>;
}

export function planted(id: string): Planted {
  const t = getTemplate(id)!;
  const layout = blankTemplate(t);
  const grid = clone(layout.grid);
  const markers = new Map<string, number>();
  if (t.kind !== "table") return { layout, grid, markers };
  const info = getTableInfo(id)!;
  const labelCols = t.rowHeader === null ? 0 : 1;
  const per = Math.max(1, t.subRows?.length ?? 0);
  info.slots.forEach((slot, i) => {
    const row = layout.body.top + i;
    const k = i % per;
    info.leaves.forEach((leaf) => {
      if (leaf.kind !== "number" || info.notApplicable(slot, leaf.key) || (leaf.perUnit && k > 0))
        return;
      const marker = 1000 + markers.size;
      setCell(grid, row, labelCols + leaf.index, marker);
      markers.set(`${slot.key}|${leaf.key}`, marker);
    });
  });
  return { layout, grid, markers };
}

/** Every planted cell is found where the recognizer says it is. Returns the keys that were not. */
export function misplaced(rec: Recognition, markers: Map<string, number>): string[] {
  if (rec.kind !== "table") return [...markers.keys()];
  const bad: string[] = [];
  for (const [key, marker] of markers) {
    const [slot, column] = key.split("|");
    const r = rec.match.rows.get(slot);
    const c = rec.match.columns.get(column);
    if (r === undefined || c === undefined || rec.grid.values[r]?.[c] !== marker)
      bad.push(`${key}@${cellAddress(rec, slot, column) ?? "?"}`);
  }
  return bad;
}
