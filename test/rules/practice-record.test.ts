/**
 * A training round lives in the workbook (issue #15): on a hidden marker sheet that checks skip,
 * saved and reopened with the file, so 已改正 x/n is the same after a reload.
 */
import ExcelJS from "exceljs";
import { checkGrids } from "../../src/rules/check";
import { practiceSheet, remaining } from "../../src/rules/sample/practice";
import { cleanRound, practiceGrid, readPractice } from "../../src/rules/sample/practice-record";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { fromA1 } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;

function round() {
  const p = practiceSheet(t, 8, 3, "练习3");
  if ("refused" in p) throw new Error(p.refused);
  return p;
}

describe("the practice record", () => {
  it("reads back what it wrote, and checks leave its sheet out", () => {
    const p = round();
    const record = practiceGrid({ sheet: "练习3", planted: p.planted });
    expect(readPractice([p.grid, { ...record, name: "随便什么名" }])).toEqual({
      sheet: "随便什么名",
      round: { sheet: "练习3", planted: p.planted },
    });
    expect(checkGrids([record])).toEqual([]);
  });

  it("refuses what is not a round (a file's settings or sheet are untrusted)", () => {
    expect(cleanRound(undefined)).toBeUndefined();
    expect(cleanRound({ sheet: "练习1", planted: "x" })).toBeUndefined();
    expect(
      cleanRound({ sheet: "练习1", planted: [{ cell: "=1+1", what: "x", category: "blank" }] })
    ).toBeUndefined();
    expect(
      cleanRound({
        sheet: "练习1",
        planted: [
          { cell: "B7", what: "留空", category: "blank" },
          { cell: "C7", what: "x", category: "identity" },
        ],
      })
    ).toEqual({ sheet: "练习1", planted: [{ cell: "B7", what: "留空", category: "blank" }] });
  });
});

describe("MemoryWorkbook keeps the round in the workbook", () => {
  it("survives a save and a reopen: same round, same progress, the record hidden", async () => {
    const p = round();
    const book = new MemoryWorkbook([]);
    const sheet = await book.addSheet(p.grid);
    await book.savePractice({ sheet, planted: p.planted });
    // Two mistakes corrected by typing the right value back.
    const clean = filledSheet(t, { seed: 3, rowTypes: [t.rows[t.rows.length - 1].key] }).grid;
    for (const { cell } of p.planted.slice(0, 2)) {
      const { row, col } = fromA1(cell);
      book.editCells(sheet, [{ cell, value: clean.values[row][col] }]);
    }
    const left = (b: MemoryWorkbook) =>
      remaining(
        b.loadPractice()!.planted,
        checkGrids(b.sheets).flatMap((r) => r.findings)
      ).length;
    expect(left(book)).toBe(6);

    const bytes = await book.toXlsx();
    const again = await MemoryWorkbook.fromXlsx(bytes, "练习.xlsx");
    expect(again.loadPractice()).toEqual({ sheet, planted: p.planted });
    expect(left(again)).toBe(6);
    const record = readPractice(again.sheets)!.sheet;
    expect(again.hidden.has(record)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.getWorksheet(record)!.state).toBe("hidden");

    // A second round replaces the record, in the file too.
    await again.savePractice({ sheet, planted: p.planted.slice(0, 1) });
    const third = await MemoryWorkbook.fromXlsx(await again.toXlsx());
    expect(third.loadPractice()!.planted).toHaveLength(1);
    expect(third.sheets.filter((g) => readPractice([g]))).toHaveLength(1);
  });
});

describe("in Excel the round is kept in the document's settings", () => {
  it("saves and loads it through the document store; a bad record reads as none", async () => {
    const { officeSource } = await import("../../src/taskpane/office-source");
    const { MemoryStore } = await import("../helpers/excel-mock");
    const store = new MemoryStore();
    const p = round();
    await officeSource(store).savePractice({ sheet: "练习3", planted: p.planted });
    // A new pane over the same document (the workbook reopened) finds the round.
    expect(officeSource(store).loadPractice()).toEqual({ sheet: "练习3", planted: p.planted });
    store.set("srs.practice", { sheet: "练习3", planted: [{ cell: "<b>", what: 1 }] });
    expect(officeSource(store).loadPractice()).toBeUndefined();
  });
});
