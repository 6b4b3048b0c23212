/**
 * DOMAIN (third round): an expected total is never computed from invalid parts. On every template
 * with arithmetic, filled as a clerk fills (0 in every unused cell), each relation with a blank,
 * non-numeric, negative or fractional cell names the cell to correct first, never an "应为" built
 * from it; a blank total of filled parts is fixed to their sum; and applying every certain fix
 * never reveals an arithmetic error the clerk was not told of.
 */
import { RULES } from "../../../src/rules/checks";
import { checkGrids } from "../../../src/rules/check";
import type { Finding } from "../../../src/rules/finding";
import { applyFixes } from "../../../src/rules/fix";
import { type CellValue, fromA1 } from "../../../src/rules/grid";
import { allTemplates, getTableInfo } from "../../../src/rules/templates/catalog";
import { relationColumns } from "../../../src/rules/templates/relations";
import type { TableTemplate } from "../../../src/rules/templates/schema";
import { clerkSheet, ofRule } from "../../helpers/filled";
import { deleteColumns } from "../../helpers/grids";

const identity = RULES.find((r) => r.id === "identity")!;
const templates = allTemplates().filter(
  (t): t is TableTemplate => t.kind === "table" && identity.appliesTo(t)
);
const checked = (t: TableTemplate) =>
  t.relations.filter((r) => r.kind !== "at-most" && r.kind !== "evidence");

const clerk = (id: string, seed = 7) => clerkSheet(id, seed);

/** The ways a clerk spoils a cell, for its column's unit. */
const spoilers = (id: string, key: string): [string, CellValue][] => [
  ["blank", null],
  ["text", "若干"],
  ["negative", -2],
  ["fraction", getTableInfo(id)!.leafByKey.get(key)!.unit === "万元" ? 1.23456 : 2.5],
];

const cases = templates.flatMap((t) =>
  checked(t).flatMap((r) => {
    // A sum's first and last parts; each cell of the zero relations.
    const cols = r.kind === "sum" ? [r.parts[0], r.parts[r.parts.length - 1]] : relationColumns(r);
    return cols.flatMap((col) =>
      spoilers(t.id, col).map(([how, v]) => [t.id, r.kind, col, how, v] as const)
    );
  })
);

describe.each(cases)("%s %s: %s %s", (id, kind, col, how, v) => {
  const relation = checked(templates.find((t) => t.id === id)!).find(
    (r) => r.kind === kind && relationColumns(r).includes(col)
  )!;

  // A blank `then` of "场次 0 ⇒ 参训 0" is fixed to 0, which keeps it: nothing to say.
  const holdsAsZero =
    how === "blank" && relation.kind === "zero-implies-zero" && col !== relation.when;

  it("names the cell to correct first, never an expected value built from it; fixing reveals nothing new", () => {
    const s = clerk(id);
    const slot = s.firstSlot;
    // The other cells of the relation non-zero, so that 0 in the spoiled one would break it.
    for (const k of relationColumns(relation)) if (k !== col) s.set(slot, k, 3);
    if (relation.kind === "sum") s.set(slot, relation.total, 99);
    s.set(slot, col, v);
    const cells = relationColumns(relation).map((k) => s.address(slot, k));
    const findings = s.findings();
    const about = ofRule(findings, "identity").filter((f) =>
      f.cells.every((c) => cells.includes(c))
    );
    expect(about).toHaveLength(holdsAsZero ? 0 : 1);
    // Applying every certain fix reveals no arithmetic error the clerk was not told of.
    const told = new Set(ofRule(findings, "identity").flatMap((f) => f.cells));
    const after = checkGrids([applyFixes(s.grid, findings)])[0].findings;
    expect(
      ofRule(after, "identity")
        .filter((f) => !f.cells.some((c) => told.has(c)))
        .map((f) => `${f.cell} ${f.message}`)
    ).toEqual([]);
    if (holdsAsZero) return;
    const [f] = about;
    expect(f.message).toMatch(/^请先改正/);
    expect(f.message).toContain(s.address(slot, col));
    expect(f.message).not.toMatch(/应为/);
    expect(f.expected).toBeUndefined();
    expect(f.fix).toBeUndefined();
    if (relation.kind === "sum") expect(f.cell).toBe(s.address(slot, relation.total));
  });
});

describe.each(templates.map((t) => t.id))("%s", (id) => {
  it("a blank or 0-by-fix part that, as 0, keeps the relation says nothing more", () => {
    for (const r of checked(templates.find((t) => t.id === id)!)) {
      const s = clerk(id);
      const slot = s.firstSlot;
      for (const k of relationColumns(r)) s.set(slot, k, 0);
      if (r.kind === "sum") s.set(slot, r.parts[1], 4).set(slot, r.total, 4);
      const spoiled = r.kind === "sum" ? r.parts[0] : relationColumns(r)[0];
      s.set(slot, spoiled, null);
      const cells = relationColumns(r).map((k) => s.address(slot, k));
      const about = () =>
        ofRule(s.findings(), "identity").filter((f) => f.cells.every((c) => cells.includes(c)));
      expect(about()).toEqual([]);
      s.set(slot, spoiled, "无");
      expect(about()).toEqual([]);
    }
  });

  const sums = checked(templates.find((t) => t.id === id)!).filter((r) => r.kind === "sum");
  if (sums.length)
    it("a blank, 无 or worded total of filled parts is fixed to their sum, not 0", () => {
      for (const r of sums) {
        if (r.kind !== "sum") continue;
        for (const written of [null, "无", "见附件"]) {
          const s = clerk(id, 11);
          const slot = s.firstSlot;
          r.parts.forEach((k, i) => s.set(slot, k, i + 2));
          const sum = r.parts.reduce((a, _, i) => a + i + 2, 0);
          s.set(slot, r.total, written);
          const at = s.address(slot, r.total);
          const findings = s.findings();
          const on: Finding[] = findings.filter((f) => f.cell === at);
          expect(on.map((f) => f.rule)).toEqual([written === null ? "blank" : "not-number"]);
          expect(on[0]).toMatchObject({ expected: sum, fix: { cell: at, value: sum } });
          expect(on[0].message).toContain(
            `应为 ${sum}（=${r.parts.map((_, i) => i + 2).join("+")}）`
          );
          const after = checkGrids([applyFixes(s.grid, findings)])[0].findings;
          expect(after.filter((f) => f.severity === "error" && f.cells.includes(at))).toEqual([]);
        }
      }
    });
});

it("the issue's example: 总数 28 over 规上 -1 asks for 规上 first, not “应为 27（=-1+3+3+22）”", () => {
  const s = clerk("nanan-2026-quarterly-1")
    .set("village", "base.total", 28)
    .set("village", "base.large", -1)
    .set("village", "base.medium", 3)
    .set("village", "base.small", 22);
  const [f] = ofRule(s.findings(), "identity");
  expect(f.message).toBe(
    `请先改正规上企业（${s.address("village", "base.large")}：负数 -1），才能核对总数是否等于规上企业+中等企业+小微企业`
  );
  expect(ofRule(s.findings(), "negative")).toHaveLength(1);
});

it("a relation whose column was deleted is not judged: the structure finding says what is missing", () => {
  const s = clerk("nanan-2026-quarterly-1");
  const grid = deleteColumns(s.grid, fromA1(s.address("village", "base.medium")).col, 1);
  const findings = checkGrids([grid])[0].findings;
  expect(findings.map((f) => f.rule)).toEqual(["structure/missing-columns"]);
});
