/**
 * DOMAIN (third round), 万元 plausibility: a 万元 figure that reads as yuan is a warning
 * "疑似按元填写（本栏单位为万元）" — from 1,000 for a village or department, 10,000 on a township's
 * row, 100,000 on a county's — and never stops a report from being summed. Over every template with
 * a 万元 column, every such column, each kind of unit that fills it.
 */
import { RULES } from "../../../src/rules/checks";
import { planConsolidation } from "../../../src/rules/consolidation/plan";
import { recognize } from "../../../src/rules/recognize";
import { allTemplates, getTableInfo } from "../../../src/rules/templates/catalog";
import type { TableTemplate } from "../../../src/rules/templates/schema";
import { ofRule, Sheet } from "../../helpers/filled";

const rule = RULES.find((r) => r.id === "wan-yuan")!;
const templates = allTemplates().filter((t): t is TableTemplate => rule.appliesTo(t));

it("applies to every table with a 万元 column", () => {
  expect(templates.map((t) => t.id)).toEqual([
    "nanan-2026-quarterly-2",
    "nanan-2026-quarterly-3",
    "anxi-2024-monthly-2",
    "jinjiang-2024-monthly-2",
  ]);
});

/** Who fills which row of each table, and from how many 万元 a figure reads as yuan. */
function fillers(t: TableTemplate): { unit: string; row: string; bar: number }[] {
  if (t.edition.issuer === "南安市")
    return [
      { unit: "金淘镇朴里村", row: "village", bar: 1_000 },
      { unit: "金淘镇朴里村村民委员会", row: "village", bar: 1_000 },
      ...(t.rows.some((r) => r.key === "town-dept")
        ? [{ unit: "金淘镇应急管理站", row: "town-dept", bar: 1_000 }]
        : []),
      // A township's consolidated report, and the county's, in the same table.
      { unit: "金淘镇", row: "village", bar: 10_000 },
      { unit: "南安市", row: "village", bar: 100_000 },
    ];
  const [dept, town] = t.rows.map((r) => r.key);
  const county = t.edition.issuer;
  return [
    { unit: `${county}应急管理局`, row: dept, bar: 1_000 },
    { unit: "湖头镇", row: town, bar: 10_000 },
    { unit: "湖头镇市场监管所", row: town, bar: 10_000 },
    { unit: county, row: dept, bar: 100_000 },
    { unit: county, row: town, bar: 100_000 },
  ];
}

const cases = templates.flatMap((t) =>
  getTableInfo(t.id)!
    .leaves.filter((l) => l.unit === "万元")
    .flatMap((l) => fillers(t).map((f) => [t.id, l.key, f.unit, f.row, f.bar] as const))
);

describe.each(cases)("%s %s: %s on its %s row", (id, key, unit, row, bar) => {
  /** The unit's report as its clerk fills it, `key` holding `v`, every other cell 0 where empty. */
  const report = (v: number) => {
    const s = new Sheet(id, { seed: 6, unit, rowTypes: [row] });
    const slot = getTableInfo(id)!.slots.find((x) => x.rowType === row)!.key;
    // 金额 > 0 needs its 企业数 > 0 (罚款 企业数 0 ⇔ 金额 0).
    for (const r of getTableInfo(id)!.template.relations)
      if (r.kind === "zero-iff-zero" && (r.a === key || r.b === key))
        s.set(slot, r.a === key ? r.b : r.a, 2);
    return { s, slot: s.set(slot, key, v) && slot };
  };

  it(`from ${bar} it is a warning saying the figure looks like yuan; below, nothing`, () => {
    const below = report(bar - 0.5);
    expect(ofRule(below.s.findings(), "wan-yuan")).toEqual([]);
    for (const v of [bar, (bar * 191) / 10]) {
      const { s, slot } = report(v);
      const findings = s.findings();
      expect(ofRule(findings, "wan-yuan")).toEqual([
        expect.objectContaining({
          severity: "warning",
          cell: s.address(slot, key),
          message: `填的是 ${v}：疑似按元填写（本栏单位为万元），${v} 元应填 ${v / 10_000}`,
        }),
      ]);
      // (Which row a unit's name calls for is the wrong-row rule's, tested there.)
      expect(findings.filter((f) => f.severity === "error" && f.rule !== "wrong-row")).toEqual([]);
    }
  });
});

it("a warning never stops a report from being summed: 罚款 191000 万元 from a village", () => {
  const id = "nanan-2026-quarterly-2";
  const grids = ["金淘镇朴里村", "金淘镇岭兜村"].map((unit, i) => {
    const s = new Sheet(id, { seed: 8 + i, unit, rowTypes: ["village"] });
    if (i === 1) s.set("village", "enf.fines.count", 1).set("village", "enf.fines.amount", 191000);
    return { ...s.grid, name: unit };
  });
  const plan = planConsolidation(
    grids.map((g) => ({ sheet: g.name, origin: `${g.name}.xlsx`, recognition: recognize(g) }))
  );
  expect(plan.lines.map((l) => [l.unit, l.status])).toEqual([
    ["金淘镇朴里村", "included"],
    ["金淘镇岭兜村", "included"],
  ]);
});
