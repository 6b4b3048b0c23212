/**
 * The demo's embedded sample workbook: one sheet per template, generated from seeds (the
 * same every time), some filled correctly and some with the typical mistakes clerks make.
 */
import type { Grid } from "../rules/grid";
import { recognize } from "../rules/recognize";
import { filledSheet } from "../rules/sample/filled";
import { getTemplate } from "../rules/templates/catalog";

interface Mistake {
  slot: string;
  column: string;
  value: Grid["values"][number][number];
}

function sheet(
  id: string,
  name: string,
  rowTypes: string[] | undefined,
  mistakes: Mistake[] = [],
  unit?: string
): Grid {
  const grid = {
    ...filledSheet(getTemplate(id)!, { seed: name.length * 7 + mistakes.length, rowTypes, unit })
      .grid,
    name,
  };
  const rec = recognize(grid);
  if (rec.kind !== "table") return grid;
  for (const m of mistakes) {
    const r = rec.match.rows.get(m.slot);
    const c = rec.match.columns.get(m.column);
    if (r !== undefined && c !== undefined) grid.values[r][c] = m.value;
  }
  return grid;
}

export function sampleWorkbook(): Grid[] {
  return [
    sheet(
      "nanan-2026-quarterly-1",
      "朴里村（有错）",
      ["village"],
      [
        { slot: "village", column: "base.medium", value: null },
        { slot: "village", column: "std.create", value: null },
        { slot: "village", column: "base.total", value: 99 },
        { slot: "village", column: "resp.org", value: "无" },
        { slot: "village", column: "resp.5s", value: "３家" },
        { slot: "village", column: "promo.letters", value: "1,200" },
        { slot: "village", column: "resp.risk.red", value: -2 },
      ]
    ),
    sheet("nanan-2026-quarterly-1", "岭兜村（正确）", ["village"], [], "金淘镇岭兜村"),
    sheet(
      "nanan-2026-quarterly-2",
      "季报表二（有错）",
      ["village"],
      [
        { slot: "village", column: "enf.fines.count", value: 0 },
        { slot: "village", column: "enf.fines.amount", value: 1.5 },
        { slot: "village", column: "enf.inspected", value: null },
      ]
    ),
    sheet("nanan-2026-quarterly-3", "九小场所", ["village"]),
    sheet("anxi-2024-monthly-1", "安溪月报一", undefined),
    sheet("jinjiang-2024-monthly-2", "晋江月报二（有错）", undefined, [
      { slot: "county", column: "policy.risk.red", value: "—" },
    ]),
    sheet("nanan-2024-review-stats", "回头看统计表", undefined),
  ];
}
