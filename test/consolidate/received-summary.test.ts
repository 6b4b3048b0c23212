/**
 * A township's workbook received one level up (#22 item 3, DOMAIN third round): an SRS-made one
 * whose summary was edited by hand afterwards, and one made entirely by hand, are that township's
 * report, summed as they stand; when the summary no longer equals the units' tables it came with,
 * the CLI's output, 汇总说明 and the pane say which cells, and the exit status is 1. A lone summary
 * is left out only when its unit, or its units one by one, were received too.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import type { ChildLine } from "../../src/rules/consolidation/plan";
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { tableNumbers } from "../helpers/table-numbers";

const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
const SUMMARY = `${t.shortTitle}汇总`;

const village = (unit: string, seed: number): Grid => ({
  ...filledSheet(t, { seed, unit, rowTypes: ["village"] }).grid,
  name: unit,
});

async function save(file: string, grids: Grid[]) {
  writeFileSync(file, await toXlsx((wb) => grids.forEach((g) => addGridSheet(wb, g))));
  return file;
}

async function run(args: string[]) {
  let out = "";
  const code = await main(args, (s) => (out += s + "\n"));
  return { code, out };
}

const add = (a: Map<string, number>, b: Map<string, number>) =>
  new Map([...a].map(([k, v]) => [k, Math.round((v + (b.get(k) ?? 0)) * 1e6) / 1e6]));

/** A township consolidated by srs consolidate from three villages, its summary stamped. */
async function township(dir: string, town: string, seed: number) {
  const files = [];
  for (let i = 0; i < 3; i++)
    files.push(
      await save(path.join(dir, `${town}${i}.xlsx`), [village(`${town}第${i}村`, seed + i)])
    );
  const made = path.join(dir, `${town}-未盖章.xlsx`);
  expect((await run(["consolidate", "--unit", town, ...files, "-o", made])).code).toBe(0);
  const out = path.join(dir, `${town}.xlsx`);
  const stamp = ["--period", "2026Q4", "--date", "2026-12-20", "--unit", town];
  const who = ["--filler", "林小红", "--phone", "0595-86123456"];
  expect((await run(["stamp", made, ...stamp, ...who, "-o", out])).code).toBe(0);
  return out;
}

/**
 * The summary's 村 › 自查隐患数量 cell: in no identity (整改 ≤ 自查 is a warning), so a typed
 * number there leaves the summary free of errors, and summed.
 */
const freeCell = (grid: Grid) => {
  const rec = recognize(grid) as TableRecognition;
  const r = rec.match.rows.get("village")!;
  const c = rec.match.columns.get("resp.lists3.found")!;
  return { r, c, a1: `${String.fromCharCode(65 + c)}${r + 1}`, key: "village|resp.lists3.found" };
};

async function county(dir: string, inputs: string[]) {
  const out = path.join(dir, "县.xlsx");
  const text = await run(["consolidate", ...inputs, "-o", out]);
  const json = await run(["consolidate", "--json", ...inputs, "-o", path.join(dir, "县2.xlsx")]);
  const grids = await readGrids(readFileSync(out));
  return {
    ...text,
    lines: JSON.parse(json.out).children as ChildLine[],
    summary: grids.find((g) => g.name === SUMMARY)!,
    notes: grids.find((g) => g.name === "汇总说明")!,
  };
}

describe("an SRS-made township workbook edited by hand afterwards", () => {
  it("a SUM replaced by a typed number: summed as it stands, the cell named, exit 1", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-received-"));
    const jintao = await township(dir, "金淘镇", 10);
    const xianjia = await township(dir, "仙夹镇", 20);
    // The clerk types over one SUM in 金淘镇's summary.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(jintao) as unknown as ArrayBuffer);
    const grids = await readGrids(readFileSync(jintao));
    const at = freeCell(grids.find((g) => g.name === SUMMARY)!);
    const was = numericValue(grids.find((g) => g.name === SUMMARY)!.values[at.r][at.c])!;
    wb.getWorksheet(SUMMARY)!.getCell(at.a1).value = was + 6;
    writeFileSync(jintao, new Uint8Array(await wb.xlsx.writeBuffer()));

    const c = await county(dir, [jintao, xianjia]);
    const problem = `汇总表与其所附明细不符（${at.a1}：${was + 6}，明细合计 ${was}）`;
    expect(c.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇", "included", [problem]],
      ["仙夹镇", "included", []],
    ]);
    expect(c.code).toBe(1);
    expect(c.out).toContain(problem);
    expect(c.notes.values.flat().some((v) => typeof v === "string" && v.includes(problem))).toBe(
      true
    );
    // As it stands: the county's total holds the typed number.
    const sums = add(
      tableNumbers((await readGrids(readFileSync(jintao))).find((g) => g.name === SUMMARY)!),
      tableNumbers((await readGrids(readFileSync(xianjia))).find((g) => g.name === SUMMARY)!)
    );
    expect(tableNumbers(c.summary)).toEqual(sums);

    // The pane (the page's workbook): the same line.
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate(
      [jintao, xianjia].map((f) => ({
        name: path.basename(f),
        bytes: new Uint8Array(readFileSync(f)),
        lastModified: 0,
      }))
    );
    expect(lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇", "included", [problem]],
      ["仙夹镇", "included", []],
    ]);
    // Consolidated again in that workbook (its villages' copies are gone): still said.
    const again = await book.consolidate([]);
    expect(again.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇", "included", [problem]],
      ["仙夹镇", "included", []],
    ]);
  }, 120_000);

  it("a 合计 row added under the units' rows: the units' rows still equal the copies", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-received-"));
    const jintao = await township(dir, "金淘镇", 30);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(jintao) as unknown as ArrayBuffer);
    const grids = await readGrids(readFileSync(jintao));
    const summary = grids.find((g) => g.name === SUMMARY)!;
    const rec = recognize(summary) as TableRecognition;
    const last = Math.max(...rec.match.rows.values());
    const ws = wb.getWorksheet(SUMMARY)!;
    ws.spliceRows(last + 2, 0, ["合计", ...summary.values[last].slice(1).map(() => 1)]);
    writeFileSync(jintao, new Uint8Array(await wb.xlsx.writeBuffer()));
    const c = await county(dir, [jintao]);
    expect(c.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇", "included", []],
    ]);
    expect(tableNumbers(c.summary)).toEqual(tableNumbers(summary));
  }, 120_000);
});

