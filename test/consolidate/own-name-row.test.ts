/**
 * A village that writes its own name where the table prints 村 (A7 朴里村) is summed: `srs check`
 * warns that the label should read 村 (注1) and `srs consolidate` sums that row as the village's 村
 * row, the township's total including its numbers exactly (an oracle sums the planted numbers);
 * a file whose row names another village stays 有错误 and out of the total, loudly. Through
 * bin/srs.js (`npm run build:cli`). Files filled as clerks fill them: 0 across the 镇直单位 row.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Grid } from "../../src/rules/grid";
import { parsePeriod } from "../../src/rules/period";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { tableNumbers } from "../helpers/table-numbers";

const SRS = path.join(__dirname, "../../bin/srs.js");
const Q4 = parsePeriod("2026Q4")!;
const [t1, t3] = [1, 3].map((n) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate);

interface Sent {
  file: string;
  t: TableTemplate;
  unit: string;
  /** What the clerk wrote where the table prints 村 (undefined: 村 as printed). */
  label?: string;
  row?: "town-dept";
  summed: boolean;
  grid?: Grid;
}

// prettier-ignore
const SENT: Sent[] = [
  { file: "朴里村-季报表一.xlsx", t: t1, unit: "金淘镇朴里村", label: "朴里村", summed: true },
  { file: "朴里村-九小场所.xlsx", t: t3, unit: "朴里村村民委员会", label: "金淘镇朴里村", summed: true },
  { file: "岭兜村-季报表一.xlsx", t: t1, unit: "岭兜村", summed: true },
  { file: "岭兜村-九小场所.xlsx", t: t3, unit: "岭兜村", summed: true },
  // 深垵村's clerk copied 岭兜村's label over its own 村: not its unit, not read, not summed.
  { file: "深垵村-季报表一.xlsx", t: t1, unit: "金淘镇深垵村", label: "岭兜村", summed: false },
  { file: "应急管理站.xlsx", t: t1, unit: "金淘镇应急管理站", row: "town-dept", summed: true },
];

let seed = 90;
beforeAll(() => {
  for (const s of SENT) {
    const row = s.row ?? "village";
    const g = filledSheet(s.t, { seed: ++seed, rowTypes: [row], unit: s.unit, period: Q4 }).grid;
    if (s.label) g.values[g.values.findIndex((x) => x[0] === "村")][0] = s.label;
    s.grid = { ...g, name: "Sheet1" };
  }
});

/** The oracle: each cell of a total is the sum of that cell over the reports summed. */
function expectedTotal(t: TableTemplate): Map<string, number> {
  // The 村 row of a labelled sheet, as the template names it: its numbers, read by position.
  const out = new Map<string, number>();
  for (const s of SENT.filter((x) => x.summed && x.t === t)) {
    const g = s.grid!;
    const plain = {
      ...g,
      values: g.values.map((r) => (r[0] === s.label ? ["村", ...r.slice(1)] : r)),
    };
    for (const [k, v] of tableNumbers(plain)) out.set(k, (out.get(k) ?? 0) + v);
  }
  return out;
}
const round = (m: Map<string, number>) =>
  new Map([...m].map(([k, v]) => [k, Math.round(v * 10000) / 10000]));

describe("srs check and srs consolidate", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-own-name-"));
  const out = path.join(dir, "金淘镇汇总.xlsx");
  const files: string[] = [];
  let run: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    for (const s of SENT) {
      const file = path.join(dir, s.file);
      writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, s.grid!)));
      files.push(file);
    }
    run = spawnSync(
      "node",
      [SRS, "consolidate", "--unit", "金淘镇", "--period", "2026Q4", ...files, "-o", out],
      { encoding: "utf8" }
    );
  }, 120_000);

  test("srs check: the labelled row is checked, with a warning that the label should read 村", () => {
    const check = spawnSync("node", [SRS, "check", files[0]], { encoding: "utf8" });
    expect(check.stdout).toContain(
      "第7行的行标签写的是本单位名称“朴里村”，已按“村”行检查和汇总；请把行标签改为“村”（季报表（一）注1：各填报单位按照各自所属的单位类型进行填报）"
    );
    expect(check.stdout).not.toContain("不是本表的填报单位类型行");
    const other = spawnSync("node", [SRS, "check", files[4]], { encoding: "utf8" });
    expect(other.stdout).toContain("第7行“岭兜村”填有数据，但不是本表的填报单位类型行");
  });

  test("consolidate: 朴里村 summed in both tables, 深垵村's file left out loudly", () => {
    expect(run.stderr).toBe("");
    const printed = String(run.stdout);
    expect(printed).toContain(
      "季报表（一）汇总：汇总了 3 份（金淘镇朴里村、岭兜村、金淘镇应急管理站）"
    );
    expect(printed).toContain(
      "“九小场所”季报表（三）汇总：汇总了 2 份（朴里村村民委员会、岭兜村(2)）"
    );
    expect(printed).toMatch(
      /金淘镇深垵村（深垵村-季报表一\.xlsx）：有错误：.*不是本表的填报单位类型行/
    );
    expect(run.status).toBe(1);
  });

  test("each total is exactly the sum of the reports summed, 朴里村's labelled row included", async () => {
    const grids = await readGrids(readFileSync(out));
    for (const t of [t1, t3]) {
      const summary = grids.find((g) => g.name === `${t.shortTitle}汇总`)!;
      expect([t.shortTitle, round(tableNumbers(summary))]).toEqual([
        t.shortTitle,
        round(expectedTotal(t)),
      ]);
    }
  });
});
