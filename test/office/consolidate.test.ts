import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { childFiles } from "../../src/workbook/office/child-files";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { readGrids } from "../../src/workbook/xlsx/read";
import { saveAsXls } from "../helpers/libreoffice";
import { randomBytes } from "crypto";
import { stacked } from "../helpers/combine";
import { unzipSync, zipSync } from "fflate";
import { Book, excelContext, type FixtureSheet } from "../helpers/excel-mock";

const t = getTemplate("nanan-2026-quarterly-1")!;
const child = (unit: string, seed: number) => ({
  ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid,
  name: "Sheet1",
});

describe("Office adapter: one-button consolidation", () => {
  it("imports the files, names sheets after units, writes the summary formulas and 汇总说明 in a handful of requests, and re-runs in place", async () => {
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
    expect(sync.mock.calls.length).toBeLessThanOrEqual(5);
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
    const notes = () => [...book.sheets.get("汇总说明")!.values.values()];
    expect(notes()).toContain("已汇总");
    expect(notes()).toContain("汇总表");

    // Again, with 朴里村's corrected file: the summary updated in place, the copy it replaces kept
    // (the clerk may have edited it), and only one such copy however often the unit re-sends.
    const edited = new Map(book.sheets.get("金淘镇朴里村")!.values).set("AD20", "核对：王");
    book.sheets.get("金淘镇朴里村")!.values = edited;
    for (const round of [2, 3]) {
      fixtures.set(`b64-朴里${round}`, [child("金淘镇朴里村", round + 1)]);
      await consolidateInExcel(excelContext(book, fixtures).context, [
        { name: `朴里村-更正${round}.xlsx`, base64: `b64-朴里${round}` },
      ]);
      expect([...book.sheets.keys()].sort()).toEqual(
        [
          "金淘镇朴里村",
          "金淘镇朴里村（上次）",
          "金淘镇岭兜 村",
          "季报表（一）汇总",
          "汇总说明",
        ].sort()
      );
      if (round === 2) expect(book.sheets.get("金淘镇朴里村（上次）")!.values).toEqual(edited);
    }
    const refs = (f: unknown) =>
      String(f)
        .replace(/^=SUM\((.*)\)$/, "$1")
        .split(",")
        .sort();
    expect(refs(book.value("季报表（一）汇总", "B7"))).toEqual(refs(formula));
  });

  it("a village resending one of the two tables on its sheet keeps the other counted in later rounds", async () => {
    const q3 = getTemplate("nanan-2026-quarterly-3")!;
    const three = (seed: number) => filledSheet(q3, { seed, unit: "金淘镇朴里村" }).grid;
    const book = new Book();
    const fixtures = new Map([
      ["b64-朴里", [{ ...stacked(child("金淘镇朴里村", 1), three(51), 1), name: "Sheet1" }]],
      ["b64-岭兜", [child("金淘镇岭兜村", 2)]],
      ["b64-朴里更正", [{ ...three(77), name: "Sheet1" }]],
      ["b64-金淘", [child("金淘镇金淘村", 3)]],
    ]);
    const run = (name: string, base64: string) =>
      consolidateInExcel(excelContext(book, fixtures).context, [{ name, base64 }]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
      { name: "岭兜村.xlsx", base64: "b64-岭兜" },
    ]);
    await run("朴里村-更正.xlsx", "b64-朴里更正");
    const lines = await run("金淘村.xlsx", "b64-金淘");
    expect(lines.filter((l) => l.status !== "missing").every((l) => l.status === "included")).toBe(
      true
    );
    // The two other villages sent no （三）: each owes it (owed.ts).
    expect(
      lines
        .filter((l) => l.status === "missing")
        .map((l) => `${l.unit} ${l.table}`)
        .sort()
    ).toEqual([`金淘镇岭兜村 ${q3.shortTitle}`, `金淘镇金淘村 ${q3.shortTitle}`]);
    expect([...book.sheets.keys()].filter((n) => n.includes("（上次）"))).toEqual([]);
    // 季报表（一） still sums 朴里村's table on its first sheet, beside the other two villages.
    const refs = String(book.value("季报表（一）汇总", "B7"))
      .replace(/^=SUM\((.*)\)$/, "$1")
      .split(",")
      .sort();
    expect(refs).toEqual(["'金淘镇朴里村'!B7", "'金淘镇岭兜村'!B7", "'金淘镇金淘村'!B7"].sort());
    // Its old （三） is listed once, by its own place on that sheet.
    const notes = [...book.sheets.get("汇总说明")!.values.values()].map(String);
    expect(notes.filter((v) => /^金淘镇朴里村!A\d+:[A-Z]+\d+$/.test(v))).toHaveLength(2);
    expect(notes.filter((v) => v === "被替换")).toHaveLength(1);
  });

  it("maps the ids Excel returns to the inserted sheets, though a sheet of that name existed already", async () => {
    // A clerk's own "Sheet1" is there before: the import arrives as "Sheet1 (2)".
    const book = new Book().load({ name: "Sheet1", values: [["联系人"]], merges: [] });
    const fixtures = new Map([["b64-朴里", [child("金淘镇朴里村", 1)]]]);
    const { context } = excelContext(book, fixtures);
    const lines = await consolidateInExcel(context, [{ name: "朴里村.xlsx", base64: "b64-朴里" }]);
    const included = lines.filter((l) => l.status === "included");
    expect(included.map((l) => [l.unit, l.origin, l.status])).toEqual([
      ["金淘镇朴里村", "朴里村.xlsx", "included"],
    ]);
    expect(book.value("Sheet1", "A1")).toBe("联系人");
    expect([...book.sheets.keys()]).toEqual([
      "Sheet1",
      "金淘镇朴里村",
      "季报表（一）汇总",
      "汇总说明",
    ]);
  });

  it("on Excel on the web, a file with a comment or chart is listed with its reason and the others still import", async () => {
    const book = new Book();
    const fixtures = new Map<string, FixtureSheet[]>([
      ["b64-朴里", [child("金淘镇朴里村", 1)]],
      ["b64-岭兜", [{ ...child("金淘镇岭兜村", 2), features: ["comment"] }]],
      ["b64-占石", [child("金淘镇占石村", 3)]],
    ]);
    const lines = await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
      { name: "岭兜村.xlsx", base64: "b64-岭兜" },
      { name: "占石村.xlsx", base64: "b64-占石" },
    ]);
    expect(lines.map((l) => [l.origin, l.status])).toEqual([
      ["朴里村.xlsx", "included"],
      ["占石村.xlsx", "included"],
      ["岭兜村.xlsx", "unreadable"],
    ]);
    // No stray copy of the file that went in before the refused one.
    expect([...book.sheets.keys()].sort()).toEqual(
      ["金淘镇朴里村", "金淘镇占石村", "季报表（一）汇总", "汇总说明"].sort()
    );
    const notes = book.grid("汇总说明").values.flat().map(String);
    expect(notes.some((v) => /^Excel 网页版无法导入含批注/.test(v))).toBe(true);

    // On Windows the same file imports.
    const desktop = new Book();
    const lines2 = await consolidateInExcel(
      excelContext(desktop, fixtures, { platform: "windows" }).context,
      [{ name: "岭兜村.xlsx", base64: "b64-岭兜" }]
    );
    expect(lines2.map((l) => l.status)).toEqual(["included"]);
  });

  it("a child file holding a roster too big to read still gives its report", async () => {
    const book = new Book();
    const roster = {
      name: "花名册",
      values: Array.from({ length: 20_000 }, (_, r) =>
        Array.from({ length: 8 }, () => `福建省泉州市南安市金淘镇朴里村第${r}组村民`)
      ),
      merges: [],
    };
    const fixtures = new Map([["b64-朴里", [child("金淘镇朴里村", 1), roster]]]);
    const lines = await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
    ]);
    expect(lines.filter((l) => l.status === "included").map((l) => l.unit)).toEqual([
      "金淘镇朴里村",
    ]);
  });

  it("inserts an .xls or .et as the .xlsx SRS writes for it (Excel inserts only .xlsx)", async () => {
    const filled = filledSheet(t, { seed: 5, rowTypes: ["village"], unit: "金淘镇深垵村" });
    const [xls] = saveAsXls([await layoutsToXlsx([{ ...filled.layout, grid: filled.grid }])]);
    const { ready, unreadable } = await childFiles([
      { name: "深垵村.xls", bytes: xls },
      { name: "深垵村.et", bytes: xls },
    ]);
    expect(unreadable).toEqual([]);
    // The same grids, merged areas in any order.
    const sorted = (grids: Awaited<ReturnType<typeof readGrids>>) =>
      grids.map((g) => ({
        ...g,
        merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      }));
    for (const f of ready)
      expect(sorted(await readGrids(Buffer.from(f.base64, "base64")))).toEqual(
        sorted(await readGrids(xls, f.name))
      );
  }, 120_000);

  it("refuses before import what no report could be, and lists it with its reason in the 汇总说明", async () => {
    const filled = filledSheet(t, { seed: 4, rowTypes: ["village"], unit: "金淘镇占石村" });
    const good = await layoutsToXlsx([{ ...filled.layout, grid: filled.grid }]);
    const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const { ready, unreadable } = await childFiles([
      { name: "占石村.xlsx", bytes: good },
      { name: "记事.txt", bytes: new Uint8Array(Buffer.from("这不是表格")) },
      { name: "旧表.xls", bytes: new Uint8Array([...OLE, ...new Array(504).fill(0)]) },
      // A report with a photo pasted in: 4 MB that no packing shrinks.
      {
        name: "大文件.xlsx",
        bytes: zipSync({
          ...unzipSync(good),
          "xl/media/image1.png": new Uint8Array(randomBytes(4 * 1024 * 1024)),
        }),
      },
    ]);
    expect(ready.map((f) => f.name)).toEqual(["占石村.xlsx"]);
    expect(Buffer.from(ready[0].base64, "base64").equals(Buffer.from(good))).toBe(true);
    expect(unreadable.map((u) => [u.origin, u.reason])).toEqual([
      ["记事.txt", "不是 Excel 工作簿（.xlsx）文件"],
      ["旧表.xls", "文件已损坏或不是完整的 Excel 97-2003 工作簿（.xls），无法读取"],
      ["大文件.xlsx", expect.stringMatching(/^文件过大（4\.0 MB），一次只能导入 3 MB 以内的文件$/)],
    ]);

    const book = new Book();
    const fixtures = new Map([[ready[0].base64, [child("金淘镇占石村", 4)]]]);
    const lines = await consolidateInExcel(excelContext(book, fixtures).context, ready, unreadable);
    expect(lines.map((l) => [l.origin, l.status])).toEqual([
      ["占石村.xlsx", "included"],
      ["记事.txt", "unreadable"],
      ["旧表.xls", "unreadable"],
      ["大文件.xlsx", "unreadable"],
    ]);
    expect([...book.sheets.get("汇总说明")!.values.values()]).toContain(
      "不是 Excel 工作簿（.xlsx）文件"
    );
  });
});
