/**
 * 催报 (#23 item 5): the roster's 联系人 and 联系电话 (drafted from the reports' header lines),
 * carried by the 缺报 and 逾期 lines of 汇总说明 and the CLI, and the one message naming each unit
 * missing, the table, the period and the deadline.
 */
import { draftRoster } from "../../src/rules/consolidation/draft-roster";
import { notesGrid } from "../../src/rules/consolidation/notes";
import { lineText, planConsolidation } from "../../src/rules/consolidation/plan";
import { reminderMessage } from "../../src/rules/consolidation/reminder";
import { makeRoster } from "../../src/rules/consolidation/roster";
import { fileSources } from "../../src/rules/consolidation/sources";
import { parsePeriod } from "../../src/rules/period";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
const Q4 = parsePeriod("2026Q4")!;

/** A village's report; `date` replaces the date its header line gives (a few days before the deadline). */
function report(unit: string, seed: number, filler: string, phone: string, date?: string) {
  const g = filledSheet(t, { seed, rowTypes: ["village"], unit, filler, phone }).grid;
  const values = g.values.map((r) =>
    r.map((v) => (date && typeof v === "string" ? v.replace(/\d{4}年\d{1,2}月\d{1,2}日/, date) : v))
  );
  return fileSources([{ ...g, values, name: unit }], { origin: `${unit}.xlsx` }).sources;
}

test("srs roster --from drafts each unit's 联系人 and 联系电话 from its report's header line", () => {
  const entries = draftRoster([
    ...report("金淘镇朴里村", 1, "林小红", "0595-86123456"),
    ...report("金淘镇岭兜村", 2, "陈明", "13905951234"),
  ]);
  expect(entries).toEqual([
    { unit: "金淘镇朴里村", type: "村", contact: "林小红", phone: "0595-86123456" },
    { unit: "金淘镇岭兜村", type: "村", contact: "陈明", phone: "13905951234" },
  ]);
});

describe("a round with a unit missing and a unit late", () => {
  const roster = makeRoster([
    { unit: "金淘镇朴里村", type: "村" },
    { unit: "金淘镇岭兜村", type: "村" },
    { unit: "金淘镇深垵村", type: "村", contact: "黄丽", phone: "0595-86120000" },
  ]);
  const plan = planConsolidation(
    [
      ...report("金淘镇朴里村", 1, "林小红", "0595-86123456"),
      // Late: after the 29th; the roster has no contact for it, so its header's is used.
      ...report("金淘镇岭兜村", 2, "陈明", "13905951234", "2027年1月4日"),
    ],
    { period: Q4, roster }
  );

  test("the 缺报 line carries the roster's contact, the 逾期 line the roster's or the report's", () => {
    const missing = plan.lines.find((l) => l.status === "missing")!;
    expect(missing.contact).toBe("联系人：黄丽，电话：0595-86120000");
    expect(lineText(missing)).toContain("联系人：黄丽，电话：0595-86120000");
    const late = plan.lines.find((l) => l.unit === "金淘镇岭兜村")!;
    expect(late.timeliness).toBe("逾期");
    expect(lineText(late)).toMatch(/逾期.*联系人：陈明，电话：13905951234/);
    const onTime = plan.lines.find((l) => l.unit === "金淘镇朴里村")!;
    expect(onTime.contact).toBeUndefined();
    // 汇总说明's 说明 column says it too.
    const notes = notesGrid({ plan, summaries: [], unit: "金淘镇", made: "2027-01-05 09:00" });
    expect(notes.values.flat().some((v) => String(v).includes("联系人：黄丽"))).toBe(true);
  });

  test("复制催报消息: each unit missing with its contact, the table, the period and the deadline", () => {
    const text = reminderMessage(plan.lines, [t], Q4, "金淘镇");
    expect(text.split("\n")).toEqual([
      "【催报】以下单位尚未报送2026年第4季度的报表：",
      "1. 金淘镇深垵村（联系人：黄丽，电话：0595-86120000）",
      // Its one report is dated in the next quarter: this quarter's is still owed (owed.ts).
      "2. 金淘镇岭兜村（联系人：陈明，电话：13905951234）：尚缺季报表（一）",
      `应报：《${t.title}》（截止 2026年12月29日）。`,
      "请尽快报送金淘镇汇总；已经报送的请核对是否发送成功。",
    ]);
    expect(
      reminderMessage(
        plan.lines.filter((l) => l.status !== "missing"),
        [t],
        Q4
      )
    ).toBe("");
  });
});
