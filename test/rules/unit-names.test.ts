/**
 * One unit, however it is written (#22 item 2): the spellings clerks and rosters use for one
 * village or community are one unit for the plan, the roster, 缺报, duplicates and re-sends; a
 * roster's 别名 adds more; a name that could be two roster units is a problem, never a guess.
 */
import { planConsolidation } from "../../src/rules/consolidation/plan";
import { draftRoster } from "../../src/rules/consolidation/draft-roster";
import { csvGrid, makeRoster, rosterFromGrid } from "../../src/rules/consolidation/roster";
import type { Grid } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { unitIdentity, unitNames } from "../../src/rules/units/match";
import { normalizeUnit, unitKey } from "../../src/rules/units/names";
import { typeFromName } from "../../src/rules/units/types";

const q1 = getTemplate("nanan-2026-quarterly-1") as TableTemplate;

/** Every way the notices' readers write 朴里村 of 金淘镇, and 东街社区. */
export const VILLAGE_SPELLINGS = [
  "金淘镇朴里村",
  "朴里村",
  "朴里村委会",
  "朴里村村委会",
  "朴里村村民委员会",
  "朴里村民委员会",
  "金淘镇朴里村委会（盖章）",
  "金淘镇 朴里村",
  "朴里村\u200b",
  "\u202a朴里村\u202c",
  "朴里村（公章）",
  "南安市金淘镇朴里村",
  "金淘镇朴里村：",
];
export const COMMUNITY_SPELLINGS = [
  "东街社区",
  "东街社区居委会",
  "东街社区居民委员会",
  "东街居委会",
  "东街居民委员会",
  "金淘镇东街社区",
];

it("normalizes every spelling of a village or community to one key within its township", () => {
  for (const list of [VILLAGE_SPELLINGS, COMMUNITY_SPELLINGS]) {
    const keys = new Set(list.map((n) => unitKey(n, "金淘镇")));
    expect([...keys]).toHaveLength(1);
  }
  expect(unitKey("金淘镇朴里村", "金淘镇")).toBe("朴里村");
  expect(unitKey("金淘镇东街居民委员会", "金淘镇")).toBe("东街社区");
  // Full-width letters and digits fold (NFKC); invisible format characters go.
  expect(normalizeUnit("第１村\u200d\ufeff")).toBe("第1村");
  // Without the township known, its name in front stays: the roster's township supplies it.
  expect(unitKey("金淘镇朴里村")).toBe("金淘镇朴里村");
  // Another township's village is not ours.
  expect(unitKey("仙夹镇朴里村", "金淘镇")).toBe("仙夹镇朴里村");
});

it("村民委员会 and 居民委员会 are 村 type; other 委员会 stay departments", () => {
  for (const n of [...VILLAGE_SPELLINGS, ...COMMUNITY_SPELLINGS])
    expect([n, typeFromName(n, q1)]).toEqual([n, "村"]);
  expect(typeFromName("金淘镇安全生产委员会", q1)).toBe("镇直单位");
});

