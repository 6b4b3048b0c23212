import { asCellInput, lastFixes, undoFixes, writeFixes } from "../../src/workbook/office/values";
import { Book, excelContext, MemoryStore } from "../helpers/excel-mock";

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

  it("writes text that looks like a formula as text", () => {
    expect(asCellInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(asCellInput("-")).toBe("'-");
    expect(asCellInput(3)).toBe(3);
    expect(asCellInput(null)).toBe("");
  });
});
