/**
 * The built WPS add-in (dist/wps) in Debian's Chromium, with the WPS host double as
 * `window.Application`, as WPS's embedded Chromium runs it: the task pane's flows (findings,
 * highlight and restore, fix and undo, consolidation of picked files, 培训), the entry page's
 * ribbon callbacks, and the offline package opened from disk. Screenshots at a task pane's width go
 * to test-artifacts/wps/.
 */
import path from "path";
import type { Page } from "playwright-core";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { servedChromium } from "../helpers/browser";
import { clerkFile } from "../helpers/clerk-file";
import { Sheet } from "../helpers/filled";
import { periods, reviewed } from "../helpers/reviewed";
import { doubleScript } from "../helpers/wps-page";
import type { WpsFixture } from "../helpers/wps-mock";
const { DIST } = require("../../tools/dist.js") as { DIST: string };
const { FOLDER } = require("../../tools/wps.js") as { FOLDER: string };

const SHOTS = path.join(__dirname, "../../test-artifacts/wps");
const PANE = { width: 360, height: 820 };
const env = servedChromium(SHOTS);

/** 朴里村 with a blank and a 无 (two errors, and 总数, which cannot be checked until they are corrected, a third); 岭兜村 filled right. */
function township(): WpsFixture[] {
  const s = new Sheet("nanan-2026-quarterly-1", {
    seed: 2,
    rowTypes: ["village"],
    unit: "金淘镇朴里村",
  });
  s.set("village", "base.large", null).set("village", "base.medium", "无");
  const ok = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 3,
    rowTypes: ["village"],
    unit: "金淘镇岭兜村",
  }).grid;
  return [
    { ...s.grid, name: "朴里村", fills: { A7: { color: 0x00ffff } } },
    { ...ok, name: "岭兜村" },
  ];
}

async function open(fixtures: WpsFixture[], url: string): Promise<Page> {
  const context = await env.browser.newContext({ viewport: PANE, locale: "zh-CN" });
  await context.addInitScript({ content: doubleScript(fixtures) });
  const p = await context.newPage();
  await p.goto(url);
  return p;
}

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const fill = (p: Page, sheet: string, cell: string) =>
  p.evaluate(
    ([s, c]) => (window as any).wpsDouble.fillOf((window as any).wpsDouble.app, s, c),
    [sheet, cell]
  );
const cell = (p: Page, sheet: string, a1: string) =>
  p.evaluate(
    ([s, c]) => (window as any).wpsDouble.cellOf((window as any).wpsDouble.app, s, c),
    [sheet, a1]
  );

/** Requests that leave the page's own origin (or, from disk, its own folder). */
function outside(p: Page, own: (url: string) => boolean): string[] {
  const asked: string[] = [];
  p.on("request", (r) => !/^(data|blob):/.test(r.url()) && !own(r.url()) && asked.push(r.url()));
  return asked;
}

