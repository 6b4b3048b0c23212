/**
 * A blank template is protected without a password (下发表样): the title, header, unit labels,
 * notes and the notice's own words are locked, so a clerk cannot shift the layout by accident;
 * the data cells and the header lines (填报单位, 填表人, 联系电话, date) stay open, and 审阅 →
 * 撤销工作表保护 turns protection off with no password asked.
 */
import type { Template } from "../templates/schema";
import type { Layout } from "./blank-template";
import { dataCells } from "./data-cells";

/**
 * What a clerk may still do on the protected sheet. Selecting any cell (to read or copy), and
 * formatting: widening a column that shows ####, a row for a long remark, colouring a cell
 * (SRS's pane marks findings with fills) change no cell's place. Inserting or deleting rows and
 * columns, sorting and filtering stay refused: they are what shifts a form.
 */
export const CLERK_MAY = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
} as const;

/** Cells left unlocked: every data cell and the header lines' cells (first cell of their merge). */
export function unlockedCells(t: Template, layout: Layout): { row: number; col: number }[] {
  const lines: { row: number; col: number }[] = [];
  if (t.headerFields.some((f) => f.place === "above"))
    lines.push({ row: layout.header.top - 1, col: 0 });
  if (t.headerFields.some((f) => f.place === "below"))
    lines.push({ row: layout.body.bottom + 1, col: 0 });
  return [...lines, ...dataCells(t, layout).map(({ row, col }) => ({ row, col }))];
}
