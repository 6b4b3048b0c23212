/**
 * One-button consolidation in WPS (the host double computing the formulas it writes) gives the
 * same workbook numbers as `srs consolidate` on the same messy township: every summary cell, every
 * file's status, and the 明细 path past 255 children.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import type { Grid } from "../../src/rules/grid";
import { OWN_SHEETS } from "../../src/rules/own-sheets";
import type { Period } from "../../src/rules/period";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import type { EtApplication } from "../../src/workbook/wps/et";
import { readSheets } from "../../src/workbook/wps/read";
import { wpsSource } from "../../src/workbook/wps/source";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet } from "../../src/workbook/xlsx/write-workbook";
import { tableNumbers } from "../helpers/table-numbers";
import { wpsApp } from "../helpers/wps-mock";

const Q4: Period = { cycle: "quarter", year: 2026, quarter: 4 };
const Q3: Period = { cycle: "quarter", year: 2026, quarter: 3 };

async function write(file: string, grid: Grid, time?: Date) {
  const wb = new ExcelJS.Workbook();
  addGridSheet(wb, { ...grid, name: "Sheet1" });
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return { file, time: time?.getTime() };
}

/** A township's files: plain reports, text numbers, a duplicate, a re-send, a wrong row, last quarter's, a broken file, a unit that sent nothing. */
async function township(dir: string, t: TableTemplate, n: number, messy: boolean) {
  const files: { file: string; time?: number }[] = [];
  const roster: [string, string][] = [];
  const fill = (unit: string, seed: number, row = "village", period = Q4) =>
    filledSheet(t, { seed, rowTypes: [row], unit, period }).grid;
  for (let i = 0; i < n; i++) {
    const unit = `金淘镇第${i}村`;
    roster.push([unit, "村"]);
    const file = (s = "") => path.join(dir, `${i}-${unit}${s}.xlsx`);
    const grid = fill(unit, 100 + i);
    const kind = messy ? i % 8 : 0;
    if (kind === 7) continue; // 缺报
    if (kind === 1) {
      const rec = recognize(grid) as TableRecognition;
      const r = rec.match.rows.get("village")!;
      const c = [...rec.match.columns.values()].find(
        (col) => typeof grid.values[r][col] === "number" && (grid.values[r][col] as number) > 0
      )!;
      grid.values[r][c] = `${grid.values[r][c]}家`; // a number as text
    }
    if (kind === 4 && t.rows.some((r) => r.key === "town-dept")) {
      files.push(await write(file(), fill(unit, 100 + i, "town-dept")));
      continue;
    }
    files.push(await write(file(), grid, new Date(2026, 11, 1)));
    if (kind === 2) {
      writeFileSync(file("（再发）"), readFileSync(file()));
      files.push({ file: file("（再发）"), time: new Date(2026, 11, 1).getTime() });
    }
    if (kind === 3)
      files.push(await write(file("-更正"), fill(unit, 900 + i), new Date(2026, 11, 2)));
    if (kind === 5) files.push(await write(file("-上期"), fill(unit, 700 + i, "village", Q3)));
    if (kind === 6) {
      writeFileSync(file("-坏"), "这不是表格");
      files.push({ file: file("-坏") });
    }
  }
  const rosterFile = path.join(dir, "名册.csv");
  writeFileSync(rosterFile, ["单位名称,单位类型", ...roster.map((r) => r.join(","))].join("\n"));
  return { files, roster, rosterFile };
}

async function both(t: TableTemplate, n: number, messy: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-wps-oracle-"));
  const set = await township(dir, t, n, messy);
  const out = path.join(dir, "汇总.xlsx");
  let printed = "";
  await main(
    [
      "consolidate",
      "--json",
      "--period",
      "2026Q4",
      "--unit",
      "金淘镇",
      "--roster",
      set.rosterFile,
      ...set.files.map((f) => f.file),
      "-o",
      out,
    ],
    (s) => (printed += s)
  );
  const cli = JSON.parse(printed) as { children: { origin: string; status: string }[] };
  const cliGrids = await readGrids(readFileSync(out));

  // The township's workbook in WPS: its roster sheet, then 一键汇总 on the same files.
  const app = wpsApp([
    { name: OWN_SHEETS.roster.name, values: [["单位名称", "单位类型"], ...set.roster], merges: [] },
  ]);
  const source = wpsSource(app as unknown as EtApplication);
  const lines = await source.consolidate(
    set.files.map((f) => ({
      name: path.basename(f.file),
      bytes: readFileSync(f.file),
      lastModified: f.time,
    })),
    { period: Q4, unit: "金淘镇" }
  );
  const wpsGrids = readSheets((app as unknown as EtApplication).ActiveWorkbook!);
  return { cli, cliGrids, lines, wpsGrids, app };
}

const summaryOf = (grids: Grid[], t: TableTemplate) =>
  grids.find((g) => g.name === `${t.shortTitle}汇总`)!;
const statusOf = (lines: { origin: string; status: string }[]) =>
  lines.map((l) => `${l.origin}：${l.status}`).sort();

describe("consolidation in WPS against srs consolidate", () => {
  it.each(["nanan-2026-quarterly-1", "nanan-2026-quarterly-3"])(
    "%s: a messy township gives the same summary numbers and statuses",
    async (id) => {
      const t = getTemplate(id) as TableTemplate;
      const { cli, cliGrids, lines, wpsGrids } = await both(t, 17, true);
      expect(statusOf(lines)).toEqual(statusOf(cli.children));
      const statuses = new Set<string>(lines.map((l) => l.status));
      for (const s of [
        "included",
        "duplicate",
        "replaced",
        "other-period",
        "unreadable",
        "missing",
      ])
        expect([s, statuses.has(s)]).toEqual([s, true]);
      const want = tableNumbers(summaryOf(cliGrids, t));
      const got = tableNumbers(summaryOf(wpsGrids, t));
      expect([...want.values()].some((v) => v > 0)).toBe(true);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    },
    120_000
  );

  it("past 255 children the summary sums a 明细 sheet, and still agrees", async () => {
    const t = getTemplate("nanan-2026-quarterly-3") as TableTemplate;
    const { cliGrids, wpsGrids, app } = await both(t, 260, false);
    const summary = summaryOf(wpsGrids, t);
    expect(tableNumbers(summary)).toEqual(tableNumbers(summaryOf(cliGrids, t)));
    const formulas = [...app.sheet(summary.name).formulas.values()];
    expect(formulas.every((f) => /^=SUM\('[^']*明细'!\w+:\w+\)$/.test(f))).toBe(true);
  }, 300_000);
});
