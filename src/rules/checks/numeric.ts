/** The number a rule may compute with: numbers and readable-but-malformed numbers, in numeric columns. */
import type { RowSlot } from "../templates/catalog";
import type { TableContext } from "./context";

export function numericOf(ctx: TableContext, slot: RowSlot, column: string): number | undefined {
  if (ctx.leaf(column).kind !== "number") return undefined;
  const n = ctx.cell(slot, column)?.number;
  return n && (n.kind === "number" || n.kind === "malformed") ? n.value : undefined;
}
