/**
 * A blank template checks itself while the clerk types: every data cell takes a whole number ≥ 0
 * (up to 4 decimals in 万元 columns), the prompt and a stop alert citing the note. LibreOffice
 * keeps the validation when it saves the file again (what a WPS/LibreOffice clerk sends back).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { dataChecks } from "../../src/rules/layout/validation";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { templatesToXlsx } from "../../src/workbook/xlsx/write-layout";
import { resaveWithLibreOffice } from "../helpers/libreoffice";

const q1 = getTemplate("nanan-2026-quarterly-1")!;

test("every data cell of 季报表（一） is checked, citing note 10; labels and shaded cells are not", () => {
  const layout = blankTemplate(q1);
  const checks = dataChecks(q1, layout);
  const rows = layout.body.bottom - layout.body.top + 1;
  expect(checks.length).toBe(rows * (layout.widths.length - 1) - layout.shaded.length);
  expect(checks.every((c) => c.col > 0 && c.decimals === 0)).toBe(true);
  expect(checks[0].message).toContain("无则填0〔季报表（一）注10〕");
});

test("a 万元 column of 季报表（二） takes up to four decimals", () => {
  const t = getTemplate("nanan-2026-quarterly-2")!;
  const checks = dataChecks(t, blankTemplate(t));
  expect(checks.filter((c) => c.decimals === 4).length).toBeGreaterThan(0);
  expect(checks.find((c) => c.decimals === 4)!.message).toContain("万元");
});

test("the written template carries the validation: whole ≥ 0, prompt, stop alert in the same words", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templatesToXlsx([q1])) as unknown as ArrayBuffer);
  const layout = blankTemplate(q1);
  const { dataValidation: v } = wb.worksheets[0].getCell(layout.body.top + 1, 2);
  expect(v).toMatchObject({
    type: "whole",
    operator: "greaterThanOrEqual",
    showErrorMessage: true,
    errorStyle: "stop",
    prompt: expect.stringContaining("无则填0〔季报表（一）注10〕"),
    error: expect.stringContaining("无则填0〔季报表（一）注10〕"),
  });
  const { dataValidation: label } = wb.worksheets[0].getCell(layout.body.top + 1, 1);
  expect(label).toBeUndefined();
});

test("LibreOffice keeps the validation when it saves the templates again", async () => {
  const bytes = resaveWithLibreOffice(await templatesToXlsx(allTemplates()));
  const zip = await JSZip.loadAsync(bytes);
  const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const v = /<dataValidation [^>]*type="whole"[^>]*>/.exec(sheet1)![0];
  expect(v).toContain('errorStyle="stop"');
  expect(v).toContain('operator="greaterThanOrEqual"');
  expect(v).toContain("无则填0〔季报表（一）注10〕");
  expect(sheet1).toMatch(/<formula1>0<\/formula1>/);
  // 季报表（二）'s 万元 columns: a number ≥ 0 with at most four decimals.
  const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  expect(sheet2).toMatch(
    /<dataValidation [^>]*type="custom"[^>]*errorStyle="stop"|<dataValidation [^>]*errorStyle="stop"[^>]*type="custom"/
  );
  expect(sheet2).toMatch(/ROUND\(\w+\d+,4\)/);
}, 300_000);

test("every blank template: no two validation ranges overlap, and each data cell has exactly one rule", async () => {
  const { unzipParts, partText, sheetParts } = await import("../../src/workbook/xlsx/parts");
  const { fromA1 } = await import("../../src/rules/grid");
  const { dataCells } = await import("../../src/rules/layout/data-cells");
  const overlapping: string[] = [];
  for (const t of allTemplates()) {
    const parts = unzipParts(await templatesToXlsx([t]));
    const xml = partText(parts, sheetParts(parts)[0].part)!;
    const rules = new Map<string, number>();
    for (const m of xml.matchAll(/<dataValidation\b[^>]*\ssqref="([^"]+)"/g))
      for (const ref of m[1].split(" ")) {
        const [a, b = a] = ref.split(":");
        const from = fromA1(a);
        const to = fromA1(b);
        for (let r = from.row; r <= to.row; r++)
          for (let c = from.col; c <= to.col; c++)
            rules.set(`${r},${c}`, (rules.get(`${r},${c}`) ?? 0) + 1);
      }
    const layout = blankTemplate(t);
    const data = new Set(
      dataCells(t, layout)
        .filter((c) => c.kind === "whole" || c.kind === "decimal")
        .map((c) => `${c.row},${c.col}`)
    );
    if ([...rules.values()].some((n) => n > 1)) overlapping.push(t.id);
    expect([...rules.keys()].filter((k) => !data.has(k))).toEqual([]);
    expect([...data].filter((k) => rules.get(k) !== 1)).toEqual([]);
  }
  expect(overlapping).toEqual([]);
});
