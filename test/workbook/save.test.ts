/**
 * The page's download (xlsx/save.ts) is the workbook the user sees: sheets deleted or renamed in
 * the page are so in the file, with their print titles, names and app.xml titles following.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { leanSheets } from "../../src/workbook/xlsx/lean-read";
import { saveXlsx } from "../../src/workbook/xlsx/save";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { readGrids } from "../../src/workbook/xlsx/read";

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]);

async function threeSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of ["甲", "乙 表", "丙"]) {
    const ws = wb.addWorksheet(name);
    ws.getCell("A1").value = `${name}的标题`;
    ws.getCell("B2").value = 7;
    ws.getColumn(1).width = 25;
    ws.pageSetup.printTitlesRow = "1:1";
  }
  wb.definedNames.add("'丙'!$B$2", "丙的数");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("saving into the opened file's parts", () => {
  it("drops a deleted sheet and renames a renamed one, their print titles and names following", async () => {
    const bytes = await threeSheets();
    const grids = await readGrids(bytes);
    const sheets = [
      { ...grids[1], name: "乙 表（上次）" },
      grids[2],
      { name: "新表", values: [["新的"]], merges: [] },
    ];
    const names = new Map([
      ["乙 表（上次）", "乙 表"],
      ["丙", "丙"],
    ]);
    const saved = await saveXlsx({ original: { bytes, grids, names }, sheets, hidden: new Set() });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["乙 表（上次）", "丙", "新表"]);
    expect(wb.getWorksheet("乙 表（上次）")!.getCell("A1").value).toBe("乙 表的标题");
    expect(wb.getWorksheet("乙 表（上次）")!.getColumn(1).width).toBe(25);
    expect(wb.getWorksheet("丙")!.pageSetup.printTitlesRow).toBe("1:1");
    expect(wb.getWorksheet("乙 表（上次）")!.pageSetup.printTitlesRow).toBe("1:1");
    expect(wb.definedNames.getRanges("丙的数").ranges).toEqual(["'丙'!$B$2"]);
    expect(leanSheets(saved)?.map((s) => s.name)).toEqual(["乙 表（上次）", "丙", "新表"]);

    const book = part(saved, "xl/workbook.xml");
    expect(book).not.toMatch(/甲/);
    // Print titles: one a sheet left, each on its own sheet by its new index.
    expect(
      [...book.matchAll(/localSheetId="(\d)"[^>]*>([^<]*)</g)].map((m) => [
        m[1],
        m[2].replace(/&apos;/g, "'"),
      ])
    ).toEqual([
      ["0", "'乙 表（上次）'!$1:$1"],
      ["1", "'丙'!$1:$1"],
    ]);
    const app = part(saved, "docProps/app.xml");
    expect(app).not.toMatch(/甲/);
    expect(app).toMatch(/<vt:lpstr>乙 表（上次）<\/vt:lpstr>/);
    expect(
      Object.keys(unzipSync(saved)).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))
    ).toHaveLength(3);
    expect(part(saved, "[Content_Types].xml").match(/worksheet\+xml/g)).toHaveLength(3);
  });

  it("a township workbook consolidated again keeps the sheets the page shows, under their names", async () => {
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
    const first = new MemoryWorkbook([]);
    await first.consolidate([await file("金淘镇朴里村", 1), await file("金淘镇岭兜村", 2)]);
    const book = await MemoryWorkbook.fromXlsx(await first.toXlsx(), "金淘镇.xlsx");
    // A newer report of 朴里村: its copy here is set aside as （上次）, the new one takes the name.
    await book.consolidate([await file("金淘镇朴里村", 3)]);
    const saved = await book.toXlsx();
    const back = await readGrids(saved);
    expect(back.map((g) => g.name).sort()).toEqual(book.sheets.map((g) => g.name).sort());
    for (const g of book.sheets)
      expect(back.find((b) => b.name === g.name)!.values).toEqual(g.values);
  });
});
