/**
 * A 回头看 round as the notice asks units to send it (seed 004): each unit's “回头看”统计表 (附件3)
 * together with its 细则 checklists (附件1 成员单位, 附件2 企业), in one workbook or as separate
 * files, the 细则 sometimes on a hidden sheet or before the 统计表. The 细则 are never a unit and
 * never summed; a line left unanswered is a finding for its unit in 汇总说明 that does not make
 * the run need review (it touches no summed number); a complete 细则 says nothing. Run through the
 * built command (`npm run build:cli`), recalculated and printed by LibreOffice.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { recognize } from "../../src/rules/recognize";
import { countsOf, countsText } from "../../src/rules/consolidation/counts";
import { isClean } from "../../src/rules/consolidation/plan";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { EtApplication } from "../../src/workbook/wps/et";
import { wpsSource } from "../../src/workbook/wps/source";
import { Book, excelContext } from "../helpers/excel-mock";
import { wpsApp } from "../helpers/wps-mock";
import { readGrids } from "../../src/workbook/xlsx/read";
import { recalculatedSheets } from "../helpers/csv";
import { ARTIFACTS, pdfText, printToPdf, roomAfter, words } from "../helpers/pdf";
import {
  checklistGrid,
  COLUMNS,
  type Checklist,
  type Unit,
  dept,
  expected,
  firm,
  leftBlank,
  oneWorkbook,
  separateFiles,
  stats,
  unitGrids,
  UNITS,
  xlsx,
} from "../helpers/review-round";

const SRS = path.join(__dirname, "../../bin/srs.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

function consolidate(dir: string, files: string[], extra: string[] = []): Run {
  const out = path.join(dir, "金淘镇回头看汇总.xlsx");
  const run = spawnSync(
    "node",
    [SRS, "consolidate", "--unit", "金淘镇", ...extra, ...files, "-o", out],
    { encoding: "utf8" }
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, out };
}

/** The summary's first data row, as SRS wrote it (cached values). */
async function totals(out: string | Uint8Array): Promise<number[]> {
  const grids = await readGrids(typeof out === "string" ? readFileSync(out) : out);
  const g = grids.find((x) => x.name === `${stats.shortTitle}汇总`)!;
  const rec = recognize(g);
  if (rec.kind !== "table") throw new Error("summary not recognized");
  const row = rec.match.rows.get(rec.info.slots[0].key)!;
  return COLUMNS.map((k) => Number(g.values[row][rec.match.columns.get(k)!]));
}

async function notesRows(out: string | Uint8Array): Promise<string[][]> {
  const grids = await readGrids(typeof out === "string" ? readFileSync(out) : out);
  const notes = grids.find((g) => g.name === "汇总说明")!;
  return notes.values.map((r) => Array.from({ length: 8 }, (_, i) => String(r[i] ?? "")));
}

const COUNTS =
  "单位：应报 4 个，已报 4 个（按时 0、逾期 0、日期不明 4），缺报 0 个；报表：未汇总 0 份";