describe("matching names to a roster", () => {
  const entries = [
    { unit: "金淘镇朴里村" },
    { unit: "金淘镇岭兜村", aliases: ["岭兜", "岭兜村两委"] },
    { unit: "金淘镇东街社区" },
  ];

  it("finds a unit by any spelling, within the township or not, and by its 别名", () => {
    for (const within of ["金淘镇", ""]) {
      const names = unitNames(entries, within);
      for (const n of VILLAGE_SPELLINGS) expect([n, names.find(n)]).toEqual([n, [entries[0]]]);
      for (const n of COMMUNITY_SPELLINGS) expect([n, names.find(n)]).toEqual([n, [entries[2]]]);
      expect(names.find("岭兜村两委")).toEqual([entries[1]]);
      expect(names.find("金淘镇岭兜")).toEqual([entries[1]]);
      expect(names.find("仙夹镇朴里村")).toEqual([]);
      expect(names.key("朴里村委会")).toBe(names.key("南安市金淘镇朴里村"));
    }
  });

  it("a name that could be two roster units is both, never one of them", () => {
    const two = [{ unit: "金淘镇朴里村" }, { unit: "仙夹镇朴里村" }];
    expect(unitNames(two).find("朴里村")).toEqual(two);
    expect(unitNames(two).find("仙夹镇朴里村")).toEqual([two[1]]);
    // An alias that is another unit's name.
    const clash = [{ unit: "金淘镇朴里村", aliases: ["岭兜村"] }, { unit: "金淘镇岭兜村" }];
    expect(unitNames(clash, "金淘镇").find("岭兜村")).toEqual(clash);
  });

  it("reads 别名 from the roster, and its township from its names", () => {
    const r = rosterFromGrid(
      csvGrid(
        "名册",
        "单位名称,单位类型,别名\n金淘镇朴里村,村,朴里、朴里村两委\n金淘镇岭兜村,村,\n朴里村委会,村,\n"
      )
    );
    if ("error" in r) throw new Error(r.error);
    // 朴里村委会 is 金淘镇朴里村 listed again: one unit.
    expect(r.entries.map((e) => [e.unit, e.aliases])).toEqual([
      ["金淘镇朴里村", ["朴里", "朴里村两委"]],
      ["金淘镇岭兜村", undefined],
    ]);
    expect(r.township).toBe("金淘镇");
    expect(r.typeOf("朴里村两委")).toBe("村");
  });
});

const sheet = (unit: string, seed: number, name = unit): Grid => ({
  ...filledSheet(q1, { seed, unit, rowTypes: ["village"] }).grid,
  name,
});

const plan = (grids: Grid[], options: Parameters<typeof planConsolidation>[1] = {}) =>
  planConsolidation(
    grids.map((g) => ({ sheet: g.name, origin: `${g.name}.xlsx`, recognition: recognize(g) })),
    options
  );

describe("the plan counts one unit once however it is written", () => {
  it("the same numbers under two spellings (朴里村 and 朴里村 with U+200B, #26) count once", () => {
    for (const [a, b] of [
      ["朴里村", "朴里村\u200b"],
      ["金淘镇朴里村", "朴里村村民委员会"],
    ]) {
      const x = sheet(a, 5, "a");
      const y = { ...x, name: "b", values: x.values.map((r) => [...r]) };
      y.values = y.values.map((r) => r.map((v) => (typeof v === "string" ? v.replace(a, b) : v)));
      const p = plan([x, y], { unit: "金淘镇" });
      expect(p.lines.map((l) => l.status)).toEqual(["included", "duplicate"]);
    }
  });

  it("two different reports under two spellings: the later replaces the earlier", () => {
    const p = plan([sheet("朴里村委会", 5), sheet("金淘镇朴里村", 6)], { unit: "金淘镇" });
    expect(p.lines.map((l) => l.status)).toEqual(["replaced", "included"]);
  });

  it("缺报 and the roster's units follow the spellings, with the roster's township", () => {
    const roster = makeRoster([
      { unit: "金淘镇朴里村", type: "村" },
      { unit: "金淘镇岭兜村", type: "村", aliases: ["岭兜"] },
      { unit: "金淘镇东街社区", type: "村" },
      { unit: "金淘镇占石村", type: "村" },
    ]);
    const p = plan([sheet("朴里村村民委员会", 1), sheet("岭兜", 2), sheet("东街居委会", 3)], {
      roster,
    });
    expect(p.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["朴里村村民委员会", "included", []],
      ["岭兜", "included", []],
      ["东街居委会", "included", []],
      ["金淘镇占石村", "missing", []],
    ]);
    expect(p.counts).toMatchObject({ expected: 4, received: 3, missing: 1 });
  });

  it("a name that could be two roster units is listed as a problem; neither counts as reported", () => {
    const roster = makeRoster([
      { unit: "金淘镇朴里村", type: "村" },
      { unit: "仙夹镇朴里村", type: "村" },
    ]);
    const p = plan([sheet("朴里村", 1)], { roster });
    expect(p.lines.map((l) => [l.unit, l.status])).toEqual([
      ["朴里村", "included"],
      ["金淘镇朴里村", "missing"],
      ["仙夹镇朴里村", "missing"],
    ]);
    expect(p.lines[0].problems).toEqual([
      "“朴里村”可能是单位名册中的金淘镇朴里村、仙夹镇朴里村，无法确定是哪一个，未算作其中任何一个已报（请在名册“别名”列写明，或改正填报单位）",
    ]);
    expect(p.clean).toBe(false);
  });

  it("a draft roster lists a unit once, whichever spellings its reports carry", () => {
    const sources = [
      sheet("金淘镇朴里村", 1),
      sheet("朴里村委会", 2),
      sheet("金淘镇岭兜村", 3),
    ].map((g) => ({ sheet: g.name, origin: "", recognition: recognize(g) }));
    expect(draftRoster(sources).map((e) => e.unit)).toEqual(["金淘镇朴里村", "金淘镇岭兜村"]);
  });
});

