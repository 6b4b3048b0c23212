/**
 * The page's download (xlsx/save.ts) is the workbook the user sees: sheets deleted or renamed in
 * the page are so in the file, with their print titles, names and app.xml titles following.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { fromA1 } from "../../src/rules/grid";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { leanSheets } from "../../src/workbook/xlsx/lean-read";
import { saveXlsx } from "../../src/workbook/xlsx/save";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { readGrids } from "../../src/workbook/xlsx/read";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { recalculatedSheets } from "../helpers/csv";

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
  wb.definedNames.add("甲!$B$2", "甲的数");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const t = getTemplate("nanan-2026-quarterly-1")!;
const village = async (unit: string, seed: number) => ({
  name: `${unit}.xlsx`,
  bytes: await toXlsx((wb) =>
    addGridSheet(wb, {
      ...filledSheet(t, { seed, rowTypes: ["village"], unit }).grid,
      name: "Sheet1",
    })
  ),
});

/** Every formula cell of a sheet: address → [formula, cached result]. */
function formulas(ws: ExcelJS.Worksheet): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === "object" && "formula" in v)
        out.set(c.address, [v.formula, Number(v.result ?? 0)]); // exceljs reads a cached 0 as no result
    })
  );
  return out;
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
    // A name on the deleted sheet stays, pointing nowhere, as Excel leaves it.
    expect(book).toMatch(/<definedName name="甲的数">#REF!<\/definedName>/);
    expect(book.replace("甲的数", "")).not.toMatch(/甲/);
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
    const first = new MemoryWorkbook([]);
    await first.consolidate([await village("金淘镇朴里村", 1), await village("金淘镇岭兜村", 2)]);
    const book = await MemoryWorkbook.fromXlsx(await first.toXlsx(), "金淘镇.xlsx");
    // A newer report of 朴里村: its copy here is set aside as （上次）, the new one takes the name.
    await book.consolidate([await village("金淘镇朴里村", 3)]);
    const saved = await book.toXlsx();
    const back = await readGrids(saved);
    expect(back.map((g) => g.name).sort()).toEqual(book.sheets.map((g) => g.name).sort());
    // The summary kept its place in the file and now sums the new report: formulas, results cached.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as never);
    const sums = formulas(wb.getWorksheet("季报表（一）汇总")!);
    const summary = book.sheets.find((g) => g.name === "季报表（一）汇总")!;
    expect(sums.size).toBeGreaterThan(10);
    for (const [cell, [formula, result]] of sums) {
      expect(formula).toMatch(/'金淘镇朴里村'!/);
      expect(formula).not.toMatch(/上次/);
      expect(ws(summary, cell)).toBe(result);
    }
    // Copies print as forms: their empty bordered cells read back as blanks; an empty text
    // (汇总说明's empty cells) is written as no cell, and reads back as a blank too.
    const trim = (values: unknown[][]) => {
      const rows = values.map((r) => {
        const row = r.map((v) => (v === "" ? null : v));
        while (row.length && row[row.length - 1] === null) row.pop();
        return row;
      });
      while (rows.length && !rows[rows.length - 1].length) rows.pop();
      return rows;
    };
    for (const g of book.sheets)
      expect([g.name, trim(back.find((b) => b.name === g.name)!.values)]).toEqual([
        g.name,
        trim(g.values),
      ]);
  });
});

describe("the page's township workbook", () => {
  it("is the one `srs consolidate` writes: the same sheets, each sum the same native formula", async () => {
    const files = [await village("金淘镇朴里村", 1), await village("金淘镇岭兜村", 2)];
    const book = new MemoryWorkbook([]);
    await book.consolidate(files);
    const page = new ExcelJS.Workbook();
    await page.xlsx.load((await book.toXlsx()) as never);

    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-town-"));
    const paths = files.map((f) => path.join(dir, f.name));
    files.forEach((f, i) => writeFileSync(paths[i], f.bytes));
    await consolidateFiles(paths, path.join(dir, "镇.xlsx"));
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.load(readFileSync(path.join(dir, "镇.xlsx")) as never);

    expect(page.worksheets.map((w) => w.name).sort()).toEqual(
      cli.worksheets.map((w) => w.name).sort()
    );
    const sums = formulas(page.getWorksheet("季报表（一）汇总")!);
    expect(sums.size).toBeGreaterThan(10);
    expect([...sums.values()][0][0]).toMatch(/^SUM\('金淘镇朴里村'!\w+,'金淘镇岭兜村'!\w+\)$/);
    expect(sums).toEqual(formulas(cli.getWorksheet("季报表（一）汇总")!));
    // The copies print as forms there too (widths set).
    expect(page.getWorksheet("金淘镇朴里村")!.getColumn(1).width).toBe(
      cli.getWorksheet("金淘镇朴里村")!.getColumn(1).width
    );
  });

  it("consolidated into an opened file: the sums are formulas, and LibreOffice recalculates the same numbers", async () => {
    const own = await village("金淘镇霞春村", 11);
    const book = await MemoryWorkbook.fromXlsx(own.bytes, own.name);
    await book.consolidate([await village("金淘镇后厝村", 12), await village("金淘镇英都村", 13)]);
    const saved = await book.toXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as never);
    const sums = formulas(wb.getWorksheet("季报表（一）汇总")!);
    expect(sums.size).toBeGreaterThan(10);
    const summary = book.sheets.find((g) => g.name === "季报表（一）汇总")!;
    for (const [cell, [formula, result]] of sums) {
      expect(formula).toMatch(/^SUM\('Sheet1'!\w+,'金淘镇后厝村'!\w+,'金淘镇英都村'!\w+\)$/);
      expect(ws(summary, cell)).toBe(result);
    }
    const csv = recalculatedSheets(saved, ["季报表（一）汇总"]).get("季报表（一）汇总")!;
    for (const [cell, [, result]] of sums) {
      const { row, col } = fromA1(cell);
      expect(Number(csv[row][col])).toBe(result);
    }
  }, 120_000);
});

/** A grid's value at an A1 address. */
const ws = (g: { values: unknown[][] }, cell: string) => {
  const { row, col } = fromA1(cell);
  return g.values[row]?.[col];
};
