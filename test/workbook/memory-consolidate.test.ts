import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";

describe("MemoryWorkbook consolidation (the pane's flow, off Excel)", () => {
  it("imports files as unit-named sheets, writes the summary and 汇总说明, and re-runs in place", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const file = async (unit: string, seed: number) => ({
      name: `${unit}.xlsx`,
      bytes: await toXlsx((wb) =>
        addGridSheet(wb, {
          ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid,
          name: "Sheet1",
        })
      ),
    });
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate([
      await file("金淘镇朴里村", 1),
      await file("金淘镇岭兜村", 2),
    ]);
    expect(lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇朴里村", "included"],
      ["金淘镇岭兜村", "included"],
    ]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "金淘镇朴里村",
      "金淘镇岭兜村",
      "季报表（一）汇总",
      "汇总说明",
    ]);
    const again = await book.consolidate([await file("金淘镇朴里村", 3)]);
    expect(book.sheets.map((s) => s.name).sort()).toEqual(
      [
        "金淘镇朴里村",
        "金淘镇朴里村（上次）",
        "金淘镇岭兜村",
        "季报表（一）汇总",
        "汇总说明",
      ].sort()
    );
    expect(again.filter((l) => l.status === "included")).toHaveLength(2);
  });
});

describe("MemoryWorkbook over .xlsx", () => {
  it("opens a workbook file and checks it like Excel would", async () => {
    const { checkGrids } = await import("../../src/rules/check");
    const t = getTemplate("anxi-2024-monthly-2")!;
    const bytes = await toXlsx((wb) =>
      addGridSheet(wb, { ...filledSheet(t, { seed: 5 }).grid, name: "安溪" })
    );
    const book = await MemoryWorkbook.fromXlsx(bytes);
    const [report] = checkGrids(await book.readSheets());
    expect(report.recognition.template?.id).toBe("anxi-2024-monthly-2");
    expect(report.findings).toEqual([]);
  });
});
