/**
 * At the narrowest task pane (320 px), what the pane shows for a report with findings and for an
 * incomplete consolidation (a file that cannot be read, a village with errors) is whole: nothing
 * runs past the pane's right edge or scrolls sideways; the page's grid above it shows the sheet,
 * not a row of it. The page (its pane under the grid) and the
 * WPS add-in (dist/wps, the host double as window.Application) draw the same pane as Excel's.
 * Screenshots go to test-artifacts/narrow/.
 */
import path from "path";
import type { Page } from "playwright-core";
import { pane, servedChromium } from "../helpers/browser";
import { clerkFile } from "../helpers/clerk-file";
import { doubleScript } from "../helpers/wps-page";

const SHOTS = path.join(__dirname, "../../test-artifacts/narrow");
const NARROW = { width: 320, height: 640 };
const env = servedChromium(SHOTS);

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Elements of `root` (visible, with text or a control) whose box runs past the window's right edge. */
const cutOff = (p: Page, root: string) =>
  p.evaluate((sel) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const e of document.querySelectorAll(`${sel} *`)) {
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      if (r.right > width + 1 && (e.textContent ?? "").trim())
        out.push(
          `${e.tagName}.${e.className}: ${(e.textContent ?? "").slice(0, 40)} (${Math.round(r.right)})`
        );
    }
    return out;
  }, root);

const files = async () => [
  await clerkFile("金淘镇霞春村", 11, { blank: ["base.medium", "std.create"] }),
  await clerkFile("金淘镇后厝村", 12),
  {
    name: "金淘镇英都村.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("这不是表格"),
  },
];

it("the page at 320 px: a report with findings, then an incomplete consolidation", async () => {
  const p = await env.page(NARROW);
  const [withFindings] = await files();
  await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles([withFindings]);
  await pane(p)
    .getByText(/1 个工作表，识别出 1 张报表；错误/)
    .waitFor({ timeout: 20_000 });
  await shot(p, "page-findings");
  // Under the page's bars (the question whether to keep the workbook included), rows to read.
  expect((await p.getByRole("grid").boundingBox())!.height).toBeGreaterThanOrEqual(240);
  const findings = await cutOff(p, '[aria-label="任务窗格"]');
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  await pane(p)
    .getByLabel("选择报表文件")
    .setInputFiles(await files());
  await pane(p).getByRole("button", { name: "导入并汇总（3 个文件）" }).click();
  await pane(p).getByRole("list", { name: "汇总结果" }).waitFor({ timeout: 20_000 });
  await shot(p, "page-incomplete");
  expect([findings, await cutOff(p, '[aria-label="任务窗格"]')]).toEqual([[], []]);
  await p.context().close();
}, 120_000);

it("the WPS pane at 320 px: a report with findings, then an incomplete consolidation", async () => {
  const context = await env.browser.newContext({ viewport: NARROW, locale: "zh-CN" });
  const { readGrids } = await import("../../src/workbook/xlsx/read");
  const [withFindings] = await files();
  const [grid] = await readGrids(withFindings.buffer);
  await context.addInitScript({ content: doubleScript([{ ...grid, name: "霞春村" }]) });
  const p = await context.newPage();
  await p.goto(`${env.url}/wps/taskpane.html`);
  await p.getByText(/1 个工作表，识别出 1 张报表；错误/).waitFor({ timeout: 20_000 });
  await shot(p, "wps-findings");
  const findings = await cutOff(p, "body");
  await p.getByRole("tab", { name: "汇总·盖章" }).click();
  await p.getByLabel("选择报表文件").setInputFiles(await files());
  await p.getByRole("button", { name: "导入并汇总（3 个文件）" }).click();
  await p.getByRole("list", { name: "汇总结果" }).waitFor({ timeout: 20_000 });
  await shot(p, "wps-incomplete");
  expect([findings, await cutOff(p, "body")]).toEqual([[], []]);
  await context.close();
}, 120_000);
