/** The plan's words on summaries someone made by hand: never summed with the units they hold. */
import { planConsolidation } from "../../src/rules/consolidation/plan";
import { workbookSources } from "../../src/rules/consolidation/sources";
import type { Grid } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";

const t = getTemplate("nanan-2026-quarterly-1")!;
const sheet = (name: string, unit: string, seed: number, title?: string): Grid => {
  const g = { ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid, name };
  if (title) g.values[0][0] = title;
  return g;
};

it("a received sheet titled as a summary is left out, loudly; the villages are summed", () => {
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
  expect(plan.lines[2].reason).toMatch(/^标题含“汇总”/);
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
