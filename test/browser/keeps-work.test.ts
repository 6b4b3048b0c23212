/**
 * The page keeps the user's work (#23.3), in Debian's Chromium: a stamped summary keeps its stamp
 * when a re-sent file is imported; a copy changed after consolidating marks the summary out of
 * date, visibly, and 重新汇总 sums what is in the page, no file picked. Screenshots go to
 * test-artifacts/page/keeps-work-*.png.
 */
import path from "path";
import type { Page } from "playwright-core";
import { pane, servedChromium } from "../helpers/browser";
import { clerkFile } from "../helpers/clerk-file";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);
const SUMMARY = "季报表（一）汇总";

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SHOTS, `keeps-work-${name}.png`) });
const sheetTab = (p: Page, name: string) =>
  p.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name, exact: true });
const cellText = async (p: Page, cell: string) =>
  (await p.locator(`td[data-cell="${cell}"]`).textContent()) ?? "";

async function consolidate(p: Page, files: Awaited<ReturnType<typeof clerkFile>>[]) {
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  await pane(p).getByLabel("选择报表文件").setInputFiles(files);
  await pane(p)
    .getByRole("button", { name: `导入并汇总（${files.length} 个文件）` })
    .click();
  await pane(p).getByRole("list", { name: "汇总结果" }).waitFor();
}

it("a stamped summary keeps its stamp when a re-sent file is imported", async () => {
  const p = await env.page();
  await pane(p).getByRole("tab", { name: "单位信息" }).click();
  await pane(p).getByLabel("填报单位").fill("金淘镇");
  await pane(p).getByLabel("填表人").fill("陈美玲");
  await pane(p).getByLabel("联系电话").fill("0595-86281234");
  await pane(p).getByRole("button", { name: "保存" }).click();
  await consolidate(p, [await clerkFile("金淘镇朴里村", 1), await clerkFile("金淘镇岭兜村", 2)]);
  await pane(p).getByLabel("报告期（如 2026Q4 或 2024-05）").fill("2026Q4");
  await pane(p).getByRole("button", { name: "写入报告期、日期、表头和统计口径" }).click();
  await p.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
  await p.getByText(/已修改 \d+ 个单元格/).waitFor();
  await p.getByRole("alertdialog").waitFor({ state: "detached" });
  await sheetTab(p, SUMMARY).click();
  const grid = p.getByRole("grid", { name: SUMMARY });
  await grid.getByText(/填表人：陈美玲/).waitFor();
  const stamped = await grid.textContent();
  expect(stamped).toContain("报告期：2026年第4季度");
  await shot(p, "1-stamped");

  // 朴里村 sends its report again: imported, summed again, the stamp stays.
  const total = await cellText(p, "B7");
  await consolidate(p, [await clerkFile("金淘镇朴里村", 9)]);
  await sheetTab(p, SUMMARY).click();
  await p.waitForFunction(
    (was) => document.querySelector('td[data-cell="B7"]')?.textContent !== was,
    total
  );
  const after = (await grid.textContent())!;
  for (const line of ["填表人：陈美玲", "联系电话：0595-86281234", "报告期：2026年第4季度"])
    expect(after).toContain(line);
  await shot(p, "2-stamp-kept-after-import");
  await p.context().close();
}, 180_000);

it("a copy fixed after consolidating marks the summary stale; 重新汇总 sums it, no file picked", async () => {
  const p = await env.page();
  await consolidate(p, [await clerkFile("金淘镇朴里村", 1), await clerkFile("金淘镇岭兜村", 2)]);
  await sheetTab(p, SUMMARY).click();
  const total = Number(await cellText(p, "B7"));
  const banner = p.getByText(/^汇总表已过期：金淘镇朴里村在汇总后改动过/);
  expect(await banner.count()).toBe(0);

  // 总数 and 规上企业 of 朴里村's copy, ten more each: the copy still adds up.
  await sheetTab(p, "金淘镇朴里村").click();
  for (const cell of ["B7", "C7"]) {
    const now = Number(await cellText(p, cell));
    await p.locator(`td[data-cell="${cell}"]`).click();
    await p.keyboard.type(String(now + 10));
    await p.getByLabel(`编辑 ${cell}`).waitFor();
    await p.keyboard.press("Enter");
  }
  await banner.first().waitFor();
  await pane(p)
    .getByText(/^汇总表已过期：金淘镇朴里村/)
    .waitFor();
  await shot(p, "3-summary-stale");

  await pane(p).getByRole("button", { name: "重新汇总（按工作簿中现有的副本，不选文件）" }).click();
  await banner.first().waitFor({ state: "detached" });
  await sheetTab(p, SUMMARY).click();
  expect(Number(await cellText(p, "B7"))).toBe(total + 10);
  await shot(p, "4-reconsolidated");
  await p.context().close();
}, 180_000);
