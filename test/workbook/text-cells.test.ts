/** Writing a few text cells into a saved .xlsx: in place, in order, and nothing else touched. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CellsNotWritable } from "../../src/workbook/xlsx/sheet-cells";
import { writeTextCells } from "../../src/workbook/xlsx/text-cells";

async function workbook(edit?: (z: JSZip) => Promise<void>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("B2").value = 1;
  ws.getCell("D2").value = { formula: "B2*2", result: 2 };
  ws.getCell("D2").numFmt = "0.00";
  ws.getCell("B5").value = "留";
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await edit?.(z);
  return new Uint8Array(await z.generateAsync({ type: "uint8array" }));
}

const read = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet("表")!;
};

it("writes text in place of a formula, beside and between cells and rows, styles kept", async () => {
  const out = writeTextCells(
    await workbook((z) => {
      z.file(
        "xl/calcChain.xml",
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D2" i="1"/></calcChain>'
      );
      return Promise.resolve();
    }),
    [
      { sheet: "表", row: 1, col: 3, value: "2026年第4季度" }, // D2, was a formula
      { sheet: "表", row: 1, col: 0, value: "0595" }, // A2, before B2
      { sheet: "表", row: 2, col: 2, value: "<a&b>" }, // C3, a new row between 2 and 5
      { sheet: "表", row: 9, col: 0, value: "末" }, // A10, after the last row
    ]
  );
  const ws = await read(out);
  expect(ws.getCell("D2").value).toBe("2026年第4季度");
  expect(ws.getCell("D2").numFmt).toBe("0.00");
  expect(ws.getCell("A2").value).toBe("0595");
  expect(ws.getCell("B2").value).toBe(1);
  expect(ws.getCell("C3").value).toBe("<a&b>");
  expect(ws.getCell("B5").value).toBe("留");
  expect(ws.getCell("A10").value).toBe("末");
  const xml = await (await JSZip.loadAsync(out)).file("xl/worksheets/sheet1.xml")!.async("string");
  expect([...xml.matchAll(/<row r="(\d+)"/g)].map((m) => m[1])).toEqual(["2", "3", "5", "10"]);
  expect([...xml.matchAll(/<c r="([A-Z]+2)"/g)].map((m) => m[1])).toEqual(["A2", "B2", "D2"]);
  // The calculation chain named D2 as a formula: it goes, and Excel rebuilds it.
  expect(Object.keys((await JSZip.loadAsync(out)).files)).not.toContain("xl/calcChain.xml");
});

it("refuses to cut a shared formula's first cell from the cells that follow it", async () => {
  const bytes = await workbook(async (z) => {
    const name = "xl/worksheets/sheet1.xml";
    z.file(
      name,
      (await z.file(name)!.async("string")).replace(
        /<c r="D2"[^>]*>[\s\S]*?<\/c>/,
        '<c r="D2"><f t="shared" ref="D2:D3" si="0">B2*2</f><v>2</v></c>'
      )
    );
  });
  expect(() => writeTextCells(bytes, [{ sheet: "表", row: 1, col: 3, value: "x" }])).toThrow(
    CellsNotWritable
  );
});
