/**
 * The lean reader (lean-read.ts) reads every file exactly as the exceljs route does, or declines
 * it: compared on the templates, random workbooks with every kind of value, LibreOffice's files
 * and SRS's own consolidated workbooks.
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
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
    // The clerk's own widths and heights, the defaults and sizes past Excel's limits among them.
    for (let c = 1; c <= cols; c++)
      if (rand() < 0.3) ws.getColumn(c).width = pick([9, 12.5, 30, 300, -5, 0.5]);
    for (let r = 1; r <= rows; r++)
      if (rand() < 0.3) ws.getRow(r).height = pick([15, 13.5, 40, 500, -3]);
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
  let sized = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const bytes = await randomWorkbook(seed);
    if (await same(bytes)) lean++;
    if ((await readGrids(bytes)).some((g) => g.widths?.length && g.heights?.length)) sized++;
  }
  // Most are read lean (a formula without its result, a rich text and the like are not declined).
  expect(lean).toBeGreaterThan(60);
  // The widths and heights compared are there to compare.
  expect(sized).toBeGreaterThan(60);
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

/** A one-sheet workbook from hand-written parts (`head`: what goes before <sheetData>). */
function handMade(sheetData: string, shared?: string, styles?: string, head = ""): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ${ns}>${head}<sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (shared) parts["xl/sharedStrings.xml"] = `<?xml version="1.0"?><sst ${ns}>${shared}</sst>`;
  if (styles)
    parts["xl/styles.xml"] = `<?xml version="1.0"?><styleSheet ${ns}>${styles}</styleSheet>`;
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

it("reads legal XML it does not follow as exceljs does, by leaving it to exceljs", async () => {
  const base =
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>';
  const cases: { file: Uint8Array; lean: boolean }[] = [
    // End tags with a space before ">": a pattern would run on to the next cell or string.
    {
      file: handMade('<row r="1"><c r="A1"><v>1</v></c ><c r="B1"><v>2</v></c></row>'),
      lean: false,
    },
    {
      file: handMade(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
        "<si><t>10</t></si ><si><t>20</t></si>"
      ),
      lean: false,
    },
    { file: handMade('<row r="1"><c r="A1"><?pi <v>9</v>?><v>1</v></c></row>'), lean: false },
    {
      file: handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "<si><t>1</t><t>2</t></si>"),
      lean: false,
    },
    // A conditional format's numFmt is not the cell's; style 0 is never a date to exceljs.
    {
      file: handMade(
        '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1"><v>45000</v></c></row>',
        undefined,
        `<numFmts count="1"><numFmt numFmtId="176" formatCode="0.0"/></numFmts>${base}<cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="176" formatCode="yyyy-mm-dd"/></dxf></dxfs>`
      ),
      lean: true,
    },
    // An empty custom code is the built-in format of that id (14: a date).
    {
      file: handMade(
        '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>',
        undefined,
        `<numFmts count="1"><numFmt numFmtId="14" formatCode=""/></numFmts>${base}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`
      ),
      lean: true,
    },
  ];
  for (const c of cases) {
    expect(leanGrids(c.file) !== undefined).toBe(c.lean);
    expect(await same(c.file)).toBe(c.lean);
    expect(await readGrids(c.file)).toEqual(await byExcelJs(c.file));
  }
  // An entity XML does not define: exceljs refuses the file, and so does readGrids.
  const nbsp = handMade('<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>');
  expect(leanGrids(nbsp)).toBeUndefined();
  await expect(readGrids(nbsp)).rejects.toThrow("文件已损坏");
});

it("reads a sheet's own widths and heights as exceljs does: not its defaults, within Excel's limits", async () => {
  const file = handMade(
    '<row r="1" ht="30"><c r="A1"><v>1</v></c><c r="F1"><v>2</v></c></row><row r="2" ht="13.5"/>' +
      '<row r="3" ht="5000"><c r="A3"><v>3</v></c></row><row r="4" ht="-2"><c r="A4"><v>4</v></c></row>',
    undefined,
    undefined,
    '<sheetFormatPr defaultRowHeight="13.5" defaultColWidth="11"/><cols>' +
      '<col min="2" max="3" width="20" customWidth="1"/><col min="1" max="1" width="1e9"/>' +
      '<col min="3" max="4" width="-4"/><col min="5" max="5" width="11"/>' +
      '<col min="6" max="16384" width="x"/></cols>'
  );
  expect(await same(file)).toBe(true);
  const [grid] = await readGrids(file);
  // Column C is the first <col>'s; D's negative width, E's default and F's non-number are none.
  expect(grid.widths).toEqual([255, 20, 20]);
  expect(grid.heights).toEqual([30, undefined, 409]);
  // Several <cols> are left to exceljs.
  const twice = handMade(
    '<row r="1"><c r="A1"><v>1</v></c></row>',
    undefined,
    undefined,
    '<cols><col min="1" max="1" width="20"/></cols><cols><col min="1" max="1" width="30"/></cols>'
  );
  expect(leanGrids(twice)).toBeUndefined();
  expect(await readGrids(twice)).toEqual(await byExcelJs(twice));
  // A sheet that sets no size has none.
  expect(await readGrids(handMade('<row r="1"><c r="A1"><v>1</v></c></row>'))).toEqual([
    { name: "S", values: [[1]], merges: [] },
  ]);
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
