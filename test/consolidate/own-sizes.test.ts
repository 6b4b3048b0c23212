/**
 * A child's copy in the township workbook keeps the child's own column widths and row heights
 * (issue #14, Print); what the child left at its default is computed from the text as before.
 * Run through the built command (`npm run build:cli`), as a county runs it.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";

const SRS = path.join(__dirname, "../../bin/srs.js");

/** A village's 季报表（一） saved by exceljs, with `sized` applied to its sheet. */
async function village(
  unit: string,
  seed: number,
  sized: (ws: ExcelJS.Worksheet, grid: Grid) => void
) {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const { grid } = filledSheet(t, { seed, rowTypes: ["village"], unit });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  grid.values.forEach((r, i) =>
    r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
  );
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  sized(ws, grid);
  return { grid, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The 1-based row whose first cell reads `label`. */
const rowOf = (g: Grid, label: string) => g.values.findIndex((r) => r[0] === label) + 1;

test("a child's copy keeps its own widths and heights, within Excel's limits; the rest is computed", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-sizes-"));
  const own = await village("金淘镇朴里村", 3, (ws, grid) => {
    ws.getColumn(1).width = 31;
    ws.getColumn(3).width = 7.5;
    // A hostile width: more than Excel allows.
    ws.getColumn(4).width = 5000;
    ws.getRow(1).height = 40;
    ws.getRow(rowOf(grid, "村")).height = 12;
  });
  const header = rowOf(own.grid, "填报单位类型");
  const body = rowOf(own.grid, "村");
  expect([header, body].every((r) => r > 1)).toBe(true);
  const plain = await village("金淘镇岭兜村", 4, () => undefined);
  const files = [own, plain].map((v, i) => {
    const file = path.join(dir, `${i}.xlsx`);
    writeFileSync(file, v.bytes);
    return file;
  });
  const out = path.join(dir, "汇总.xlsx");
  const run = spawnSync("node", [SRS, "consolidate", ...files, "-o", out], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const copy = book.getWorksheet("金淘镇朴里村")!;
  expect([1, 3, 4].map((c) => copy.getColumn(c).width)).toEqual([31, 7.5, 255]);
  expect([1, body].map((r) => copy.getRow(r).height)).toEqual([40, 12]);
  // Column B and the header row were left at the default: sized to their text, as every copy.
  const other = book.getWorksheet("金淘镇岭兜村")!;
  expect(copy.getColumn(2).width).toBe(other.getColumn(2).width);
  expect(copy.getColumn(2).width).toBeGreaterThanOrEqual(6);
  expect(copy.getRow(header).height).toBeGreaterThan(20);
  expect(other.getColumn(1).width).toBeLessThanOrEqual(14);
  expect(other.getRow(1).height).not.toBe(40);
  // Still printed as a form.
  expect(copy.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
  expect(copy.getCell(header, 2).border).toMatchObject({ left: { style: "thin" } });
}, 60_000);