describe("the WPS add-in in Chromium (host double as window.Application)", () => {
  it("task pane: findings, highlight and restore, fix and undo, consolidation, 培训", async () => {
    const p = await open(township(), `${env.url}/wps/taskpane.html`);
    const asked = outside(p, (u) => new URL(u).host === new URL(env.url).host);
    const blank = new Sheet("nanan-2026-quarterly-1", { seed: 2, rowTypes: ["village"] }).address(
      "village",
      "base.large"
    );
    await p.getByText(/2 个工作表，识别出 2 张报表；错误 3 条/).waitFor();
    await shot(p, "1-findings");

    await p.getByRole("button", { name: "标出问题格" }).click();
    await p.getByText(/已标出 3 个单元格/).waitFor();
    expect(await fill(p, "朴里村", blank)).toBe("#F8C4C4");
    await shot(p, "2-highlighted");
    await p.getByRole("button", { name: "清除标记" }).click();
    await p.getByText("已恢复 3 个单元格原来的底色").waitFor();
    expect(await fill(p, "朴里村", blank)).toBeUndefined();

    await p.getByRole("button", { name: "改为 0" }).first().click();
    await p.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
    await p.getByText(/已修改 1 个单元格/).waitFor();
    expect((await cell(p, "朴里村", blank)).value).toBe(0);
    await shot(p, "3-fixed");
    await p.getByRole("button", { name: /撤销上次修改/ }).click();
    await p.getByText(/已恢复 1 个单元格修改前的内容/).waitFor();
    expect((await cell(p, "朴里村", blank)).value).toBeUndefined();

    await p.getByRole("tab", { name: "汇总·盖章" }).click();
    const files = [await clerkFile("金淘镇霞春村", 11), await clerkFile("金淘镇后厝村", 12)];
    await p.getByLabel("选择报表文件").setInputFiles(files);
    await p.getByRole("button", { name: "导入并汇总（2 个文件）" }).click();
    const result = p.getByRole("list", { name: "汇总结果" });
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/金淘镇霞春村.*：已汇总 季报表（一）/);
    const summary = await p.evaluate(() => {
      const app = (window as any).wpsDouble.app;
      const s = app.book.sheets.find((x: any) => x.Name === "季报表（一）汇总");
      return s ? [...s.formulas.values()] : [];
    });
    expect(summary.length).toBeGreaterThan(10);
    expect(summary.every((f: string) => /^=SUM\(/.test(f))).toBe(true);
    await shot(p, "4-consolidated");
    await p.getByRole("tab", { name: "培训" }).click();
    await p.getByRole("button", { name: "生成练习表" }).click();
    await p.getByText(/已改正 0\/8/).waitFor();
    await shot(p, "5-training");

    expect(asked).toEqual([]);
    await p.context().close();
  });

  it("task pane: 审核说明 onto a hidden sheet, 退回's message, 上期对比, and 表样 in a workbook with no report", async () => {
    const { s, warn } = reviewed();
    const { q3, q4 } = periods("岭兜村");
    const p = await open(
      [
        { ...s.grid, name: "朴里村" },
        { ...q4.grid, name: "岭兜村" },
        { ...q3.grid, name: "岭兜村（上次）" },
      ],
      `${env.url}/wps/taskpane.html`
    );
    const warnings = p.getByRole("region", { name: "朴里村 提示" });
    await warnings.getByRole("button", { name: "写说明" }).click();
    await warnings.getByRole("textbox").fill("按原始台账填写");
    await warnings.getByRole("button", { name: "保存说明" }).click();
    await p.getByText(`已保存 ${warn} 的说明`).waitFor();
    const hidden = await p.evaluate(() =>
      (window as any).wpsDouble.app.book.sheets
        .filter((x: any) => x.Visible === 0)
        .map((x: any) => x.Name)
    );
    expect(hidden).toEqual(["SRS审核说明"]);
    await p.getByRole("button", { name: "退回 朴里村" }).click();
    await expect(
      p.getByRole("textbox", { name: "退回说明（粘贴到聊天）" }).inputValue()
    ).resolves.toMatch(/^【退回】金淘镇朴里村：/);
    await shot(p, "8-explained-returned");
    await p.getByRole("tab", { name: "上期对比" }).click();
    await p.getByText(/张报表可与上期比较/).waitFor();
    await shot(p, "9-compare");
    await p.context().close();

    const blank = await open(
      [{ name: "Sheet1", values: [["预算"]], merges: [] }],
      `${env.url}/wps/taskpane.html`
    );
    await blank
      .getByRole("region", { name: "表样" })
      .getByRole("button", { name: "插入表样" })
      .click();
    await blank.getByText(/已插入工作表“.+”：官方空白表样/).waitFor();
    await shot(blank, "10-template-inserted");
    await blank.context().close();
  });

  it("entry page: OnAddinLoad shows the pane for a workbook SRS recognized before; the button toggles it", async () => {
    const p = await open(township(), `${env.url}/wps/index.html`);
    const state = await p.evaluate(() => {
      const w = window as any;
      const app = w.Application;
      app.ActiveWorkbook.CustomDocumentProperties.Add("srs.autoshow", false, 4, "1");
      app.ActiveWorkbook.CustomDocumentProperties.Add("srs.autoshow#1", false, 4, "true");
      const loaded = w.OnAddinLoad({});
      const shown = app.panes.map((x: any) => ({ url: x.url, visible: x.Visible }));
      w.OnAction({ Id: "srsShowPane" });
      return {
        loaded,
        shown,
        after: app.panes[0].Visible,
        image: w.GetImage({ Id: "srsShowPane" }),
      };
    });
    expect(state.loaded).toBe(true);
    expect(state.shown).toEqual([{ url: `${env.url}/wps/taskpane.html`, visible: true }]);
    expect(state.after).toBe(false);
    expect(state.image).toBe("images/srs.png");
    await p.context().close();
  });

  it("the offline package opened from disk: findings, and consolidation loads its reader from the folder", async () => {
    const folder = path.join(DIST, "wps-offline", "jsaddons", FOLDER);
    const p = await open(township(), `file://${folder}/taskpane.html`);
    const asked = outside(p, (u) => u.startsWith(`file://${folder}/`));
    await p.getByText(/2 个工作表，识别出 2 张报表；错误 3 条/).waitFor();
    await p.getByRole("tab", { name: "汇总·盖章" }).click();
    await p.getByLabel("选择报表文件").setInputFiles([await clerkFile("金淘镇霞春村", 11)]);
    await p.getByRole("button", { name: "导入并汇总（1 个文件）" }).click();
    await p.getByRole("list", { name: "汇总结果" }).waitFor();
    await shot(p, "6-offline-consolidated");
    expect(asked).toEqual([]);
    await p.context().close();
  });

  it("a WPS whose webview lacks what the pane needs gets one line saying to update WPS, never a blank pane", async () => {
    const context = await env.browser.newContext({ viewport: PANE, locale: "zh-CN" });
    await context.addInitScript({ content: "delete window.WeakRef;" });
    await context.addInitScript({ content: doubleScript(township()) });
    const p = await context.newPage();
    await p.goto(`${env.url}/wps/taskpane.html`);
    await expect(p.getByRole("alert").textContent()).resolves.toMatch(
      /^这个 WPS 显示加载项所用的浏览器组件版本过旧.*请把 WPS 更新到最新版/
    );
    await shot(p, "7-old-webview");
    await context.close();
  });
});
