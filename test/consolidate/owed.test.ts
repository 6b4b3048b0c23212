/**
 * A unit that sent one table but not another is missing it (owed.ts): for every table of the
 * round, every unit known this round (a report of this period, or the roster) whose type has a row
 * in that table and that did not send it gets a 缺报 line for it, counted under that table's
 * summary ("本汇总不完整：缺报 …"), in the one count line ("报表：缺 … 份"), in 汇总说明 (its own
 * red line at the top, its 结论) and in 催报; the run is not clean. Reports filled as clerks fill
 * them (0 across the other row, 注10), names as they write them.
 */
import { countsText } from "../../src/rules/consolidation/counts";
import { incompleteText } from "../../src/rules/consolidation/incomplete";
import { notesGrid } from "../../src/rules/consolidation/notes";
import { UNKNOWN_TYPE } from "../../src/rules/consolidation/owed";
import { type ChildLine, lineText, planConsolidation } from "../../src/rules/consolidation/plan";
import { reminderMessage } from "../../src/rules/consolidation/reminder";
import { makeRoster } from "../../src/rules/consolidation/roster";
import { fileSources } from "../../src/rules/consolidation/sources";
import { parsePeriod, type Period } from "../../src/rules/period";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

const Q4 = parsePeriod("2026Q4")!;
const Q3 = parsePeriod("2026Q3")!;
const JUNE = parsePeriod("2024-06")!;
const tpl = (id: string) => getTemplate(id) as TableTemplate;
const [t1, t2, t3] = [1, 2, 3].map((n) => tpl(`nanan-2026-quarterly-${n}`));

let seed = 0;
/** A unit's report of `t` as its clerk sends it (its own row filled, 0 across the other). */
function report(
  t: TableTemplate,
  unit: string,
  row: string,
  options: { period?: Period; filler?: string; phone?: string } = {}
) {
  const g = filledSheet(t, { seed: ++seed, rowTypes: [row], unit, ...options }).grid;
  return fileSources([{ ...g, name: t.shortTitle }], { origin: `${unit}-${t.shortTitle}.xlsx` })
    .sources;
}

const missingOf = (lines: ChildLine[]) =>
  lines.filter((l) => l.status === "missing").map((l) => [l.unit, l.table, l.owes]);

describe("南安 季报表（一）（二）（三） with a roster", () => {
  const roster = makeRoster([
    { unit: "金淘镇朴里村", type: "村" },
    { unit: "金淘镇岭兜村", type: "村", contact: "陈明", phone: "13905951234" },
    { unit: "金淘镇深垵村", type: "村", contact: "黄丽", phone: "0595-86120000" },
    { unit: "金淘镇应急管理站", type: "镇直单位" },
  ]);
  const plan = planConsolidation(
    [
      // 朴里村 sends all three, its name written three ways.
      ...report(t1, "金淘镇朴里村", "village"),
      ...report(t2, "朴里村村民委员会", "village"),
      ...report(t3, "朴里村", "village"),
      // 岭兜村 sends （一） and （三）, not （二）.
      ...report(t1, "岭兜村委会", "village"),
      ...report(t3, "金淘镇岭兜村", "village"),
      // The department sends （一） and （二）: it has no row in （三）.
      ...report(t1, "金淘镇应急管理站", "town-dept"),
      ...report(t2, "应急管理站", "town-dept"),
      // 深垵村 sends nothing.
    ],
    { period: Q4, roster, unit: "金淘镇" }
  );

  test("岭兜村 is missing （二）, 深垵村 owes all three, the department never owes （三）", () => {
    expect(missingOf(plan.lines)).toEqual([
      ["金淘镇深垵村", "", [t1.shortTitle, t2.shortTitle, t3.shortTitle]],
      ["金淘镇岭兜村", t2.shortTitle, undefined],
    ]);
    const line = plan.lines.find((l) => l.table === t2.shortTitle && l.status === "missing")!;
    expect(line).toMatchObject({ type: "村", contact: "联系人：陈明，电话：13905951234" });
    expect(lineText(line)).toBe(
      `金淘镇岭兜村：缺报（${t2.shortTitle}）：已报送${t1.shortTitle}、${t3.shortTitle}，未报送本表；联系人：陈明，电话：13905951234`
    );
    expect(plan.clean).toBe(false);
  });

  test("each summary's line counts the units owing its table; the count line the reports missing", () => {
    expect(incompleteText(plan.lines, t1)).toBe("本汇总不完整：缺报 1 个单位，详见汇总说明");
    expect(incompleteText(plan.lines, t2)).toBe("本汇总不完整：缺报 2 个单位，详见汇总说明");
    expect(incompleteText(plan.lines, t3)).toBe("本汇总不完整：缺报 1 个单位，详见汇总说明");
    expect(countsText(plan.counts)).toBe(
      "单位：应报 4 个，已报 3 个（按时 3、逾期 0），缺报 1 个；报表：缺 4 份、未汇总 0 份"
    );
  });

  test("汇总说明: a red line of its own at the top, its 结论 naming who misses what", () => {
    const notes = notesGrid({ plan, summaries: [], unit: "金淘镇", made: "2027-01-05 09:00" });
    const text = notes.values.map((r) => String(r[0] ?? ""));
    // No summary passed: the line speaks of the summaries there are (see the CLI test for it).
    expect(text[1]).toMatch(/^报告期/);
    const verdict = text.find((v) => v.startsWith("结论"))!;
    expect(verdict).toContain(
      `缺 4 份报表：金淘镇深垵村（未报送）、金淘镇岭兜村（缺${t2.shortTitle}）`
    );
    const row = notes.values.find((r) => r[0] === "金淘镇岭兜村" && r[5] === "缺报")!;
    expect(row.slice(0, 3)).toEqual(["金淘镇岭兜村", "村", t2.shortTitle]);
  });

  test("催报 names the table each unit still owes", () => {
    expect(reminderMessage(plan.lines, [t1, t2, t3], Q4, "金淘镇").split("\n").slice(0, 3)).toEqual(
      [
        "【催报】以下单位尚未报送2026年第4季度的报表：",
        "1. 金淘镇深垵村（联系人：黄丽，电话：0595-86120000）",
        `2. 金淘镇岭兜村（联系人：陈明，电话：13905951234）：尚缺${t2.shortTitle}`,
      ]
    );
  });

  test("a round of （三） alone: the department that sent nothing owes nothing, so is not 缺报", () => {
    const only3 = planConsolidation(
      [...report(t3, "金淘镇朴里村", "village"), ...report(t3, "岭兜村", "village")],
      { period: Q4, roster }
    );
    expect(missingOf(only3.lines)).toEqual([["金淘镇深垵村", "", [t3.shortTitle]]]);
    expect(only3.counts).toMatchObject({ expected: 3, missing: 1, absent: 1 });
  });
});

