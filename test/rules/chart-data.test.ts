/** 汇总's pictures: each unit's state, and the township's totals against the 晋江 milestones. */
import { milestones } from "../../src/rules/consolidation/chart-data";
import { unitStates } from "../../src/rules/consolidation/counts";
import type { ChildLine } from "../../src/rules/consolidation/plan";
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognizeSheet } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { Sheet } from "../helpers/filled";

const line = (over: Partial<ChildLine>): ChildLine => ({
  unit: "",
  type: "",
  sheet: "",
  origin: "",
  table: "",
  status: "included",
  reason: "",
  problems: [],
  timeliness: "",
  ...over,
});

describe("unitStates", () => {
  it("gives each unit one state, decided by its summed reports", () => {
    const { units, counts } = unitStates([
      line({ unit: "朴里村", sheet: "朴里村", timeliness: "按时" }),
      // An earlier report replaced by a later one: the unit is still summed, on time.
      line({ unit: "岭兜村", sheet: "岭兜村", status: "replaced", timeliness: "按时" }),
      line({ unit: "岭兜村 ", sheet: "岭兜村 (2)", timeliness: "按时" }),
      // Two tables, one of them late: the unit is late.
      line({ unit: "金淘村", sheet: "金淘村", table: "季报表（一）", timeliness: "按时" }),
      line({ unit: "金淘村", sheet: "金淘村 (2)", table: "季报表（二）", timeliness: "逾期" }),
      line({ unit: "占石村", sheet: "占石村", status: "errors" }),
      line({ unit: "深垵村", status: "missing" }),
      line({ unit: "霞春村", sheet: "霞春村" }),
      // A report naming no unit stands for a unit of its own; a file that could not be read is
      // no unit known (a report not summed, counted as such).
      line({ origin: "无单位.xlsx", sheet: "无单位", timeliness: "按时" }),
      line({ origin: "坏文件.xlsx", status: "unreadable" }),
      line({ origin: "另一个.xlsx", status: "unreadable" }),
    ]);
    expect(units).toEqual([
      { unit: "朴里村", state: "onTime" },
      { unit: "岭兜村", state: "onTime" },
      { unit: "金淘村", state: "late" },
      { unit: "占石村", state: "notSummed" },
      { unit: "深垵村", state: "missing" },
      { unit: "霞春村", state: "undated" },
      { unit: "无单位.xlsx", state: "onTime" },
    ]);
    expect(counts).toEqual({ onTime: 3, late: 1, undated: 1, missing: 1, notSummed: 1 });
  });

  it("counts nothing for no lines", () => {
    expect(unitStates([]).counts).toEqual({
      onTime: 0,
      late: 0,
      undated: 0,
      missing: 0,
      notSummed: 0,
    });
  });
});

describe("milestones", () => {
  const MONTHLY = "jinjiang-2024-monthly-1";
  const july = { cycle: "month", year: 2024, month: 7 } as const;
  const child = (unit: string, seed: number) =>
    new Sheet(MONTHLY, { seed, unit, rowTypes: ["county"], period: july });
  const COLUMNS = {
    benchmark: ["bench.large", "bench.medium", "bench.small"],
    certified: ["certified.large", "certified.medium", "certified.small"],
    posts: ["posts.party", "posts.youth", "posts.worker", "posts.women"],
  };
  /** A measure's total over the children's filled rows, read cell by cell. */
  const sum = (sheets: Sheet[], columns: string[]) =>
    sheets
      .flatMap((s) =>
        ["county.national", "county.provincial", "county.local"].flatMap((slot) =>
          columns.map((c) => numericValue(s.get(slot, c)) ?? 0)
        )
      )
      .reduce((a, b) => a + b, 0);

  async function consolidated(withTargets: boolean): Promise<Grid[]> {
    const targets = filledSheet(getTemplate("jinjiang-2024-targets")!).grid; // 标杆 3, 达标 10, 岗位 40
    const book = new MemoryWorkbook(withTargets ? [{ ...targets, name: "任务分解" }] : []);
    const files = await Promise.all(
      children.map(async (s, i) => ({
        name: `${i}.xlsx`,
        bytes: await layoutsToXlsx([
          { ...filledSheet(getTemplate(MONTHLY)!).layout, grid: { ...s.grid, name: "月报" } },
        ]),
      }))
    );
    await book.consolidate(files, { period: july, unit: "晋江市文旅局" });
    return book.sheets;
  }
  const children = [child("安海镇文化站", 1), child("磁灶镇文化站", 2)];

  it("gives the summary's totals against the year's targets and July's milestones", async () => {
    const grids = await consolidated(true);
    const m = milestones(
      grids,
      grids.flatMap((g) => recognizeSheet(g))
    );
    expect(m?.month).toBe(7);
    expect(
      m?.measures.map(({ measure, annual, done, needed, milestone }) => ({
        measure,
        annual,
        done,
        needed,
        percent: milestone?.percent,
      }))
    ).toEqual([
      {
        measure: "benchmark",
        annual: 3,
        done: sum(children, COLUMNS.benchmark),
        needed: 3,
        percent: 100,
      },
      {
        measure: "certified",
        annual: 10,
        done: sum(children, COLUMNS.certified),
        needed: 6,
        percent: 60,
      },
      { measure: "posts", annual: 40, done: sum(children, COLUMNS.posts), needed: 20, percent: 50 },
    ]);
  });

  it("is undefined without a target table", async () => {
    const grids = await consolidated(false);
    expect(
      milestones(
        grids,
        grids.flatMap((g) => recognizeSheet(g))
      )
    ).toBeUndefined();
  });

  it("is undefined before a consolidation: a unit's own report is no township total", () => {
    const targets = filledSheet(getTemplate("jinjiang-2024-targets")!).grid;
    const grids = [children[0].grid, targets];
    expect(
      milestones(
        grids,
        grids.flatMap((g) => recognizeSheet(g))
      )
    ).toBeUndefined();
  });
});
