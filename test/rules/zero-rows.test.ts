/**
 * Zero rows (DOMAIN.md, third round): 注10 asks a village to write 0 across the 镇直单位 row (and a
 * department across the 村 row). Only non-zero numbers show which row a unit filled: zeros or
 * blanks in the other row are correct filling, its own row all 0 is a report and is summed, and
 * non-zero numbers in the other type's row are 填错行, in the plan and at check time alike.
 */
import { checkGrids } from "../../src/rules/check";
import { planConsolidation } from "../../src/rules/consolidation/plan";
import { makeRoster } from "../../src/rules/consolidation/roster";
import { summarize } from "../../src/rules/consolidation/summary";
import type { Grid } from "../../src/rules/grid";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

/** Each two-row table, a unit of each row by a name that says its type (月报表: a place only). */
const CASES: [string, { unit: string; row: string }[]][] = [
  [
    "nanan-2026-quarterly-1",
    [
      { unit: "金淘镇朴里村", row: "village" },
      { unit: "金淘镇应急管理办公室", row: "town-dept" },
    ],
  ],
  [
    "nanan-2026-quarterly-2",
    [
      { unit: "东街社区", row: "village" },
      { unit: "金淘镇农业服务中心", row: "town-dept" },
    ],
  ],
  ["anxi-2024-monthly-1", [{ unit: "金淘镇", row: "township" }]],
  ["anxi-2024-monthly-2", [{ unit: "城厢街道", row: "township" }]],
  ["jinjiang-2024-monthly-1", [{ unit: "安海镇", row: "county" }]],
  ["jinjiang-2024-monthly-2", [{ unit: "东石镇", row: "county" }]],
];

const grid = (t: TableTemplate, unit: string, options: Parameters<typeof filledSheet>[1]) =>
  ({ ...filledSheet(t, { seed: 7, unit, ...options }).grid, name: unit }) as Grid;

const plan = (grids: Grid[], roster?: Parameters<typeof makeRoster>[0]) =>
  planConsolidation(
    grids.map((g) => ({ sheet: g.name, origin: `${g.name}.xlsx`, recognition: recognize(g) })),
    roster ? { roster: makeRoster(roster) } : {}
  );

const findings = (g: Grid) => checkGrids([g])[0].findings;

describe.each(CASES)("%s", (id, units) => {
  const t = getTemplate(id) as TableTemplate;
  const other = (row: string) => t.rows.find((r) => r.key !== row)!.key;

  it.each(units)(
    "$unit: 0 across the other row, or the other row blank, is correct filling",
    (u) => {
      for (const otherRows of ["zero", "blank"] as const) {
        const g = grid(t, u.unit, { rowTypes: [u.row], otherRows });
        expect([otherRows, findings(g)]).toEqual([otherRows, []]);
        const p = plan([g]);
        expect([otherRows, p.lines.map((l) => [l.status, l.problems])]).toEqual([
          otherRows,
          [["included", []]],
        ]);
        expect(p.clean).toBe(true);
      }
    }
  );

  it.each(units)("$unit: its own row all 0 is a report, summed (as 0)", (u) => {
    const zero = grid(t, u.unit, { rowTypes: [] });
    const g = grid(t, `${u.unit.slice(0, -1)}二${u.unit.slice(-1)}`, { rowTypes: [u.row] });
    expect(findings(zero)).toEqual([]);
    const p = plan([zero, g]);
    expect(p.lines.map((l) => l.status)).toEqual(["included", "included"]);
    const children = p.children.get(id)!;
    expect(children.map((c) => c.sheet)).toEqual([zero.name, g.name]);
    // The sum is the other unit's numbers: the zero report adds nothing, and is counted.
    const alone = summarize(t, [children[1]], "s", "d").cells.map((c) => c.value);
    expect(summarize(t, children, "s", "d").cells.map((c) => c.value)).toEqual(alone);
  });

  it.each(units)(
    "$unit: non-zero numbers in the other type's row are 填错行, checked and planned",
    (u) => {
      // Its numbers in the other row, 0 across its own.
      const g = grid(t, u.unit, { rowTypes: [other(u.row)] });
      const rec = recognize(g) as TableRecognition;
      const wrong = findings(g).filter((f) => f.rule === "wrong-row");
      expect(wrong).toHaveLength(1);
      const label = (k: string) => t.rows.find((r) => r.key === k)!.label;
      expect(wrong[0]).toMatchObject({ severity: "error", row: label(other(u.row)) });
      expect(wrong[0].message).toContain(`应填“${label(u.row)}”行`);
      // Every cell it names is a non-zero number in the other row.
      const otherRows = [...rec.match.rows].filter(([k]) => k.split(".")[0] === other(u.row));
      const rows = new Set(otherRows.map(([, r]) => r + 1));
      for (const a of wrong[0].cells) expect(rows.has(Number(/\d+$/.exec(a)![0]))).toBe(true);
      const p = plan([g]);
      expect(p.lines.map((l) => l.status)).toEqual(["wrong-row"]);
      expect(p.lines[0].reason).toContain(`应填“${label(u.row)}”行`);
    }
  );
});

it("a roster's type decides over the name, at check time and in the plan", () => {
  const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
  // 金淘镇林业站 sounds like a department; the roster says it is a 村 (as a township may list it).
  const g = grid(t, "金淘镇林业站", { rowTypes: ["village"] });
  expect(findings(g).map((f) => f.rule)).toEqual(["wrong-row"]);
  const roster = makeRoster([{ unit: "金淘镇林业站", type: "村" }]);
  expect(checkGrids([g], { roster })[0].findings).toEqual([]);
  expect(plan([g], roster.entries).lines.map((l) => l.status)).toEqual(["included"]);
});

it("月报表's department row is never for a village, community or township", () => {
  for (const id of ["anxi-2024-monthly-1", "jinjiang-2024-monthly-2"]) {
    const t = getTemplate(id) as TableTemplate;
    const dept = t.rows[0].key;
    for (const unit of ["金淘镇朴里村", "东街社区", "金淘镇", "龙门乡", "凤城街道"]) {
      const g = grid(t, unit, { rowTypes: [dept] });
      expect([unit, findings(g).map((f) => f.rule)]).toEqual([unit, ["wrong-row"]]);
      expect([unit, plan([g]).lines[0].status]).toEqual([unit, "wrong-row"]);
    }
    // A county department, or a unit whose name says nothing (a 市场监管所 may fill 乡镇), may.
    for (const unit of ["安溪县应急管理局", "金淘市场监管所"]) {
      const g = grid(t, unit, { rowTypes: [dept] });
      expect([unit, findings(g)]).toEqual([unit, []]);
    }
  }
});
