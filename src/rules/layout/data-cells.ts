/**
 * The cells a clerk fills in a blank template: what validation checks, what the marks watch and
 * what protection leaves unlocked all start from this one list.
 */
import { mergeAt } from "../grid";
import { getTableInfo, type Leaf, type RowSlot, type TableInfo } from "../templates/catalog";
import type { Template } from "../templates/schema";
import type { Layout } from "./blank-template";

export interface DataCell {
  row: number;
  col: number;
  /**
   * whole: a count; decimal: 万元 (up to 4 decimals); text: a table's text column or a list's
   * remark; answer: a checklist's 存在问题 (never blank).
   */
  kind: "whole" | "decimal" | "text" | "answer";
  /** The table column; absent in a list. */
  leaf?: Leaf;
  /** The notice's own words printed where the count goes ((达标不分级)): the clerk types over them. */
  label?: string;
  /** The rows of its unit type (a village fills 村 and leaves 镇直单位 empty); a list is one group. */
  group: { top: number; bottom: number };
}

/** The row slot a body row holds; rows past the template's (the 统计表's spare rows) read as its last. */
export const slotOf = (info: TableInfo, layout: Layout, row: number): RowSlot =>
  info.slots[Math.min(row - layout.body.top, info.slots.length - 1)];

export function dataCells(t: Template, layout: Layout): DataCell[] {
  const { grid, body } = layout;
  // A merged cell is filled in its first cell (a per-unit column merged over the sub-rows).
  const first = (row: number, col: number) => {
    const m = mergeAt(grid, row, col);
    return !m || (m.top === row && m.left === col);
  };
  const empty = (row: number, col: number) => {
    const v = grid.values[row]?.[col];
    return v === null || v === undefined;
  };
  const rows = Array.from({ length: body.bottom - body.top + 1 }, (_, k) => body.top + k);
  if (t.kind === "list") {
    const group = { top: body.top, bottom: body.bottom };
    return t.columns.flatMap((c, col) =>
      c.role === "answer" || c.role === "remark"
        ? rows
            .filter((row) => first(row, col) && empty(row, col))
            .map(
              (row) => ({ row, col, kind: c.role === "answer" ? "answer" : "text", group }) as const
            )
        : []
    );
  }
  const info = getTableInfo(t.id)!;
  const labelCols = t.rowHeader === null ? 0 : 1;
  const perRow = Math.max(1, t.subRows?.length ?? 0);
  const shaded = new Set(layout.shaded.map((s) => `${s.row},${s.col}`));
  const cells: DataCell[] = [];
  for (const row of rows) {
    const top = body.top + Math.floor((row - body.top) / perRow) * perRow;
    const group = { top, bottom: Math.min(top + perRow - 1, body.bottom) };
    const slot = slotOf(info, layout, row);
    info.leaves.forEach((leaf, i) => {
      const col = labelCols + i;
      if (leaf.kind === "label" || shaded.has(`${row},${col}`) || !first(row, col)) return;
      const v = grid.values[row]?.[col];
      const label = info.holdsLabel(slot, leaf.key, v) ? String(v) : undefined;
      if (!empty(row, col) && label === undefined) return;
      const kind = leaf.kind === "text" ? "text" : leaf.unit === "万元" ? "decimal" : "whole";
      cells.push({ row, col, kind, leaf, group, ...(label === undefined ? {} : { label }) });
    });
  }
  return cells;
}
