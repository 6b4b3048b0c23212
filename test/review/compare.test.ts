import { checkGrids } from "../../src/rules/check";
import type { Recognized } from "../../src/rules/recognize";
import { changeText, compareWithPrevious } from "../../src/rules/review/compare";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { ofRule, type Sheet } from "../helpers/filled";
import { periods } from "../helpers/reviewed";

const recs = (...sheets: Sheet[]) =>
  checkGrids(sheets.map((s) => s.grid)).map((r) => r.recognition as Recognized);

describe("上期对比 (rules)", () => {
  it("a jump past 3× last period is a warning; 3× is not", () => {
    const { q3, q4, slot } = periods();
    const previous = recs(q3);
    const jumps = ofRule(q4.findings({ previous }), "jump");
    expect(jumps).toMatchObject([
      { severity: "warning", cell: q4.address(slot, "promo.training.sessions") },
    ]);
    expect(jumps[0].message).toMatch(
      /比上期（2026年第3季度）的 2 增加到 7，是上期的 3.5 倍，请核实/
    );
    q4.set(slot, "promo.training.sessions", 6);
    expect(ofRule(q4.findings({ previous }), "jump")).toEqual([]);
  });

  it("compares each unit with its earlier report: 环比 per column, the period rules' verdicts", () => {
    const { q3, q4, slot } = periods();
    const other = periods("岭兜村").q3;
    q3.grid.name = "朴里村（上次）";
    const [c, ...rest] = compareWithPrevious(recs(q4), [
      ...recs(q4, q3).map((rec) => ({ rec, origin: "" })),
      ...recs(other).map((rec) => ({ rec, origin: "岭兜村.xlsx" })),
    ]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      unit: "朴里村",
      table: "季报表（一）",
      previous: { sheet: "朴里村（上次）", origin: "" },
    });
    const down = c.rows.find((r) => r.cell === q4.address(slot, "resp.lists3.count"))!;
    expect(down).toMatchObject({ before: 9, now: 2, change: -7 });
    expect(changeText(down)).toBe("−7（−77.8%）");
    expect(down.finding).toMatchObject({
      rule: "cumulative",
      severity: "error",
      source: "季报表（一）注6",
    });
    const jump = c.rows.find((r) => r.cell === q4.address(slot, "promo.training.sessions"))!;
    expect(jump.finding).toMatchObject({ rule: "jump", severity: "warning" });
    expect(changeText(jump)).toBe("+5（+250%）");
    expect(c.findings.map((f) => f.rule).sort()).toEqual(["cumulative", "jump"]);
    // Another unit's report is never the previous one.
    expect(
      compareWithPrevious(
        recs(q4),
        recs(other).map((rec) => ({ rec, origin: "x" }))
      )
    ).toEqual([]);
  });

  it("last period's consolidated workbook: each unit and the township's summary compared", async () => {
    const { q3, q4 } = periods("金淘镇朴里村");
    const consolidated = async (sheet: Sheet) => {
      const book = new MemoryWorkbook([]);
      const bytes = await toXlsx((wb) => addGridSheet(wb, { ...sheet.grid, name: "Sheet1" }));
      await book.consolidate([{ name: "朴里村.xlsx", bytes }], { unit: "金淘镇" });
      return checkGrids(book.sheets)
        .map((r) => r.recognition)
        .filter((r): r is Recognized => r.kind !== "none");
    };
    const now = await consolidated(q4);
    const last = (await consolidated(q3)).map((rec) => ({ rec, origin: "三季度汇总.xlsx" }));
    const compared = compareWithPrevious(now, last);
    expect(compared.map((c) => [c.unit, c.previous.sheet])).toEqual([
      ["金淘镇朴里村", "金淘镇朴里村"],
      ["金淘镇", "季报表（一）汇总"],
    ]);
    // The summary went down with its one village: the same verdicts, on the summary's cells.
    expect(compared[1].findings.map((f) => f.rule).sort()).toEqual(["cumulative", "jump"]);
  });
});
