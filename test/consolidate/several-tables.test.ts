/**
 * Villages that paste 季报表（一） and （三） onto one sheet (stacked or side by side): `srs check`
 * lists each table, and `srs consolidate` sums each table into its own summary, as =SRS.QTOTAL()
 * does over the consolidated workbook.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { stampFile } from "../../src/cli/commands/stamp";
import { main } from "../../src/cli/main";
import { type Grid, toA1 } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { qtotal } from "../../src/rules/qtotal";
import { recognize, recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { reportPeriod } from "../../src/rules/report-period";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { beside, stacked } from "../helpers/combine";

const Q1 = "nanan-2026-quarterly-1";
const Q3 = "nanan-2026-quarterly-3";
const VILLAGES = ["朴里村", "岭兜村", "金淘村", "占石村"];
const PUT = [
  (a: Grid, b: Grid) => stacked(a, b, 1),
  (a: Grid, b: Grid) => beside(a, b, 1),
  (a: Grid, b: Grid) => stacked(a, b, 0),
  (a: Grid, b: Grid) => beside(b, a, 0),
];

interface SheetJson {
  template: { id: string };
  findings: unknown[];
  tables: { table: number; range: string; template: { id: string } }[];
}

async function run(args: string[]) {
  let printed = "";
  const code = await main(args, (s) => (printed += s + "\n"));
  return { code, printed };
}

/** Each (slot|column)'s sum over the tables, each read alone. */
function add(sums: Map<string, number>, grid: Grid) {
  const rec = recognize(grid) as TableRecognition;
  for (const slot of rec.info.slots)
    for (const leaf of rec.info.leaves) {
      const r = rec.match.rows.get(slot.key);
      const c = rec.match.columns.get(leaf.key);
      if (r === undefined || c === undefined) continue;
      const k = `${slot.key}|${leaf.key}`;
      sums.set(k, (sums.get(k) ?? 0) + (numericValue(grid.values[r]?.[c] ?? null) ?? 0));
    }
}

async function villages(dir: string) {
  const sums = new Map([
    [Q1, new Map<string, number>()],
    [Q3, new Map<string, number>()],
  ]);
  const files: string[] = [];
  for (const [i, v] of VILLAGES.entries()) {
    const unit = `金淘镇${v}`;
    const a = filledSheet(getTemplate(Q1)!, { seed: 10 + i, unit, rowTypes: ["village"] }).grid;
    const b = filledSheet(getTemplate(Q3)!, { seed: 20 + i, unit }).grid;
    add(sums.get(Q1)!, a);
    add(sums.get(Q3)!, b);
    const file = path.join(dir, `${unit}.xlsx`);
    writeFileSync(
      file,
      await toXlsx((wb) => addGridSheet(wb, { ...PUT[i](a, b), name: "Sheet1" }))
    );
    files.push(file);
  }
  return { files, sums };
}

/** `srs consolidate --json` for 2026Q4: its exit code, JSON and the workbook it wrote. */
async function consolidate(files: string[], out: string) {
  const { code, printed } = await run([
    "consolidate",
    "--json",
    "--period",
    "2026Q4",
    ...files,
    "-o",
    out,
  ]);
  const json = JSON.parse(printed);
  return { code, json, grids: await readGrids(readFileSync(out)) };
}

/** Each number cell of the summary of `id` holds its sum in `sums`, as QTOTAL does; how many were checked. */
function expectSummary(grids: Grid[], id: string, sums: Map<string, number>) {
  const recs = grids.flatMap((g) => recognizeSheet(g));
  const name = `${getTemplate(id)!.shortTitle}汇总`;
  const summary = recognize(grids.find((g) => g.name === name)!) as TableRecognition;
  const info = getTableInfo(id)!;
  let checked = 0;
  for (const [key, want] of sums) {
    const [slot, column] = key.split("|");
    const r = summary.match.rows.get(slot);
    const c = summary.match.columns.get(column);
    if (r === undefined || c === undefined || info.leafByKey.get(column)!.kind !== "number")
      continue;
    const written = numericValue(summary.grid.values[r][c] ?? null) ?? 0;
    expect({ key, written }).toEqual({ key, written: want });
    const q = qtotal(recs, name, toA1(summary.grid, r, c));
    expect({ key, q: q.ok ? q.value : q.message }).toEqual({ key, q: want });
    checked++;
  }
  return checked;
}