describe.each([
  ["one workbook a unit", oneWorkbook],
  ["统计表 and 细则 as separate files", separateFiles],
])("%s", (_, make) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-review-checklist-"));
  let run: Run;
  beforeAll(async () => {
    run = consolidate(dir, await make(dir, UNITS));
  }, 120_000);

  it("sums the four 统计表 alone, counts four units, and exits 0", async () => {
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`  ${COUNTS}`);
    expect(run.stdout).toContain("全部报表已汇总，无缺报、无问题。");
    expect(run.stdout).toMatch(/汇总了 4 份/);
    expect(run.status).toBe(0);
    expect(await totals(run.out)).toEqual(expected(UNITS));
  });

  it("汇总说明 lists each 细则 with its unit, not summed, and says nothing else of it", async () => {
    const rows = await notesRows(run.out);
    expect(rows.map((r) => r[0])).toContain(COUNTS);
    expect(rows.find((r) => r[0].startsWith("结论"))![0]).toBe(
      "结论：全部报表已汇总，无缺报、无问题。"
    );
    const lists = rows.filter((r) => r[2].startsWith("“回头看”细则"));
    expect(lists).toHaveLength(UNITS.reduce((n, u) => n + u.checklists.length, 0));
    for (const r of lists) {
      expect(r[5]).toBe("附件（不汇总）");
      expect(r[7]).not.toMatch(/问题|提示|未作答/);
    }
    // Each 细则 is its unit's, whichever sheet or file it came on.
    const unitsOf = (title: string) =>
      lists
        .filter((r) => r[2] === title)
        .map((r) => r[0])
        .sort();
    expect(unitsOf(firm.shortTitle)).toEqual(
      ["金淘镇朴里村", "金淘镇朴里村", "岭兜村村民委员会", "金淘镇应急管理办"].sort()
    );
    expect(unitsOf(dept.shortTitle)).toEqual(["金淘镇应急管理办", "金淘镇市场监督管理所"].sort());
  });
});

describe("a 细则 line left unanswered", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-review-unanswered-"));
  // 岭兜村 leaves two lines of its enterprise's 细则 empty; the 所 one line of its own.
  const units = leftBlank({ 岭兜村村民委员会: [7, 8], 金淘镇市场监督管理所: [2] });
  let run: Run;
  beforeAll(async () => {
    run = consolidate(dir, await oneWorkbook(dir, units));
  }, 120_000);

  it("is named for its unit in the output and 汇总说明, sums the same and still exits 0", async () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await totals(run.out)).toEqual(expected(units));
    expect(run.stdout).toContain(`  ${COUNTS}`);
    const said = run.stdout.split("\n").filter((l) => l.includes("未作答"));
    expect(said).toEqual([
      expect.stringMatching(
        /^ {2}岭兜村村民委员会（岭兜村村民委员会-回头看.xlsx）：附件（不汇总）：“回头看”细则（企业），随报表报送，不计入汇总（企业名称：南安市岭兜五金厂）；提示：“回头看”细则（企业）有 2 条未作答（D11、D12），没有问题的请填“无”$/
      ),
      expect.stringMatching(
        /^ {2}金淘镇市场监督管理所（.*）：附件（不汇总）：.*提示：“回头看”细则（成员单位）有 1 条未作答（D5）/
      ),
      "  全部报表已汇总，无缺报；另有提示（不影响汇总数）：岭兜村村民委员会、金淘镇市场监督管理所的细则有未作答的条目，见上面各行和“汇总说明”。",
    ]);
    const rows = await notesRows(run.out);
    expect(rows.find((r) => r[0].startsWith("结论"))![0]).toBe(
      "结论：全部报表已汇总，无缺报；另有提示（不影响汇总数）：岭兜村村民委员会、金淘镇市场监督管理所的细则有未作答的条目（见下表）。"
    );
    const ling = rows.filter((r) => r[0] === "岭兜村村民委员会" && r[2] === firm.shortTitle);
    expect(ling).toHaveLength(1);
    expect(ling[0][7]).toMatch(/提示：“回头看”细则（企业）有 2 条未作答/);
  });

  it("recalculated by LibreOffice, the summary's formulas give the same totals; printed 汇总说明 names the unit, 填报时间, 填报人 and 联系电话 have room to write by hand", () => {
    const name = `${stats.shortTitle}汇总`;
    const sheet = recalculatedSheets(readFileSync(run.out), [name]).get(name)!;
    const want = expected(units);
    const row = sheet.find(
      (r) => r.length >= 15 && r.slice(0, 15).map(Number).join() === want.join()
    );
    expect(row).toBeDefined();
    const pdf = printToPdf([{ name: "review", bytes: readFileSync(run.out) }]).get("review")!;
    const target = path.join(ARTIFACTS, "review-checklist");
    mkdirSync(target, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-l", "3", pdf, path.join(target, "township")]);
    const text = pdfText(pdf);
    expect(text).toContain("另有提示（不影响汇总数）");
    expect(text).toContain("岭兜村村民委员会");
    // The township writes its date by hand: room for 2026 before 年, for 12 before 月 and 日.
    expect(text).toContain("填报单位（盖章）：金淘镇填报时间：年月日");
    const page = words(pdf, 1);
    const label = page.find((w) => w.text === "填报时间：")!;
    const [year, month, day] = ["年", "月", "日"].map((ch) =>
      page.find((w) => w.text === ch && Math.abs(w.y0 - label.y0) < 1)!
    );
    const char = year.x1 - year.x0;
    expect(year.x0 - label.x1).toBeGreaterThanOrEqual(2 * char);
    expect(month.x0 - year.x1).toBeGreaterThanOrEqual(1.5 * char);
    expect(day.x0 - month.x1).toBeGreaterThanOrEqual(1.5 * char);
    // And its name and phone number, under the table: a name, then an 11-digit number.
    expect(roomAfter(page, "填报人：")).toBeGreaterThanOrEqual(4);
    expect(roomAfter(page, "联系电话：")).toBeGreaterThanOrEqual(11);
  }, 600_000);
});

