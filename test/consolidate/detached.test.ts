/**
 * Past MAX_COPIES received tables, srs consolidate writes no copies: each summary sums a 明细 of
 * the reports' numbers (one row a report, with its file), 汇总说明 says so, =SRS.QTOTAL() sums the
 * same 明细, a county takes the workbook as the township's report, and the pane refuses to add
 * reports to it (they would be summed without the ones it holds only as numbers). At the limit
 * the copies are there, as before.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { MAX_COPIES } from "../../src/rules/consolidation/summary";
import { planWorkbook } from "../../src/rules/consolidation/workbook";
import { numericValue } from "../../src/rules/number";
import { qtotal } from "../../src/rules/qtotal";
import { recognize, recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { columnLetters } from "../../src/rules/grid";
import { readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";

const t = getTemplate("nanan-2026-quarterly-1")!;
const N = MAX_COPIES + 1;

let dir: string;
let files: string[];
/** Each village's numbers, slot|column → value, summed. */
const want = new Map<string, number>();

async function run(args: string[]) {
  let printed = "";
  const code = await main(["consolidate", "--json", ...args], (s) => (printed += s));
  return { code, json: JSON.parse(printed) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "srs-detached-"));
  files = [];
  for (let i = 0; i < N; i++) {
    // A village writes its numbers in its row and 0 across the 镇直单位 row (注10).
    const f = filledSheet(t, { seed: 500 + i, unit: `金淘镇第${i + 1}村` });
    const rec = recognize(f.grid) as TableRecognition;
    for (const slot of rec.info.slots)
      for (const [key, c] of rec.match.columns) {
        const v = numericValue(f.grid.values[rec.match.rows.get(slot.key)!]?.[c] ?? null);
        if (v !== undefined)
          want.set(`${slot.key}|${key}`, (want.get(`${slot.key}|${key}`) ?? 0) + v);
      }
    const file = path.join(dir, `${i + 1}村.xlsx`);
    writeFileSync(file, await layoutsToXlsx([{ ...f.layout, grid: f.grid }]));
    files.push(file);
  }
}, 300_000);

describe(`${N} village files`, () => {
  let out: string;
  let grids: Awaited<ReturnType<typeof readGrids>>;
  beforeAll(async () => {
    out = path.join(dir, "汇总.xlsx");
    const { code } = await run([...files, "--unit", "金淘镇", "-o", out]);
    expect(code).toBe(0);
    grids = await readGrids(readFileSync(out));
  }, 300_000);

  it("hold the summary, 汇总说明 and a 明细 of numbers, no copies", () => {
    expect(grids.map((g) => g.name)).toEqual([
      "季报表（一）汇总",
      "汇总说明",
      "季报表（一）汇总明细",
    ]);
    const detail = grids[2];
    expect(detail.values[1].slice(0, 2)).toEqual(["填报单位", "来源文件"]);
    const rows = detail.values.slice(2);
    expect(rows.map((r) => r[1]).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    expect(rows.find((r) => r[1] === "7村.xlsx")![0]).toBe("金淘镇第7村");
    const notes = grids[1].values.map((r) => r.join("|"));
    expect(notes.some((l) => l.includes(`收到的报表超过 ${MAX_COPIES} 份，未附在本工作簿`))).toBe(
      true
    );
    // Each report's line names its file; there is no sheet of it in the workbook (its 工作表 blank).
    const line = grids[1].values.find((r) => r[4] === "7村.xlsx")!;
    expect([line[0], line[3], line[5]]).toEqual(["金淘镇第7村", null, "已汇总"]);
  });

  it("sum each 明细 column in the summary, as written and as =SRS.QTOTAL() gives it", () => {
    const summary = grids[0];
    const rec = recognize(summary) as TableRecognition;
    const recs = grids.flatMap((g) => recognizeSheet(g));
    let checked = 0;
    for (const [key, total] of want) {
      const [slot, column] = key.split("|");
      const r = rec.match.rows.get(slot)!;
      const c = rec.match.columns.get(column)!;
      const cell = `${columnLetters(c)}${r + 1}`;
      expect({ key, written: summary.values[r][c] }).toEqual({ key, written: total });
      const q = qtotal(recs, summary.name, cell);
      expect({ key, q }).toEqual({ key, q: { ok: true, value: total } });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    // 镇直单位: every village wrote 0 there, so none of them counts as one.
    const dept = rec.match.rows.get("town-dept")!;
    const base = rec.match.columns.get("base.total")!;
    const village = rec.match.rows.get("village")!;
    const at = (row: number) => `${columnLetters(base)}${row + 1}`;
    expect(qtotal(recs, summary.name, at(village), "镇直单位")).toEqual({ ok: true, value: 0 });
    expect(qtotal(recs, summary.name, at(village), "村")).toEqual({
      ok: true,
      value: want.get("village|base.total"),
    });
    expect(qtotal(recs, summary.name, at(dept))).toEqual({ ok: true, value: 0 });
  });

  it("are one township's report to the county", async () => {
    const county = path.join(dir, "县.xlsx");
    const { json } = await run([out, "-o", county]);
    expect(json.children.map((l: { unit: string; status: string }) => [l.unit, l.status])).toEqual([
      ["金淘镇", "included"],
    ]);
    const summary = (await readGrids(readFileSync(county)))[0];
    const rec = recognize(summary) as TableRecognition;
    const r = rec.match.rows.get("village")!;
    const c = rec.match.columns.get("base.total")!;
    expect(summary.values[r][c]).toBe(want.get("village|base.total"));
  });

  it("take no more reports in the pane: the ones held as numbers would be left out", async () => {
    const more = filledSheet(t, { seed: 9, unit: "金淘镇新来村" }).grid;
    const sheets = [...grids, { ...more, name: "新来村" }];
    expect(() =>
      planWorkbook(sheets, [{ origin: "新来村.xlsx", sheets: ["新来村"] }], { made: "2026-12-01" })
    ).toThrow(/没有附各单位的报表.*季报表（一）汇总明细.*srs consolidate 重新汇总/);
  });
});

it(`at ${MAX_COPIES} files the copies are there`, async () => {
  const out = path.join(dir, "255.xlsx");
  const { code, json } = await run([...files.slice(0, MAX_COPIES), "-o", out]);
  expect(code).toBe(0);
  const grids = await readGrids(readFileSync(out));
  expect(grids).toHaveLength(2 + MAX_COPIES);
  expect(grids.some((g) => g.name === "金淘镇第7村")).toBe(true);
  expect(json.summaries[0].detail).toBeUndefined();
}, 300_000);
