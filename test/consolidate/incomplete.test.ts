/**
 * The printed summary tells the truth (#23 item 2): a line under each summary table from the plan
 * ("本汇总不完整：缺报 2 个单位，2 份报表未汇总，详见汇总说明"), emptied by a later complete round,
 * and "未汇总：原因" at the top of every printed page of a copy not summed; stamping keeps both.
 * In srs consolidate, the pane in Excel (the host double), WPS (its double) and the page alike.
 * The stamped, incomplete township workbook is printed by LibreOffice into test-artifacts/incomplete/.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { stampFile } from "../../src/cli/commands/stamp";
import { incompleteText } from "../../src/rules/consolidation/incomplete";
import type { ChildLine } from "../../src/rules/consolidation/plan";
import { makeRoster } from "../../src/rules/consolidation/roster";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { parsePeriod } from "../../src/rules/period";
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

const t = getTemplate("nanan-2026-quarterly-1") as TableTemplate;
const LINE = "本汇总不完整：缺报 2 个单位，2 份报表未汇总，详见汇总说明";

/** A village's report as a clerk fills it (0 where there is nothing); `wrong`: a negative count in its 村 row. */
function village(unit: string, seed: number, wrong = false): Grid {
  const g = filledSheet(t, { seed, rowTypes: ["village"], unit }).grid;
  const values = g.values.map((r) => [...r]);
  if (wrong) values[values.findIndex((r) => r[0] === "村")][3] = -3;
  return { ...g, values, name: "Sheet1" };
}

const xlsx = (g: Grid) => toXlsx((wb) => addGridSheet(wb, g));

const line = (status: ChildLine["status"], unit: string, table = t.shortTitle): ChildLine => ({
  unit,
  type: "",
  sheet: unit,
  origin: `${unit}.xlsx`,
  table,
  status,
  reason: "",
  problems: [],
  timeliness: "",
});

describe("the line under a summary", () => {
  test("counts the units missing and the reports that leave the total short, nothing else", () => {
    expect(incompleteText([line("included", "朴里村")], t)).toBe("");
    // A duplicate, a replaced report, a list and a lower level's summary leave nobody out.
    for (const s of ["duplicate", "replaced", "other-template", "overlap"] as const)
      expect(incompleteText([line("included", "朴里村"), line(s, "岭兜村")], t)).toBe("");
    // Unless the lower level's summary held units sent nowhere else, or says itself incomplete.
    expect(
      incompleteText(
        [
          { ...line("included", "仙夹镇"), short: "partial" },
          { ...line("overlap", "诗山镇"), short: "out" },
        ],
        t
      )
    ).toBe("本汇总不完整：1 份报表未汇总，1 份下级汇总表本身不完整，详见汇总说明");
    expect(
      incompleteText(
        [
          line("included", "朴里村"),
          line("errors", "岭兜村"),
          { ...line("unreadable", ""), table: "" },
          { ...line("missing", "金淘村"), table: "" },
          { ...line("missing", "占石村"), table: "" },
          // Last quarter's report beside this quarter's: the unit is in the total.
          line("other-period", "朴里村"),
          // Another table's errors are that table's summary's.
          line("errors", "深垵村", "季报表（二）"),
        ],
        t
      )
    ).toBe(LINE);
  });
});

