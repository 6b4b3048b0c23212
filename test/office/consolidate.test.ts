import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { Book, excelContext } from "../helpers/excel-mock";

const t = getTemplate("nanan-2026-quarterly-1")!;
const child = (unit: string, seed: number) => ({
  ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid,
  name: "Sheet1",
});

describe("Office adapter: one-button consolidation", () => {
  it("imports the files, names sheets after units, writes the summary formulas and 汇总说明 in a handful of requests", async () => {
    const book = new Book();
    const fixtures = new Map([
      ["b64-朴里", [child("金淘镇朴里村", 1)]],
      ["b64-岭兜", [child("金淘镇岭兜 村", 2)]],
    ]);
    const { context } = excelContext(book, fixtures);
    const sync = jest.spyOn(context, "sync");
    const lines = await consolidateInExcel(context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
      { name: "岭兜村.xlsx", base64: "b64-岭兜" },
    ]);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(4);
    expect(lines.map((l) => [l.unit, l.origin, l.status])).toEqual([
      ["金淘镇朴里村", "朴里村.xlsx", "included"],
      ["金淘镇岭兜 村", "岭兜村.xlsx", "included"],
    ]);
    expect([...book.sheets.keys()]).toEqual([
      "金淘镇朴里村",
      "金淘镇岭兜 村",
      "季报表（一）汇总",
      "汇总说明",
    ]);
    const formula = String(book.value("季报表（一）汇总", "B7"));
    expect(formula).toBe("=SUM('金淘镇朴里村'!B7,'金淘镇岭兜 村'!B7)");
    expect(book.value("汇总说明", "D2")).toBe("已汇总");

    // Again, with 朴里村's corrected file: no duplicated sheets, the summary updated in place.
    fixtures.set("b64-朴里2", [child("金淘镇朴里村", 3)]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村-更正.xlsx", base64: "b64-朴里2" },
    ]);
    expect([...book.sheets.keys()].sort()).toEqual(
      ["金淘镇朴里村", "金淘镇岭兜 村", "季报表（一）汇总", "汇总说明"].sort()
    );
    const refs = (f: unknown) =>
      String(f)
        .replace(/^=SUM\((.*)\)$/, "$1")
        .split(",")
        .sort();
    expect(refs(book.value("季报表（一）汇总", "B7"))).toEqual(refs(formula));
  });
});
