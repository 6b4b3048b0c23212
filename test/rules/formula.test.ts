/** Formulas saved without their result: simple same-sheet arithmetic is worked out, the rest said so. */
import ExcelJS from "exceljs";
import { checkGrids } from "../../src/rules/check";
import { evaluate, NO_RESULT } from "../../src/rules/formula";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet } from "../../src/workbook/xlsx/write-workbook";

const cells: Record<string, number> = { "0,2": 3, "0,3": 4, "0,4": 5, "1,2": 10 };
const at = (r: number, c: number) => cells[`${r},${c}`];

describe("evaluate", () => {
  it.each([
    ["C1+D1+E1", 12],
    ["SUM(C1:E1)", 12],
    ["sum(c1:e1, 1)", 13],
    ["C2-2*D1", 2],
    ["(C1+D1)/2", 3.5],
    ["$C$1*-1", -3],
    ["F9", 0],
  ])("=%s is %d", (f, v) => expect(evaluate(f, at)).toBe(v));

  it.each(["Sheet2!C1", "'村'!C1+1", "VLOOKUP(C1,A:B,2)", "C1/0", "C1+", "IF(C1>1,1,0)"])(
    "=%s cannot be worked out",
    (f) => expect(evaluate(f, at)).toBeUndefined()
  );
});

it("reads a saved 0 as 0, works out =C+D+E, and reports any other result-less formula, never as blank", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const f = filledSheet(t, { seed: 4, rowTypes: ["village"], unit: "金淘镇朴里村" });
  const rec = recognize(f.grid) as TableRecognition;
  const r = rec.match.rows.get("village")!;
  const [total, big, mid, small] = ["base.total", "base.large", "base.medium", "base.small"].map(
    (k) => rec.match.columns.get(k)!
  );
  const wb = new ExcelJS.Workbook();
  const ws = addGridSheet(wb, { ...f.grid, name: "Sheet1" });
  const a1 = (c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  ws.getCell(r + 1, total + 1).value = {
    formula: `${a1(big)}+${a1(mid)}+${a1(small)}`,
  } as ExcelJS.CellFormulaValue;
  const zero = [...rec.match.columns.values()].find((c) => f.grid.values[r][c] === 0)!;
  ws.getCell(r + 1, zero + 1).value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
  const other = rec.match.columns.get("promo.letters")!;
  ws.getCell(r + 1, other + 1).value = { formula: "[1]Sheet1!A1" } as ExcelJS.CellFormulaValue;
  const [grid] = await readGrids(new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(grid.values[r][total]).toBe(f.grid.values[r][total]);
  expect(grid.values[r][zero]).toBe(0);
  expect(grid.values[r][other]).toBe(NO_RESULT);
  const findings = checkGrids([grid])[0].findings.filter((x) => x.rule === "not-number");
  expect(findings.map((x) => x.message)).toEqual([expect.stringMatching(/^公式没有计算结果/)]);
});
