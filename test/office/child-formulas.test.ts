/**
 * One-button consolidation in the pane: a child's sheets arrive with the formulas that stay inside
 * them; a WEBSERVICE, STOCKHISTORY, PY, COPILOT…, an external link or a DDE formula arrives as the
 * value the child saved.
 */
import ExcelJS from "exceljs";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { childFiles } from "../../src/workbook/office/child-files";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { Book, excelContext } from "../helpers/excel-mock";

it("inserts a child's own-sheet formulas and only the saved values of those reaching outside", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const filled = filledSheet(t, { seed: 5, rowTypes: ["village"], unit: "金淘镇朴里村" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await layoutsToXlsx([{ ...filled.layout, grid: filled.grid }])) as unknown as ArrayBuffer
  );
  const extra = wb.addWorksheet("附表");
  extra.getCell("B1").value = 1;
  extra.getCell("B2").value = 2;
  extra.getCell("A1").value = { formula: "SUM(B1:B2)", result: 3 };
  extra.getCell("A2").value = { formula: '_xlfn.WEBSERVICE("http://x.test/?q=1")', result: "秘密" };
  extra.getCell("A3").value = { formula: "[1]Sheet1!A1", result: 7 };
  extra.getCell("A4").value = { formula: "cmd|' /C calc'!A0", result: 0 };
  // The functions #26 found a block-list let through: none is on the allow-list.
  const named = [
    '_xlfn.STOCKHISTORY("MSFT",B1)',
    '_xlfn.TRANSLATE("安全","zh","en")',
    "_xlfn.DETECTLANGUAGE(B1)",
    '_xlfn._xlws.PY(0,1,"import os")',
    '_xlfn.COPILOT("总结",B1:B2)',
    '_xlfn.FIELDVALUE(B1,"Price")',
    '_xlws.WEBSERVICE("http://x.test/")',
  ];
  named.forEach((formula, i) => (extra.getCell(`A${5 + i}`).value = { formula, result: 10 + i }));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  const { ready, unreadable } = await childFiles([{ name: "朴里村.xlsx", bytes }]);
  expect(unreadable).toEqual([]);
  // What Excel inserts from the bytes the pane sends.
  const sent = new ExcelJS.Workbook();
  await sent.xlsx.load(Buffer.from(ready[0].base64, "base64") as unknown as ArrayBuffer);
  const book = new Book();
  const fixtures = new Map([[ready[0].base64, Book.insertable(sent)]]);
  const lines = await consolidateInExcel(excelContext(book, fixtures).context, ready);
  expect(lines.map((l) => [l.unit, l.status])).toEqual([["金淘镇朴里村", "included"]]);
  const inserted = book.sheets.get("附表")!;
  expect(Object.fromEntries(inserted.formulas)).toEqual({ A1: "=SUM(B1:B2)" });
  expect(book.value("附表", "A2")).toBe("秘密");
  expect(book.value("附表", "A3")).toBe(7);
  expect(book.value("附表", "A4")).toBe(0);
  named.forEach((_, i) => expect(book.value("附表", `A${5 + i}`)).toBe(10 + i));
});