describe("a township workbook made entirely by hand", () => {
  /** 金淘镇's file: a summary sheet (titled 汇总, 填报单位 金淘镇) beside its villages' sheets. */
  async function byHand(dir: string, off = 0) {
    const villages = [village("金淘镇朴里村", 41), village("金淘镇岭兜村", 42)];
    const summary: Grid = {
      ...filledSheet(t, { seed: 43, unit: "金淘镇", rowTypes: ["village"] }).grid,
      name: "汇总",
    };
    summary.values[0][0] = `${t.title}汇总`;
    const rec = recognize(summary) as TableRecognition;
    const sums = add(tableNumbers(villages[0]), tableNumbers(villages[1]));
    for (const [slot, r] of rec.match.rows)
      for (const [leaf, c] of rec.match.columns)
        if (sums.has(`${slot}|${leaf}`)) summary.values[r][c] = sums.get(`${slot}|${leaf}`)!;
    const at = freeCell(summary);
    (summary.values[at.r][at.c] as number) += off;
    const file = await save(path.join(dir, "金淘镇汇总.xlsx"), [summary, ...villages]);
    return { file, summary, villages, at, sums };
  }

  it("is 金淘镇's report: its summary summed, its villages' sheets not again, one line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-byhand-"));
    const { file, summary } = await byHand(dir);
    const other = await township(dir, "仙夹镇", 50);
    const c = await county(dir, [file, other]);
    expect(c.lines.map((l) => [l.unit, l.origin, l.status, l.problems])).toEqual([
      ["金淘镇", "金淘镇汇总.xlsx", "included", []],
      ["仙夹镇", "仙夹镇.xlsx", "included", []],
    ]);
    expect(c.code).toBe(0);
    const want = add(
      tableNumbers(summary),
      tableNumbers((await readGrids(readFileSync(other))).find((g) => g.name === SUMMARY)!)
    );
    expect(tableNumbers(c.summary)).toEqual(want);
  }, 120_000);

  it("whose summary differs from its sheets: summed as it stands, the cell named, exit 1", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-byhand-"));
    const { file, summary, at, sums } = await byHand(dir, 5);
    const c = await county(dir, [file]);
    const want = sums.get(at.key)!;
    expect(c.lines.map((l) => [l.unit, l.status, l.problems])).toEqual([
      ["金淘镇", "included", [`汇总表与其所附明细不符（${at.a1}：${want + 5}，明细合计 ${want}）`]],
    ]);
    expect(c.code).toBe(1);
    expect(tableNumbers(c.summary)).toEqual(tableNumbers(summary));
  }, 120_000);

  it("a lone summary is left out only when its unit's villages were received one by one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lone-"));
    const { summary, villages } = await byHand(dir);
    const lone = await save(path.join(dir, "金淘镇.xlsx"), [summary]);
    const one = await save(path.join(dir, "朴里村.xlsx"), [villages[0]]);
    const alone = await county(dir, [lone, await township(dir, "仙夹镇", 60)]);
    expect(alone.lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇", "included"],
      ["仙夹镇", "included"],
    ]);
    const both = await county(dir, [lone, one]);
    expect(both.lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇", "overlap"],
      ["金淘镇朴里村", "included"],
    ]);
    expect(both.lines[0].reason).toBe(
      "像是金淘镇的汇总表，而其中的金淘镇朴里村已逐一报送：为免重复计算未计入"
    );
    expect(both.code).toBe(1);
  }, 120_000);
});
