/**
 * Every rule on every template it applies to: a correctly filled sheet gives no finding,
 * and a sheet broken the way clerks break it gives the finding, where and why.
 */
import { RULES } from "../../../src/rules/checks";
import { checkGrids } from "../../../src/rules/check";
import { applyFixes } from "../../../src/rules/fix";
import { filledSheet } from "../../../src/rules/sample/filled";
import { allTemplates, getTableInfo } from "../../../src/rules/templates/catalog";
import type { TableTemplate, Template } from "../../../src/rules/templates/schema";
import { ofRule, Sheet } from "../../helpers/filled";

const templates = allTemplates();
const appliesTo = (rule: string) =>
  templates.filter((t) => RULES.find((r) => r.id === rule)!.appliesTo(t)).map((t) => t.id);

describe("a correctly filled sheet", () => {
  it.each(templates.map((t) => t.id))("of %s gives no finding at all", (id) => {
    for (const seed of [1, 2, 3]) {
      const [report] = checkGrids([
        filledSheet(
          templates.find((t) => t.id === id)!,
          { seed }
        ).grid,
      ]);
      expect(report.recognition.template?.id).toBe(id);
      expect(report.findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
    }
  });

  it("of a village (only the 村 row filled) gives none either: the 镇直单位 row is not the village's", () => {
    const s = new Sheet("nanan-2026-quarterly-1", { rowTypes: ["village"] });
    expect(s.findings()).toEqual([]);
  });
});

/**
 * The first numeric, applicable leaf of a table template (optionally of a unit) that is no sum's
 * total: a blank total is fixed to its parts' sum (test/rules/checks/invalid-parts.test.ts).
 */
function numericLeaf(id: string, pred: (unit?: string) => boolean = (u) => u !== "万元") {
  const info = getTableInfo(id)!;
  const totals = new Set(
    info.template.relations.flatMap((r) => (r.kind === "sum" ? [r.total] : []))
  );
  return info.leaves.find(
    (l) =>
      l.kind === "number" &&
      pred(l.unit) &&
      !totals.has(l.key) &&
      !info.notApplicable(info.slots[0], l.key)
  )!;
}

describe("blank", () => {
  it.each(appliesTo("blank"))(
    "%s: a blank data cell is an error, fixed by 0, citing the no-blank note",
    (id) => {
      const s = new Sheet(id);
      const leaf = numericLeaf(id);
      s.set(s.firstSlot, leaf.key, null);
      const [f, ...rest] = ofRule(s.findings(), "blank");
      expect(rest).toEqual([]);
      const t = templates.find((x) => x.id === id)!;
      expect(f).toMatchObject({
        category: "blank",
        severity: "error",
        cell: s.address(s.firstSlot, leaf.key),
        fix: { cell: s.address(s.firstSlot, leaf.key), value: 0 },
        source: `${t.shortTitle}注${t.noBlankNote}`,
      });
      expect(f.column).toBe(leaf.path.join(" › "));
    }
  );

  it("names the row and the column path in words", () => {
    const s = new Sheet("nanan-2026-quarterly-1").set("village", "base.total", null);
    expect(ofRule(s.findings(), "blank")[0]).toMatchObject({
      row: "村",
      column: "企业底数（家） › 总数",
      source: "季报表（一）注10",
    });
  });
});

describe("not-number", () => {
  it.each(appliesTo("not-number"))(
    "%s: 无 is not a number (fix 0); other text has no certain fix",
    (id) => {
      const s = new Sheet(id);
      const leaf = numericLeaf(id);
      s.set(s.firstSlot, leaf.key, "无");
      expect(ofRule(s.findings(), "not-number")).toMatchObject([
        { severity: "error", fix: { value: 0 } },
      ]);
      s.set(s.firstSlot, leaf.key, "见附件");
      const [f] = ofRule(s.findings(), "not-number");
      expect(f.fix).toBeUndefined();
      expect(f.message).toContain("见附件");
    }
  );
});

describe("number-format", () => {
  it.each(appliesTo("number-format"))(
    "%s: ５, 1,200, 3家 and numbers stored as text are warnings with the plain number as fix",
    (id) => {
      const leaf = numericLeaf(id);
      for (const [written, value] of [
        ["５", 5],
        ["1,200", 1200],
        ["3家", 3],
        ["7", 7],
      ] as const) {
        const s = new Sheet(id).set(new Sheet(id).firstSlot, leaf.key, written);
        expect(ofRule(s.findings(), "number-format")).toMatchObject([
          { severity: "warning", expected: value, fix: { value } },
        ]);
      }
    }
  );
});

describe("negative", () => {
  it.each(appliesTo("negative"))("%s: a negative count is an error", (id) => {
    const s = new Sheet(id);
    s.set(s.firstSlot, numericLeaf(id).key, -3);
    expect(ofRule(s.findings(), "negative")).toMatchObject([
      { category: "negative", severity: "error" },
    ]);
  });
});

describe("not-whole", () => {
  it.each(appliesTo("not-whole"))("%s: fractions only in （万元）, at most 4 decimals", (id) => {
    const s = new Sheet(id);
    s.set(s.firstSlot, numericLeaf(id).key, 2.5);
    expect(ofRule(s.findings(), "not-whole")).toHaveLength(1);
    const money = getTableInfo(id)!.leaves.find((l) => l.unit === "万元");
    if (money) {
      const ok = new Sheet(id).set(s.firstSlot, money.key, 1.2345);
      expect(ofRule(ok.findings(), "not-whole")).toEqual([]);
      const bad = new Sheet(id).set(s.firstSlot, money.key, 1.23456);
      expect(ofRule(bad.findings(), "not-whole")[0].message).toMatch(/万元/);
    }
  });
});

const relationsOf = (id: string) => (templates.find((t) => t.id === id) as TableTemplate).relations;

describe("identity", () => {
  it.each(appliesTo("identity"))(
    "%s: every identity, broken, is an error saying what it should be",
    (id) => {
      for (const r of relationsOf(id)) {
        const s = new Sheet(id, { seed: 5 });
        const slot = s.firstSlot;
        if (r.kind === "sum") {
          const parts = r.parts.map((k) => Number(s.get(slot, k)));
          const expected = parts.reduce((a, b) => a + b, 0);
          s.set(slot, r.total, expected + 3);
          const f = ofRule(s.findings(), "identity").find(
            (x) => x.cell === s.address(slot, r.total)
          )!;
          expect(f.message).toBe(
            `${getTableInfo(id)!.leafByKey.get(r.total)!.path.at(-1)}应为 ${expected}（=${parts.join("+")}），实为 ${expected + 3}`
          );
          expect(f.expected).toBe(expected);
          expect(f.cells).toHaveLength(r.parts.length + 1);
        } else if (r.kind === "zero-implies-zero") {
          s.set(slot, r.when, 0).set(slot, r.then[0], 2);
          expect(
            ofRule(s.findings(), "identity").some(
              (x) => x.cell === s.address(slot, r.then[0]) && x.expected === 0
            )
          ).toBe(true);
        } else if (r.kind === "zero-iff-zero") {
          s.set(slot, r.a, 0).set(slot, r.b, 1.5);
          expect(
            ofRule(s.findings(), "identity").some((x) => x.cells.includes(s.address(slot, r.b)))
          ).toBe(true);
        }
      }
    }
  );

  it("quotes the sum the way a reviewer would", () => {
    const s = new Sheet("nanan-2026-quarterly-1")
      .set("village", "base.large", 20)
      .set("village", "base.medium", 20)
      .set("village", "base.small", 15)
      .set("village", "base.total", 58);
    expect(ofRule(s.findings(), "identity").map((f) => f.message)).toContain(
      "总数应为 55（=20+20+15），实为 58"
    );
    const colours = new Sheet("nanan-2026-quarterly-1").set(
      "village",
      "resp.risk.red",
      Number(new Sheet("nanan-2026-quarterly-1").get("village", "resp.risk.red")) + 1
    );
    expect(ofRule(colours.findings(), "identity")[0].source).toBe("季报表（一）注7");
  });
});

describe("bound", () => {
  it.each(appliesTo("bound"))("%s: each bound, exceeded, is a warning", (id) => {
    for (const r of relationsOf(id)) {
      if (r.kind !== "at-most") continue;
      const s = new Sheet(id, { seed: 9 });
      const slot = s.firstSlot;
      const right = r.right.reduce((a, k) => a + Number(s.get(slot, k)), 0);
      s.set(slot, r.left[0], right + 5);
      const found = ofRule(s.findings(), "bound").filter((f) =>
        f.cells.includes(s.address(slot, r.left[0]))
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found[0].severity).toBe("warning");
    }
  });
});

describe("not-applicable", () => {
  it.each(appliesTo("not-applicable"))(
    "%s: a value where the notice has none is a warning; the notice's own label is not",
    (id) => {
      const s = new Sheet(id);
      const type = (templates.find((t) => t.id === id) as TableTemplate).rows[0].key;
      expect(s.get(`${type}.local`, "create.l2")).toBeNull();
      expect(ofRule(s.findings(), "not-applicable")).toEqual([]);
      s.set(`${type}.provincial`, "ent.total", 12);
      expect(ofRule(s.findings(), "not-applicable")).toMatchObject([
        { severity: "warning", cell: s.address(`${type}.provincial`, "ent.total") },
      ]);
    }
  );
});

describe("evidence", () => {
  it.each(appliesTo("evidence"))(
    "%s: 经验做法 or 工作机制 > 0 asks for supporting material",
    (id) => {
      const s = new Sheet(id).set("total", "practice.enterprises", 2);
      expect(ofRule(s.findings(), "evidence")).toMatchObject([
        { severity: "warning", source: "“回头看”统计表注1" },
      ]);
    }
  );
});

describe("checklist-answered", () => {
  it.each(appliesTo("checklist-answered"))("%s: every 细则 needs an answer in 存在问题", (id) => {
    const t = templates.find((x) => x.id === id)! as Extract<Template, { kind: "list" }>;
    const filled = filledSheet(t);
    const [ok] = checkGrids([filled.grid]);
    expect(ofRule(ok.findings, "checklist-answered")).toEqual([]);
    const answer = t.columns.findIndex((c) => c.role === "answer");
    filled.grid.values[filled.layout.body.top + 2][answer] = null;
    const [bad] = checkGrids([filled.grid]);
    expect(ofRule(bad.findings, "checklist-answered")).toMatchObject([
      { severity: "error", category: "blank", column: "存在问题" },
    ]);
  });
});

describe("header", () => {
  it.each(appliesTo("header"))("%s: every header field is required", (id) => {
    const t = templates.find((x) => x.id === id)!;
    const filled = filledSheet(t);
    const row = filled.grid.values.findIndex(
      (r) => typeof r[0] === "string" && /(填表人|填报人|主要负责人（签字）)：\S/.test(r[0])
    );
    filled.grid.values[row][0] = String(filled.grid.values[row][0]).replace(
      /(填表人|填报人|主要负责人（签字）)：\S+/,
      "$1："
    );
    const [report] = checkGrids([filled.grid]);
    expect(ofRule(report.findings, "header").map((f) => f.message)).toEqual([
      expect.stringMatching(/未填写(填表人|填报人|主要负责人)/),
    ]);
  });

  it("checks the phone number: a mobile, or a fixed line with its area code", () => {
    const line = (phone: string) =>
      `填报单位（盖章）：朴里村      填表人：林小红      联系电话：${phone}      2026年12月20日`;
    for (const good of [
      "13805951234",
      "0595-86123456",
      "(0595)86123456",
      "0595 8612 3456",
      "13805951234、0595-86123456",
    ])
      expect(
        ofRule(new Sheet("nanan-2026-quarterly-1").header(line(good)).findings(), "header")
      ).toEqual([]);
    for (const bad of ["86123456", "12345", "1380595123"])
      expect(
        ofRule(new Sheet("nanan-2026-quarterly-1").header(line(bad)).findings(), "header")[0]
          .message
      ).toMatch(/不是有效号码/);
  });

  it("wants a complete date", () => {
    const s = new Sheet("nanan-2026-quarterly-1").header(
      "填报单位（盖章）：朴里村  填表人：林小红  联系电话：13805951234   2026年  月  日"
    );
    expect(ofRule(s.findings(), "header").map((f) => f.message)).toEqual([
      "未填写完整的填报日期（年、月、日）",
    ]);
  });
});

describe("period-window", () => {
  const line = (date: string) =>
    `填报单位（盖章）：朴里村  填表人：林小红  联系电话：13805951234  ${date}`;
  it.each(appliesTo("period-window"))(
    "%s: a date before the period is an error, after the deadline a warning",
    (id) => {
      const t = templates.find((x) => x.id === id)!;
      const quarterly = t.cycle === "quarter";
      const period = quarterly
        ? { cycle: "quarter" as const, year: 2026, quarter: 4 }
        : { cycle: "month" as const, year: 2024, month: 6 };
      const inside = quarterly ? "2026年12月20日" : "2024年7月2日";
      const early = quarterly ? "2026年9月20日" : "2024年5月20日";
      const late = quarterly ? "2026年12月30日" : "2024年7月8日";
      expect(
        ofRule(new Sheet(id).header(line(inside)).findings({ period }), "period-window")
      ).toEqual([]);
      expect(
        ofRule(new Sheet(id).header(line(early)).findings({ period }), "period-window")
      ).toMatchObject([{ severity: "error" }]);
      const [w] = ofRule(new Sheet(id).header(line(late)).findings({ period }), "period-window");
      expect(w).toMatchObject({
        severity: "warning",
        category: "period",
        source: `${t.shortTitle}注${t.deadline!.note}`,
      });
      expect(w.message).toContain(quarterly ? "2026年12月29日" : "2024年7月3日");
    }
  );

  it("reads the period from the sheet's stamp when none is given", () => {
    const s = new Sheet("nanan-2026-quarterly-1").header(line("2026年9月20日"));
    s.grid.values[0][0] = "报告期：2026年第4季度";
    expect(ofRule(s.findings(), "period-window")).toHaveLength(1);
  });
});

describe("cumulative", () => {
  const line = (date: string) =>
    `填报单位（盖章）：朴里村  填表人：林小红  联系电话：13805951234  ${date}`;
  it.each(appliesTo("cumulative"))(
    "%s: a since-fixed-month figure must not go down from the previous report",
    (id) => {
      const t = templates.find((x) => x.id === id)!;
      const quarterly = t.cycle === "quarter";
      const info = getTableInfo(id)!;
      const leaf = info.leaves.find(
        (l) => l.basis?.kind === "since" && !info.notApplicable(info.slots[0], l.key)
      )!;
      const prev = new Sheet(id, { seed: 4 }).header(
        line(quarterly ? "2026年9月20日" : "2024年6月2日")
      );
      const now = new Sheet(id, { seed: 4 }).header(
        line(quarterly ? "2026年12月20日" : "2024年7月2日")
      );
      const before = Number(prev.get(prev.firstSlot, leaf.key));
      prev.set(prev.firstSlot, leaf.key, before + 10);
      const previous = checkGrids([prev.grid])
        .map((r) => r.recognition)
        .filter((r) => r.kind === "table") as never[];
      const [f] = ofRule(now.findings({ previous }), "cumulative");
      expect(f).toMatchObject({
        severity: "error",
        category: "period",
        expected: before + 10,
        cell: now.address(now.firstSlot, leaf.key),
      });
      expect(f.message).toMatch(/以来的累计数不应减少/);
      expect(ofRule(now.findings(), "cumulative")).toEqual([]);
    }
  );

  it("lets a since-January figure restart in a new year", () => {
    const key = "enf.inspected"; // 季报表（二）: 2026年1月以来累计
    const prev = new Sheet("jinjiang-2024-monthly-2").header(line("2024年1月2日")); // December 2023's report
    const now = new Sheet("jinjiang-2024-monthly-2").header(line("2024年2月2日")); // January 2024's
    prev.set("county", key, 999);
    const previous = checkGrids([prev.grid]).map((r) => r.recognition) as never[];
    expect(
      ofRule(now.findings({ previous }), "cumulative").filter(
        (f) => f.cell === now.address("county", key)
      )
    ).toEqual([]);
    const sinceAug2021 = "policy.lists3.count";
    prev.set("county", sinceAug2021, 999);
    const again = checkGrids([prev.grid]).map((r) => r.recognition) as never[];
    expect(ofRule(now.findings({ previous: again }), "cumulative").map((f) => f.cell)).toContain(
      now.address("county", sinceAug2021)
    );
  });
});

describe("schedule", () => {
  it.each(appliesTo("schedule"))(
    "%s: progress behind the task list's milestone is a warning",
    (id) => {
      const targets = filledSheet(templates.find((t) => t.id === "jinjiang-2024-targets")!).grid; // 标杆 3, 达标 10, 岗位 40 a year
      const july = (certified: number) => {
        const s = new Sheet(id).header(
          "填报单位（盖章）：文旅局  填表人：林小红  联系电话：13805951234  2024年8月2日"
        );
        for (const type of ["city-dept", "county"])
          for (const k of ["large", "medium", "small"])
            s.set(`${type}.national`, `certified.${k}`, 0);
        s.set("county.national", "certified.large", certified);
        return s;
      };
      const behind = ofRule(july(4).findings({}, [targets]), "schedule").find((f) =>
        f.message.startsWith("评审达标")
      );
      expect(behind?.message).toBe(
        "评审达标企业进度落后：按任务清单第75项，7月底应完成全年任务的60%（全年 10 家，应至少 6 家），目前为 4 家"
      );
      expect(
        ofRule(july(6).findings({}, [targets]), "schedule").find((f) =>
          f.message.startsWith("评审达标")
        )
      ).toBeUndefined();
    }
  );
});

describe("certain fixes", () => {
  it.each(
    templates.filter((t) => t.kind === "table" && t.noBlankNote !== undefined).map((t) => t.id)
  )("%s: applying every certain fix leaves no finding of those categories", (id) => {
    const s = new Sheet(id);
    const info = getTableInfo(id)!;
    const leaves = info.leaves
      .filter((l) => l.kind === "number" && !info.notApplicable(info.slots[0], l.key))
      .slice(0, 6);
    ["", "无", "５", "1,200", "3家", "—"].forEach(
      (v, i) => leaves[i] && s.set(s.firstSlot, leaves[i].key, v === "" ? null : v)
    );
    const before = s.findings();
    expect(
      before.filter((f) => ["blank", "not-number", "number-format"].includes(f.category)).length
    ).toBeGreaterThanOrEqual(6);
    const fixed = applyFixes(s.grid, before);
    const after = checkGrids([fixed])[0].findings;
    expect(
      after.filter((f) => ["blank", "not-number", "number-format"].includes(f.category))
    ).toEqual([]);
  });
});

it("every rule declares its metadata, and every category is from the fixed vocabulary", () => {
  for (const r of RULES) {
    expect(
      r.title.zh && r.title.en && r.description.zh && r.examples.good && r.examples.bad
    ).toBeTruthy();
    expect(["error", "warning"]).toContain(r.severity);
  }
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
});
