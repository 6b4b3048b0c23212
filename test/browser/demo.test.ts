/**
 * The demo in a real browser (Debian's Chromium): the sample loads, the pane checks it, a finding
 * clicked selects its cell in the grid, 退回 gives the message and the marked copy, highlights show, blanks are filled with 0 after
 * confirmation, a local file opens; the task pane page outside Excel says where to go — and no page
 * asks anything of any host but its own. Screenshots go to test-artifacts/.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { pane as paneOf, servedChromium } from "../helpers/browser";

const SHOTS = path.join(__dirname, "../../test-artifacts");
let page: Page;
const foreign: string[] = [];
const missing: string[] = [];

const env = servedChromium(SHOTS);

beforeAll(async () => {
  const context = await env.browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
  });
  page = await context.newPage();
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && u.protocol !== "data:")
      foreign.push(r.url());
  });
  page.on("response", (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await page.goto(`${env.url}/demo.html`);
});

it("loads the sample, checks it and lists findings", async () => {
  const pane = paneOf(page);
  await pane.getByText(/识别出 \d+ 张报表/).waitFor();
  await pane.getByText("此格为空白：表格不应有空白处，若无则应填写 0").first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, "demo-findings.png") });
});

it("selects the cell of a clicked finding in the grid", async () => {
  const pane = paneOf(page);
  await pane
    .getByText(/填的是“无”/)
    .first()
    .click();
  const selected = page.locator('td[aria-selected="true"]');
  await selected.waitFor();
  expect(await selected.textContent()).toBe("无");
});

it("退回 shows the message to paste and downloads the marked copy", async () => {
  const pane = paneOf(page);
  await pane.getByRole("button", { name: "退回 朴里村（有错）" }).click();
  const message = pane.getByRole("textbox", { name: "退回说明（粘贴到聊天）" });
  await message.waitFor();
  const text = await message.inputValue();
  expect(text).toMatch(/^【退回】金淘镇朴里村：报表有 \d+ 处错误/);
  expect(text).toMatch(/\n1\. [A-Z]+\d+ 村 .*（依据：季报表（一）注\d+）/);
  await page.screenshot({ path: path.join(SHOTS, "demo-return.png") });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    pane.getByRole("button", { name: "下载标注副本" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("金淘镇朴里村-退回.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as never);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["朴里村（有错）", "问题清单"]);
  const list = wb.getWorksheet("问题清单")!;
  const first = String(list.getCell("D3").value);
  expect(text).toContain(`1. ${first} `);
  const fill = wb.getWorksheet("朴里村（有错）")!.getCell(first).fill as ExcelJS.FillPattern;
  expect(fill.fgColor?.argb).toBe("FFF8C4C4");
  await pane.getByText(/已下载/).waitFor();
  await pane.getByRole("button", { name: "关闭" }).click();
});

it("highlights flagged cells in the grid", async () => {
  await page.getByRole("button", { name: "标出问题格" }).click();
  await page.getByText(/已标出 \d+ 个单元格/).waitFor();
  const colored = await page
    .locator("td[data-cell]")
    .evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).style.backgroundColor).length);
  expect(colored).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, "demo-highlight.png") });
});

it("fills the blanks with 0 after confirmation, and the grid shows it", async () => {
  const pane = paneOf(page);
  await pane.getByRole("button", { name: "把空白格全部填 0（2 格）" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await page.screenshot({ path: path.join(SHOTS, "demo-confirm.png") });
  await dialog.getByRole("button", { name: "修改" }).click();
  await page.getByText(/已修改 2 个单元格/).waitFor();
  expect(await page.locator('td[data-cell="D7"]').textContent()).toBe("0");
});

it("runs a training round: a practice sheet with planted mistakes, progress, answers on request", async () => {
  const pane = paneOf(page);
  await pane.getByRole("tab", { name: "培训" }).click();
  await pane.getByRole("button", { name: "生成练习表" }).click();
  await pane.getByText("已改正 0/8").waitFor();
  await pane.getByText("依据：季报表（一）注10").first().waitFor();
  await pane.getByRole("button", { name: "显示剩余错误" }).click();
  expect(await pane.getByRole("list", { name: "显示剩余错误" }).locator("li").count()).toBe(8);
  await page.screenshot({ path: path.join(SHOTS, "demo-training.png") });
});

it("opens a local .xlsx (exceljs in the page) and says what is wrong with a file no report could be", async () => {
  const pane = paneOf(page);
  const file = page.getByLabel("打开 .xlsx、.xls 或 .et 文件");
  await file.setInputFiles(
    path.join(__dirname, "../../assets/templates/nanan-2026-quarterly-2.xlsx")
  );
  await pane.getByRole("tab", { name: "问题" }).click();
  await pane.getByText(/识别出 1 张报表/).waitFor();
  await pane.getByText("此格为空白：表格不应有空白处，若无则应填写 0").first().waitFor();
  await file.setInputFiles({
    name: "坏文件.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("not a zip"),
  });
  await page.getByText("不是 Excel 工作簿（.xlsx）文件").waitFor();
  await page.screenshot({ path: path.join(SHOTS, "demo-open-file.png") });
});

/**
 * Opens a village report whose sheet `stretch` makes huge, and waits for the grid's note `says`
 * and the report's recognition: the page never goes blank.
 */
