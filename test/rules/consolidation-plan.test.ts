/** The plan's words on summaries someone made by hand: never summed with the units they hold. */
import { planConsolidation, type Source } from "../../src/rules/consolidation/plan";
import { workbookSources } from "../../src/rules/consolidation/sources";
import { summarize } from "../../src/rules/consolidation/summary";
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognize, recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { stacked } from "../helpers/combine";

const t = getTemplate("nanan-2026-quarterly-1")!;
const sheet = (name: string, unit: string, seed: number, title?: string): Grid => {
  const g = { ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid, name };
  if (title) g.values[0][0] = title;
  return g;
};

it("a received summary whose villages were received one by one is left out, loudly; the villages are summed", () => {
  const grids = [
    sheet("朴里村", "金淘镇朴里村", 1),
    sheet("岭兜村", "金淘镇岭兜村", 2),
    sheet("手工汇总", "金淘镇", 3, `${t.title}汇总表`),
  ];
  const plan = planConsolidation(
    grids.map((g) => ({ sheet: g.name, origin: `${g.name}.xlsx`, recognition: recognize(g) }))
  );
  expect(plan.lines.map((l) => [l.sheet, l.status])).toEqual([
    ["朴里村", "included"],
    ["岭兜村", "included"],
    ["手工汇总", "overlap"],
  ]);
  expect(plan.lines[2].reason).toBe(
    "像是金淘镇的汇总表，而其中的金淘镇朴里村、金淘镇岭兜村已逐一报送：为免重复计算未计入"
  );
  expect(plan.clean).toBe(false);
});

it("in a workbook, the township's own summary sheet is no child of itself", () => {
  const recs = [
    sheet("朴里村", "金淘镇朴里村", 1),
    sheet("汇总", "金淘镇", 3),
    sheet("总表", "金淘镇", 4, `${t.title}（汇总）`),
  ].map((g) => recognize(g));
  expect(workbookSources(recs, undefined).map((s) => s.sheet)).toEqual(["朴里村"]);
});

describe("the 明细 sheet of many children", () => {
  it("keeps a row for each table, when two tables share a sheet", () => {
    const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
    const a = filledSheet(t, { seed: 41, rowTypes: ["village"], unit: "金淘镇朴里村" }).grid;
    const b = filledSheet(t, { seed: 42, rowTypes: ["village"], unit: "金淘镇岭兜村" }).grid;
    const pair = recognizeSheet(stacked(a, b, 1)) as TableRecognition[];
    expect(pair.map((r) => r.kind)).toEqual(["table", "table"]);
    // 130 sheets of two tables: 260 children, past Excel's 255 arguments a SUM.
    const children: Source[] = Array.from({ length: 130 }, (_, i) => `村${i + 1}`).flatMap(
      (sheet) => pair.map((r) => ({ sheet, origin: "", recognition: { ...r, sheet } }))
    );
    const s = summarize(t, children, "季报表（一）汇总", "季报表（一）汇总明细");
    expect(s.detail!.rows).toHaveLength(260);
    const [first, second] = s.detail!.rows;
    expect([first.unit, first.sheet, second.unit, second.sheet]).toEqual([
      "金淘镇朴里村",
      "村1",
      "金淘镇岭兜村",
      "村1",
    ]);
    // Each row refers to its own table's cells, and each summary cell is its column's sum.
    for (const row of s.detail!.rows) expect(row.cells.every((c) => c.formula)).toBe(true);
    expect(first.cells.map((c) => c.formula)).not.toEqual(second.cells.map((c) => c.formula));
    s.cells.forEach((cell, j) => {
      const sum = s.detail!.rows.reduce((n, r) => n + r.cells[j].value, 0);
      expect(cell.value).toBeCloseTo(sum, 6);
    });
    const total = (g: Grid, r: TableRecognition) =>
      [...r.match.columns.values()].reduce(
        (n, c) => n + (numericValue(g.values[r.match.rows.get("village")!]?.[c] ?? null) ?? 0),
        0
      );
    const want = 130 * pair.reduce((n, r) => n + total(r.grid, r), 0);
    expect(s.cells.reduce((n, c) => n + c.value, 0)).toBeCloseTo(want, 6);
  });
});

it("a plan's table (任务分解指导数) is never summed: received, it is listed; in the workbook, no child", () => {
  const targets = { ...filledSheet(getTemplate("jinjiang-2024-targets")!).grid, name: "任务分解" };
  const plan = planConsolidation([
    { sheet: "任务分解", origin: "任务分解.xlsx", recognition: recognize(targets) },
  ]);
  expect(plan.lines.map((l) => [l.status, l.reason])).toEqual([
    ["other-template", "是任务分解指导数，不是可汇总的统计表"],
  ]);
  expect(plan.children.size).toBe(0);
  expect(workbookSources([recognize(targets)], undefined)).toEqual([]);
});
