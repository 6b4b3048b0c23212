/**
 * What a blank template refuses while the clerk types (下发表样): every data cell takes a whole
 * number ≥ 0, or in 万元 columns a number ≥ 0 with up to 4 decimals; the prompt and the stop
 * alert cite the note that says so.
 */
import type { Template } from "../templates/schema";
import type { Layout } from "./blank-template";
import { dataCells } from "./data-cells";

export interface CellCheck {
  row: number;
  col: number;
  /** 0: whole numbers; 4: up to four decimals (万元). */
  decimals: 0 | 4;
  /** The prompt and the error alert, in the same words. */
  message: string;
}

export function dataChecks(t: Template, layout: Layout): CellCheck[] {
  if (t.kind !== "table") return [];
  const cite = t.noBlankNote ? `无则填0〔${t.shortTitle}注${t.noBlankNote}〕` : "无则填0";
  return dataCells(t, layout).flatMap(({ row, col, kind }) => {
    if (kind !== "whole" && kind !== "decimal") return [];
    const decimals = kind === "decimal" ? 4 : 0;
    const what = decimals ? "不小于0的数（万元，最多4位小数）" : "不小于0的整数";
    return [{ row, col, decimals, message: `请填${what}；${cite}` }];
  });
}

/** Cells of one rule side by side, as one validation range (its formula reads the top-left cell). */
export interface CheckRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  decimals: 0 | 4;
  message: string;
}

/**
 * The checks as rectangles, each cell in exactly one: a rectangle grows right along its first row,
 * then down while every cell under it has the same rule and is not taken. (exceljs's own merging of
 * per-cell rules let two rectangles overlap, so a cell carried the rule twice.)
 */
export function checkRanges(checks: CellCheck[]): CheckRange[] {
  const at = new Map(checks.map((c) => [`${c.row},${c.col}`, c]));
  const taken = new Set<string>();
  const same = (a: CellCheck, row: number, col: number) => {
    const b = at.get(`${row},${col}`);
    return (
      !!b && !taken.has(`${row},${col}`) && b.decimals === a.decimals && b.message === a.message
    );
  };
  const sorted = [...checks].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: CheckRange[] = [];
  for (const c of sorted) {
    if (taken.has(`${c.row},${c.col}`)) continue;
    let right = c.col;
    while (same(c, c.row, right + 1)) right++;
    let bottom = c.row;
    const rowFits = (row: number) => {
      for (let col = c.col; col <= right; col++) if (!same(c, row, col)) return false;
      return true;
    };
    while (rowFits(bottom + 1)) bottom++;
    for (let row = c.row; row <= bottom; row++)
      for (let col = c.col; col <= right; col++) taken.add(`${row},${col}`);
    out.push({ top: c.row, left: c.col, bottom, right, decimals: c.decimals, message: c.message });
  }
  return out;
}
