/**
 * The reviewer's loop in the demo, in a real browser (Debian's Chromium): 退回 shows the message
 * to paste and downloads the marked copy, which holds the unit's sheet with its problem cells
 * coloured and a 问题清单. Screenshots go to test-artifacts/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { launch, serveDist } from "../helpers/browser";

const SHOTS = path.join(__dirname, "../../test-artifacts");
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDist();
  browser = await launch();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(`${server.url}/demo.html`);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("退回 shows the message to paste and downloads the marked copy", async () => {
  const pane = page.getByRole("complementary", { name: "任务窗格" });
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
});
