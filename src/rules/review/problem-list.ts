/** The 问题清单 sheet of a returned (退回) copy: a row a problem, known to SRS by its marker. */
import type { CellValue, Grid } from "../grid";
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

/** Whether a sheet is a 问题清单 SRS wrote (known by its marker, not its name): it is no report. */
export const isProblemList = (g: Grid) =>
  g.values.slice(0, 2).some((r) => r.some((v) => typeof v === "string" && v.includes(MARKER)));
