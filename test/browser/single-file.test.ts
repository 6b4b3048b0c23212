/**
 * dist/srs.html opened from disk (file://) in Debian's Chromium, with no server: the sample is
 * checked, a real .xlsx opens (exceljs inlined), a fix is saved and downloaded — and the page
 * asks for nothing at all besides itself.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync } from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { launch } from "../helpers/browser";
const { DIST, ensureBuilt } = require("../../tools/dist.js") as {
  DIST: string;
  ensureBuilt: () => string;
};

const SHOTS = path.join(__dirname, "../../test-artifacts");
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  browser = await launch();
}, 360_000);

afterAll(async () => {
  await browser?.close();
});

it("is one file: no script or style file beside it is referenced", () => {
  const html = readFileSync(path.join(DIST, "srs.html"), "utf8");
  expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  expect(html).not.toMatch(/<link[^>]*stylesheet/);
  expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  // Its icon is inside it too.
  expect(html).toMatch(/<link rel="icon" type="image\/png" href="data:image\/png;base64,/);
});

it.each([
  [1366, 768],
  [350, 740],
])(
  "runs from file:// at %i×%i: checks, opens a file, saves the fix; asks for nothing",
  async (width, height) => {
    const url = `file://${path.join(DIST, "srs.html")}`;
    expect(existsSync(path.join(DIST, "srs.html"))).toBe(true);
    const context = await browser.newContext({
      viewport: { width, height },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on(
      "request",
      (r) => r.url() !== url && !/^(data|blob):/.test(r.url()) && asked.push(r.url())
    );
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    const pane = page.getByRole("complementary", { name: "任务窗格" });
    await pane.getByText(/识别出 \d+ 张报表/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, `srs-html-${width}-sample.png`) });

    await page
      .getByLabel("打开 .xlsx、.xls 或 .et 文件")
      .setInputFiles(path.join(__dirname, "../../assets/templates/nanan-2026-quarterly-2.xlsx"));
    await pane.getByText(/识别出 1 张报表/).waitFor();
    const fill = pane.getByRole("button", { name: /把空白格全部填 0（(\d+) 格）/ }).first();
    const n = Number(/（(\d+) 格）/.exec((await fill.textContent())!)![1]);
    await fill.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" }); // its closing fade, not in the picture
    await page.getByText(`已修改 ${n} 个单元格，并重新检查`).waitFor();
    await page.screenshot({
      path: path.join(SHOTS, `srs-html-${width}-fixed.png`),
      fullPage: width < 400,
    });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("nanan-2026-quarterly-2.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const zeros = wb.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThanOrEqual(n);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  },
  120_000
);
