/** The number a rule may compute with: numbers and readable-but-malformed numbers, in numeric columns. */
import type { RowSlot } from "../templates/catalog";
import type { Cell, TableContext } from "./context";

export function numberIn(cell: Cell | undefined): number | undefined {
  const n = cell?.number;
  return n && (n.kind === "number" || n.kind === "malformed") ? n.value : undefined;
}

export function numericOf(ctx: TableContext, slot: RowSlot, column: string): number | undefined {
  return ctx.leaf(column).kind === "number" ? numberIn(ctx.cell(slot, column)) : undefined;
}
