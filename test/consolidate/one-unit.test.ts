/**
 * One village is one unit however its clerk writes the name (units/match.ts unitIdentity), in
 * every count a consolidation gives: no roster and no --unit, a quarter's three tables from five
 * units whose names are written as clerks write them (朴里村, 金淘镇朴里村委会, 金淘镇 朴里村（盖章）
 * with a full-width space, 朴里村村民委员会, 金淘朴兜村, a blank 填报单位 with the village in the
 * file's name), beside villages whose names are
 * close (朴里村/朴兜村, 东村/东山村), which stay two. 应报/已报/缺报, 缺 N 份, 未汇总, the line
 * under each summary, 汇总说明 and 催报 must count each unit once, and each total must be exactly
 * the sum of the reports summed (no SRS code computes the expected numbers): through `srs
 * consolidate` (bin/srs.js, `npm run build:cli`) and the page's own path (MemoryWorkbook).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { countsOf, countsText } from "../../src/rules/consolidation/counts";
import { reminderMessage } from "../../src/rules/consolidation/reminder";
import type { Grid } from "../../src/rules/grid";
import { parsePeriod } from "../../src/rules/period";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { tableNumbers } from "../helpers/table-numbers";

const SRS = path.join(__dirname, "../../bin/srs.js");
const Q4 = parsePeriod("2026Q4")!;
const [t1, t2, t3] = [1, 2, 3].map(
  (n) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate
);
const [T1, T2, T3] = [t1, t2, t3].map((t) => t.shortTitle);

interface Sent {
  file: string;
  t: TableTemplate;
  /** As its header's 填报单位 reads ("" left blank). */
  unit: string;
  row: "village" | "town-dept";
  /** Summed (not replaced by the same unit's later file). */
  summed: boolean;
  grid?: Grid;
}

// File times: the correction of 朴里村's （一） is sent a day after the first.
const DAY1 = new Date("2026-12-20T09:00:00Z");
const DAY2 = new Date("2026-12-21T09:00:00Z");

// prettier-ignore
const SENT: Sent[] = [
  { file: "朴里村-季报表一.xlsx", t: t1, unit: "朴里村", row: "village", summed: false },
  { file: "金淘镇朴里村-季报表一（更正）.xlsx", t: t1, unit: "金淘镇朴里村委会", row: "village", summed: true },
  { file: "朴里村-季报表二.xlsx", t: t2, unit: "金淘镇\u3000朴里村（盖章）", row: "village", summed: true },
  { file: "朴里村村委会-九小场所.xlsx", t: t3, unit: "朴里村村民委员会", row: "village", summed: true },
  // 朴兜村 sends （一） and （二）, not （三）.
  { file: "朴兜村季报表一.xlsx", t: t1, unit: "金淘朴兜村", row: "village", summed: true },
  { file: "朴兜村季报表二.xlsx", t: t2, unit: "朴兜村委会", row: "village", summed: true },
  { file: "东村-1.xlsx", t: t1, unit: "东村", row: "village", summed: true },
  { file: "东村-2.xlsx", t: t2, unit: "金淘镇东村村委会", row: "village", summed: true },
  { file: "东村-3.xlsx", t: t3, unit: "东 村", row: "village", summed: true },
  // 东山村 sends （一） and （三） (its 填报单位 left blank, the file named after it), not （二）.
  { file: "东山村-季报表一.xlsx", t: t1, unit: "金淘镇东山村", row: "village", summed: true },
  { file: "金淘镇东山村村委会-九小场所.xlsx", t: t3, unit: "", row: "village", summed: true },
  // A department has no row in （三）: it owes （一） and （二） only.
  { file: "应急管理站-一.xlsx", t: t1, unit: "金淘镇应急管理站", row: "town-dept", summed: true },
  { file: "应急管理站-二.xlsx", t: t2, unit: "金淘应急管理站", row: "town-dept", summed: true },
];

const COUNTS =
  "单位：应报 5 个，已报 5 个（按时 5、逾期 0），缺报 0 个；报表：缺 2 份、未汇总 1 份";
const MISSING = [
  `金淘朴兜村：缺报（${T3}）：已报送${T1}、${T2}，未报送本表`,
  `金淘镇东山村：缺报（${T2}）：已报送${T1}、${T3}，未报送本表`,
];
const SHORT = "本汇总不完整：缺报 1 个单位，详见汇总说明";

let seed = 40;
beforeAll(() => {
  // Each as its clerk fills it: its own row, 0 across the other unit type's row (注10).
  for (const s of SENT)
    s.grid = {
      ...filledSheet(s.t, { seed: ++seed, rowTypes: [s.row], unit: s.unit, period: Q4 }).grid,
      name: "Sheet1",
    };
});

