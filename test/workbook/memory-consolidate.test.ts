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

describe("the page keeps the user's work (#23.3)", () => {
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
  const SUMMARY = "季报表（一）汇总";

  it("a stamped summary keeps its stamp when a re-sent file is imported", async () => {
    const { stampWrites } = await import("../../src/taskpane/ConsolidateView");
    const { checkGrids } = await import("../../src/rules/check");
    const book = new MemoryWorkbook([]);
    await book.consolidate([await file("金淘镇朴里村", 1), await file("金淘镇岭兜村", 2)]);
    const writes = stampWrites(
      checkGrids(await book.readSheets()),
      "2026Q4",
      { year: 2026, month: 12, day: 20 },
      { unit: "金淘镇", filler: "陈美玲", phone: "0595-86281234" }
    );
    expect(writes.length).toBeGreaterThan(0);
    await book.writeFixes(writes);
    const text = () =>
      book.sheets
        .find((g) => g.name === SUMMARY)!
        .values.flat()
        .filter((v) => typeof v === "string")
        .join("|");
    const stamped = text();
    expect(stamped).toContain("陈美玲");
    expect(stamped).toContain("报告期：2026年第4季度");
    const before = book.getCell(SUMMARY, "B7");
    await book.consolidate([await file("金淘镇朴里村", 5)]);
    expect(text()).toBe(stamped);
    // The sums are the new round's.
    expect(book.getCell(SUMMARY, "B7")).not.toBe(before);
  });

  it("a copy changed after consolidating makes the summary stale until 重新汇总, which needs no file", async () => {
    const book = new MemoryWorkbook([]);
    await book.consolidate([await file("金淘镇朴里村", 1), await file("金淘镇岭兜村", 2)]);
    expect(book.staleCopies()).toEqual([]);
    const total = Number(book.getCell(SUMMARY, "B7"));
    // 总数 and 规上企业 ten more: the copy still adds up.
    const more = ["B7", "C7"].map((cell) => ({
      cell,
      value: Number(book.getCell("金淘镇朴里村", cell)) + 10,
    }));
    book.editCells("金淘镇朴里村", more);
    expect(book.staleCopies()).toEqual(["金淘镇朴里村"]);
    // Undone, the copy is as it was summed: nothing is stale.
    book.undoEdit();
    expect(book.staleCopies()).toEqual([]);
    book.editCells("金淘镇朴里村", more);
    const lines = await book.consolidate([]);
    expect(lines.map((l) => l.status)).toEqual(["included", "included"]);
    expect(book.getCell(SUMMARY, "B7")).toBe(total + 10);
    expect(book.staleCopies()).toEqual([]);
  });
});
