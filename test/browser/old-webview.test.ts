/**
 * A webview SRS cannot run in gets one line saying what to use instead, never a blank pane
 * (src/boot/boot.js, docs/SUPPORT.md): Internet Explorer 11 (Trident: Office without WebView2),
 * a webview that cannot parse the bundles, an older Safari. Chromium stands in for each: the user
 * agent Office's Trident sends, every bundle answered with syntax the webview rejects, WeakRef
 * taken away.
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import path from "path";
import { servedChromium } from "../helpers/browser";

const SHOTS = path.join(__dirname, "../../test-artifacts/old-webview");
const env = servedChromium(SHOTS);

const TRIDENT =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const OLD_SAFARI =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko)";

async function open(
  url: string,
  options: BrowserContextOptions,
  prepare?: (p: Page) => Promise<unknown>
): Promise<{ page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  });
  await prepare?.(page);
  await page.goto(url);
  return { page, errors };
}

/** The one line shown, once the page has settled (the bundles had their chance to render). */
async function line(page: Page): Promise<string> {
  await page.getByRole("alert").first().waitFor();
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  const alerts = await page.getByRole("alert").allTextContents();
  expect(alerts).toHaveLength(1);
  return alerts[0];
}

it("the task pane in Trident (Internet Explorer 11) says to install WebView2, or use the 网页版 or the CLI", async () => {
  const { page } = await open(`${env.url}/taskpane.html`, { userAgent: TRIDENT });
  const text = await line(page);
  expect(text).toMatch(/Internet Explorer.*WebView2/);
  expect(text).toMatch(/srs\.html.*npx srs/);
  // The app did not render beside it (outside Excel it would say 请在 Excel 中使用).
  expect(await page.getByText("请在 Excel 中使用").count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, "pane-trident.png") });
  await page.context().close();
});

it("a webview that cannot parse the bundles' syntax gets the line, not a blank pane", async () => {
  const { page } = await open(`${env.url}/taskpane.html`, {}, (p) =>
    // Each bundle as a parser without ES2015+ sees it: a syntax error at its first arrow.
    p.route(/\/(runtime|taskpane|functions|\d+)\.js$/, async (r) => {
      const body = await (await r.fetch()).text();
      await r.fulfill({ contentType: "text/javascript", body: `@${body}` });
    })
  );
  expect(await line(page)).toMatch(/版本过旧.*npx srs/);
  await page.context().close();
});

it("an older Safari (no WeakRef, which Fluent UI needs) on a Mac says to update Safari", async () => {
  const { page } = await open(`${env.url}/taskpane.html`, { userAgent: OLD_SAFARI }, (p) =>
    p.addInitScript(() => delete (window as { WeakRef?: unknown }).WeakRef)
  );
  expect(await line(page)).toMatch(/Safari.*14\.1/);
  await page.context().close();
});

it("the 网页版 in Internet Explorer, served and from disk, says which browser to open it in", async () => {
  for (const url of [
    `${env.url}/demo.html`,
    `file://${path.join(__dirname, "../../dist/srs.html")}`,
  ]) {
    const { page, errors } = await open(url, { userAgent: TRIDENT });
    expect(await line(page)).toMatch(/浏览器版本过旧.*Edge、Chrome/);
    // srs.html allows its inline bootstrap by its hash: the CSP refused nothing.
    expect(errors).toEqual([]);
    await page.screenshot({
      path: path.join(SHOTS, `page-trident-${url.startsWith("file") ? "disk" : "served"}.png`),
    });
    await page.context().close();
  }
});

it("a current browser gets the page, and no line", async () => {
  const { page, errors } = await open(`file://${path.join(__dirname, "../../dist/srs.html")}`, {});
  await page.getByRole("complementary", { name: "任务窗格" }).waitFor();
  expect(await page.getByText("版本过旧").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});
