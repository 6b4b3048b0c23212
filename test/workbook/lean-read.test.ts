/**
 * The lean reader (lean-read.ts) reads every file exactly as the exceljs route does, or declines
 * it: compared on the templates, random workbooks with every kind of value, LibreOffice's files
 * and SRS's own consolidated workbooks.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import type { Grid } from "../../src/rules/grid";
import { filledSheet, seeded } from "../../src/rules/sample/filled";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { leanGrids, loadWorkbook, readGrids, worksheetToGrid } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { readFileSync } from "fs";
import { convertWithLibreOffice, resaveWithLibreOffice } from "../helpers/libreoffice";

async function byExcelJs(bytes: Uint8Array): Promise<Grid[]> {
  return (await loadWorkbook(bytes)).worksheets.map(worksheetToGrid);
}

/** Same grids both ways; true when the lean route read the file. */
async function same(bytes: Uint8Array): Promise<boolean> {
  const lean = leanGrids(bytes);
  if (lean) expect(lean).toEqual(await byExcelJs(bytes));
  return lean !== undefined;
}

const TEXTS = [
  "金淘镇朴里村",
  "a&b <c> \"d\" 'e'",
  "_x001B_[2J",
  "_x00e9_ lower-case hex",
  "  leading and trailing  ",
  "two\r\nlines",
  "tab\there",
  "😀 emoji",
  "=SUM(A1:A3)",
  "1,200",
  "５",
  "",
];

/** A workbook of random cells of every kind exceljs writes. */
async function randomWorkbook(seed: number): Promise<Uint8Array> {
  const rand = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < 1 + Math.floor(rand() * 3); s++) {
    const ws = wb.addWorksheet(pick(["表1", "A&B", "村<1>", "Sheet"]) + s, {
      state: rand() < 0.2 ? "hidden" : "visible",
    });
    const rows = 1 + Math.floor(rand() * 25);
    const cols = 1 + Math.floor(rand() * 12);
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= cols; c++) {
        if (rand() < 0.35) continue;
        const cell = ws.getCell(r, c);
        const kind = Math.floor(rand() * 12);
        if (kind === 0) cell.value = pick(TEXTS);
        else if (kind === 1) cell.value = Math.round(rand() * 1000);
        else if (kind === 2) cell.value = pick([0, -3.25, 1e16, 1.5e-7, 0.1 + 0.2]);
        else if (kind === 3) cell.value = rand() < 0.5;
        else if (kind === 4) cell.value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        else if (kind === 5) cell.value = new Date(Date.UTC(2026, Math.floor(rand() * 12), 15));
        else if (kind === 6) {
          cell.value = Math.round(rand() * 50000);
          cell.numFmt = pick(["yyyy-mm-dd", "0.00", 'yyyy"年"m"月"', "[Red]0", "@", "h:mm"]);
        } else if (kind === 7)
          cell.value = { formula: `A1+${r}`, result: pick([0, 7, "文字", true, undefined]) };
        else if (kind === 8) cell.value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
        else if (kind === 9)
          cell.value = { richText: [{ text: "富" }, { font: { bold: true }, text: pick(TEXTS) }] };
        else if (kind === 10) {
          cell.value = pick(TEXTS);
          cell.font = { bold: true };
        } else
          cell.style = {
            fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } },
          };
      }
    // Non-overlapping merges down the left edge.
    for (let r = 1; r + 1 <= rows; r += 3)
      if (rand() < 0.5) ws.mergeCells(r, 1, r + Math.floor(rand() * 2), 1 + Math.floor(rand() * 3));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

it("reads every official template, filled and styled, exactly as exceljs does", async () => {
  for (const t of allTemplates()) {
    const f = filledSheet(t, { seed: 3 });
    const bytes = await layoutsToXlsx([{ ...f.layout, grid: f.grid }]);
    expect(await same(bytes)).toBe(true);
  }
});

it("reads random workbooks of every kind of cell exactly as exceljs does, or declines them", async () => {
  let lean = 0;
  for (let seed = 1; seed <= 120; seed++) if (await same(await randomWorkbook(seed))) lean++;
  // Most are read lean (a formula without its result, a rich text and the like are not declined).
  expect(lean).toBeGreaterThan(60);
});

it("declines what it does not model, and readGrids reads those files by exceljs", async () => {
  const books: ((wb: ExcelJS.Workbook) => void)[] = [
    (wb) =>
      (wb.addWorksheet("链接").getCell("A1").value = { text: "村", hyperlink: "http://x.invalid" }),
    (wb) => {
      const ws = wb.addWorksheet("共享公式");
      ws.getCell("A1").value = 1;
      ws.getCell("B1").value = {
        formula: "A1*2",
        shareType: "shared",
        ref: "B1:B3",
      } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1" } as ExcelJS.CellSharedFormulaValue;
    },
    (wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("1904").getCell("A1").value = 5;
    },
  ];
  for (const make of books) {
    const wb = new ExcelJS.Workbook();
    make(wb);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(leanGrids(bytes)).toBeUndefined();
    expect(await readGrids(bytes)).toEqual(await byExcelJs(bytes));
  }
});

it("reads LibreOffice's files exactly as exceljs does", async () => {
  const grids = allTemplates()
    .slice(0, 6)
    .map((t) => filledSheet(t, { seed: 5 }).grid);
  let lean = 0;
  for (const bytes of convertWithLibreOffice(grids)) if (await same(bytes)) lean++;
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const f = filledSheet(t, { seed: 9 });
  if (await same(resaveWithLibreOffice(await layoutsToXlsx([{ ...f.layout, grid: f.grid }]))))
    lean++;
  // LibreOffice's files are what WPS and LibreOffice users send: all read lean.
  expect(lean).toBe(grids.length + 1);
}, 300_000);

it("reads SRS's own consolidated workbook exactly as exceljs does", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lean-"));
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const files = [1, 2, 3].map((i) => {
    const file = path.join(dir, `${i}村.xlsx`);
    return { file, f: filledSheet(t, { seed: i, rowTypes: ["village"], unit: `金淘镇${i}村` }) };
  });
  for (const { file, f } of files)
    writeFileSync(file, await layoutsToXlsx([{ ...f.layout, grid: f.grid }]));
  const out = path.join(dir, "汇总.xlsx");
  await consolidateFiles(
    files.map((x) => x.file),
    out
  );
  expect(await same(new Uint8Array(readFileSync(out)))).toBe(true);
});
