/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/no-context-sync-in-loop -- these tests misuse the API on purpose, to see the double refuse */
/** The Excel host double does what Excel is documented to do (see test/helpers/excel-mock.ts). */
import { officeSource } from "../../src/taskpane/office-source";
import { Book, excelContext, excelRun, MemoryStore, serialOf } from "../helpers/excel-mock";

const fails = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });

describe("Excel host double", () => {
  it("gives sheets stable ids that survive a rename; getItem takes an id or a name, ignoring case", async () => {
    const book = new Book().add("Sheet1");
    const { context } = excelContext(book);
    const ws = context.workbook.worksheets;
    ws.load("items/id,items/name");
    await context.sync();
    const id = ws.items[0].id;
    ws.getItem("sheet1").name = "汇总";
    await context.sync();
    const again = ws.getItem(id);
    again.load("name");
    await context.sync();
    expect(again.name).toBe("汇总");
  });

  it("insertWorksheetsFromBase64 returns the new sheets' ids, not their names", async () => {
    const book = new Book().add("Sheet1");
    const fixtures = new Map([["f", [{ name: "Sheet1", values: [["x"]], merges: [] }]]]);
    const { context } = excelContext(book, fixtures);
    const ids = context.workbook.insertWorksheetsFromBase64("f");
    await context.sync();
    expect(ids.value).toEqual([book.sheets.get("Sheet1 (2)")!.id]);
  });

  it("refuses sheet names Excel refuses", async () => {
    for (const name of [
      "",
      "a".repeat(32),
      "a/b",
      "[x]",
      "x?",
      "'quoted'",
      "end'",
      "History",
      "SHEET1",
    ]) {
      const { context } = excelContext(new Book().add("Sheet1"));
      context.workbook.worksheets.add(name);
      await fails(context.sync(), name === "SHEET1" ? "ItemAlreadyExists" : "InvalidArgument");
    }
  });

  it("refuses a formula over 8,192 characters or a function of more than 255 arguments", async () => {
    const book = new Book().add("S");
    const { context } = excelContext(book);
    const cell = context.workbook.worksheets.getItem("S").getRange("A1");
    cell.formulas = [[`=SUM(${Array.from({ length: 256 }, (_, i) => `B${i + 1}`).join(",")})`]];
    await fails(context.sync(), "InvalidArgument");
    cell.formulas = [[`=LEN("${"x".repeat(8200)}")`]];
    await fails(context.sync(), "InvalidArgument");
    cell.formulas = [[`=SUM(${Array.from({ length: 255 }, (_, i) => `B${i + 1}`).join(",")})`]];
    await context.sync();
  });

  it("interprets strings written through values as typing does, unless the cell is text (@)", async () => {
    const book = new Book().add("S");
    const { context } = excelContext(book);
    const s = context.workbook.worksheets.getItem("S");
    s.getRange("A1:E1").values = [["0595", "2026-12-24", "=1+1", "'=x", "-"]];
    s.getRange("F1").numberFormat = [["@"]];
    s.getRange("F1").values = [["0595"]];
    await context.sync();
    expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((c) => book.value("S", c))).toEqual([
      595,
      serialOf(2026, 12, 24),
      "=1+1",
      "=x",
      "-",
      "0595",
    ]);
  });

  it("reads only what was loaded, after the request; a failed request applies what came before the failure and nothing after", async () => {
    const book = new Book().add("S");
    const { context } = excelContext(book);
    const r = context.workbook.worksheets.getItem("S").getRange("A1");
    r.load("values");
    expect(() => r.values).toThrow();
    await context.sync();
    expect(r.values).toEqual([[""]]);
    expect(() => r.formulas).toThrow();
    r.values = [[1]];
    context.workbook.worksheets.getItem("nope").getRange("A1").values = [[2]];
    r.values = [[3]];
    await fails(context.sync(), "ItemNotFound");
    expect(book.value("S", "A1")).toBe(1);
  });

  it("on the web, fails a response over 5 MB counted in UTF-8 bytes, and merged areas above 512", async () => {
    const book = new Book().add("S");
    const s = book.sheets.get("S")!;
    // 1.8 million characters: under 5 MB counted as string length, 5.4 MB in UTF-8.
    for (let r = 1; r <= 2000; r++) s.values.set(`A${r}`, "安".repeat(900));
    const { context } = excelContext(book);
    context.workbook.worksheets.getItem("S").getUsedRange(true).load("values");
    await fails(context.sync(), "ResponsePayloadSizeLimitExceeded");
    const desktop = excelContext(book, undefined, { platform: "windows" }).context;
    desktop.workbook.worksheets.getItem("S").getUsedRange(true).load("values");
    await desktop.sync();

    s.values.clear();
    s.merges = Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`);
    s.values.set("A1", 1);
    s.values.set("B600", 1);
    const c2 = excelContext(book).context;
    c2.workbook.worksheets
      .getItem("S")
      .getUsedRange(true)
      .getMergedAreasOrNullObject()
      .load("address");
    await fails(c2.sync(), "GeneralException");
  });

  it("fails a batch during cell edit unless it was run to wait", async () => {
    const book = new Book().add("S");
    book.startEdit();
    const { context } = excelContext(book);
    context.workbook.worksheets.load("items/name");
    await fails(context.sync(), "InvalidOperationInCellEditMode");
    const waiting = excelContext(book, undefined, { delayForCellEdit: true }).context;
    waiting.workbook.worksheets.load("items/name");
    const done = waiting.sync();
    book.endEdit();
    await done;
  });
});

describe("sheets the pane adds", () => {
  it("get a name Excel accepts: no leading or trailing apostrophe, not History, unique ignoring case", async () => {
    const book = new Book().add("练习");
    const excel = excelRun(book);
    Object.assign(globalThis, { Excel: { run: excel.run } });
    const source = officeSource(new MemoryStore());
    const grid = (name: string) => ({ name, values: [["x"]], merges: [] });
    expect(await source.addSheet(grid("'练习'"))).toBe("练习(2)");
    expect(await source.addSheet(grid("History"))).toBe("History(2)");
    expect(await source.addSheet(grid("a".repeat(30) + "'b"))).toBe("a".repeat(30));
    expect([...book.sheets.keys()]).toEqual(["练习", "练习(2)", "History(2)", "a".repeat(30)]);
  });
});