describe("one level up: the county over the townships' workbooks (南安, row by row)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-county-short-"));
  const COUNTY = "本汇总不完整：1 份报表未汇总，1 份下级汇总表本身不完整，详见汇总说明";
  let county: Awaited<ReturnType<typeof consolidateFiles>>;
  let book: ExcelJS.Workbook;
  const out = path.join(dir, "南安市.xlsx");

  beforeAll(async () => {
    const write = async (name: string, g: Grid) => {
      const file = path.join(dir, name);
      writeFileSync(file, await xlsx(g));
      return file;
    };
    // 仙夹镇 consolidates 2 of its 3 villages: its summary says 缺报 1 个单位.
    const xianjia = [
      await write("仙夹村.xlsx", village("仙夹村", 21)),
      await write("美宅村.xlsx", village("美宅村", 22)),
    ];
    const roster = makeRoster(
      ["仙夹村", "美宅村", "夹林村"].map((unit) => ({ unit, type: "村" as const }))
    );
    await consolidateFiles(xianjia, path.join(dir, "仙夹镇汇总.xlsx"), { roster, unit: "仙夹镇" });
    // 诗山镇 consolidates its three villages, and 凤坡村 also sends its report to the county.
    const shishan = [
      await write("诗山村.xlsx", village("诗山村", 23)),
      await write("凤坡村.xlsx", village("凤坡村", 24)),
      await write("鹏峰村.xlsx", village("鹏峰村", 25)),
    ];
    await consolidateFiles(shishan, path.join(dir, "诗山镇汇总.xlsx"), { unit: "诗山镇" });
    county = await consolidateFiles(
      [path.join(dir, "仙夹镇汇总.xlsx"), path.join(dir, "诗山镇汇总.xlsx"), shishan[1]],
      out,
      { unit: "南安市", made: "2026-12-20 10:00" }
    );
    book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  }, 120_000);

  test("a township's summary short of its own units makes the county's short; 汇总说明 says whose", () => {
    const lines = county.plan.lines;
    const xianjia = lines.find((l) => l.unit === "仙夹镇")!;
    expect(xianjia.status).toBe("included");
    expect(xianjia.problems).toContain("仙夹镇的汇总表本身不完整：缺报 1 个单位");
    // Left out as 重复汇总, its other villages are in no total: the line names them.
    const shishan = lines.find((l) => l.unit === "诗山镇")!;
    expect(shishan.status).toBe("overlap");
    expect(shishan.reason).toContain("其余的诗山村、鹏峰村因此未计入总数");
    expect(county.plan.clean).toBe(false);
  });

  test("the county's summary says so under its table, and on the printed page", () => {
    const ws = book.getWorksheet("季报表（一）汇总")!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void cells.push(c.text)));
    expect(cells).toContain(COUNTY);
    const pdf = printToPdf([{ name: "county", bytes: readFileSync(out) }]).get("county")!;
    const target = path.join(ARTIFACTS, "incomplete");
    mkdirSync(target, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-l", "1", pdf, path.join(target, "county")]);
    expect(pdfText(pdf, 1)).toContain(COUNTY.replace(/\s+/g, ""));
  }, 600_000);
});

describe("srs consolidate, stamped and printed", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-incomplete-"));
  const out = path.join(dir, "金淘镇汇总.xlsx");
  const stamped = path.join(dir, "金淘镇汇总-盖章.xlsx");
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const files: string[] = [];
    for (const [i, name] of ["朴里村", "岭兜村", "金淘村"].entries()) {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, await xlsx(village(`金淘镇${name}`, 10 + i, name === "岭兜村")));
      files.push(file);
    }
    const broken = path.join(dir, "占石村.xlsx");
    writeFileSync(broken, "not a workbook");
    files.push(broken);
    const roster = makeRoster(
      ["朴里村", "岭兜村", "金淘村", "深垵村", "大坂村"].map((u) => ({
        unit: `金淘镇${u}`,
        type: "村" as const,
      }))
    );
    await consolidateFiles(files, out, { roster, unit: "金淘镇", made: "2026-12-20 10:00" });
    await stampFile(out, stamped, parsePeriod("2026Q4")!, {
      date: "2026-12-25",
      profile: { unit: "金淘镇", filler: "王芳", phone: "13905951234" },
    });
    book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(stamped) as unknown as ArrayBuffer);
  }, 120_000);

  const texts = (ws: ExcelJS.Worksheet) => {
    const out: { row: number; text: string }[] = [];
    ws.eachRow((r, row) => r.eachCell((c) => void out.push({ row, text: c.text })));
    return out;
  };

  test("the summary says it is incomplete right under its table, and keeps it when stamped", () => {
    const ws = book.getWorksheet("季报表（一）汇总")!;
    const all = texts(ws);
    const village = all.find((x) => x.text === "村")!.row;
    expect(all.find((x) => x.text.startsWith("本汇总不完整"))).toEqual({
      row: village + 1,
      text: LINE,
    });
    // The stamp is there too: 填表人 and the 统计口径 line.
    expect(all.some((x) => x.text.includes("王芳"))).toBe(true);
    expect(all.some((x) => x.text.startsWith("统计口径："))).toBe(true);
    // Merged across the table, so it prints whole.
    expect(ws.model.merges.some((m) => m.startsWith(`A${village + 1}:`))).toBe(true);
  });

  test("the copy of the report not summed says why at the top of its pages; the summed ones do not", () => {
    expect(book.getWorksheet("金淘镇岭兜村")!.headerFooter.oddHeader).toMatch(
      /^&L&"-,Bold"&14未汇总：有错误：还有 \d+ 条错误未改正：填的是负数 -3/
    );
    expect(book.getWorksheet("金淘镇朴里村")!.headerFooter.oddHeader ?? "").not.toContain("未汇总");
  });

  test("printed by LibreOffice: page 1 says it is incomplete, the copy's page says it was not summed", () => {
    const pdf = printToPdf([{ name: "stamped", bytes: readFileSync(stamped) }]).get("stamped")!;
    const target = path.join(ARTIFACTS, "incomplete");
    mkdirSync(target, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-l", "6", pdf, path.join(target, "township")]);
    expect(pdfText(pdf, 1)).toContain(LINE.replace(/\s+/g, ""));
    const pages = Array.from({ length: 6 }, (_, i) => pdfText(pdf, i + 1));
    const copy = pages.findIndex((p) => p.includes("未汇总：有错误"));
    expect(copy).toBeGreaterThan(0);
    expect(pages[copy]).toContain("金淘镇岭兜村");
  }, 600_000);
});