/** The oracle: each cell of a table's total is the sum of that cell over the reports summed. */
function expectedTotal(t: TableTemplate): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of SENT.filter((x) => x.summed && x.t === t))
    for (const [k, v] of tableNumbers(s.grid!)) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

const summaryOf = (grids: Grid[], t: TableTemplate) =>
  grids.find((g) => g.name === `${t.shortTitle}汇总`)!;
const linesIn = (g: Grid) =>
  g.values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("本汇总"));
const round = (m: Map<string, number>) =>
  new Map([...m].map(([k, v]) => [k, Math.round(v * 10000) / 10000]));

describe("srs consolidate, no roster and no --unit", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-one-unit-"));
  const out = path.join(dir, "汇总.xlsx");
  let run: ReturnType<typeof spawnSync>;
  let grids: Grid[];

  beforeAll(async () => {
    const files: string[] = [];
    for (const s of SENT) {
      const file = path.join(dir, s.file);
      writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, s.grid!)));
      const when = s.file.includes("更正") ? DAY2 : DAY1;
      utimesSync(file, when, when);
      files.push(file);
    }
    run = spawnSync("node", [SRS, "consolidate", "--period", "2026Q4", ...files, "-o", out], {
      encoding: "utf8",
    });
    grids = await readGrids(readFileSync(out));
  }, 120_000);

  test("counts each unit once: 应报 5, 已报 5, 缺 2 份, the replaced report 未汇总; exits 1", () => {
    expect(run.stderr).toBe("");
    const printed = String(run.stdout).split("\n");
    expect(printed).toContain(`  ${COUNTS}`);
    for (const m of MISSING) expect(printed.some((l) => l.startsWith(`  ${m}`))).toBe(true);
    expect(printed.filter((l) => l.includes("缺报（"))).toHaveLength(2);
    expect(printed.some((l) => /^ {2}朴里村（朴里村-季报表一\.xlsx）：被替换/.test(l))).toBe(true);
    expect(run.status).toBe(1);
  });

  test("each total is exactly the sum of the reports summed; the line under it counts units once", () => {
    for (const t of [t1, t2, t3]) {
      const summary = summaryOf(grids, t);
      const got = round(tableNumbers(summary));
      expect([t.shortTitle, got]).toEqual([t.shortTitle, round(expectedTotal(t))]);
    }
    expect(linesIn(summaryOf(grids, t1))).toEqual([]);
    expect(linesIn(summaryOf(grids, t2))).toEqual([SHORT]);
    expect(linesIn(summaryOf(grids, t3))).toEqual([SHORT]);
  });

  test("汇总说明 gives the same count line and names each unit missing a table once", () => {
    const notes = grids.find((g) => g.name === "汇总说明")!;
    const text = notes.values.flat().filter((v): v is string => typeof v === "string");
    expect(text).toContain(COUNTS);
    expect(text).toContain(`本汇总不完整：${T2}缺报 1 个单位；${T3}缺报 1 个单位，详见下表`);
    expect(text.find((v) => v.startsWith("结论"))).toContain(
      `缺 2 份报表：金淘朴兜村（缺${T3}）、金淘镇东山村（缺${T2}）`
    );
  });
});

describe("the page (MemoryWorkbook, as the page and the panes run it)", () => {
  let lines: Awaited<ReturnType<MemoryWorkbook["consolidate"]>>;
  let page: MemoryWorkbook;

  beforeAll(async () => {
    page = new MemoryWorkbook([]);
    const files = await Promise.all(
      SENT.map(async (s) => ({
        name: s.file,
        bytes: await toXlsx((wb) => addGridSheet(wb, s.grid!)),
        lastModified: (s.file.includes("更正") ? DAY2 : DAY1).getTime(),
      }))
    );
    lines = await page.consolidate(files, { period: Q4 });
  }, 120_000);

  test("the count line, the lines under the summaries and 催报 count each unit once", () => {
    expect(countsText(countsOf(lines))).toBe(COUNTS);
    for (const t of [t1, t2, t3])
      expect(round(tableNumbers(summaryOf(page.sheets, t)))).toEqual(round(expectedTotal(t)));
    expect(linesIn(summaryOf(page.sheets, t1))).toEqual([]);
    expect(linesIn(summaryOf(page.sheets, t2))).toEqual([SHORT]);
    const remind = reminderMessage(lines, [t1, t2, t3], Q4).split("\n");
    expect(remind.filter((l) => /^\d+\. /.test(l))).toEqual([
      `1. 金淘朴兜村（联系人：林小红，电话：0595-86123456）：尚缺${T3}`,
      `2. 金淘镇东山村（联系人：林小红，电话：0595-86123456）：尚缺${T2}`,
    ]);
  });
});
