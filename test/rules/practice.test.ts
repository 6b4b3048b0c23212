import { checkGrids } from "../../src/rules/check";
import { fileSources, workbookSources } from "../../src/rules/consolidation/sources";
import { planWorkbook } from "../../src/rules/consolidation/workbook";
import { applyFixes } from "../../src/rules/fix";
import { fromA1 } from "../../src/rules/grid";
import { recognizeSheet } from "../../src/rules/recognize";
import { type Practice, practiceSheet, remaining } from "../../src/rules/sample/practice";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

const t = getTemplate("nanan-2026-quarterly-3") as TableTemplate;
const made = (p: ReturnType<typeof practiceSheet>): Practice => {
  if ("refused" in p) throw new Error(p.refused);
  return p;
};
const findings = (p: Practice) => checkGrids([p.grid])[0].findings;

describe("practice sheets", () => {
  it("the same seed gives the same sheet; another seed another", () => {
    expect(practiceSheet(t, 8, 7)).toEqual(practiceSheet(t, 8, 7));
    expect(made(practiceSheet(t, 8, 8)).planted).not.toEqual(made(practiceSheet(t, 8, 7)).planted);
  });

  it("plants N mistakes the checker finds, and counts them off as they are corrected", () => {
    const p = made(practiceSheet(t, 8, 3));
    expect(p.planted).toHaveLength(8);
    const before = findings(p);
    expect(remaining(p.planted, before)).toHaveLength(8);
    const [after] = checkGrids([applyFixes(p.grid, before)]);
    const left = remaining(p.planted, after.findings);
    // Certain fixes (blank, 无, 全角, 3家) correct those; negatives and fractions need the trainee.
    expect(left.every((x) => ["negative", "not-whole"].includes(x.category))).toBe(true);
  });

  // Every table a trainee can pick: one finding per mistake, and each mistake corrected by
  // typing the cell's original value back, whatever the others are.
  it.each(
    allTemplates()
      .filter((x): x is TableTemplate => x.kind === "table" && x.noBlankNote !== undefined)
      .map((x) => [x.id, x] as const)
  )("%s: every planted mistake is independent and correctable in its own cell", (_, table) => {
    const p = made(practiceSheet(table, 8, 1));
    const clean = filledSheet(table, {
      seed: 1,
      rowTypes: [table.rows[table.rows.length - 1].key],
    }).grid;
    expect(p.planted).toHaveLength(8);
    expect(findings(p)).toHaveLength(8);
    for (const m of p.planted) {
      const { row, col } = fromA1(m.cell);
      const values = p.grid.values.map((r) => [...r]);
      values[row][col] = clean.values[row][col];
      const left = checkGrids([{ ...p.grid, values }])[0].findings;
      expect(left).toHaveLength(7);
      expect(remaining(p.planted, left).map((x) => x.cell)).not.toContain(m.cell);
    }
  });

  it("honours the number asked for or refuses it with the reason", () => {
    expect(made(practiceSheet(t, 20, 2)).planted).toHaveLength(20);
    const most = practiceSheet(t, 500, 2);
    expect(most).toEqual({
      refused: expect.stringMatching(
        /^错误个数应为 1 到 \d+ 的整数：这张表最多能放 \d+ 处互不影响的错误$/
      ),
    });
    const n = Number(/最多能放 (\d+)/.exec((most as { refused: string }).refused)![1]);
    expect(made(practiceSheet(t, n, 2)).planted).toHaveLength(n);
    for (const bad of [0, -1, 2.5, NaN]) expect(practiceSheet(t, bad, 2)).toEqual(most);
  });
});

// A trainer's practice sheet beside the township's reports is checked like a report but is no
// unit's report: consolidation (a received file, or the workbook consolidated in place) and
// QTOTAL leave it out, so it can never replace or stand beside a village's report.
describe("a practice sheet is never summed", () => {
  const q1 = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
  const real = { ...filledSheet(q1, { seed: 4, unit: "金淘镇朴里村" }).grid, name: "朴里村" };
  const practice = made(practiceSheet(q1, 3, 9, "练习9")).grid;

  it("carries no unit's name and says on its title that it is not summed", () => {
    expect(JSON.stringify(practice.values)).not.toContain("朴里村");
    expect(String(practice.values[0][0])).toMatch(/^【培训练习表，不计入汇总】/);
    expect(findings({ grid: practice, planted: [] }).length).toBe(3);
  });

  it("a received file: only the report is a source", () => {
    const { sources } = fileSources([real, practice], { origin: "朴里村.xlsx" });
    expect(sources.map((s) => s.sheet)).toEqual(["朴里村"]);
    const alone = fileSources([practice], { origin: "练习.xlsx" }).sources;
    expect(alone.map((s) => s.recognition.kind)).toEqual(["none"]);
  });

  it("the workbook consolidated in place, and QTOTAL's sources", () => {
    const plan = planWorkbook([real, practice], [], { made: "2026-12-20 10:00" });
    expect(plan.lines.map((l) => l.sheet)).toEqual(["朴里村"]);
    expect(plan.summaries[0].children.map((c) => c.sheet)).toEqual(["朴里村"]);
    expect(
      workbookSources(
        [real, practice].flatMap((g) => recognizeSheet(g)),
        undefined
      ).map((s) => s.sheet)
    ).toEqual(["朴里村"]);
  });
});