describe("several tables on one sheet, through the command line", () => {
  it("srs check lists each table of the sheet, with its range, and finds nothing false", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-tables-"));
    const { files } = await villages(dir);
    const json = await run(["check", "--json", ...files]);
    expect(json.code).toBe(0);
    const ids = (tables: { template: { id: string } }[]) => tables.map((t) => t.template.id);
    JSON.parse(json.printed).files.forEach((f: { sheets: SheetJson[] }, i: number) => {
      const [sheet] = f.sheets;
      expect(f.sheets).toHaveLength(1);
      // The last village put 季报表（三） first, on the left.
      expect(ids(sheet.tables)).toEqual(i === 3 ? [Q3, Q1] : [Q1, Q3]);
      expect(sheet.tables.map((t) => t.table)).toEqual([1, 2]);
      for (const t of sheet.tables) expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      // The sheet's own fields stay: its first table, and every table's findings.
      expect(sheet.template.id).toBe(sheet.tables[0].template.id);
      expect(sheet.findings).toEqual([]);
    });
    const text = await run(["check", files[0]]);
    expect(text.printed).toMatch(
      /\[Sheet1\] 表1（A\d+:[A-Z]+\d+）南安市2026年安全生产标准化.*季报表（一）/
    );
    expect(text.printed).toMatch(/\[Sheet1\] 表2（A\d+:[A-Z]+\d+）.*季报表（三）/);
  });

  it("srs consolidate sums each table into its own summary; QTOTAL agrees", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-tables-"));
    const { files, sums } = await villages(dir);
    const { code, json, grids } = await consolidate(files, path.join(dir, "金淘镇汇总.xlsx"));
    expect(code).toBe(0);
    expect(json.children.map((l: { status: string }) => l.status)).toEqual(
      Array(8).fill("included")
    );
    // One copy a village's sheet, holding both its tables.
    for (const v of VILLAGES)
      expect(grids.filter((g) => g.name.startsWith(`金淘镇${v}`)).map((g) => g.name)).toEqual([
        `金淘镇${v}`,
      ]);
    expect(new Set(json.children.map((l: { sheet: string }) => l.sheet)).size).toBe(4);
    for (const id of [Q1, Q3]) expect(expectSummary(grids, id, sums.get(id)!)).toBeGreaterThan(20);
  });

  it("srs stamp stamps the period on each table's own header", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-tables-"));
    const { files } = await villages(dir);
    for (const file of files.slice(0, 2)) {
      const out = path.join(dir, `stamped-${path.basename(file)}`);
      await stampFile(
        file,
        out,
        { cycle: "quarter", year: 2026, quarter: 3 },
        { date: "2026-09-25" }
      );
      const [grid] = await readGrids(readFileSync(out));
      const recs = recognizeSheet(grid);
      expect(recs.map((r) => r.kind !== "none" && reportPeriod(r)?.from)).toEqual([
        "stamp",
        "stamp",
      ]);
      const q3 = { cycle: "quarter", year: 2026, quarter: 3 };
      expect(recs.map((r) => r.kind !== "none" && reportPeriod(r)?.period)).toEqual([q3, q3]);
    }
  });
});