describe("no roster and no township given: the names received tell the township (unitIdentity)", () => {
  const identity = (received: string[]) => unitIdentity(unitNames([]), received);
  const groups = (received: string[]) => {
    const key = identity(received);
    const by = new Map<string, string[]>();
    for (const n of received) by.set(key(n), [...(by.get(key(n)) ?? []), n]);
    return [...by.values()];
  };

  it("every spelling of one village is one unit, 金淘朴里村 too once 金淘镇 is written somewhere", () => {
    expect(groups([...VILLAGE_SPELLINGS, "金淘朴里村"])).toHaveLength(1);
    expect(groups(COMMUNITY_SPELLINGS)).toHaveLength(1);
    expect(groups(["金淘镇应急管理站", "应急管理站", "金淘应急管理站"])).toHaveLength(1);
  });

  it("close names stay apart: 朴里村/朴兜村, 东村/东山村, 金淘村/村 of 金淘镇", () => {
    expect(
      groups([
        "朴里村",
        "金淘镇朴兜村",
        "朴兜村",
        "东村",
        "金淘镇东山村",
        "东山村",
        "金淘村",
        "金淘社区",
      ])
    ).toEqual([
      ["朴里村"],
      ["金淘镇朴兜村", "朴兜村"],
      ["东村"],
      ["金淘镇东山村", "东山村"],
      ["金淘村"],
      ["金淘社区"],
    ]);
  });

  it("one level up: a township written with its county or its government is the township", () => {
    expect(groups(["南安市金淘镇", "金淘镇人民政府", "金淘镇", "仙夹镇", "南安市仙夹镇"])).toEqual([
      ["南安市金淘镇", "金淘镇人民政府", "金淘镇"],
      ["仙夹镇", "南安市仙夹镇"],
    ]);
  });

  it("with no township written anywhere, 金淘朴里村 is not guessed to be 朴里村", () => {
    expect(groups(["朴里村", "金淘朴里村"])).toHaveLength(2);
  });

  it("two townships' 东村 are two units, and a bare 东村 is neither of them", () => {
    expect(
      groups(["金淘镇东村", "仙夹镇东村", "东村", "东村村委会", "仙夹镇岭兜村", "岭兜村"])
    ).toEqual([["金淘镇东村"], ["仙夹镇东村"], ["东村", "东村村委会"], ["仙夹镇岭兜村", "岭兜村"]]);
  });

  it("a roster unit keeps its roster name; a consolidating unit given decides alone", () => {
    const roster = unitNames([{ unit: "朴里村" }]);
    const key = unitIdentity(roster, ["金淘镇朴里村", "金淘镇朴兜村", "朴兜村委会"]);
    expect(["金淘镇朴里村", "金淘镇朴兜村", "朴兜村委会"].map(key)).toEqual([
      "朴里村",
      "朴兜村",
      "朴兜村",
    ]);
    const within = unitIdentity(unitNames([], "金淘镇"), ["仙夹镇朴里村", "朴里村"]);
    expect(["仙夹镇朴里村", "朴里村"].map(within)).toEqual(["仙夹镇朴里村", "朴里村"]);
  });

  it("the plan: spellings across tables count once, a re-send under another spelling replaces", () => {
    const p = plan([sheet("朴里村", 5), sheet("金淘镇朴里村委会", 6), sheet("朴兜村", 7)]);
    expect(p.lines.map((l) => [l.unit, l.status])).toEqual([
      ["朴里村", "replaced"],
      ["金淘镇朴里村委会", "included"],
      ["朴兜村", "included"],
    ]);
    expect(p.counts).toMatchObject({ expected: 2, received: 2, missing: 0 });
  });
});