describe("in a workbook, round after round", () => {
  const files = async (list: [string, Grid][]) =>
    Promise.all(list.map(async ([name, g]) => ({ name, bytes: await xlsx(g) })));

  test("the page: the line and the header come with an incomplete round and go with a complete one", async () => {
    const page = new MemoryWorkbook([]);
    await page.consolidate(
      await files([
        ["朴里村.xlsx", village("金淘镇朴里村", 1)],
        ["岭兜村.xlsx", village("金淘镇岭兜村", 2, true)],
      ])
    );
    const summary = () => page.sheets.find((g) => g.name === "季报表（一）汇总")!;
    const lineOf = () =>
      summary()
        .values.flat()
        .find((v) => String(v ?? "").startsWith("本汇总"));
    expect(lineOf()).toBe("本汇总不完整：1 份报表未汇总，详见汇总说明");
    expect(page.headers.get("金淘镇岭兜村")).toMatch(/^&"-,Bold"&14未汇总：有错误/);
    // Saved, the copy prints with it.
    let saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await page.toXlsx()) as unknown as ArrayBuffer);
    expect(saved.getWorksheet("金淘镇岭兜村")!.headerFooter.oddHeader).toMatch(/未汇总：有错误/);

    // 岭兜村 sends its corrected report: complete. The line goes; the set-aside copy says why.
    await page.consolidate(await files([["岭兜村-更正.xlsx", village("金淘镇岭兜村", 3)]]));
    expect(lineOf()).toBeUndefined();
    expect(page.headers.get("金淘镇岭兜村（上次）")).toMatch(/未汇总：被替换/);
    expect(page.headers.has("金淘镇岭兜村")).toBe(false);
    saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await page.toXlsx()) as unknown as ArrayBuffer);
    expect(saved.getWorksheet("金淘镇岭兜村")!.headerFooter?.oddHeader ?? "").not.toContain(
      "未汇总"
    );
  });

  test("Excel and WPS: the summary updated in place gets the line, then loses it; the copy's header follows", async () => {
    const book = new Book();
    const fixtures = new Map([
      ["b64-朴里", [village("金淘镇朴里村", 1)]],
      ["b64-岭兜", [village("金淘镇岭兜村", 2, true)]],
      ["b64-岭兜2", [village("金淘镇岭兜村", 3)]],
    ]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
    ]);
    const cells = () => [...book.sheets.get("季报表（一）汇总")!.values.values()].map(String);
    expect(cells().filter((v) => v.startsWith("本汇总"))).toEqual([]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "岭兜村.xlsx", base64: "b64-岭兜" },
    ]);
    expect(cells()).toContain("本汇总不完整：1 份报表未汇总，详见汇总说明");
    expect(book.sheets.get("金淘镇岭兜村")!.leftHeader).toMatch(/^&"-,Bold"&14未汇总：有错误/);
    expect(book.sheets.get("金淘镇朴里村")!.leftHeader).toBeUndefined();
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "岭兜村-更正.xlsx", base64: "b64-岭兜2" },
    ]);
    expect(cells().filter((v) => v.startsWith("本汇总"))).toEqual([]);
    expect(book.sheets.get("金淘镇岭兜村（上次）")!.leftHeader).toMatch(/未汇总：被替换/);

    const app = wpsApp([{ name: "Sheet1", values: [[]], merges: [] }]);
    await wpsSource(app as unknown as EtApplication).consolidate(
      await files([
        ["朴里村.xlsx", village("金淘镇朴里村", 1)],
        ["岭兜村.xlsx", village("金淘镇岭兜村", 2, true)],
      ])
    );
    const sheet = app.book.sheets.find((s) => s.Name === "金淘镇岭兜村")!;
    expect(sheet.PageSetup.LeftHeader).toMatch(/未汇总：有错误/);
    const summary = app.book.sheets.find((s) => s.Name === "季报表（一）汇总")!;
    expect([...summary.values.values()]).toContain("本汇总不完整：1 份报表未汇总，详见汇总说明");
  });
});
