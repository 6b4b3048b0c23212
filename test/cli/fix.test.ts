/**
 * srs check FILE --fix -o OUT (#23 item 4): a copy with every certain fix applied — numbers stored
 * as text, full-width digits, 1,200 and 3家 written as numbers, blanks and 无 as 0, a blank total
 * as its parts' sum — listing what changed; each cell keeps its style (font, fill, border, number
 * format), a formula is never overwritten, every other cell and part stays as saved, and the input
 * is never written. LibreOffice opens the copy and sums it.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { fromA1 } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { recalculatedSheets } from "../helpers/csv";
import { saveAsXls } from "../helpers/libreoffice";

const id = "nanan-2026-quarterly-1";
/** The village's row (7) and the department row it fills with 0 (6), as 注10 asks. */
const ROW = 7;

interface Planted {
  cell: string;
  written: ExcelJS.CellValue;
  /** What the copy holds there. */
  becomes: number | { formula: string };
}

/** A village's report as a clerk typed it: every number of its row as text, some worse. */
async function villageFile(dir: string) {
  const f = filledSheet(getTemplate(id)!, { seed: 3, rowTypes: ["village"], unit: "金淘镇朴里村" });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("朴里村");
  f.grid.values.forEach((r, i) =>
    r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
  );
  for (const m of f.grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let c = 2; c <= 28; c++) ws.getCell(ROW - 1, c).value = 0;
  const planted: Planted[] = [];
  const plant = (cell: string, written: ExcelJS.CellValue, becomes: Planted["becomes"]) => {
    ws.getCell(cell).value = written;
    planted.push({ cell, written, becomes });
  };
  const row = f.grid.values[ROW - 1];
  const n = (col: number) => row[col] as number;
  // The clerk's own styles on the row: a font, a fill, a border, Text format on the typed numbers.
  for (let c = 2; c <= 28; c++) {
    const cell = ws.getCell(ROW, c);
    cell.font = { bold: true, color: { argb: "FF1F4E79" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    cell.border = { bottom: { style: "thin" } };
    cell.numFmt = "@";
  }
  // 总数 B7 blank, its parts filled: the sum. 规上 C7 full-width, 中等 D7 with its unit, 小微 E7 as text.
  plant("B7", null, n(2) + n(3) + n(4));
  plant(
    "C7",
    String(n(2)).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    n(2)
  );
  plant("D7", `${n(3)}家`, n(3));
  plant("E7", String(n(4)), n(4));
  plant("F7", "无", 0);
  plant("G7", null, 0);
  // A thousands separator in 人员数量, and a formula giving text, which stays the clerk's.
  plant("I7", "1,200", 1200);
  plant("J7", { formula: 'TEXT(2,"0")', result: "2" }, { formula: 'TEXT(2,"0")' });
  for (let c = 11; c <= 28; c++) {
    const a = ws.getCell(ROW, c).address;
    plant(a, String(n(c - 1)), n(c - 1));
  }
  // A second sheet the fix must not touch, and a name.
  wb.addWorksheet("说明").getCell("A1").value = "'12";
  wb.definedNames.add("朴里村!$B$7", "总数");
  const file = path.join(dir, "朴里村.xlsx");
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return { file, planted };
}

async function load(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  return wb;
}

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

it("writes a copy with every certain fix, lists each change, keeps styles, formulas and the rest", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-fix-"));
  const { file, planted } = await villageFile(dir);
  const before = readFileSync(file);
  const out = path.join(dir, "朴里村-修正.xlsx");
  const { code, out: text } = await run(["check", file, "--fix", "-o", out]);

  expect(readFileSync(file).equals(before)).toBe(true);
  const changed = planted.filter((p) => typeof p.becomes === "number");
  expect(text).toMatch(
    new RegExp(`^已写出 ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}，改了 ${changed.length} 格：`)
  );
  expect(text).toContain("[朴里村] B7：空白 → ");
  expect(text).toContain("[朴里村] F7：“无” → 0（不是数字）");
  expect(text).toContain("[朴里村] I7：“1,200” → 1200（数字写法不规范）");
  expect(text).toContain("未改 1 格（是公式，请在 Excel 中修改）：");
  expect(text).toContain("[朴里村] J7：“2” 应为 2");

  const [a, b] = [await load(file), await load(out)];
  const was = a.getWorksheet("朴里村")!;
  const now = b.getWorksheet("朴里村")!;
  for (const p of planted) {
    const { value, formula, style } = now.getCell(p.cell);
    if (typeof p.becomes === "number") expect([p.cell, value]).toEqual([p.cell, p.becomes]);
    else expect([p.cell, formula]).toEqual([p.cell, p.becomes.formula]);
    // The cell's own style, as the clerk left it.
    expect([p.cell, style]).toEqual([p.cell, was.getCell(p.cell).style]);
  }
  // Every other cell as it was; the merges, the other sheet and the name too.
  const touched = new Set(planted.map((p) => p.cell));
  was.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      if (touched.has(c.address)) return;
      expect([c.address, now.getCell(c.address).value]).toEqual([c.address, c.value]);
    })
  );
  expect(Object.keys((now as never as { _merges: object })._merges).sort()).toEqual(
    Object.keys((was as never as { _merges: object })._merges).sort()
  );
  expect(b.getWorksheet("说明")!.getCell("A1").value).toBe("'12");
  expect(b.definedNames.getNames("朴里村!$B$7")).toEqual(["总数"]);

  // The copy checks clean of what was fixed; only the formula's warning is left.
  const { out: again } = await run(["check", out]);
  expect(again).not.toMatch(/空白格|不是数字/);
  expect(again).toContain("提示 1 条（数字写法不规范 1）");
  expect(again).toMatch(/J7 .*“2”是存成文本的数字/);
  expect(code).toBe(0);

  // LibreOffice opens it and reads numbers where the text was.
  const [csv] = [...recalculatedSheets(readFileSync(out), ["朴里村"]).values()];
  const row = csv[ROW - 1];
  for (const p of changed) {
    expect([p.cell, Number(row[fromA1(p.cell).col])]).toEqual([p.cell, p.becomes]);
  }
});