describe("a unit that sent its 细则 but not its 统计表", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-review-only-lists-"));
  const roster = path.join(dir, "名册.csv");
  const only: Checklist = { template: firm, enterprise: "南安市福庭纸业有限公司" };
  const TABLE = stats.shortTitle;

  it.each([
    ["with a roster", true],
    ["without one", false],
  ])(
    "%s: is 缺报 for the 统计表, its 细则 summed into nothing, and the run exits 1",
    async (_, listed) => {
      writeFileSync(
        roster,
        "\uFEFF单位名称,单位类型\n金淘镇朴里村,村\n金淘镇岭兜村,村\n金淘镇应急管理办,镇直单位\n金淘镇市场监督管理所,镇直单位\n金淘镇福庭村,村\n"
      );
      const files = await oneWorkbook(dir, UNITS);
      const lists = path.join(dir, "福庭村-回头看细则.xlsx");
      writeFileSync(lists, await xlsx([checklistGrid(only, "Sheet1")]));
      const run = consolidate(dir, [...files, lists], listed ? ["--roster", roster] : []);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      expect(await totals(run.out)).toEqual(expected(UNITS));
      const unit = listed ? "金淘镇福庭村" : "福庭村";
      expect(run.stdout).toContain(
        `  单位：应报 5 个，已报 4 个（按时 0、逾期 0、日期不明 4），缺报 1 个；报表：缺 1 份、未汇总 0 份`
      );
      expect(run.stdout.split("\n")).toContain(
        `  ${unit}：缺报（${TABLE}）：已报送${firm.shortTitle}，未报送本表`
      );
      const rows = await notesRows(run.out);
      expect(rows.find((r) => r[0].startsWith("结论"))![0]).toBe(
        `结论：汇总结果需要核对——1 个单位缺报，缺 1 份报表：${unit}（缺${TABLE}）（见下表）。`
      );
    }
  );
});

