/** The number a rule may compute with: numbers and readable-but-malformed numbers, in numeric columns. */
import type { Leaf, RowSlot } from "../templates/catalog";
import { type Cell, fmt, type TableContext } from "./context";

export function numberIn(cell: Cell | undefined): number | undefined {
  const n = cell?.number;
  return n && (n.kind === "number" || n.kind === "malformed") ? n.value : undefined;
}

export function numericOf(ctx: TableContext, slot: RowSlot, column: string): number | undefined {
  return ctx.leaf(column).kind === "number" ? numberIn(ctx.cell(slot, column)) : undefined;
}

/** （万元） amounts: at most four decimals (one yuan). */
export const MONEY_DECIMALS = 4;

/** Counts are whole; a 万元 amount has at most four decimals. */
export function wholeEnough(v: number, leaf: Leaf): boolean {
  const scaled = leaf.unit === "万元" ? v * 10 ** MONEY_DECIMALS : v;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Marks that mean "nothing": per the note, nothing is written as 0. */
const NOTHING = /^(无|没有|暂无|空|[-—–─/／\\×xX]+)$/;
export const meansNothing = (text: string) => NOTHING.test(text.replace(/\s+/g, ""));

/** A cell no arithmetic may use, and why: what the clerk corrects first. */
export interface Unusable {
  column: string;
  cell: Cell;
  why: "blank" | "text" | "negative" | "fraction";
}

/**
 * A cell's number when arithmetic may use it (a number ≥ 0, whole unless 万元), else why not.
 * Expected totals are never computed from the rest (DOMAIN: third round).
 */
export function usable(ctx: TableContext, slot: RowSlot, column: string): number | Unusable {
  const cell = ctx.cell(slot, column)!;
  const v = numberIn(cell);
  const why =
    v === undefined
      ? cell.number.kind === "blank"
        ? "blank"
        : "text"
      : v < 0
        ? "negative"
        : !wholeEnough(v, ctx.leaf(column))
          ? "fraction"
          : undefined;
  return why ? { column, cell, why } : v!;
}

/** "空白", "“若干”", "负数 -1", "2.5 不是整数". */
export function unusableWords(u: Unusable, ctx: TableContext): string {
  const v = numberIn(u.cell);
  switch (u.why) {
    case "blank":
      return "空白";
    case "text":
      return `“${String(u.cell.value).trim()}”`;
    case "negative":
      return `负数 ${fmt(v!)}`;
    case "fraction":
      return ctx.leaf(u.column).unit === "万元"
        ? `${fmt(v!)} 小数超过 ${MONEY_DECIMALS} 位`
        : `${fmt(v!)} 不是整数`;
  }
}

/** A cell whose certain fix is 0: blank, or a mark meaning nothing (无, —, /). */
export const zeroByFix = (u: Unusable) =>
  u.why === "blank" || (u.why === "text" && meansNothing(String(u.cell.value)));
