import ExcelJS from "exceljs";
import { checkGrids } from "../../src/rules/check";
import { isDateFormat } from "../../src/workbook/cell-value";
import { parseAreas, readAllSheets, readWorkbook } from "../../src/workbook/office/read-sheets";
import { readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { Book, excelContext } from "../helpers/excel-mock";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { officeWorkbook } from "../helpers/office-workbook";

const t3 = getTemplate("nanan-2026-quarterly-1")!;

describe("Office adapter: readAllSheets", () => {
  it("reads 60 sheets in two requests", async () => {
    const grids = Array.from({ length: 60 }, (_, i) => ({
      name: `${i + 1}村`,
      values: [["村", null, 3]],
      merges: i % 2 ? [{ top: 0, left: 0, bottom: 0, right: 1 }] : [],
    }));
    const context = officeWorkbook(grids);
    const sync = jest.spyOn(context, "sync");
    const read = await readAllSheets(context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read).toHaveLength(60);
    expect(read[0]).toEqual({
      name: "1村",
      values: [["村", null, 3]],
      merges: [],
      origin: { row: 0, col: 0 },
    });
    expect(read[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it("on an Excel without merged-area listing (before ExcelApi 1.13) reads values alone, and the report is still recognized", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const sheet = { ...filledSheet(t, { seed: 3, rowTypes: ["village"] }).grid, name: "1村" };
    const context = officeWorkbook([sheet]);
    const [grid] = await readAllSheets(context, false);
    expect(grid.merges).toEqual([]);
    const filled = (g: typeof grid) => g.values.flat().filter((v) => v !== null && v !== undefined);
    expect(filled(grid)).toEqual(filled(sheet));
    expect(recognize(grid).template?.id).toBe(t.id);
  });

  it("reads a date in a cell of its own as the .xlsx adapter does: one workbook, the same findings through both", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const filled = filledSheet(t, { seed: 3, rowTypes: ["village"], unit: "金淘镇朴里村" });
    const grid = {
      ...filled.grid,
      values: filled.grid.values.map((r) => [...r]),
      merges: filled.grid.merges.filter((m) => m.top !== 1),
    };
    // The header line as many clerks lay it out: each field in a cell, the date a real date.
    grid.values[1] = grid.values[1].map(() => null);
    grid.values[1][0] = "填报单位（盖章）：金淘镇朴里村";
    grid.values[1][8] = "填表人：林小红";
    grid.values[1][14] = "联系电话：0595-86123456";
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await layoutsToXlsx([{ ...filled.layout, grid }])) as never);
    wb.worksheets[0].unMergeCells("A2:AB2");
    const cell = wb.worksheets[0].getCell("W2");
    cell.value = new Date(Date.UTC(2026, 11, 24));
    cell.numFmt = 'yyyy"年"m"月"d"日"';
    const file = new Uint8Array(await wb.xlsx.writeBuffer());

    const viaXlsx = await readGrids(file);
    // Excel opens the same file: the date cell holds a serial number with its date format.
    const book = Book.fromWorkbook(wb);
    expect(book.sheets.get(wb.worksheets[0].name)!.values.get("W2")).toBe(46380);
    const viaOffice = await readAllSheets(excelContext(book).context);
    expect(viaOffice[0].values[1][22]).toBe(viaXlsx[0].values[1][22]);
    const found = (grids: typeof viaXlsx) =>
      checkGrids(grids).flatMap((r) => r.findings.map((f) => `${f.cell} ${f.message}`));
    expect(found(viaOffice)).toEqual(found(viaXlsx));
    expect(found(viaOffice).filter((f) => /填报日期/.test(f))).toEqual([]);
  });

  it("tells date formats from others", () => {
    for (const f of [
      'yyyy"年"m"月"d"日"',
      "yyyy/m/d",
      "m/d/yy",
      "[$-F800]dddd, mmmm dd, yyyy",
      "mmm-yy",
    ])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0.00", "@", "h:mm", '0"家"', "[Red]0.00", "#,##0"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  it("a roster of 20,000 rows of Chinese text (over 5 MB on the web) is skipped with a word; the reports beside it are still read", async () => {
    const report = { ...filledSheet(t3, { seed: 5, rowTypes: ["village"] }).grid, name: "1村" };
    const book = new Book().load(report).add("花名册");
    const roster = book.sheets.get("花名册")!.values;
    for (let r = 1; r <= 20_000; r++)
      for (const c of "ABCDEFGH")
        roster.set(`${c}${r}`, `福建省泉州市南安市金淘镇朴里村第${r}组村民`);
    const { context } = excelContext(book);
    const { grids, skipped } = await readWorkbook(context);
    expect(grids.map((g) => g.name)).toEqual(["1村"]);
    expect(skipped).toEqual([
      { sheet: "花名册", reason: "内容过多（20000 行 × 8 列），不像报表，未检查" },
    ]);
    expect(recognize(grids[0]).template?.id).toBe(t3.id);
    // Read all at once, it passes Excel on the web's 5 MB.
    expect(Buffer.byteLength(JSON.stringify([...roster.values()]))).toBeGreaterThan(
      5 * 1024 * 1024
    );
  });

  it("a sheet with more than 512 merged areas is read without them; the workbook is still checked", async () => {
    const report = { ...filledSheet(t3, { seed: 6, rowTypes: ["village"] }).grid, name: "1村" };
    const form = {
      name: "登记表",
      values: Array.from({ length: 600 }, (_, r) => ["姓名", null, `${r}`]),
      merges: Array.from({ length: 600 }, (_, r) => ({ top: r, left: 0, bottom: r, right: 1 })),
    };
    const book = new Book().load(report).load(form);
    const { grids, skipped } = await readWorkbook(excelContext(book).context);
    expect(skipped).toEqual([]);
    expect(grids.map((g) => [g.name, g.merges.length > 0])).toEqual([
      ["1村", true],
      ["登记表", false],
    ]);
  });

  it("a hidden and a very hidden sheet are read as such (Worksheet.visibility), a visible one without", async () => {
    const report = (name: string) => ({
      ...filledSheet(t3, { seed: 7, rowTypes: ["village"] }).grid,
      name,
    });
    const book = new Book().load(report("1村")).load(report("2村")).load(report("3村"));
    book.sheets.get("2村")!.visibility = "Hidden";
    book.sheets.get("3村")!.visibility = "VeryHidden";
    const { grids } = await readWorkbook(excelContext(book).context);
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["1村", undefined],
      ["2村", "hidden"],
      ["3村", "veryHidden"],
    ]);
  });

  it("parses merged-area addresses, quoted sheet names included", () => {
    expect(parseAreas("Sheet1!A1:B2, 'a, b'!$C$3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});
