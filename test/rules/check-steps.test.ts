/**
 * checkInSteps: a workbook checked a few sheets at a time gives, step by step, reports that are
 * already final, and at the end exactly checkGrids's. A table whose rule reads another sheet (晋江
 * 月报表（一）'s schedule reads the 任务分解指导数) waits for the last step, wherever the plan is.
 */
import { checkGrids, checkInSteps } from "../../src/rules/check";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { Sheet } from "../helpers/filled";

const village = (i: number): Grid => {
  const g = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: i + 1,
    rowTypes: ["village"],
  }).grid;
  if (i % 2 === 0) g.values[6][2] = "无"; // a finding on every other sheet
  return { ...g, name: `${i + 1}村` };
};

/** A July 月报表（一） 4 of 10 评审达标 short of its plan's 60 %, then the plan itself. */
function behindPlan(): Grid[] {
  const july = new Sheet("jinjiang-2024-monthly-1").header(
    "填报单位（盖章）：文旅局  填表人：林小红  联系电话：13805951234  2024年8月2日"
  );
  for (const type of ["city-dept", "county"])
    for (const k of ["large", "medium", "small"]) july.set(`${type}.national`, `certified.${k}`, 0);
  july.set("county.national", "certified.large", 4);
  const targets = filledSheet(getTemplate("jinjiang-2024-targets")!).grid;
  return [
    { ...july.grid, name: "月报" },
    ...[0, 1, 2, 3].map(village),
    { ...targets, name: "指导数" },
  ];
}

it("gives each step's reports final, in sheet order, and checkGrids's at the end", () => {
  const grids = Array.from({ length: 7 }, (_, i) => village(i));
  const steps = [...checkInSteps(grids, {}, 3)];
  expect(steps.map((s) => [s.checked, s.total, s.done])).toEqual([
    [3, 7, false],
    [6, 7, false],
    [7, 7, true],
  ]);
  const all = checkGrids(grids);
  expect(steps[2].reports).toEqual(all);
  expect(steps[0].reports).toEqual(all.slice(0, 3));
  expect(steps[1].reports).toEqual(all.slice(0, 6));
  expect(all[0].findings.length).toBeGreaterThan(0);
});

it("holds a table that reads the plan until every sheet is read, the plan on a later sheet", () => {
  const grids = behindPlan();
  const steps = [...checkInSteps(grids, {}, 2)];
  for (const s of steps.filter((s) => !s.done))
    expect(s.reports.map((r) => r.sheet)).not.toContain("月报");
  const last = steps[steps.length - 1];
  expect(last.reports).toEqual(checkGrids(grids));
  const month = last.reports.find((r) => r.sheet === "月报")!;
  expect(month.findings.map((f) => f.message)).toContain(
    "评审达标企业进度落后：按任务清单第75项，7月底应完成全年任务的60%（全年 10 家，应至少 6 家），目前为 4 家"
  );
  // Every other sheet's report came as soon as its sheet was checked.
  expect(steps[0].reports.map((r) => r.sheet)).toEqual(["1村"]);
});

it("an empty workbook is one step, done", () => {
  expect([...checkInSteps([], {}, 6)]).toEqual([{ reports: [], checked: 0, total: 0, done: true }]);
});