describe("a department writes the township without 镇 (金淘派出所 of 金淘镇)", () => {
  it("is one unit with the roster's 金淘镇派出所; 金淘村 and 金淘社区 stay villages named after it", () => {
    for (const [a, b] of [
      ["金淘派出所", "金淘镇派出所"],
      ["南安市金淘市场监督管理所（盖章）", "金淘镇市场监督管理所"],
      ["金淘派出所", "派出所"],
      ["金淘东村", "金淘镇金淘东村"],
    ])
      expect([a, unitKey(a, "金淘镇")]).toEqual([a, unitKey(b, "金淘镇")]);
    expect(unitKey("金淘村", "金淘镇")).toBe("金淘村");
    expect(unitKey("金淘镇金淘村", "金淘镇")).toBe("金淘村");
    expect(unitKey("金淘社区居委会", "金淘镇")).toBe("金淘社区");
    expect(unitKey("金淘站", "金淘镇")).toBe("金淘站");
    // Another township's short name is not ours.
    expect(unitKey("仙夹派出所", "金淘镇")).toBe("仙夹派出所");
  });

  it("counts as the roster's unit: reported, not 名册外, not 缺报", () => {
    const q2 = getTemplate("nanan-2026-quarterly-2") as TableTemplate;
    const dept = (unit: string, seed: number): Grid => ({
      ...filledSheet(q2, { seed, unit, rowTypes: ["dept"] }).grid,
      name: unit,
    });
    const roster = makeRoster([
      { unit: "金淘镇派出所", type: "镇直单位" },
      { unit: "金淘镇市场监督管理所", type: "镇直单位" },
      { unit: "金淘镇金淘村", type: "村" },
    ]);
    // Every unit sends the same table: one missing is 缺报 for it (consolidation/owed.ts).
    const village: Grid = {
      ...filledSheet(q2, { seed: 3, unit: "金淘村", rowTypes: ["village"] }).grid,
      name: "金淘村",
    };
    const p = plan([dept("金淘派出所", 1), dept("金淘市场监督管理所", 2), village], { roster });
    expect(p.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘派出所", "included", []],
      ["金淘市场监督管理所", "included", []],
      ["金淘村", "included", []],
    ]);
    expect(p.counts).toMatchObject({ expected: 3, received: 3, unlisted: 0, missing: 0 });
  });
});

describe("one level up: townships and county departments as they write themselves (月报表)", () => {
  it("a township's government is the township; the county written short in front is the county", () => {
    const anxi = [
      { unit: "金淘镇" },
      { unit: "城厢镇" },
      { unit: "县应急管理局" },
      { unit: "安溪县住房和城乡建设局" },
    ];
    const names = unitNames(anxi, "安溪县");
    for (const [written, unit] of [
      ["金淘镇人民政府", 0],
      ["安溪县金淘镇", 0],
      ["安溪县金淘镇人民政府（盖章）", 0],
      ["城厢镇（盖章）", 1],
      ["城厢镇政府", 1],
      ["安溪县应急管理局", 2],
      ["县应急管理局", 2],
      ["县住房和城乡建设局", 3],
      ["安溪县住房和城乡建设局（盖章）", 3],
    ] as const)
      expect([written, names.find(written)]).toEqual([written, [anxi[unit]]]);
    expect(names.find("县交通运输局")).toEqual([]);
    // 晋江市: 市场监督管理局 keeps its 市, however the city's name runs into it.
    const jinjiang = [{ unit: "市场监督管理局" }, { unit: "市住建局" }, { unit: "罗山街道" }];
    const jj = unitNames(jinjiang, "晋江市");
    for (const [written, unit] of [
      ["晋江市市场监督管理局", 0],
      ["晋江市场监督管理局", 0],
      ["市市场监督管理局", 0],
      ["晋江市住建局", 1],
      ["住建局", 1],
      ["罗山街道办事处", 2],
      ["晋江市罗山街道办", 2],
    ] as const)
      expect([written, jj.find(written)]).toEqual([written, [jinjiang[unit]]]);
  });

  it("the county's roster counts them reported: not 缺报, not 名册外", () => {
    const m1 = getTemplate("anxi-2024-monthly-1") as TableTemplate;
    const report = (unit: string, seed: number, row: string): Grid => ({
      ...filledSheet(m1, { seed, unit, rowTypes: [row] }).grid,
      name: unit,
    });
    const roster = makeRoster([
      { unit: "金淘镇", type: "乡镇" },
      { unit: "城厢镇", type: "乡镇" },
      { unit: "县应急管理局", type: "县直单位" },
    ]);
    const p = plan(
      [
        report("金淘镇人民政府", 1, "township"),
        report("城厢镇（盖章）", 2, "township"),
        report("安溪县应急管理局", 3, "county-dept"),
      ],
      { roster, unit: "安溪县" }
    );
    expect(p.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇人民政府", "included", []],
      ["城厢镇（盖章）", "included", []],
      ["安溪县应急管理局", "included", []],
    ]);
    expect(p.counts).toMatchObject({ expected: 3, received: 3, unlisted: 0, missing: 0 });
  });
});

