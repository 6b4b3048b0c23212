/**
 * 复制催报消息 in the page (#23 item 5), in Debian's Chromium: a workbook holding its 单位名册 (with
 * 联系人 and 联系电话), two of its three villages consolidated; the 缺报 line names who to call and
 * the button copies one message naming the unit missing, the table, the period and the deadline.
 * Screenshot: test-artifacts/page/remind.png. Without a roster, a village writing its name two ways
 * is one unit in the counts (one-unit.png).
 */
import type { Page } from "playwright-core";
import path from "path";
import { rosterSheet } from "../../src/rules/consolidation/roster";
import { pane, servedChromium } from "../helpers/browser";
import { clerkFile, xlsxOf } from "../helpers/clerk-file";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Two units, each summed on time, one table owed. */
const COUNTS =
  "单位：应报 2 个，已报 2 个（按时 2、逾期 0），缺报 0 个；报表：缺 1 份、未汇总 0 份";

/** A fresh page allowed the clipboard, its workbook the roster (none: the example), on 汇总·盖章. */
async function withRoster(entries: Parameters<typeof rosterSheet>[0] = []) {
  const p = await env.page();
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(p.url()).origin,
  });
  if (entries.length) {
    const roster = rosterSheet(entries);
    await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles({
      name: "金淘镇汇总.xlsx",
      mimeType: XLSX,
      buffer: await xlsxOf(roster.name, roster),
    });
  }
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  return p;
}

/** 导入并汇总 the files as 2026Q4's reports. */
async function consolidate(p: Page, files: Awaited<ReturnType<typeof clerkFile>>[]) {
  await pane(p).getByLabel("报告期（如 2026Q4 或 2024-05）").fill("2026Q4");
  await pane(p).getByLabel("选择报表文件").setInputFiles(files);
  await pane(p)
    .getByRole("button", { name: `导入并汇总（${files.length} 个文件）` })
    .click();
}

/** Waits for the count line, then copies 催报 and gives the message. */
async function countsThenReminder(p: Page, counts: string): Promise<string> {
  await pane(p).getByText(counts).waitFor();
  await pane(p).getByRole("button", { name: "复制催报消息" }).click();
  return pane(p).getByLabel("催报消息").inputValue();
}

it("the 缺报 line names who to call, and 复制催报消息 copies the message for the group chat", async () => {
  const p = await withRoster([
    { unit: "金淘镇朴里村", type: "村", contact: "林小红", phone: "0595-86123456" },
    { unit: "金淘镇岭兜村", type: "村" },
    { unit: "金淘镇深垵村", type: "村", contact: "黄丽", phone: "0595-86120000" },
  ]);
  await pane(p)
    .getByText(/单位名册.*3/)
    .waitFor();
  await consolidate(p, [await clerkFile("金淘镇朴里村", 1), await clerkFile("金淘镇岭兜村", 2)]);
  const list = pane(p).getByRole("list", { name: "汇总结果" });
  await list.waitFor();
  expect(await list.textContent()).toContain(
    "金淘镇深垵村：缺报：单位名册中有、本次没有报送；联系人：黄丽，电话：0595-86120000"
  );

  await pane(p).getByRole("button", { name: "复制催报消息" }).click();
  await pane(p).getByText("已复制：可以粘贴到工作群。").waitFor();
  const text = await pane(p).getByLabel("催报消息").inputValue();
  expect(text).toContain("【催报】以下单位尚未报送2026年第4季度的报表：");
  expect(text).toContain("1. 金淘镇深垵村（联系人：黄丽，电话：0595-86120000）");
  expect(text).toMatch(/《南安市2026年.*季报表（一）》（截止 2026年12月29日）/);
  expect(text).not.toContain("朴里村");
  expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await pane(p).getByLabel("催报消息").scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SHOTS, "remind.png") });
  await p.context().close();
}, 180_000);

it("a village that sent 季报表（一） but not （二） is 缺报 for （二）, counted, and told in 催报", async () => {
  const p = await withRoster([
    { unit: "金淘镇朴里村", type: "村" },
    { unit: "金淘镇岭兜村", type: "村", contact: "陈明", phone: "13905951234" },
  ]);
  const two = { template: "nanan-2026-quarterly-2" };
  await consolidate(p, [
    await clerkFile("金淘镇朴里村", 1),
    { ...(await clerkFile("朴里村", 2, two)), name: "朴里村-季报表二.xlsx" },
    await clerkFile("金淘镇岭兜村", 3),
  ]);
  const list = pane(p).getByRole("list", { name: "汇总结果" });
  await list.waitFor();
  expect(await list.textContent()).toContain(
    "金淘镇岭兜村：缺报（季报表（二））：已报送季报表（一），未报送本表；联系人：陈明，电话：13905951234"
  );
  const text = await countsThenReminder(p, COUNTS);
  expect(text).toContain("1. 金淘镇岭兜村（联系人：陈明，电话：13905951234）：尚缺季报表（二）");
  await pane(p).getByLabel("催报消息").scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SHOTS, "remind-table.png") });
  await p.context().close();
}, 180_000);

it("no roster: a village whose clerk writes its name differently on each table is one unit in the counts, the chart and 催报", async () => {
  const p = await withRoster();
  const two = { template: "nanan-2026-quarterly-2" };
  await consolidate(p, [
    { ...(await clerkFile("朴里村", 1)), name: "朴里村-季报表一.xlsx" },
    { ...(await clerkFile("金淘镇朴里村委会", 2, two)), name: "朴里村-季报表二.xlsx" },
    // A village whose name is close to it: another unit, that sent （一） only.
    { ...(await clerkFile("金淘朴兜村", 3)), name: "朴兜村-季报表一.xlsx" },
  ]);
  const chart = pane(p).getByRole("img", { name: /^各单位报送情况/ });
  await chart.waitFor();
  expect(await chart.getAttribute("aria-label")).toBe(
    "各单位报送情况：共 2 个单位，按时 2，逾期 0，缺报 0，报表均未汇总 0"
  );
  const text = await countsThenReminder(p, COUNTS);
  expect(text).toContain("1. 金淘朴兜村（联系人：林小红，电话：0595-86123456）：尚缺季报表（二）");
  expect(text).not.toContain("朴里村");
  await chart.scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SHOTS, "one-unit.png") });
  await p.context().close();
}, 180_000);
