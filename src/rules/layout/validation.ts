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
