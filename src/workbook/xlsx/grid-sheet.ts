/**
 * A plain copy of a sheet (values and merged areas) through exceljs: browser-safe, unlike the
 * Node-only part writer beside it, so the pane's marked copy (退回) can use it too.
 */
import type ExcelJS from "exceljs";
import type { Grid } from "../../rules/grid";

/** A plain copy of a sheet: values and merged areas. */
export function addGridSheet(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.name);
  const o = grid.origin ?? { row: 0, col: 0 };
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      // exceljs treats only { formula } objects as formulas: a child's "=…" text is written as text.
      if (v !== null) ws.getCell(r + o.row + 1, c + o.col + 1).value = v;
    })
  );
  for (const m of grid.merges)
    ws.mergeCells(m.top + o.row + 1, m.left + o.col + 1, m.bottom + o.row + 1, m.right + o.col + 1);
  return ws;
}
