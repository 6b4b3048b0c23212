/**
 * A village that sent 季报表（一） but not （二） (owed.ts), on every face: `srs consolidate` (its
 * words, exit 1, the （二） summary's line, 汇总说明's own bold red line at the top and its 结论,
 * printed by LibreOffice into test-artifacts/missing-table/), the page, the pane in Excel (the host
 * double) and WPS (its double), round after round: the lines go once the table comes.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { parsePeriod } from "../../src/rules/period";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { EtApplication } from "../../src/workbook/wps/et";
import { wpsSource } from "../../src/workbook/wps/source";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { Book, excelContext } from "../helpers/excel-mock";
import { ARTIFACTS, pdfText, printToPdf } from "../helpers/pdf";
import { wpsApp } from "../helpers/wps-mock";

const [t1, t2] = [1, 2].map((n) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate);
const Q4 = parsePeriod("2026Q4")!;
const T2 = t2.shortTitle;
const SUMMARY_LINE = "本汇总不完整：缺报 1 个单位，详见汇总说明";
const NOTES_LINE = `本汇总不完整：${T2}缺报 1 个单位，详见下表`;
const MISSING = `岭兜村：缺报（${T2}）：已报送${t1.shortTitle}，未报送本表；联系人：陈明，电话：13905951234`;

/** A village's report of `t` as its clerk fills it (0 across the 镇直单位 row, 注10). */
function village(t: TableTemplate, unit: string, seed: number): Grid {
  const g = filledSheet(t, {
    ...{ seed, rowTypes: ["village"], unit, period: Q4 },
    ...(unit.includes("岭兜") && { filler: "陈明", phone: "13905951234" }),
  }).grid;
  return { ...g, name: "Sheet1" };
}
const xlsx = (g: Grid) => toXlsx((wb) => addGridSheet(wb, g));

describe("srs consolidate", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-missing-table-"));
  const out = path.join(dir, "金淘镇汇总.xlsx");
  let code: number;
  let printed = "";

  beforeAll(async () => {
    const files: [string, Grid][] = [
      ["朴里村-季报表一.xlsx", village(t1, "金淘镇朴里村", 1)],
      ["朴里村-季报表二.xlsx", village(t2, "朴里村村民委员会", 2)],
      ["岭兜村-季报表一.xlsx", village(t1, "岭兜村", 3)],
    ];
    for (const [name, g] of files) writeFileSync(path.join(dir, name), await xlsx(g));
    code = await main(
      [
        "consolidate",
        "--unit",
        "金淘镇",
        "--period",
        "2026Q4",
        ...files.map(([n]) => path.join(dir, n)),
        "-o",
        out,
      ],
      (s) => (printed += s)
    );
  }, 120_000);

  test("says which unit misses which table, counts it, and exits 1", () => {
    expect(code).toBe(1);
    expect(printed.split("\n")).toContain(`  ${MISSING}`);
    expect(printed).toContain(
      "单位：应报 2 个，已报 2 个（按时 2、逾期 0），缺报 0 个；报表：缺 1 份、未汇总 0 份"
    );
    expect(printed).toContain("汇总结果需要核对");
  });

  test("the （二） summary says it is short, the （一） summary does not; 汇总说明 says it first, bold and red", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const lines = (name: string) => {
      const found: string[] = [];
      book
        .getWorksheet(name)!
        .eachRow((r) =>
          r.eachCell(
            (c) =>
              void (
                c.master.address === c.address &&
                c.text.startsWith("本汇总") &&
                found.push(c.text)
              )
          )
        );
      return found;
    };
    expect(lines(`${T2}汇总`)).toEqual([SUMMARY_LINE]);
    expect(lines(`${t1.shortTitle}汇总`)).toEqual([]);
    const notes = book.getWorksheet("汇总说明")!;
    expect(notes.getCell("A2").text).toBe(NOTES_LINE);
    expect(notes.getCell("A2").font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    const texts: string[] = [];
    notes.eachRow((r) => texts.push(r.getCell(1).text));
    expect(texts.find((v) => v.startsWith("结论"))).toContain(`岭兜村（缺${T2}）`);
  });

  test("printed by LibreOffice: 汇总说明's first page leads with the line", () => {
    const pdf = printToPdf([{ name: "township", bytes: readFileSync(out) }]).get("township")!;
    const target = path.join(ARTIFACTS, "missing-table");
    mkdirSync(target, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-l", "4", pdf, path.join(target, "township")]);
    const pages = Array.from({ length: 4 }, (_, i) => pdfText(pdf, i + 1));
    const notes = pages.find((p) => p.includes("结论"))!;
    const flat = (s: string) => s.replace(/\s+/g, "");
    expect(notes).toContain(flat(NOTES_LINE));
    expect(pages.some((p) => p.includes(flat(SUMMARY_LINE)))).toBe(true);
  }, 600_000);
});

describe("in a workbook, round after round", () => {
  const files = async (list: [string, Grid][]) =>
    Promise.all(list.map(async ([name, g]) => ({ name, bytes: await xlsx(g) })));
  const first: [string, Grid][] = [
    ["朴里村-季报表一.xlsx", village(t1, "金淘镇朴里村", 1)],
    ["朴里村-季报表二.xlsx", village(t2, "金淘镇朴里村", 2)],
    ["岭兜村-季报表一.xlsx", village(t1, "金淘镇岭兜村", 3)],
  ];
  const later: [string, Grid][] = [["岭兜村-季报表二.xlsx", village(t2, "金淘镇岭兜村", 4)]];
  const lineIn = (values: Iterable<unknown>) =>
    [...values].map(String).filter((v) => v.startsWith("本汇总"));

  test("the page", async () => {
    const page = new MemoryWorkbook([]);
    await page.consolidate(await files(first));
    const sheet = (name: string) => page.sheets.find((g) => g.name === name)!.values.flat();
    expect(lineIn(sheet(`${T2}汇总`))).toEqual([SUMMARY_LINE]);
    expect(lineIn(sheet("汇总说明"))).toEqual([NOTES_LINE]);
    await page.consolidate(await files(later));
    expect(lineIn(sheet(`${T2}汇总`))).toEqual([]);
    expect(lineIn(sheet("汇总说明"))).toEqual([]);
  });

  test("Excel and WPS", async () => {
    const book = new Book();
    const fixtures = new Map([
      ...first.map(([n, g]) => [n, [g]] as [string, Grid[]]),
      ...later.map(([n, g]) => [n, [g]] as [string, Grid[]]),
    ]);
    const cells = (name: string) => book.sheets.get(name)!.values.values();
    await consolidateInExcel(
      excelContext(book, fixtures).context,
      first.map(([name]) => ({ name, base64: name }))
    );
    expect(lineIn(cells(`${T2}汇总`))).toEqual([SUMMARY_LINE]);
    expect(lineIn(cells("汇总说明"))).toEqual([NOTES_LINE]);
    await consolidateInExcel(
      excelContext(book, fixtures).context,
      later.map(([name]) => ({ name, base64: name }))
    );
    expect(lineIn(cells(`${T2}汇总`))).toEqual([]);
    expect(lineIn(cells("汇总说明"))).toEqual([]);

    const app = wpsApp([{ name: "Sheet1", values: [[]], merges: [] }]);
    await wpsSource(app as unknown as EtApplication).consolidate(await files(first));
    const wps = (name: string) => app.book.sheets.find((s) => s.Name === name)!.values.values();
    expect(lineIn(wps(`${T2}汇总`))).toEqual([SUMMARY_LINE]);
    expect(lineIn(wps("汇总说明"))).toEqual([NOTES_LINE]);
  });
});
