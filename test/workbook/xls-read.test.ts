/**
 * .xls (and WPS .et) files are reports like any other: every template saved as .xls by
 * LibreOffice, filled correctly and with mistakes, reads into the grids its .xlsx gives, gets the
 * same findings, and consolidates to the same numbers; what SRS writes in its place reads back the
 * same too.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { checkGrids } from "../../src/rules/check";
import type { Grid } from "../../src/rules/grid";
import { practiceSheet } from "../../src/rules/sample/practice";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { asXlsx, readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { saveAsXls } from "../helpers/libreoffice";

/** A grid as recognition sees it: trailing empty cells and rows dropped, merges in one order. */
function shape(g: Grid) {
  const values = g.values.map((r) => {
    const row = [...r];
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const merges = [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  return { name: g.name, values, merges, widths: g.widths };
}

/** What a check says, cell by cell. */
const findings = (grids: Grid[]) =>
  checkGrids(grids).flatMap((r) =>
    r.findings.map((f) => `${r.sheet}!${f.cell ?? ""} ${f.severity} ${f.rule} ${f.message}`)
  );

/** Every template filled from a seed, and the same with mistakes a clerk makes. */
function cases(): { name: string; grid: Grid; layout: Parameters<typeof layoutsToXlsx>[0][0] }[] {
  return allTemplates().flatMap((t, i) => {
    const f = filledSheet(t, { seed: 40 + i });
    const clean = { name: `${t.id}`, grid: f.grid, layout: f.layout };
    let wrong: Grid;
    if (t.kind === "table") {
      const p = practiceSheet(t, 3, 40 + i);
      wrong = "refused" in p ? structuredClone(f.grid) : p.grid;
      // And a total that is not the sum of its parts.
      const row = wrong.values[f.layout.body.bottom];
      const at = row.findIndex((v, c) => c > 0 && typeof v === "number");
      if (at > 0) row[at] = (row[at] as number) + 7;
    } else {
      // A checklist's answer (存在问题: 无) left blank; the task list has nothing a clerk fills.
      wrong = structuredClone(f.grid);
      const row = wrong.values.find((r) => r.includes("无"));
      if (!row) return [clean];
      row[row.indexOf("无")] = null;
    }
    return [clean, { name: `${t.id}-错`, grid: wrong, layout: f.layout }];
  });
}

/** Every kind of value a clerk's file holds, as Excel or WPS would save it. */
async function kinds(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("各种值");
  const date = new Date(Date.UTC(2026, 11, 20));
  ws.addRow([
    "金淘镇朴里村",
    12,
    -3.5,
    0.1 + 0.2,
    true,
    { error: "#N/A" },
    "'12",
    "１２",
    "3家",
    "总\n\n数",
    "=SUM(A1:A3)",
  ]);
  ws.addRow([date, date, 46376, 1234567.891]);
  ws.getCell("A2").numFmt = "yyyy-mm-dd";
  ws.getCell("B2").numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell("C2").numFmt = "0.00";
  ws.getCell("D2").numFmt = "#,##0.00";
  ws.addRow([
    { formula: "B1*2", result: 24 },
    { formula: 'A1&"村"', result: "金淘镇朴里村村" },
    { formula: "B1>1", result: true },
  ]);
  // Text longer than one BIFF record holds, in Chinese (two bytes a character).
  ws.addRow(["安全生产标准化提升专项行动".repeat(400)]);
  ws.mergeCells("A6:C7");
  ws.getCell("A6").value = "合并";
  ws.getColumn(1).width = 20;
  ws.getRow(6).height = 40;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let xlsx: Uint8Array[];
let xls: Uint8Array[];
const all = cases();
beforeAll(async () => {
  xlsx = await Promise.all(all.map((c) => layoutsToXlsx([{ ...c.layout, grid: c.grid }])));
  xlsx.push(await kinds());
  xls = saveAsXls(xlsx);
}, 300_000);

it("reads dates (built-in and custom formats), numbers in other formats, formula results, booleans, errors, text numbers and long text as the .xlsx route does", async () => {
  const [fromXls] = await readGrids(xls[all.length], "各种值.xls");
  const [fromXlsx] = await readGrids(xlsx[all.length]);
  expect(shape(fromXls)).toEqual(shape(fromXlsx));
  expect(fromXls.values[1].slice(0, 3)).toEqual(["2026-12-20", "2026-12-20", 46376]);
  expect(fromXls.values[2]).toEqual([24, "金淘镇朴里村村", true]);
  expect(fromXls.heights?.[5]).toBeCloseTo(40, 0);
});

it("reads every template, with and without mistakes, into the grids of its .xlsx, with the same findings", async () => {
  let wrong = 0;
  for (const [i, c] of all.entries()) {
    const fromXls = await readGrids(xls[i], `${c.name}.xls`);
    const fromXlsx = await readGrids(xlsx[i], `${c.name}.xlsx`);
    expect(fromXls.map(shape)).toEqual(fromXlsx.map(shape));
    // Row heights as LibreOffice rounds them (to its own units), within a point.
    fromXls.forEach((g, s) =>
      g.heights?.forEach((h, r) => expect(h).toBeCloseTo(fromXlsx[s].heights?.[r] ?? h ?? 0, -0.5))
    );
    const said = findings(fromXls);
    expect(said).toEqual(findings(fromXlsx));
    if (c.name.endsWith("-错")) {
      expect(said.length).toBeGreaterThan(0);
      wrong++;
    }
  }
  expect(wrong).toBe(allTemplates().length - 1);
});

it("reads an .et (WPS's name for the same workbook) as the .xls it is", async () => {
  const i = all.findIndex((c) => c.name === "nanan-2026-quarterly-1-错");
  expect(await readGrids(xls[i], "朴里村.et")).toEqual(await readGrids(xls[i], "朴里村.xls"));
});

it("writes in its place an .xlsx that reads back as the .xls reads", async () => {
  for (const [i, c] of all.entries()) {
    const { bytes, was } = await asXlsx(xls[i], `${c.name}.xls`);
    expect(was).toBe("Excel 97-2003 工作簿（.xls）");
    expect((await readGrids(bytes)).map(shape)).toEqual(
      (await readGrids(xls[i], `${c.name}.xls`)).map(shape)
    );
  }
});

it("consolidates .xls villages to the numbers their .xlsx give", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-xls-"));
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const units = ["金淘镇朴里村", "金淘镇岭兜村", "金淘镇霞春村", "金淘镇应急管理站"];
  const books = await Promise.all(
    units.map((unit, i) => {
      const f = filledSheet(t, { seed: 70 + i, unit, rowTypes: [i < 3 ? "village" : "town-dept"] });
      return layoutsToXlsx([{ ...f.layout, grid: f.grid }]);
    })
  );
  const old = saveAsXls(books);
  const write = (ext: string, list: Uint8Array[]) =>
    list.map((b, i) => {
      const file = path.join(dir, `${units[i]}.${ext}`);
      writeFileSync(file, b);
      return file;
    });
  const a = await consolidateFiles(write("xls", old), path.join(dir, "汇总-xls.xlsx"));
  const b = await consolidateFiles(write("xlsx", books), path.join(dir, "汇总-xlsx.xlsx"));
  expect(a.plan.lines.map((l) => [l.unit, l.status])).toEqual(
    b.plan.lines.map((l) => [l.unit, l.status])
  );
  expect(a.plan.lines.every((l) => l.status === "included")).toBe(true);
  const [sumA] = await readGrids(readFileSync(path.join(dir, "汇总-xls.xlsx")));
  const [sumB] = await readGrids(readFileSync(path.join(dir, "汇总-xlsx.xlsx")));
  expect(sumA.name).toBe("季报表（一）汇总");
  expect(sumA.values).toEqual(sumB.values);
}, 120_000);
