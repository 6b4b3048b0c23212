/**
 * 回头看统计表 prints two unlabelled data rows (DOMAIN: decisions after the first release):
 * every filled row is read and checked, an empty one is spare, and consolidation sums them all.
 */
import { checkGrids } from "../../src/rules/check";
import { summarize } from "../../src/rules/consolidation/summary";
import { fromA1, type Grid } from "../../src/rules/grid";
import { addressMap, recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { clone } from "../helpers/grids";

const ID = "nanan-2024-review-stats";
const t = getTemplate(ID) as TableTemplate;
const leaves = getTableInfo(ID)!.leaves;

/** A filled 统计表 whose data rows after the first hold `rows` (one array of 15 values each). */
function withRows(seed: number, rows: (number | string | null)[][]): Grid {
  const { grid, layout } = filledSheet(t, { seed });
  const g = clone(grid);
  // The footer (填报人…) moves down to make room past the printed second row.
  const extra = Math.max(0, rows.length - 1);
  g.values.splice(layout.body.bottom + 1, 0, ...Array.from({ length: extra }, () => []));
  g.merges = g.merges.map((m) =>
    m.top > layout.body.bottom ? { ...m, top: m.top + extra, bottom: m.bottom + extra } : m
  );
  rows.forEach((r, i) => (g.values[layout.body.top + 1 + i] = [...r]));
  return g;
}

const table = (g: Grid) => recognize(g) as TableRecognition;
const row = (seed: number) => leaves.map((_, j) => ((seed * 7 + j) % 5) + (j % 2 ? 0 : 1));

/** A row where every zero-implies-zero holds (督导检查 0 ⇒ 发现问题 0) and nothing calls for evidence. */
function validRow(seed: number): number[] {
  const v = row(seed);
  for (const k of ["practice.enterprises", "practice.gov", "mechanism.count"])
    v[leaves.findIndex((l) => l.key === k)] = 0;
  return v;
}

describe("every filled data row of 回头看统计表", () => {
  it.each([1, 2, 3])(
    "the second printed row, when filled, is read and gives no finding (seed %i)",
    (seed) => {
      const rec = table(withRows(seed, [validRow(seed)]));
      expect(rec.template.id).toBe(ID);
      expect(rec.info.slots.map((s) => s.key)).toEqual(["total", "total#2"]);
      const [report] = checkGrids([withRows(seed, [validRow(seed)])]);
      expect(report.findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
    }
  );

  it("rows past the printed two are read until the footer", () => {
    const g = withRows(4, [validRow(1), validRow(2), validRow(3)]);
    const rec = table(g);
    expect(rec.info.slots.map((s) => s.key)).toEqual(["total", "total#2", "total#3", "total#4"]);
    const map = addressMap(rec);
    const { row } = fromA1(map["total#4|exposure.enterprises"]);
    expect(g.values[row + 1][0]).toMatch(/填报人/);
  });

  it("an empty second row is spare: read, but no finding on it", () => {
    const g = withRows(5, [leaves.map(() => null)]);
    const [report] = checkGrids([g]);
    expect(report.findings).toEqual([]);
    expect(table(g).info.slots.map((s) => s.key)).toEqual(["total", "total#2"]);
  });

  it.each([
    ["无", "not-number"],
    [-2, "negative"],
    [1.5, "not-whole"],
  ])("a planted %p in the second row is found there, named 第2数据行", (value, rule) => {
    const bad = validRow(6);
    bad[0] = value as number;
    const g = withRows(6, [bad]);
    const cell = addressMap(table(g))["total#2|review.enterprises"];
    const findings = checkGrids([g])[0].findings;
    expect(findings.filter((f) => f.rule === rule)).toEqual([
      expect.objectContaining({ cell, row: "第2数据行" }),
    ]);
    expect(findings.filter((f) => f.cell !== cell)).toEqual([]);
  });

  it("a relation broken in the third row is found in that row", () => {
    const bad = validRow(7);
    const at = (k: string) => leaves.findIndex((l) => l.key === k);
    bad[at("supervise.enterprises")] = 0;
    bad[at("supervise.enterpriseIssues")] = 3;
    const g = withRows(7, [validRow(8), bad]);
    const findings = checkGrids([g])[0].findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.row))).toEqual(new Set(["第3数据行"]));
  });

  it("consolidation sums every filled row of every child into the summary's row", () => {
    const a = withRows(1, [validRow(2)]);
    const b = withRows(3, [validRow(4), validRow(5)]);
    const recs = [a, b].map(table);
    const children = recs.map((recognition, i) => ({
      sheet: `单位${i + 1}`,
      origin: "",
      recognition,
    }));
    const summary = summarize(t, children, "汇总", "明细");
    const col = leaves.findIndex((l) => l.key === "review.gov");
    const cell = summary.cells.find((c) => c.col === col)!;
    const expected = recs
      .flatMap((rec) => rec.info.slots.map((s) => rec.match.rows.get(s.key)!))
      .reduce((sum, r, i) => sum + Number((i < 2 ? a : b).values[r][col] ?? 0), 0);
    expect(cell.value).toBe(expected);
    expect(cell.formula.split(",")).toHaveLength(5);
    expect(summary.cells.every((c) => c.row === summary.layout.body.top)).toBe(true);
  });
});