describe("two units' tables of the same template in one file, through the command line", () => {
  const t = getTemplate(Q1)!;
  const table = (unit: string, seed: number) =>
    filledSheet(t, { seed, unit, rowTypes: ["village"] }).grid;
  const LAYOUTS: [string, (a: Grid, b: Grid) => Grid[]][] = [
    ["stacked", (a, b) => [{ ...stacked(a, b, 1), name: "Sheet1" }]],
    ["side by side", (a, b) => [{ ...beside(a, b, 1), name: "Sheet1" }]],
    [
      "on two sheets",
      (a, b) => [
        { ...a, name: "甲" },
        { ...b, name: "乙" },
      ],
    ],
  ];

  async function write(dir: string, name: string, sheets: Grid[]) {
    const file = path.join(dir, name);
    writeFileSync(file, await toXlsx((wb) => sheets.forEach((g) => addGridSheet(wb, g))));
    return file;
  }

  let runs = 0;
  const consolidateIn = (dir: string, files: string[]) =>
    consolidate(files, path.join(dir, `out-${++runs}.xlsx`));

  /** The 季报表（一） summary holds the sum of exactly these tables. */
  function expectSum(grids: Grid[], tables: Grid[]) {
    const want = new Map<string, number>();
    for (const g of tables) add(want, g);
    expect(expectSummary(grids, Q1, want)).toBeGreaterThan(5);
  }

  it.each(LAYOUTS)("both count (%s); the same file received twice counts once", async (_, put) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-two-units-"));
    const a = table("金淘镇朴里村", 31);
    const b = table("金淘镇岭兜村", 32);
    const file = await write(dir, "两村.xlsx", put(a, b));
    const once = await consolidateIn(dir, [file]);
    expect(
      once.json.children.map((l: { unit: string; status: string }) => [l.unit, l.status])
    ).toEqual([
      ["金淘镇朴里村", "included"],
      ["金淘镇岭兜村", "included"],
    ]);
    expect(once.code).toBe(0);
    expectSum(once.grids, [a, b]);

    // The same bytes received again under another name: each of its tables is the same table again.
    const again = path.join(dir, "两村-再发.xlsx");
    writeFileSync(again, readFileSync(file));
    const twice = await consolidateIn(dir, [file, again]);
    expect(twice.json.children.map((l: { status: string }) => l.status)).toEqual([
      "included",
      "included",
      "duplicate",
      "duplicate",
    ]);
    expectSum(twice.grids, [a, b]);
  });

  it("one unit's two tables in one file: the same numbers count once; different numbers are a listed problem", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-two-units-"));
    const a = table("金淘镇朴里村", 31);
    const same = await consolidateIn(dir, [
      await write(dir, "同.xlsx", [{ ...stacked(a, a, 1), name: "Sheet1" }]),
    ]);
    expect(same.json.children.map((l: { status: string }) => l.status)).toEqual([
      "included",
      "duplicate",
    ]);
    expectSum(same.grids, [a]);

    const other = table("金淘镇朴里村", 33);
    const differ = await consolidateIn(dir, [
      await write(dir, "异.xlsx", [{ ...stacked(a, other, 1), name: "Sheet1" }]),
    ]);
    const lines = differ.json.children as { status: string; problems: string[] }[];
    expect(lines.filter((l) => l.status === "included")).toHaveLength(1);
    expect(lines.find((l) => l.status === "included")!.problems.join()).toMatch(/份季报表（一）/);
    expect(differ.json.clean).toBe(false);
    expect(differ.code).toBe(1);

    // Dated differently, one file's two tables are still no later report: listed, not a silent pick.
    const earlier = {
      ...other,
      values: other.values.map((r) =>
        r.map((v) => (typeof v === "string" ? v.replace("12月24日", "12月20日") : v))
      ),
    };
    expect(JSON.stringify(earlier.values)).not.toEqual(JSON.stringify(other.values));
    const dated = await consolidateIn(dir, [
      await write(dir, "异日.xlsx", [{ ...stacked(a, earlier, 1), name: "Sheet1" }]),
    ]);
    const winner = (dated.json.children as { status: string; problems: string[] }[]).find(
      (l) => l.status === "included"
    )!;
    expect(winner.problems.join()).toMatch(/同一文件中有金淘镇朴里村的 2 份季报表（一）/);
    expect(dated.code).toBe(1);
  });
});