describe("a header with no 填报单位: the unit its file's name gives", () => {
  const blank = (seed: number, origin: string) => {
    const g = sheet("福庭村", seed, "Sheet1");
    g.values = g.values.map((r) =>
      r.map((v) => (typeof v === "string" ? v.replace("福庭村", "") : v))
    );
    return { sheet: g.name, origin, recognition: recognize(g) };
  };
  const roster = makeRoster([
    { unit: "金淘镇福庭村", type: "村" },
    { unit: "金淘镇朴里村", type: "村" },
  ]);

  it("is the roster's unit the file name names, summed with a problem saying so", () => {
    for (const origin of [
      "金淘镇福庭村-季报表（一）.xlsx",
      "福庭村季报表一.xlsx",
      "收件/福庭村村委会 四季度.xlsx",
    ]) {
      const p = planConsolidation([blank(1, origin)], { roster });
      expect([origin, p.lines.map((l) => [l.unit, l.status])]).toEqual([
        origin,
        [
          ["金淘镇福庭村", "included"],
          ["金淘镇朴里村", "missing"],
        ],
      ]);
      expect(p.lines[0].problems[0]).toBe("按文件名认作金淘镇福庭村，请核对填报单位");
      expect(p.counts).toMatchObject({ expected: 2, received: 1, unlisted: 0, missing: 1 });
    }
  });

  it("two such files of one village are one unit, the later replacing the earlier", () => {
    const p = planConsolidation(
      [blank(1, "金淘镇福庭村-季报表（一）.xlsx"), blank(2, "福庭村季报表（一）改.xlsx")],
      { unit: "金淘镇" }
    );
    expect(p.lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇福庭村", "replaced"],
      ["福庭村", "included"],
    ]);
  });

  it("a file name naming no unit, or two, gives none: 没有填报单位", () => {
    for (const origin of ["季报表（一）.xlsx", "福庭村、朴里村.xlsx"]) {
      const p = planConsolidation([blank(1, origin)], { roster });
      expect([origin, p.lines[0].unit]).toEqual([origin, ""]);
      expect(p.lines[0].problems).toContain("没有填报单位，无法对照单位名册");
    }
  });
});

it("the consolidating township's own summary, sent back among its villages' reports, is a report not summed, not a unit that reported", () => {
  const summary = sheet("金淘镇", 9, "汇总");
  summary.values = summary.values.map((r) =>
    r.map((v) => (typeof v === "string" && v.includes("季报表（一）") ? `${v}（汇总）` : v))
  );
  const roster = makeRoster([
    { unit: "金淘镇朴里村", type: "村" },
    { unit: "金淘镇岭兜村", type: "村" },
  ]);
  const p = plan([sheet("朴里村", 1), sheet("岭兜村", 2), summary], { roster, unit: "金淘镇" });
  expect(p.lines.map((l) => [l.unit, l.status])).toEqual([
    ["朴里村", "included"],
    ["岭兜村", "included"],
    ["金淘镇", "overlap"],
  ]);
  expect(p.counts).toMatchObject({
    expected: 2,
    received: 2,
    unlisted: 0,
    notSummed: 0,
    excluded: 1,
  });
});
