import { planConsolidation } from "../../src/rules/consolidation-plan";
import { NOTES_SHEET } from "../../src/rules/consolidate";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";

const child = (name: string, unit: string, seed: number): Grid => ({
  ...filledSheet(getTemplate("nanan-2026-quarterly-2")!, { seed, rowTypes: ["village"], unit })
    .grid,
  name,
});

describe("consolidating inside a workbook", () => {
  it("names children after their units, replaces a re-imported unit (keeping the earlier copy), updates the summary in place", () => {
    // A first round made 金淘镇朴里村, 金淘镇岭兜村 and the summary; now 朴里村 sends a corrected file, 后厝村 a first one.
    const notes: Grid = {
      name: NOTES_SHEET,
      values: [
        ["填报单位", "工作表", "来源文件", "状态", "说明"],
        ["金淘镇朴里村", "金淘镇朴里村", "", "已汇总", ""],
        ["金淘镇岭兜村", "金淘镇岭兜村", "", "已汇总", ""],
      ],
      merges: [],
    };
    const summary = {
      ...filledSheet(getTemplate("nanan-2026-quarterly-2")!).grid,
      name: "季报表（二）汇总",
    };
    const sheets = [
      summary,
      notes,
      child("金淘镇朴里村", "金淘镇朴里村", 1),
      child("金淘镇岭兜村", "金淘镇岭兜村", 2),
      child("Sheet1", "金淘镇朴里村", 3),
      child("Sheet1 (2)", "金淘镇后厝村", 4),
    ];
    const plan = planConsolidation(
      sheets,
      ["Sheet1", "Sheet1 (2)"],
      new Map([
        ["Sheet1", "朴里村.xlsx"],
        ["Sheet1 (2)", "后厝村.xlsx"],
      ])
    );
    expect(plan.deletions).toEqual([]);
    expect([...plan.backups]).toEqual([["金淘镇朴里村", "金淘镇朴里村（上次）"]]);
    expect([...plan.renames]).toEqual([
      ["Sheet1", "金淘镇朴里村"],
      ["Sheet1 (2)", "金淘镇后厝村"],
    ]);
    const [s] = plan.consolidation.summaries;
    expect(s.sheet).toBe("季报表（二）汇总");
    expect(plan.existingSummaries.has(s.sheet)).toBe(true);
    expect(s.children.map((c) => c.sheet).sort()).toEqual(
      ["金淘镇后厝村", "金淘镇岭兜村", "金淘镇朴里村"].sort()
    );
    expect(s.cells[0].formula).toContain("'金淘镇后厝村'!");
    expect(plan.consolidation.lines.find((l) => l.unit === "金淘镇朴里村")).toMatchObject({
      origin: "朴里村.xlsx",
      status: "included",
    });
  });
});
