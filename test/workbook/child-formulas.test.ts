/**
 * A child's sheets carry into what SRS hands on only formulas made of allowed functions that stay
 * inside their own sheet; any other formula becomes the value the child saved, and hyperlinks and
 * rules with other formulas go (docs/ARCHITECTURE.md, Safety).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { allowedLive, withoutLiveContent } from "../../src/workbook/xlsx/child-formulas";

describe("which formulas may stay live", () => {
  it.each([
    "SUM(C7:C9)",
    "'附表'!A1+附表!B2",
    'IF(A1>0,"见[1]表!A1|x",$B$2)',
    "1E+5*A1+TRUE",
    "SUM(1:3)",
    "IFERROR(A1/B1,#DIV/0!)",
    '_xlfn.MAXIFS(C7:C9,B7:B9,">0")',
    'ROUND(SUMPRODUCT(C7:C9,D7:D9)/COUNTIF(C7:C9,"<>0"),2)',
  ])("allowed: %s", (f) => expect(allowedLive(f, "附表")).toBe(true));
  it.each([
    // Functions off the list, however harmless they look: the list is what may stay.
    "_xlfn.XLOOKUP(A1,B:B,C:C)",
    "_xlfn.LET(_xlpm.x,A1,_xlpm.x*2)",
    '_xlfn.STOCKHISTORY("MSFT",A1)',
    '_xlfn.TRANSLATE(A1,"zh","en")',
    "_xlfn.DETECTLANGUAGE(A1)",
    '_xlfn._xlws.PY(0,1,"import os")',
    'PY("x")',
    '_xlfn.COPILOT("总结",A1:A9)',
    '_xlfn.FIELDVALUE(A1,"Price")',
    '_xlws.WEBSERVICE("http://x.test/")',
    "TODAY()",
    "OFFSET(A1,1,1)",
    'CELL("filename")',
    "[1]Sheet1!A1",
    "'[底数.xlsx]Sheet1'!A1",
    "Sheet2!A1",
    "'其他 表'!A1:B2",
    "Sheet1:Sheet3!A1",
    "cmd|' /C calc'!A0",
    '_xlfn.WEBSERVICE("http://x.test/")',
    '_xlfn.FILTERXML(A1,"//a")',
    'HYPERLINK("https://x.test/","看")',
    '_xlfn.IMAGE("https://x.test/a.png")',
    'INDIRECT("A1")',
    'CALL("kernel32","GetTickCount","J")',
    'RTD("x",,"y")',
    "_xll.Foo(A1)",
    "底数*2",
    "表1[列1]",
  ])("not allowed: %s", (f) => expect(allowedLive(f, "附表")).toBe(false));
});

/** The first cell of a shared formula (exceljs's types omit shareType and ref). */
const shared = (formula: string, result: number, ref: string) =>
  ({ formula, result, shareType: "shared", ref }) as unknown as ExcelJS.CellFormulaValue;

async function childWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附表");
  wb.addWorksheet("别表").getCell("A1").value = 1;
  ws.getCell("B1").value = 1;
  ws.getCell("B2").value = 2;
  ws.getCell("A1").value = { formula: "SUM(B1:B2)", result: 3 };
  ws.getCell("A2").value = { formula: '_xlfn.WEBSERVICE("http://x.test/")', result: "秘密" };
  ws.getCell("A3").value = { formula: "[1]Sheet1!A1", result: 7 };
  ws.getCell("A4").value = { formula: "cmd|' /C calc'!A0", result: 0 };
  ws.getCell("A5").value = { formula: 'HYPERLINK("https://x.test/")' };
  ws.getCell("D1").value = shared("别表!A1*2", 2, "D1:D2");
  ws.getCell("D2").value = { sharedFormula: "D1", result: 4 };
  ws.getCell("E1").value = shared("B1*3", 3, "E1:E2");
  ws.getCell("E2").value = { sharedFormula: "E1", result: 6 };
  ws.getCell("A6").value = { formula: '_xlfn.STOCKHISTORY("MSFT",45000)', result: 5 };
  ws.getCell("A7").value = { text: "链接", hyperlink: "https://x.test/" };
  ws.addConditionalFormatting({
    ref: "B1:B2",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ['_xlfn.WEBSERVICE("https://x.test/")="1"'],
        style: { font: { bold: true } },
      },
    ],
  });
  ws.getCell("B2").dataValidation = {
    type: "list",
    formulae: ['INDIRECT("别表!A1")'],
  };
  // Excel's calculation chain, which exceljs does not write.
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  z.file(
    "xl/calcChain.xml",
    '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/><c r="A2"/></calcChain>'
  );
  const edit = async (name: string, close: string, add: string) =>
    z.file(name, (await z.file(name)!.async("string")).replace(close, add + close));
  await edit(
    "[Content_Types].xml",
    "</Types>",
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
  );
  await edit(
    "xl/_rels/workbook.xml.rels",
    "</Relationships>",
    '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>'
  );
  return new Uint8Array(await z.generateAsync({ type: "uint8array" }));
}

it("keeps the sheet's own formulas and gives the others their saved values, on the .xlsx bytes", async () => {
  const out = withoutLiveContent(await childWorkbook());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("附表")!;
  const formulas = new Map<string, string>();
  const values = new Map<string, unknown>();
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.formula) formulas.set(c.address, c.formula);
      else values.set(c.address, c.value);
    })
  );
  expect(Object.fromEntries(formulas)).toEqual({ A1: "SUM(B1:B2)", E1: "B1*3", E2: "B2*3" });
  expect(values.get("A2")).toBe("秘密");
  expect(values.get("A3")).toBe(7);
  expect(values.get("A4")).toBe(0);
  expect(values.has("A5")).toBe(false); // no saved value: an empty cell
  expect(values.get("D1")).toBe(2);
  expect(values.get("D2")).toBe(4);
  expect(values.get("A6")).toBe(5);
  // A hyperlink, a conditional format and a validation with formulas off the list: gone.
  expect(values.get("A7")).toBe("链接");
  expect(ws.getCell("B2").dataValidation).toBeUndefined();
  const xml = await (await JSZip.loadAsync(out)).file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).not.toMatch(/hyperlink|conditionalFormatting|dataValidation|WEBSERVICE|INDIRECT/);
  // Excel rebuilds the calculation chain; one naming cells that are no longer formulas is refused.
  const z = await JSZip.loadAsync(out);
  expect(Object.keys(z.files)).not.toContain("xl/calcChain.xml");
  expect(await z.file("[Content_Types].xml")!.async("string")).not.toContain("calcChain");
  expect(await z.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("calcChain");
});

it("gives back the very bytes of a file whose formulas all stay inside their sheets", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("报表");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = { formula: "A1*2", result: 4 };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(withoutLiveContent(bytes)).toBe(bytes);
});
