import {
  allTemplates,
  flattenColumns,
  getTableInfo,
  getTemplate,
  TEMPLATE_SOURCES,
} from "../../src/rules/templates/catalog";
import { Template } from "../../src/rules/templates/schema";

const IDS = [
  "nanan-2026-quarterly-1",
  "nanan-2026-quarterly-2",
  "nanan-2026-quarterly-3",
  "anxi-2024-monthly-1",
  "jinjiang-2024-monthly-1",
  "anxi-2024-monthly-2",
  "jinjiang-2024-monthly-2",
  "nanan-2024-review-stats",
  "nanan-2024-review-checklist-dept",
  "nanan-2024-review-checklist-enterprise",
  "jinjiang-2024-targets",
  "jinjiang-2024-tasklist",
];

describe("template catalog", () => {
  it("holds exactly the official ids", () => {
    expect(
      allTemplates()
        .map((t) => t.id)
        .sort()
    ).toEqual([...IDS].sort());
  });

  it.each([
    ["nanan-2026-quarterly-1", 27],
    ["nanan-2026-quarterly-2", 29],
    ["nanan-2026-quarterly-3", 45],
    ["anxi-2024-monthly-2", 30],
    ["jinjiang-2024-monthly-2", 30],
    ["nanan-2024-review-stats", 15],
  ])("%s has the notice's %i data columns", (id, n) => {
    const info = getTableInfo(id)!;
    expect(info.leaves.filter((l) => l.kind === "number")).toHaveLength(n);
  });

  it("gives each leaf its inherited unit and counting basis", () => {
    const info = getTableInfo("nanan-2026-quarterly-1")!;
    expect(info.leafByKey.get("resp.risk.red")).toMatchObject({
      path: ["落实全员安全生产责任制数量", "四色安全风险分级动态监管", "红色风险企业（家）"],
      unit: "家",
      basis: { kind: "since", since: "2021-08", note: 6 },
    });
    expect(info.leafByKey.get("resp.lists3.found")?.basis).toEqual({
      kind: "since",
      since: "2026-01",
      note: 6,
    });
    expect(info.leafByKey.get("base.total")?.basis).toEqual({ kind: "base", year: 2025, note: 5 });
    expect(info.template.notes["10"]).toBe("表格不应有空白处，若无则应填写0");
  });

  it("models the monthly sub-rows and their not-applicable cells", () => {
    const info = getTableInfo("anxi-2024-monthly-1")!;
    expect(info.slots.map((s) => s.key)).toEqual([
      "county-dept.national",
      "county-dept.provincial",
      "county-dept.local",
      "township.national",
      "township.provincial",
      "township.local",
    ]);
    const local = info.slots[2];
    expect(info.notApplicable(local, "create.l2")).toBe(true);
    expect(info.notApplicable(local, "create.l1")).toBe(false);
    expect(info.notApplicable(info.slots[1], "ent.total")).toBe(true);
    expect(info.notApplicable(info.slots[0], "ent.total")).toBe(false);
  });

  it("anxi and jinjiang editions share columns but not rows", () => {
    const a = getTableInfo("anxi-2024-monthly-1")!;
    const j = getTableInfo("jinjiang-2024-monthly-1")!;
    expect(a.leaves.map((l) => l.key)).toEqual(j.leaves.map((l) => l.key));
    expect(a.template.rows.map((r) => r.label)).toEqual(["县直单位", "乡镇"]);
    expect(j.template.rows.map((r) => r.label)).toEqual(["市直单位", "县（市、区）"]);
  });

  it("carries the checklist items and the plan's milestones", () => {
    const dept = getTemplate("nanan-2024-review-checklist-dept")!;
    const ent = getTemplate("nanan-2024-review-checklist-enterprise")!;
    const plan = getTemplate("jinjiang-2024-tasklist")!;
    expect(dept.kind === "list" && dept.items.length).toBe(15);
    expect(ent.kind === "list" && ent.items.length).toBe(51);
    expect(plan.kind === "list" && plan.milestones).toContainEqual({
      measure: "certified",
      month: 7,
      percent: 60,
      task: 75,
    });
  });

  it("holds each source as its schema gives it, and every source passes its schema", () => {
    // The catalog does not load zod (catalog.ts fromSource): the schema checks the sources here.
    const all = allTemplates();
    expect(all).toHaveLength(TEMPLATE_SOURCES.length);
    TEMPLATE_SOURCES.forEach((source, i) => {
      const parsed = Template.safeParse(source);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(all[i]).toStrictEqual(parsed.data);
    });
  });

  it("rejects malformed template data", () => {
    const broken = { ...TEMPLATE_SOURCES[0], columns: [{ label: "总数" }] };
    expect(Template.safeParse(broken).success).toBe(false);
    expect(flattenColumns([{ label: "g", children: [{ label: "a", key: "a" }] }])[0].path).toEqual([
      "g",
      "a",
    ]);
  });
});
