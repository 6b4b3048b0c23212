/**
 * Several report tables on one sheet (clerks paste 季报表（一） and （三） onto one sheet): one
 * under the other or side by side, whole or the table alone. Every table is recognized with its
 * own template, every cell where it is, its own header fields; each is checked on its own with no
 * false error (a stacked table is no unread row of the one above), and planted mistakes are found
 * in the table that holds them.
 */
import { checkGrids } from "../../src/rules/check";
import { type Grid, toA1 } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { recognize, recognizeSheet, type Recognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { beside, offsetNumbers, stacked, tableOnly } from "../helpers/combine";
import { Sheet } from "../helpers/filled";
import { unmerge } from "../helpers/grids";
import { autoNamesAbove, flattenHeader } from "../helpers/headers";
import { misplaced, planted } from "../helpers/plant";

/** Pairs clerks put together: the issue's （一）+（三）, each edition's tables, one table twice. */
const PAIRS: [string, string][] = [
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-3"],
  ["nanan-2026-quarterly-3", "nanan-2026-quarterly-1"],
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-2"],
  ["nanan-2026-quarterly-2", "nanan-2026-quarterly-3"],
  ["anxi-2024-monthly-1", "anxi-2024-monthly-2"],
  ["jinjiang-2024-monthly-2", "jinjiang-2024-monthly-1"],
  ["nanan-2024-review-stats", "nanan-2026-quarterly-1"],
  ["nanan-2026-quarterly-2", "nanan-2024-review-stats"],
  ["jinjiang-2024-targets", "jinjiang-2024-monthly-1"],
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-1"],
];

/** How the second table is put beside the first. */
const WAYS: [string, (a: Grid, b: Grid) => Grid][] = [
  ["one under the other, a blank row between", (a, b) => stacked(a, b, 1)],
  ["one right under the other", (a, b) => stacked(a, b, 0)],
  ["side by side, a blank column between", (a, b) => beside(a, b, 1)],
  ["side by side, touching", (a, b) => beside(a, b, 0)],
];

const body = (id: string) => {
  const l = blankTemplate(getTemplate(id)!);
  return { top: l.header.top, bottom: l.body.bottom };
};

const tables = (recs: Recognition[]) => recs.map((r) => r.template?.id ?? null);

describe.each(PAIRS)("%s with %s", (a, b) => {
  it.each(WAYS)("%s: both are recognized, every cell where it is", (_, put) => {
    const pa = planted(a);
    const pb = planted(b);
    const shift = 5000;
    const g = put(pa.grid, offsetNumbers(pb.grid, shift));
    const recs = recognizeSheet(g);
    expect(tables(recs)).toEqual([a, b]);
    expect(misplaced(recs[0], pa.markers)).toEqual([]);
    const moved = new Map([...pb.markers].map(([k, v]) => [k, v + shift]));
    expect(misplaced(recs[1], moved)).toEqual([]);
    for (const r of recs) expect(r.kind !== "none" && r.findings).toEqual([]);
    expect(recs.map((r) => r.kind !== "none" && [r.place.index, r.place.of])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // recognize() gives the first of them.
    expect(recognize(g).template?.id).toBe(a);
  });

  it.each(WAYS)("%s, tables alone (no title, no notes)", (_, put) => {
    const pa = planted(a);
    const pb = planted(b);
    const g = put(
      tableOnly(pa.grid, body(a).top, body(a).bottom),
      tableOnly(offsetNumbers(pb.grid, 5000), body(b).top, body(b).bottom)
    );
    expect(tables(recognizeSheet(g))).toEqual([a, b]);
  });

  it.each(WAYS)("%s, filled: each is checked on its own, nothing false", (_, put) => {
    const fa = filledSheet(getTemplate(a)!, { seed: 3, unit: "金淘镇朴里村" }).grid;
    const fb = filledSheet(getTemplate(b)!, { seed: 4, unit: "金淘镇朴里村" }).grid;
    const reports = checkGrids([put(fa, fb)]);
    expect(reports.map((r) => r.recognition.template?.id)).toEqual([a, b]);
    for (const r of reports)
      expect(r.findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
    // Each table keeps its own header line, as read from it alone.
    const alone = [fa, fb].map((g) => checkGrids([g])[0].recognition);
    reports.forEach((r, i) =>
      expect(
        r.recognition.kind !== "none" && r.recognition.headerFields.map((h) => h.value)
      ).toEqual(alone[i].kind !== "none" && alone[i].headerFields.map((h) => h.value))
    );
  });

  it.each(WAYS)("%s: a mistake is found in the table that holds it", (_, put) => {
    const sa = new Sheet(a, { seed: 3 });
    const sb = new Sheet(b, { seed: 4 });
    const info = getTableInfo(b)!;
    const leaf = info.leaves.find(
      (l) => l.kind === "number" && !info.notApplicable(info.slots[0], l.key)
    )!;
    sb.set(sb.firstSlot, leaf.key, "若干");
    const g = put(sa.grid, sb.grid);
    const reports = checkGrids([g]);
    expect(reports.map((r) => r.recognition.template?.id)).toEqual([a, b]);
    expect(reports[0].findings.filter((f) => f.severity === "error")).toEqual([]);
    const at = (() => {
      for (let r = 0; r < g.values.length; r++) {
        const c = g.values[r].indexOf("若干");
        if (c >= 0) return toA1(g, r, c);
      }
    })();
    expect(reports[1].findings.filter((f) => f.severity === "error").map((f) => f.cell)).toContain(
      at
    );
  });
});

it("a table's own header fields, not its neighbour's", () => {
  const fa = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 1,
    unit: "金淘镇朴里村",
  }).grid;
  const fb = filledSheet(getTemplate("nanan-2026-quarterly-3")!, {
    seed: 2,
    unit: "金淘镇东山村",
  }).grid;
  for (const g of [stacked(fa, fb, 2), beside(fa, fb, 1)]) {
    const units = recognizeSheet(g).map(
      (r) => r.kind !== "none" && r.headerFields.find((h) => h.key === "unit")?.value
    );
    expect(units).toEqual(["金淘镇朴里村", "金淘镇东山村"]);
  }
});

it("one table on a sheet is one table, for every template, blank or filled", () => {
  for (const t of allTemplates())
    for (const grid of [
      blankTemplate(t).grid,
      ...[1, 2, 3].map((seed) => filledSheet(t, { seed }).grid),
    ])
      expect([t.id, tables(recognizeSheet(grid))]).toEqual([t.id, [t.id]]);
});

describe.each([
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-3"],
  ["anxi-2024-monthly-2", "anxi-2024-monthly-1"],
  ["nanan-2024-review-stats", "nanan-2026-quarterly-2"],
])("%s and %s with flattened or Excel Table headers", (a, b) => {
  const header = (id: string) => blankTemplate(getTemplate(id)!).header;
  const flat = (id: string, g: Grid) => flattenHeader(g, header(id), (p) => p.join("›"));
  const table = (id: string, g: Grid) =>
    autoNamesAbove(
      unmerge(g, header(id).top, header(id).bottom),
      header(id).top,
      0,
      header(id).right
    );
  it.each(WAYS)("%s: both found, every cell where it is", (_, put) => {
    const pa = planted(a);
    const pb = planted(b);
    const g = put(flat(a, pa.grid), table(b, offsetNumbers(pb.grid, 5000)));
    const recs = recognizeSheet(g);
    expect(tables(recs)).toEqual([a, b]);
    expect(misplaced(recs[0], pa.markers)).toEqual([]);
    expect(misplaced(recs[1], new Map([...pb.markers].map(([k, v]) => [k, v + 5000])))).toEqual([]);
    for (const r of recs) expect(r.kind !== "none" && r.findings).toEqual([]);
  });
});