async function openStretched(
  name: string,
  stretch: (ws: import("exceljs").Worksheet, rows: number) => void,
  says: RegExp
) {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const f = filledSheet(t, { seed: 3, rowTypes: ["village"], unit: "金淘镇朴里村" });
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  f.grid.values.forEach((row, r) =>
    row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v))
  );
  stretch(ws, f.grid.values.length);
  await page.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles({
    name: `${name}.xlsx`,
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByText(says).waitFor();
  const pane = paneOf(page);
  await pane.getByRole("tab", { name: "问题" }).click();
  await pane.getByText(/识别出 1 张报表/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, `demo-${name}.png`) });
}

it("opens a file with a value in the last row (1,048,576) without a blank page", async () => {
  await openStretched(
    "last-row",
    (ws) => (ws.getCell(1_048_576, 1).value = "末行"),
    /工作表有 1048576 行/
  );
}, 120_000);

it("opens a sheet 16,384 columns wide: the report is recognized and the grid shows 200 columns", async () => {
  await openStretched(
    "last-column",
    (ws, rows) => {
      // A value in the last column (XFD) of the report's rows, and one row filled all the way.
      for (let r = 1; r <= rows; r++) ws.getCell(r, 16_384).value = "末列";
      for (let c = 1; c <= 16_384; c++) ws.getCell(rows + 20, c).value = c;
    },
    /16384 列，这里只显示前/
  );
}, 120_000);

it("consolidates two village files and tells what it could not read", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const village = async (unit: string, seed: number) => {
    const f = filledSheet(t, { seed, rowTypes: ["village"], unit });
    return {
      name: `${unit}.xlsx`,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(await layoutsToXlsx([{ ...f.layout, grid: f.grid }])),
    };
  };
  await page.getByRole("button", { name: "恢复示例" }).click();
  const pane = paneOf(page);
  await pane.getByRole("tab", { name: "汇总·盖章" }).click();
  await pane
    .getByLabel("选择报表文件")
    .setInputFiles([
      await village("金淘镇霞春村", 11),
      await village("金淘镇后厝村", 12),
      { name: "照片.xlsx", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
  await pane.getByRole("button", { name: "导入并汇总（3 个文件）" }).click();
  const result = pane.getByRole("list", { name: "汇总结果" });
  await result.getByText("金淘镇霞春村：已汇总 季报表（一）").waitFor();
  await result.getByText("金淘镇后厝村：已汇总 季报表（一）").waitFor();
  await result.getByText("照片.xlsx：无法读取：不是 Excel 工作簿（.xlsx）文件").waitFor();
  await page
    .getByRole("tablist", { name: "工作表" })
    .getByRole("tab", { name: "季报表（一）汇总" })
    .click();
  await page.screenshot({ path: path.join(SHOTS, "demo-consolidate.png") });
});

it("the task pane page opened outside Excel says so and points to the demo", async () => {
  // Same listener as the demo's: Office.js loads here too (from our origin); the CSP keeps it home.
  const pane = await page.context().newPage();
  pane.on("request", (r) => {
    if (!["127.0.0.1", "localhost"].includes(new URL(r.url()).hostname)) foreign.push(r.url());
  });
  await pane.goto(`${env.url}/taskpane.html`);
  await pane.getByText("请在 Excel 中使用").waitFor();
  expect(await pane.getByRole("link", { name: /网页版/ }).getAttribute("href")).toMatch(
    /demo\.html$/
  );
  await pane.screenshot({ path: path.join(SHOTS, "taskpane-outside-excel.png") });
  await pane.close();
});

it("asked nothing of any host but its own, and found everything it asked for (its icon too)", async () => {
  expect(foreign).toEqual([]);
  expect(missing).toEqual([]);
  for (const name of ["demo.html", "taskpane.html", "help.html"]) {
    const html = await (await page.request.get(`${env.url}/${name}`)).text();
    // Minified: the quotes go.
    const icon = /<link rel="?icon"?[^>]*\shref="?([^"\s>]+)/.exec(html)?.[1];
    expect(icon).toBe("assets/icon-32.png");
    const got = await page.request.get(`${env.url}/${icon}`);
    expect([got.status(), got.headers()["content-type"]]).toEqual([200, "image/png"]);
  }
});
