/** The 问题清单 sheet of a returned (退回) copy: a row a problem, known to SRS by its marker. */
import type { CellValue, Grid } from "../grid";
import { OWN_SHEETS } from "../own-sheets";
import type { Returned } from "./return";

const { name, marker, header } = OWN_SHEETS.problems;

/** The 问题清单 sheet of the marked copy: a title carrying the marker, then a row a problem. */
export function problemListGrid(r: Returned): Grid {
  const values: CellValue[][] = [
    [`${r.unit} 问题清单（${marker}）：标红的格是错误，标黄的格是提示`],
    header,
    ...r.items.map((i) => [
      r.unit,
      i.table,
      i.hidden ? `${i.sheet}（${i.hidden}的工作表）` : i.sheet,
      i.cell,
      i.severity === "error" ? "错误" : "提示",
      i.where ? `${i.where}：${i.message}` : i.message,
      i.source,
    ]),
  ];
  return { name, values, merges: [] };
}
