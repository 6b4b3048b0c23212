/**
 * dist/lite/lite.html in Chromium over the ExcelApi 1.1 double (served in place of Office.js):
 * what a clerk sees in the 兼容版 — the findings of a report with three mistakes, the question
 * before 标出问题格, the marks. Screenshots in test-artifacts/lite/, to be looked at.
 */
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";
import { MARK_COLORS } from "../../src/workbook/types";
import { servedChromium } from "../helpers/browser";
import { clerkSheet } from "../helpers/filled";

const SHOTS = path.join(__dirname, "../../test-artifacts/lite");
const env = servedChromium(SHOTS);

/** The double as one page script (no eval: the page's CSP forbids it). */
function doubleScript(): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "srs-lite-double-"));
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        entry: path.join(__dirname, "browser-double.ts"),
        output: { path: out, filename: "double.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: "babel-loader" }] },
      },
      (err, stats) =>
        err || stats?.hasErrors()
          ? reject(err ?? new Error(stats!.toString("errors-only")))
          : resolve(readFileSync(path.join(out, "double.js"), "utf8"))
    )
  );
}

let script: string;
beforeAll(async () => {
  script = await doubleScript();
}, 300_000);

it("shows the findings, asks before marking, marks the cells", async () => {
  const report = clerkSheet("nanan-2026-quarterly-1", 3);
  const slot = report.firstSlot;
  report.set(slot, "resp.list", null);
  report.set(slot, "resp.org", "若干");
  report.set(slot, "base.total", Number(report.get(slot, "base.total")) + 5);
  const grid = { ...report.grid, name: "朴里村" };

  const context = await env.browser.newContext({
    viewport: { width: 380, height: 760 },
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    ([sheets, active]) => Object.assign(window, { __srsSheets: sheets, __srsActive: active }),
    [[grid], "朴里村"] as const
  );
  await page.route(/office(-js\/office)?\.js$/, (r) =>
    r.fulfill({ contentType: "text/javascript", body: script })
  );
  await page.goto(`${env.url}/lite/lite.html`);

  await page.getByRole("button", { name: "检查当前工作表" }).click();
  const status = page.getByRole("status");
  await page.waitForFunction(() =>
    /错误 \d+ 条/.test(document.querySelector("[role=status]")!.textContent!)
  );
  expect(await status.textContent()).toMatch(/^工作表“朴里村”：错误 \d+ 条，提示 \d+ 条$/);
  expect(await page.locator("li").count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator("li").first().textContent()).toContain("〔季报表（一）");
  await page.screenshot({ path: path.join(SHOTS, "findings.png"), fullPage: true });

  // A finding selects its cell.
  const blank = report.address(slot, "resp.list");
  await page.locator("li button", { hasText: "此格为空白" }).first().click();
  await page.waitForFunction(
    () =>
      (window as never as { __srsDouble: { selected: unknown[] } }).__srsDouble.selected.length > 0
  );
  expect(
    await page.evaluate(
      () => (window as never as { __srsDouble: { selected: unknown[] } }).__srsDouble.selected
    )
  ).toEqual([{ sheet: "朴里村", cell: blank }]);

  await page.getByRole("button", { name: "标出问题格" }).click();
  await page.getByRole("button", { name: "继续" }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "ask.png"), fullPage: true });
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForFunction(() =>
    /^已标出/.test(document.querySelector("[role=status]")!.textContent!)
  );
  const fill = await page.evaluate(
    (cell) =>
      (
        window as never as { __srsBook: { fill(s: string, c: string): { color: string } } }
      ).__srsBook.fill("朴里村", cell).color,
    blank
  );
  expect(fill).toBe(MARK_COLORS.error);
  await page.screenshot({ path: path.join(SHOTS, "marked.png"), fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
