/** Copies written directly as worksheet parts read back as the grids they came from. */
import { newWorkbook } from "../../src/workbook/xlsx/new-workbook";
import { readGrids } from "../../src/workbook/xlsx/read";
import { partText, unzipParts, zipParts } from "../../src/workbook/xlsx/parts";
import { addPlainSheets, type PlainSheet } from "../../src/workbook/xlsx/sheet-xml";
import type { Grid } from "../../src/rules/grid";
import { nodeDeflater } from "../../src/cli/zlib";

/** A new workbook of these sheets, packed. */
const written = (sheets: PlainSheet[]) => {
  const parts = newWorkbook();
  addPlainSheets(parts, sheets);
  return zipParts(parts);
};

const copy: Grid = {
  name: `<村&"1">`,
  origin: { row: 2, col: 1 },
  values: [
    ["=SUM(A1:A9)", "_x001B_[2J", 12, 0.5],
    [null, "", true, "a\u0007b"],
    ["  两端有空格  ", "x<y>&z", -3, 1e20],
  ],
  merges: [{ top: 0, left: 0, bottom: 1, right: 0 }],
};

it("keeps text as text, numbers and booleans as themselves, at the grid's origin", async () => {
  const bytes = written([
    { grid: { name: "汇总说明", values: [["说明"]], merges: [] } },
    { grid: copy, formulas: [{ row: 1, col: 1, formula: "SUM(C3:C5)", value: 9 }] },
  ]);
  const [first, back] = await readGrids(bytes);
  expect(first.name).toBe("汇总说明");
  expect(back.name).toBe(copy.name);
  const at = (r: number, c: number) => back.values[r + 2]?.[c + 1] ?? null;
  expect(at(0, 0)).toBe("=SUM(A1:A9)");
  // A literal _x001B_ is written with its underscore escaped (ECMA-376 ST_Xstring), so Excel and
  // LibreOffice show those seven characters, never an escape character.
  expect(at(0, 1)).not.toContain("\u001b");
  const all = unzipParts(bytes);
  const xml = Object.keys(all)
    .filter((name) => name.startsWith("xl/worksheets/"))
    .map((name) => partText(all, name))
    .join("");
  expect(xml).toContain("_x005F_x001B_[2J");
  expect(xml).toContain('<c r="C4"><f>SUM(C3:C5)</f><v>9</v></c>');
  expect([at(0, 2), at(0, 3), at(1, 2)]).toEqual([12, 0.5, true]);
  // A formula cell holds its formula with the value cached.
  expect(at(1, 1)).toBe(9);
  // XML 1.0 cannot hold U+0007: it is dropped, as exceljs drops it.
  expect(at(1, 3)).toBe("ab");
  expect([at(2, 0), at(2, 1), at(2, 2), at(2, 3)]).toEqual(["  两端有空格  ", "x<y>&z", -3, 1e20]);
  expect(back.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
});

it("lists the added sheets wherever the package lists sheets", async () => {
  // Copies of some length, so that deflating them shows.
  const long = { ...copy, values: Array.from({ length: 100 }, () => copy.values).flat() };
  const bytes = written([{ grid: long }, { grid: { ...long, name: "二村" } }]);
  const all = unzipParts(bytes);
  const parts = new Map(Object.keys(all).map((name) => [name, partText(all, name)]));
  expect(parts.get("xl/workbook.xml")).toContain('name="&lt;村&amp;&quot;1&quot;&gt;"');
  expect(parts.get("docProps/app.xml")).toMatch(/<vt:i4>2<\/vt:i4>/);
  expect(parts.get("docProps/app.xml")).toContain('<vt:vector size="2" baseType="lpstr">');
  const worksheets = [...parts.keys()].filter((n) => n.startsWith("xl/worksheets/sheet"));
  expect(worksheets).toHaveLength(2);
  // Packed: the parts are deflated once, at the end.
  const unpacked = Object.values(all).reduce((n, p) => n + p.length, 0);
  expect(bytes.length).toBeLessThan(unpacked / 2);
  for (const w of worksheets)
    expect(parts.get("[Content_Types].xml")).toContain(`PartName="/${w}"`);
});

it("packs with node's zlib (the CLI's) into the same parts and grids fflate packs", async () => {
  const parts = newWorkbook();
  const long = { ...copy, values: Array.from({ length: 100 }, () => copy.values).flat() };
  addPlainSheets(parts, [{ grid: long }, { grid: { ...long, name: "二村" }, form: true }]);
  // node 20.15 and later; the CLI packs with fflate before it.
  expect(nodeDeflater).toBeDefined();
  const native = zipParts(parts, nodeDeflater);
  const fflate = zipParts(parts);
  expect(unzipParts(native)).toEqual(unzipParts(fflate));
  expect(await readGrids(native)).toEqual(await readGrids(fflate));
  const unpacked = Object.values(parts).reduce((n, p) => n + p.length, 0);
  expect(native.length).toBeLessThan(unpacked / 2);
});
