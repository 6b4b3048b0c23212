/** 下发表样's plan: which tables a unit gets, file names unique in the folder, the stamp. */
import {
  blankStamp,
  distributionTemplates,
  planDistribution,
} from "../../src/rules/consolidation/distribute";
import { makeRoster } from "../../src/rules/consolidation/roster";
import { checkGrids } from "../../src/rules/check";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import type { Period } from "../../src/rules/period";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { findPeriodStamp } from "../../src/rules/report-period";
import { applyEdits } from "../../src/rules/stamp";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

const Q4: Period = { cycle: "quarter", year: 2026, quarter: 4 };
const q = (n: number) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate;

it("a quarter sends the 季报表, a month asks which edition, an id is checked", () => {
  expect(distributionTemplates(Q4)).toEqual({ templates: [q(1), q(2), q(3)] });
  expect(distributionTemplates({ cycle: "month", year: 2024, month: 5 })).toEqual({
    error:
      "月报表有2个版本，请用 --template 指定：anxi-2024-monthly-1、anxi-2024-monthly-2、jinjiang-2024-monthly-1、jinjiang-2024-monthly-2",
  });
  expect(
    distributionTemplates({ cycle: "month", year: 2024, month: 5 }, "anxi-2024-monthly-2")
  ).toEqual({
    templates: [getTemplate("anxi-2024-monthly-2")],
  });
  expect(distributionTemplates(Q4, "nanan-2024-review-stats")).toEqual({
    error: "“回头看”统计表不是季报表或月报表，不按报告期下发",
  });
  expect(distributionTemplates(Q4, "x")).toEqual({
    error: "没有编号为 x 的模板（编号见 srs templates）",
  });
});

it("each unit gets the tables with its row; names are unique however a file system compares", () => {
  const roster = makeRoster([
    { unit: "金淘镇朴里村", type: "村" },
    { unit: "金淘镇应急办" }, // 镇直单位 by its name
    { unit: "A/B村" },
    { unit: "a:b村" },
    { unit: "A?B村" },
  ]);
  const plan = planDistribution(roster, Q4, [q(3)]);
  expect(plan.copies.map((c) => c.file)).toEqual([
    "金淘镇朴里村-“九小场所”季报表（三）-2026年第4季度.xlsx",
    "A_B村-“九小场所”季报表（三）-2026年第4季度.xlsx",
    "a_b村-“九小场所”季报表（三）-2026年第4季度(2).xlsx",
    "A_B村-“九小场所”季报表（三）-2026年第4季度(3).xlsx",
  ]);
  expect(plan.skipped).toEqual([
    { unit: "金淘镇应急办", reason: "“九小场所”季报表（三）没有“镇直单位”行" },
  ]);
  expect(
    planDistribution(roster, Q4, [q(1), q(3)])
      .copies.filter((c) => c.unit === "金淘镇应急办")
      .map((c) => c.template.id)
  ).toEqual([q(1).id]);
});

it("the stamp is srs stamp's: the unit, the period and the 统计口径 line, no data cell", () => {
  for (const t of [q(1), q(2), q(3), getTemplate("jinjiang-2024-monthly-1") as TableTemplate]) {
    const p: Period = t.cycle === "quarter" ? Q4 : { cycle: "month", year: 2024, month: 5 };
    const s = blankStamp(t, "金淘镇朴里村", p);
    const blank = blankTemplate(t).grid;
    expect(s.sheet).toBe(blank.name);
    const grid = applyEdits(blank, s.edits);
    const rec = recognize(grid) as TableRecognition;
    expect(rec.headerFields.find((f) => f.key === "unit")?.value).toBe("金淘镇朴里村");
    expect(findPeriodStamp(rec)?.period).toEqual(p);
    expect(s.edits.some((e) => e.value.startsWith("统计口径：") && e.across)).toBe(true);
    // Only what the unit fills in is wanted: the blanks, 填表人, 联系电话 and the date.
    const findings = checkGrids([grid])[0].findings;
    expect(findings.filter((f) => f.rule !== "blank").map((f) => f.message)).toEqual([
      "未填写填表人",
      "未填写联系电话",
      "未填写完整的填报日期（年、月、日）",
    ]);
  }
});
