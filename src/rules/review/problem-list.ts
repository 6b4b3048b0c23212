/** The 问题清单 sheet of a returned (退回) copy: a row a problem, known to SRS by its marker. */
import type { CellValue, Grid } from "../grid";
import { recognizeSheet } from "../recognize";
import type { Returned } from "./return";

export const PROBLEM_SHEET = "问题清单";
const MARKER = "SRS-问题清单/1";
const HEADER = ["单位", "表", "工作表", "单元格", "类别", "问题", "依据"];

/** The 问题清单 sheet of the marked copy: a title carrying the marker, then a row a problem. */
export function problemListGrid(r: Returned): Grid {
  const values: CellValue[][] = [
    [`${r.unit} 问题清单（${MARKER}）：标红的格是错误，标黄的格是提示`],
    HEADER,
    ...r.items.map((i) => [
      r.unit,
      i.table,
      i.sheet,
      i.cell,
      i.severity === "error" ? "错误" : "提示",
      i.where ? `${i.where}：${i.message}` : i.message,
      i.source,
    ]),
  ];
  return { name: PROBLEM_SHEET, values, merges: [] };
}

const isHeader = (row: CellValue[] | undefined) =>
  !!row &&
  row.length >= HEADER.length &&
  row.every((v, c) =>
    c < HEADER.length ? typeof v === "string" && v.trim() === HEADER[c] : v === null || v === ""
  );

/**
 * Whether a sheet is a 问题清单 SRS wrote, so no report (skipped by checks, dropped when the
 * corrected file comes back): the marker in its title, the exact header row under it, and no
 * report table on the sheet. A clerk who pasted the list (or its title) above the report keeps a
 * report: checked and consolidated as one.
 */
export function isProblemList(g: Grid): boolean {
  const title = g.values
    .slice(0, 2)
    .findIndex((r) => r.some((v) => typeof v === "string" && v.includes(MARKER)));
  if (title < 0 || !isHeader(g.values[title + 1])) return false;
  return recognizeSheet(g).every((r) => r.kind === "none");
}
