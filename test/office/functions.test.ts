/** Custom functions over a workbook read through the Office adapter: one read serves a whole wave. */
import { DEADLINE, PERIOD, QTOTAL, SINCE, splitAddress } from "../../src/functions/functions";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { numericValue } from "../../src/rules/number";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { invalidateWorkbook } from "../../src/workbook/office/snapshot";
import { columnLetters, type Grid } from "../../src/rules/grid";
import { Book, excelRun } from "../helpers/excel-mock";

const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const ID = "nanan-2026-quarterly-1";
const info = getTableInfo(ID)!;

class FunctionError extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(message);
  }
}

/** Excel.run over the host double; returns a count of the requests made. */
function installExcel(grids: Grid[]) {
  const excel = excelRun(grids.reduce((b, g) => b.load(g), new Book()));
  (globalThis as any).Excel = { run: excel.run };
  (globalThis as any).Office = { context: { requirements: { isSetSupported: () => true } } };
  (globalThis as any).CustomFunctions = {
    Error: FunctionError,
    ErrorCode: { invalidValue: "#VALUE!" },
  };
  return excel;
}

const at = (address: string) => ({ address }) as CustomFunctions.Invocation;

describe("custom functions", () => {
  afterEach(() => invalidateWorkbook());

  it("45 QTOTAL cells over 200 children are answered from one read (2 requests), with the right sums", async () => {
    const t = getTemplate(ID)!;
    const summary = { ...blankTemplate(t).grid, name: "汇总" };
    summary.values[0][0] = `${t.title}（汇总）`;
    const children = Array.from({ length: 200 }, (_, i) => ({
      // 200 units: each its own report (one unit's reports would replace each other).
      ...filledSheet(t, {
        seed: i + 1,
        rowTypes: [i % 10 ? "village" : "town-dept"],
        unit: i % 10 ? `金淘镇${i + 1}村` : `金淘镇${i + 1}站`,
      }).grid,
      name: i % 7 ? `${i + 1}村` : `朴里 村(${i})`,
    }));
    const excel = installExcel([summary, ...children]);
    const layout = blankTemplate(t);
    const cells = info.slots.flatMap((slot, r) =>
      info.leaves.slice(0, 23).map((leaf) => ({ slot, leaf, row: layout.body.top + r }))
    );
    expect(cells.length).toBeGreaterThanOrEqual(45);
    const wave = cells.slice(0, 45);
    const results = await Promise.all(
      wave.map((c) => QTOTAL(undefined, at(`汇总!${columnLetters(1 + c.leaf.index)}${c.row + 1}`)))
    );
    expect(excel.requests()).toBeLessThanOrEqual(2);
    wave.forEach((c, k) => {
      const col = 1 + c.leaf.index;
      const expected = children.reduce((s, g) => s + (numericValue(g.values[c.row][col]) ?? 0), 0);
      expect(results[k]).toBeCloseTo(expected, 6);
    });
    // Only the village children, asked by unit type.
    const villages = await QTOTAL("村", at(`汇总!B${wave[0].row + 1}`));
    expect(villages).toBe(0); // the 镇直单位 row of a village child is empty
  });

  it("answers PERIOD, DEADLINE and SINCE from the caller's template, and a clear error elsewhere", async () => {
    const t = getTemplate(ID)!;
    installExcel([
      { ...filledSheet(t, { seed: 1 }).grid, name: "1村" },
      { name: "预算", values: [["项目"]], merges: [] },
    ]);
    const serial = (y: number, m: number, d: number) =>
      (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
    expect(await PERIOD(serial(2026, 11, 5), at("'1村'!A1"))).toBe("2026年第4季度");
    expect(await PERIOD("2026-02-10", at("'1村'!A1"))).toBe("2026年第1季度");
    expect(await DEADLINE("2026Q4", at("'1村'!A1"))).toBe("2026年12月29日");
    expect(await DEADLINE("2024-05", at("预算!A1"))).toBe("2024年6月3日");
    const red = `${columnLetters(1 + info.leafByKey.get("resp.risk.red")!.index)}1`;
    expect(await SINCE(at(`'1村'!${red}`))).toBe("2021年8月以来累计");
    await expect(SINCE(at("预算!A1"))).rejects.toThrow("此单元格不在已识别的报表中");
    await expect(QTOTAL(undefined, at("预算!A1"))).rejects.toThrow(FunctionError);
    await expect(DEADLINE("明年", at("'1村'!A1"))).rejects.toThrow(/无法识别报告期/);
  });

  it("takes null for each omitted optional argument, as Excel passes it, for every function in functions.json", async () => {
    const t = getTemplate(ID)!;
    const summary = { ...blankTemplate(t).grid, name: "汇总" };
    summary.values[0][0] = `${t.title}（汇总）`;
    installExcel([summary, { ...filledSheet(t, { seed: 1 }).grid, name: "1村" }]);
    const row = blankTemplate(t).body.top + 1;
    const red = columnLetters(1 + info.leafByKey.get("resp.risk.red")!.index);
    const caller: Record<string, string> = { QTOTAL: `汇总!B${row}` };
    const impl: Record<string, (...args: unknown[]) => Promise<unknown>> = {
      QTOTAL,
      PERIOD,
      DEADLINE,
      SINCE,
    } as never;
    const r = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    const fns = JSON.parse(r.metadataJson).functions as {
      id: string;
      parameters: { optional?: boolean }[];
    }[];
    expect(fns.map((f) => f.id).sort()).toEqual(Object.keys(impl).sort());
    for (const f of fns) {
      const at_ = at(caller[f.id] ?? `'1村'!${red}${row}`);
      const omitted = await impl[f.id](...f.parameters.map(() => undefined), at_);
      for (const [k, p] of f.parameters.entries()) {
        if (!p.optional) continue;
        const args = f.parameters.map((_, i) => (i === k ? null : undefined));
        invalidateWorkbook();
        expect([f.id, k, await impl[f.id](...args, at_)]).toEqual([f.id, k, omitted]);
      }
    }
  });

  it("splits a caller's address, quoted names included", () => {
    expect(splitAddress("'朴里 村(2)'!C7")).toEqual({ sheet: "朴里 村(2)", cell: "C7" });
    expect(splitAddress("'it''s'!A1")).toEqual({ sheet: "it's", cell: "A1" });
    expect(splitAddress("汇总!B8")).toEqual({ sheet: "汇总", cell: "B8" });
  });
});
