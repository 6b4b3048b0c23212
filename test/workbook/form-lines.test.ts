/**
 * The lines of a form outside its table: the stamped 统计口径 line merged across the table,
 * wrapped in 宋体 and tall enough (written into the saved sheet's own XML), and 汇总说明 printed
 * with its title and lines across its table.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { stampFile } from "../../src/cli/commands/stamp";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { notesForm } from "../../src/rules/layout/notes-form";
import { getTemplate } from "../../src/rules/templates/catalog";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { newWorkbook } from "../../src/workbook/xlsx/new-workbook";
import { zipParts } from "../../src/workbook/xlsx/parts";
import { addPlainSheets } from "../../src/workbook/xlsx/sheet-xml";

const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lines-"));

async function stamped(times: number) {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  let file = path.join(dir, "blank.xlsx");
  writeFileSync(file, await layoutsToXlsx([blankTemplate(t)]));
  for (let i = 0; i < times; i++) {
    const out = path.join(dir, `stamped${times}-${i}.xlsx`);
    await stampFile(
      file,
      out,
      { cycle: "quarter", year: 2026, quarter: 4 },
      {
        date: "2026-12-20",
        profile: { unit: "金淘镇朴里村" },
      }
    );
    file = out;
  }
  const zip = await JSZip.loadAsync(readFileSync(file));
  return {
    sheet: await zip.file("xl/worksheets/sheet1.xml")!.async("string"),
    styles: await zip.file("xl/styles.xml")!.async("string"),
    bytes: readFileSync(file),
  };
}

test("the stamped 统计口径 line spans the table, wraps in 宋体, and its row is tall enough", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const layout = blankTemplate(t);
  const { sheet, styles, bytes } = await stamped(1);
  const row = layout.grid.values.length + 1;
  const right = layout.widths.length;
  const letter = String.fromCharCode(64 + (right <= 26 ? right : 0));
  const merge = new RegExp(`<mergeCell ref="A${row}:([A-Z]+)${row}"/>`).exec(sheet);
  expect(merge).not.toBeNull();
  if (right <= 26) expect(merge![1]).toBe(letter);
  const tag = new RegExp(`<row [^>]*r="${row}"[^>]*>`).exec(sheet)![0];
  expect(Number(/ht="([\d.]+)"/.exec(tag)![1])).toBeGreaterThan(20);
  expect(tag).toContain('customHeight="1"');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const { value, alignment, font } = wb.worksheets[0].getCell(row, 1);
  expect(String(value)).toMatch(/^统计口径：/);
  expect(alignment).toMatchObject({ wrapText: true, vertical: "top" });
  expect(font).toMatchObject({ name: "宋体" });
  expect(styles).toContain('<name val="宋体"/>');
  // The template's print setup is the user's file's: stamping keeps it.
  expect(wb.worksheets[0].pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
});

test("stamping twice merges the line once and adds no second style", async () => {
  const once = await stamped(1);
  const twice = await stamped(2);
  const count = (s: string, re: RegExp) => [...s.matchAll(re)].length;
  expect(count(twice.sheet, /<mergeCell /g)).toBe(count(once.sheet, /<mergeCell /g));
  expect(count(twice.sheet, /customHeight="1"/g)).toBe(count(once.sheet, /customHeight="1"/g));
  expect(count(twice.styles, /<xf /g)).toBe(count(once.styles, /<xf /g));
});

test("汇总说明 prints as a form: title and lines across the table, header repeated, widths set", async () => {
  const grid = {
    name: "汇总说明",
    values: [
      ["金淘镇汇总说明"],
      ["报告期：2026年第4季度"],
      ["应报 12 个单位，已报 12，按时 12，逾期 0，缺报 0，未汇总 0 份"],
      [],
      ["填报单位", "单位类型", "报表", "工作表", "来源文件", "状态", "按时/逾期", "说明"],
      ["朴里村", "村", "季报表（一）", "朴里村", "朴里村.xlsx", "已汇总", "按时", ""],
      [],
      ["汇总单位：金淘镇"],
    ],
    merges: [],
  };
  const form = notesForm(grid);
  expect(form.header).toMatchObject({ top: 4, bottom: 4, right: 7 });
  expect(form.body).toEqual({ top: 5, bottom: 5 });
  // Written as the township workbook writes it, read back by exceljs.
  const parts = newWorkbook();
  addPlainSheets(parts, [{ grid, layout: form }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(zipParts(parts) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "5:5" });
  expect(ws.getColumn(8).width).toBeGreaterThan(ws.getColumn(2).width!);
  for (const r of [1, 2, 3, 8]) expect(ws.getCell(r, 8).isMerged).toBe(true);
  expect(ws.getCell(1, 1).font).toMatchObject({ name: "宋体", bold: true });
  expect(ws.getCell(5, 1).border?.top?.style).toBe("thin");
});