it("says so in JSON, and refuses what it must", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-fix-json-"));
  const { file } = await villageFile(dir);
  const out = path.join(dir, "out.xlsx");
  const { code, out: json } = await run(["check", file, "--fix", "--json", "-o", out]);
  const parsed = JSON.parse(json);
  expect(parsed.output).toBe(out);
  expect(parsed.changes).toContainEqual(
    expect.objectContaining({ sheet: "朴里村", cell: "F7", from: "无", to: 0, rule: "not-number" })
  );
  expect(parsed.kept).toEqual([expect.objectContaining({ cell: "J7" })]);
  expect(parsed.files[0].file).toBe(out);
  expect(code).toBe(0);

  expect((await run(["check", file, "--fix"])).code).toBe(64);
  expect((await run(["check", file, file, "--fix", "-o", out])).code).toBe(64);
  expect((await run(["check", file, "--fix", "-o", file])).code).toBe(64);
});

it("fixes an .xls in the .xlsx SRS writes in its place, and says so", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-fix-xls-"));
  const { file } = await villageFile(dir);
  const [xls] = saveAsXls([new Uint8Array(readFileSync(file))]);
  const input = path.join(dir, "朴里村.xls");
  writeFileSync(input, xls);
  const { code, out: text } = await run(["check", input, "--fix", "-o", path.join(dir, "改.xls")]);
  const written = path.join(dir, "改.xlsx");
  expect(text).toContain(`已写出 ${written}，改了 `);
  expect(text).toContain(`${input} 是 `);
  expect(text).toContain("[朴里村] F7：“无” → 0（不是数字）");
  expect(readFileSync(input).equals(Buffer.from(xls))).toBe(true);
  const ws = (await load(written)).getWorksheet("朴里村")!;
  expect(ws.getCell("F7").value).toBe(0);
  expect(ws.getCell("I7").value).toBe(1200);
  expect(code).toBe(0);
});