describe("without a roster", () => {
  test("a unit of unknown type owes every table, and its line says so", () => {
    const plan = planConsolidation(
      [
        ...report(t1, "金淘镇朴里村", "village"),
        ...report(t2, "朴里村村委会", "village"),
        ...report(t1, "金淘镇新华", "village"),
      ],
      { period: Q4, unit: "金淘镇" }
    );
    expect(missingOf(plan.lines)).toEqual([["金淘镇新华", t2.shortTitle, undefined]]);
    const line = plan.lines.find((l) => l.status === "missing")!;
    expect(line.reason).toBe(`已报送${t1.shortTitle}，未报送本表；${UNKNOWN_TYPE}`);
    expect(line.contact).toBe("联系人：林小红，电话：0595-86123456"); // its report's header
    expect(countsText(plan.counts)).toBe(
      "单位：应报 2 个，已报 2 个（按时 2、逾期 0），缺报 0 个；报表：缺 1 份、未汇总 0 份"
    );
  });

  test("another period's （二） is no report of this round's: missing, and not summed", () => {
    const plan = planConsolidation(
      [
        ...report(t1, "金淘镇朴里村", "village"),
        ...report(t2, "金淘镇朴里村", "village"),
        ...report(t1, "岭兜村", "village"),
        ...report(t2, "岭兜村", "village", { period: Q3 }),
      ],
      { period: Q4 }
    );
    expect(missingOf(plan.lines)).toEqual([["岭兜村", t2.shortTitle, undefined]]);
    expect(plan.lines.find((l) => l.status === "missing")!.reason).toBe(
      `已报送${t1.shortTitle}，收到的本表不是本期的（见“报告期不符”一行）`
    );
    expect(incompleteText(plan.lines, t2)).toBe(
      "本汇总不完整：缺报 1 个单位，1 份报表未汇总，详见汇总说明"
    );
  });

  test("安溪 月报表: a township that sent （一） but not （二）", () => {
    const [m1, m2] = [1, 2].map((n) => tpl(`anxi-2024-monthly-${n}`));
    const plan = planConsolidation(
      [
        ...report(m1, "蓬莱镇", "township", { period: JUNE }),
        ...report(m2, "蓬莱镇", "township", { period: JUNE }),
        ...report(m1, "湖头镇", "township", { period: JUNE }),
        ...report(m1, "县应急管理局", "county-dept", { period: JUNE }),
        ...report(m2, "县应急管理局", "county-dept", { period: JUNE }),
      ],
      { period: JUNE }
    );
    expect(missingOf(plan.lines)).toEqual([["湖头镇", m2.shortTitle, undefined]]);
    expect(plan.lines.find((l) => l.status === "missing")!.type).toBe("乡镇");
    expect(incompleteText(plan.lines, m2)).toBe("本汇总不完整：缺报 1 个单位，详见汇总说明");
    expect(incompleteText(plan.lines, m1)).toBe("");
  });

  test("every unit sent every table, its name written two ways and no township given: clean", () => {
    const plan = planConsolidation(
      [
        ...report(t1, "金淘镇朴里村", "village"),
        ...report(t2, "朴里村", "village"),
        ...report(t1, "金淘镇应急管理站", "town-dept"),
        ...report(t2, "金淘镇应急管理站", "town-dept"),
      ],
      { period: Q4 }
    );
    expect(missingOf(plan.lines)).toEqual([]);
    expect(plan.clean).toBe(true);
  });
});
