/**
 * Unit-type row labels as clerks write them (a suffix, a synonym), the clerk's own 合计 row (never a
 * unit row, only checked against the sum), and a filled row the table does not read (never silent).
 */
import { checkGrids } from "../../src/rules/check";
import type { Grid } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { insertRow, mapText } from "../helpers/grids";
import { misplaced, planted } from "../helpers/plant";

/** Labels clerks use for each unit type, by the label the notice prints. */
const VARIANTS: Record<string, string[]> = {
  镇直直单位: ["镇直单位合计", "镇直部门", "镇直单位小计"],
  村: ["村（社区）", "社区", "村合计"],
  县直单位: ["县直部门", "县直单位合计"],
  乡镇: ["乡镇合计", "乡镇（街道）"],
  市直单位: ["市直部门", "市直单位小计"],
  "县（市、区）": ["县（市、区）合计", "县市区"],
};

const labelled = [
  "nanan-2026-quarterly-1",
  "nanan-2026-quarterly-2",
  "nanan-2026-quarterly-3",
].concat(["anxi", "jinjiang"].flatMap((e) => [`${e}-2024-monthly-1`, `${e}-2024-monthly-2`]));
const flat = labelled.filter((id) => !(getTemplate(id) as TableTemplate).subRows);

const relabel = (g: Grid, top: number, bottom: number, pick: number) =>
  mapText(g, top, bottom, (s, _r, c) => {
    const v = c === 0 ? VARIANTS[s] : undefined;
    return v ? v[pick % v.length] : s;
  });

describe.each(labelled)("%s: unit-type rows", (id) => {
  it.each([0, 1, 2])("are found under a suffixed or synonym label (variant %i)", (pick) => {
    const p = planted(id);
    const g = relabel(p.grid, p.layout.body.top, p.layout.body.bottom, pick);
    const rec = recognize(g);
    expect(rec.template?.id).toBe(id);
    expect(misplaced(rec, p.markers)).toEqual([]);
    expect(rec.kind === "table" && rec.findings).toEqual([]);
  });

  it("a filled row that is no unit row is an error naming the row, never silent", () => {
    const { grid, layout } = filledSheet(getTemplate(id)!, { seed: 2 });
    const width = getTableInfo(id)!.leaves.length;
    const g = insertRow(grid, layout.body.bottom + 1, ["其他单位", ...Array(width).fill(1)]);
    const { findings, recognition } = checkGrids([g])[0];
    expect(recognition.template?.id).toBe(id);
    const unread = findings.filter((f) => f.rule === "structure/unread-row");
    expect(unread).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: `A${layout.body.bottom + 2}`,
        row: "其他单位",
      }),
    ]);
    expect(unread[0].message).toMatch(/其他单位.*不会被检查和汇总/);
  });
});

describe.each(flat)("%s: the clerk's own 合计 row", (id) => {
  const withTotal = (label: string, delta: number) => {
    const { grid, layout } = filledSheet(getTemplate(id)!, { seed: 3 });
    const rows = grid.values.slice(layout.body.top, layout.body.bottom + 1);
    const sums = rows[0].map((_, c) =>
      c === 0
        ? label
        : rows.reduce((a, r) => a + (typeof r[c] === "number" ? (r[c] as number) : 0), 0)
    );
    sums[1] = (sums[1] as number) + delta;
    return { g: insertRow(grid, layout.body.bottom + 1, sums), layout };
  };

  it.each(["合计", "小计"])("%s is no unit row; when it adds up there is no finding", (label) => {
    const { g, layout } = withTotal(label, 0);
    const [report] = checkGrids([g]);
    expect(report.findings).toEqual([]);
    const rec = recognize(g);
    const rows = rec.kind === "table" ? [...rec.match.rows.values()] : [];
    expect(rows).not.toContain(layout.body.bottom + 1);
  });

  it("a total that does not add up is a warning on the total row, not an error", () => {
    const { g, layout } = withTotal("合计", 5);
    const [report] = checkGrids([g]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["clerk-total", "warning", `B${layout.body.bottom + 2}`],
    ]);
    expect(report.findings[0].message).toContain("合计行不计入汇总");
  });
});
