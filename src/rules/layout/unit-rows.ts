/**
 * A blank for a unit whose type is known (下发表样): 0 in every data cell of the rows it does not
 * fill, as 注10 asks of a filled form. Holding a value, those cells are no longer data cells
 * (data-cells.ts), so protection leaves them locked and no validation or mark watches them: the
 * clerk cannot put numbers in the other type's row. A blank for no unit in particular (srs
 * template, the pane's 表样) keeps every row open.
 */
import { getTableInfo } from "../templates/catalog";
import type { TableTemplate } from "../templates/schema";
import type { Layout } from "./blank-template";
import { dataCells, slotOf } from "./data-cells";

export function ownRowOnly(t: TableTemplate, layout: Layout, rowKey: string): Layout {
  const info = getTableInfo(t.id)!;
  const values = layout.grid.values.map((r) => [...r]);
  for (const c of dataCells(t, layout))
    if (
      (c.kind === "whole" || c.kind === "decimal") &&
      slotOf(info, layout, c.row).rowType !== rowKey
    )
      values[c.row][c.col] = 0;
  return { ...layout, grid: { ...layout.grid, values } };
}
