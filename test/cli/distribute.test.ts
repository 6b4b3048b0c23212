/**
 * srs distribute (下发表样): one stamped blank table per roster unit, named 单位-表名-期间.xlsx,
 * carrying the add-in reference. What the units fill in and send back is recognized and matched
 * to the roster at once: every unit that sent its file is summed, only the others are 缺报.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { rosterSheet } from "../../src/rules/consolidation/roster";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { findPeriodStamp } from "../../src/rules/report-period";
import { filledSheet } from "../../src/rules/sample/filled";
import { basisLine } from "../../src/rules/stamp";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";

const SRS = path.join(__dirname, "../../bin/srs.js");
const Q1 = "nanan-2026-quarterly-1";

const srs = (...args: string[]) =>
  spawnSync("node", [SRS, ...args], { encoding: "utf8", timeout: 60_000 });

const UNITS = [
  { unit: "金淘镇朴里村", type: "村" as const, row: "village" },
  { unit: "金淘镇岭兜村", type: "村" as const, row: "village" },
  { unit: "金淘镇应急管理办公室", type: "镇直单位" as const, row: "town-dept" },
  { unit: "金淘镇占石村", type: "村" as const, row: "village" },
];

async function rosterFile(dir: string) {
  const file = path.join(dir, "名册.xlsx");
  writeFileSync(
    file,
    await toXlsx((wb) =>
      addGridSheet(wb, rosterSheet(UNITS.map(({ unit, type }) => ({ unit, type }))))
    )
  );
  return file;
}

/** The clerk fills their row of the distributed file (in Excel: the numbers, nothing else). */
async function fill(file: string, row: string, seed: number) {
  const [grid] = await readGrids(readFileSync(file));
  const rec = recognize(grid) as TableRecognition;
  const values = recognize(
    filledSheet(getTemplate(Q1)!, { seed, rowTypes: [row] }).grid
  ) as TableRecognition;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let filled = 0;
  for (const slot of rec.info.slots.filter((s) => s.key === row || s.rowType === row))
    for (const leaf of rec.info.leaves) {
      const [r, c] = [rec.match.rows.get(slot.key), rec.match.columns.get(leaf.key)];
      const [fr, fc] = [values.match.rows.get(slot.key), values.match.columns.get(leaf.key)];
      if (r === undefined || c === undefined || fr === undefined || fc === undefined) continue;
      const v = values.grid.values[fr][fc];
      if (typeof v !== "number") continue;
      ws.getCell(r + 1, c + 1).value = v;
      filled++;
    }
  expect(filled).toBeGreaterThan(20);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

it("writes one stamped blank per unit, and what comes back is matched to its unit", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-distribute-"));
  const roster = await rosterFile(dir);
  const out = path.join(dir, "下发");
  const r = srs(
    "distribute",
    "--roster",
    roster,
    "--period",
    "2026Q4",
    "--template",
    Q1,
    "-o",
    out
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const names = UNITS.map((u) => `${u.unit}-季报表（一）-2026年第4季度.xlsx`);
  expect(readdirSync(out).sort()).toEqual([...names].sort());
  for (const u of UNITS) expect(r.stdout).toContain(`${u.unit}：${u.unit}-季报表（一）`);

  for (const [i, u] of UNITS.entries()) {
    const bytes = readFileSync(path.join(out, names[i]));
    // Excel users with SRS get the pane on open.
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file("xl/webextensions/webextension1.xml")).not.toBeNull();
    const [grid] = await readGrids(bytes);
    const rec = recognize(grid) as TableRecognition;
    expect(rec.template.id).toBe(Q1);
    expect(rec.headerFields.find((f) => f.key === "unit")?.value).toBe(u.unit);
    expect(findPeriodStamp(rec)?.period).toEqual({ cycle: "quarter", year: 2026, quarter: 4 });
    expect(grid.values.flat()).toContain(basisLine(rec));
    // The unit's own row is blank; the other type's row holds 0 (注10), locked below.
    for (const [slot, row] of rec.match.rows)
      for (const [, col] of rec.match.columns)
        expect([slot, grid.values[row]?.[col] ?? null]).toEqual([slot, slot === u.row ? null : 0]);
    // Still the template that checks itself: protected, its data cells validated and open, and
    // the stamped header line still open for 填表人, 联系电话 and the date.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // exceljs reads the protection it does not type.
    expect((ws as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({
      sheet: true,
    });
    const header = rec.headerFields.find((f) => f.key === "unit")!.labelCell;
    expect(ws.getCell(header).protection).toMatchObject({ locked: false });
    const c0 = [...rec.match.columns.values()][0];
    for (const [slot, r0] of rec.match.rows) {
      const { dataValidation, protection, value } = ws.getCell(r0 + 1, c0 + 1);
      if (slot === u.row) {
        expect(dataValidation).toMatchObject({ type: "whole" });
        expect(protection).toMatchObject({ locked: false });
      } else {
        // The clerk cannot put numbers in the other type's row.
        expect({ ...protection }).not.toMatchObject({ locked: false });
        expect(value).toBe(0);
      }
    }
  }

  // Three units fill their row and send it back; 占石村 does not.
  const back = names.slice(0, 3).map((n) => path.join(out, n));
  for (const [i, file] of back.entries()) await fill(file, UNITS[i].row, 30 + i);
  const c = srs(
    "consolidate",
    ...back,
    "--roster",
    roster,
    "--period",
    "2026Q4",
    "--json",
    "-o",
    path.join(dir, "汇总.xlsx")
  );
  expect(c.stderr).toBe("");
  const json = JSON.parse(c.stdout);
  const lines = json.children as { unit: string; status: string; problems: string[] }[];
  expect(lines.map((l) => [l.unit, l.status]).sort()).toEqual(
    UNITS.map((u, i) => [u.unit, i < 3 ? "included" : "missing"]).sort()
  );
  for (const l of lines) expect(l.problems.filter((p) => /名册|填报单位/.test(p))).toEqual([]);
  expect(json.counts).toMatchObject({ expected: 4, received: 3, missing: 1 });
  expect(c.status).toBe(1); // 占石村 is 缺报
}, 120_000);

it("without --template sends every 季报表 a unit has a row in", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-distribute-"));
  const out = path.join(dir, "下发");
  const r = srs("distribute", "--roster", await rosterFile(dir), "--period", "2026Q4", "-o", out);
  expect(r.status).toBe(0);
  const files = readdirSync(out);
  // Three tables for each 村, 季报表（三） (a 村 row only) not for the 镇直单位.
  expect(files).toHaveLength(3 * 3 + 2);
  expect(files.filter((f) => f.startsWith("金淘镇应急管理办公室")).sort()).toEqual([
    "金淘镇应急管理办公室-季报表（一）-2026年第4季度.xlsx",
    "金淘镇应急管理办公室-季报表（二）-2026年第4季度.xlsx",
  ]);
  expect(r.stdout).not.toContain("未下发");
  for (const f of files) {
    const rec = recognize((await readGrids(readFileSync(path.join(out, f))))[0]);
    const unit = rec.kind === "none" ? "" : rec.headerFields.find((h) => h.key === "unit")?.value;
    expect(f.startsWith(`${unit}-`)).toBe(true);
  }
}, 120_000);

it("refuses a bad roster, period or template with one zh line and exit 64", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-distribute-"));
  const roster = await rosterFile(dir);
  const notRoster = path.join(dir, "不是名册.csv");
  writeFileSync(notRoster, "甲,乙\n1,2\n");
  const cases: [string[], RegExp][] = [
    [["--roster", path.join(dir, "无.xlsx"), "--period", "2026Q4"], /^srs: 无法读取单位名册/],
    [
      ["--roster", notRoster, "--period", "2026Q4"],
      /^srs: 单位名册 .* 不可用：.*没有“单位名称”表头行/,
    ],
    [["--roster", roster, "--period", "2026Q5"], /^srs: 无法识别报告期“2026Q5”/],
    [["--roster", roster], /^srs: 请用 --period 给出报告期/],
    [
      ["--roster", roster, "--period", "2026Q4", "--template", "nope"],
      /^srs: 没有编号为 nope 的模板/,
    ],
    [
      ["--roster", roster, "--period", "2024-05", "--template", Q1],
      /^srs: 季报表（一）是季报表，报告期应写成季度/,
    ],
    [
      ["--roster", roster, "--period", "2024-05"],
      /^srs: 月报表有2个版本，请用 --template 指定：anxi-2024-monthly-1、.*jinjiang-2024-monthly-2$/,
    ],
    [["--period", "2026Q4"], /^srs: 请用 --roster 给出单位名册/],
  ];
  for (const [args, message] of cases) {
    const r = srs("distribute", ...args, "-o", path.join(dir, "下发"));
    expect([args.join(" "), r.status]).toEqual([args.join(" "), 64]);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  }
  expect(readdirSync(dir).sort()).toEqual(["不是名册.csv", "名册.xlsx"]);
}, 120_000);
