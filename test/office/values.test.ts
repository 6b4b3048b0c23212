import { asCellInput } from "../../src/workbook/cell-value";
import { lastFixes, undoFixes, writeFixes } from "../../src/workbook/office/values";
import { Book, excelContext, MemoryStore, serialOf } from "../helpers/excel-mock";

describe("Office adapter: fixes", () => {
  it("writes only cells that still hold what was checked, in two requests, and can give them back", async () => {
    const book = new Book().add("1村");
    const s = book.sheets.get("1村")!.values;
    s.set("C7", "无");
    s.set("D7", "５");
    s.set("E7", 12); // changed by the clerk since the check, which saw a blank
    const store = new MemoryStore();
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    const n = await writeFixes(
      context,
      [
        { sheet: "1村", cell: "C7", value: 0, expected: "无" },
        { sheet: "1村", cell: "D7", value: 5, expected: "５" },
        { sheet: "1村", cell: "E7", value: 0, expected: null },
        { sheet: "1村", cell: "F7", value: 0, expected: null },
      ],
      store
    );
    expect(n).toBe(3);
    expect(sync).toHaveBeenCalledTimes(2);
    expect([s.get("C7"), s.get("D7"), s.get("E7"), s.get("F7")]).toEqual([0, 5, 12, 0]);
    expect(lastFixes(store)).toBe(3);
    s.set("D7", 6); // edited after the fix: stays
    expect(await undoFixes(excelContext(book).context, store)).toBe(2);
    expect([s.get("C7"), s.get("D7"), book.value("1村", "F7")]).toEqual(["无", 6, ""]);
    expect(lastFixes(store)).toBe(0);
  });

  it("writes stamped text as text: a phone number keeps its leading 0, a date stays the text written, and undo gives back each cell and its format", async () => {
    const book = new Book().add("1村");
    book.sheets.get("1村")!.values.set("Z2", serialOf(2026, 9, 28));
    book.sheets.get("1村")!.formats.set("Z2", "yyyy/m/d");
    const store = new MemoryStore();
    const writes = [
      { sheet: "1村", cell: "K2", value: "05958612345", expected: null },
      { sheet: "1村", cell: "L2", value: "13812345678", expected: null },
      { sheet: "1村", cell: "M2", value: "2026-12-24", expected: null },
      { sheet: "1村", cell: "N2", value: "-", expected: null },
      // A date the check read as ISO text, stamped over with the new one.
      { sheet: "1村", cell: "Z2", value: "2026年12月24日", expected: "2026-09-28" },
    ];
    expect(await writeFixes(excelContext(book).context, writes, store)).toBe(5);
    for (const w of writes) {
      expect([w.cell, book.value("1村", w.cell)]).toEqual([w.cell, w.value]);
      expect([w.cell, book.format("1村", w.cell)]).toEqual([w.cell, "@"]);
    }
    expect(await undoFixes(excelContext(book).context, store)).toBe(5);
    expect(["K2", "L2", "M2", "N2"].map((c) => book.value("1村", c))).toEqual(["", "", "", ""]);
    expect([book.value("1村", "Z2"), book.format("1村", "Z2")]).toEqual([
      serialOf(2026, 9, 28),
      "yyyy/m/d",
    ]);
  });

  it('leaves a formula that gives "" where a blank would get 0, and undo gives back a formula it replaced', async () => {
    const book = new Book().add("1村");
    book.setFormula("1村", "G7", '=IF(A1="","",A1)', "");
    book.setFormula("1村", "H7", '=IF(A1="","无",A1)', "无");
    const store = new MemoryStore();
    const n = await writeFixes(
      excelContext(book).context,
      [
        { sheet: "1村", cell: "G7", value: 0, expected: null },
        { sheet: "1村", cell: "H7", value: 0, expected: "无" },
      ],
      store
    );
    expect(n).toBe(1);
    expect(book.value("1村", "G7")).toBe('=IF(A1="","",A1)');
    expect(book.value("1村", "H7")).toBe(0);
    expect(await undoFixes(excelContext(book).context, store)).toBe(1);
    expect(book.value("1村", "H7")).toBe('=IF(A1="","无",A1)');
  });

  it("writes text that looks like a formula, a number or a date as text", () => {
    expect(asCellInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(asCellInput("0595")).toBe("'0595");
    expect(asCellInput("2026-12-24")).toBe("'2026-12-24");
    expect(asCellInput("无")).toBe("无");
    expect(asCellInput("-")).toBe("'-");
    expect(asCellInput(3)).toBe(3);
    expect(asCellInput(null)).toBe("");
  });
});