describe("the page (the pane's plan in a workbook), round after round", () => {
  const units = leftBlank({ 岭兜村村民委员会: [7, 8] });
  const received = async (list: Unit[]) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-review-page-"));
    return (await oneWorkbook(dir, list)).map((f) => ({
      name: path.basename(f),
      bytes: new Uint8Array(readFileSync(f)),
      lastModified: 0,
    }));
  };

  it("counts the units alone, keeps the 细则 copies unmarked, and still names the unanswered lines", async () => {
    const page = new MemoryWorkbook([]);
    const first = await page.consolidate(await received(units.slice(0, 3)));
    expect(countsText(countsOf(first))).toBe(
      "单位：应报 3 个，已报 3 个（按时 0、逾期 0、日期不明 3），缺报 0 个；报表：未汇总 0 份"
    );
    expect(isClean(first)).toBe(true);
    const lists = first.filter((l) => l.status === "attached");
    expect(lists.map((l) => l.unit)).toEqual([
      "金淘镇朴里村",
      "金淘镇朴里村",
      "岭兜村村民委员会",
      "金淘镇应急管理办",
      "金淘镇应急管理办",
    ]);
    // Each unit's report keeps its name, its 细则 are marked so, whichever came first in its
    // file; their copies carry no 未汇总 page header: they are no report left out.
    expect(first.filter((l) => l.status === "included").map((l) => l.sheet)).toEqual(
      units.slice(0, 3).map((u) => u.name)
    );
    expect(lists.map((l) => l.sheet)).toEqual([
      "金淘镇朴里村-细则",
      "金淘镇朴里村-细则(2)",
      "岭兜村村民委员会-细则",
      "金淘镇应急管理办-细则",
      "金淘镇应急管理办-细则(2)",
    ]);
    for (const l of lists) expect(page.headers.get(l.sheet) ?? "").toBe("");
    expect(lists.filter((l) => l.remarks?.length).map((l) => [l.unit, l.remarks])).toEqual([
      [
        "岭兜村村民委员会",
        [expect.stringMatching(/^“回头看”细则（企业）有 2 条未作答（D11、D12）/)],
      ],
    ]);
    expect(await totals(await page.toXlsx())).toEqual(expected(units.slice(0, 3)));

    // The 所 sends later: the copies already in the workbook are read again, and said the same.
    const again = await page.consolidate(await received(units.slice(3)));
    expect(countsText(countsOf(again))).toBe(
      "单位：应报 4 个，已报 4 个（按时 0、逾期 0、日期不明 4），缺报 0 个；报表：未汇总 0 份"
    );
    expect(isClean(again)).toBe(true);
    expect(
      again
        .filter((l) => l.status === "attached")
        .map((l) => l.unit)
        .sort()
    ).toEqual([...lists.map((l) => l.unit), "金淘镇市场监督管理所"].sort());
    expect(again.filter((l) => l.remarks?.length).map((l) => l.unit)).toEqual(["岭兜村村民委员会"]);
    const bytes = await page.toXlsx();
    expect(await totals(bytes)).toEqual(expected(units));
    expect((await notesRows(bytes)).find((r) => r[0].startsWith("结论"))![0]).toBe(
      "结论：全部报表已汇总，无缺报；另有提示（不影响汇总数）：岭兜村村民委员会的细则有未作答的条目（见下表）。"
    );
  }, 120_000);
});

test("the pane in Excel and in WPS (their doubles): the same lines, counts and verdict", async () => {
  const units = leftBlank({ 岭兜村村民委员会: [7, 8] });
  const said = (lines: Awaited<ReturnType<typeof consolidateInExcel>>) => ({
    counts: countsText(countsOf(lines)),
    clean: isClean(lines),
    attached: lines.filter((l) => l.status === "attached").map((l) => l.unit),
    remarked: lines.filter((l) => l.remarks?.length).map((l) => l.unit),
  });
  const want = {
    counts: COUNTS,
    clean: true,
    attached: units.flatMap((u) => u.checklists.map(() => u.name)),
    remarked: ["岭兜村村民委员会"],
  };
  const book = new Book();
  const fixtures = new Map(units.map((u) => [`${u.name}-回头看.xlsx`, unitGrids(u)]));
  const excel = await consolidateInExcel(
    excelContext(book, fixtures).context,
    [...fixtures.keys()].map((name) => ({ name, base64: name }))
  );
  expect(said(excel)).toEqual(want);

  const app = wpsApp([{ name: "Sheet1", values: [[]], merges: [] }]);
  const files = await Promise.all(
    units.map(async (u) => ({ name: `${u.name}-回头看.xlsx`, bytes: await xlsx(unitGrids(u)) }))
  );
  const wps = await wpsSource(app as unknown as EtApplication).consolidate(files);
  expect(said(wps)).toEqual(want);
}, 120_000);
