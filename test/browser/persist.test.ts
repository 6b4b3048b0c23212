/**
 * The page keeps its workbook in the browser (issue #15), once the user says so (#26): a training
 * round corrected in part, the page reloaded, the round and its progress are still there (the
 * practice round lives in the workbook); 清除本页保存的工作簿 forgets it, and the next reload shows
 * the sample. Only the first tab keeps it: a second one says so and never saves over it; opened
 * from disk, the page says other local pages could read what it keeps.
 */
import path from "path";
import type { Page } from "playwright-core";
import { fromA1 } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { practiceSheet } from "../../src/rules/sample/practice";
import { allTemplates } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { pane, servedChromium } from "../helpers/browser";

const SHOTS = path.join(__dirname, "../../test-artifacts");
const env = servedChromium(SHOTS);

/** The round the pane makes by default (first table, 8 mistakes, seed 1), and each cell's right value. */
function defaultRound() {
  const t = allTemplates().find(
    (x): x is TableTemplate => x.kind === "table" && x.noBlankNote !== undefined
  )!;
  const round = practiceSheet(t, 8, 1, "练习1");
  if ("refused" in round) throw new Error(round.refused);
  const clean = filledSheet(t, { seed: 1, rowTypes: [t.rows[t.rows.length - 1].key] }).grid;
  const o = clean.origin ?? { row: 0, col: 0 };
  return round.planted.map((p) => {
    const { row, col } = fromA1(p.cell);
    return { cell: p.cell, value: String(clean.values[row - o.row][col - o.col]) };
  });
}

/** Waits until the page has kept its workbook as it was after `since` (ms since the epoch). */
const keptAfter = (p: Page, since: number) =>
  p.waitForFunction((t) => {
    const { savedAt } = JSON.parse(localStorage.getItem("srs.page") ?? "{}") as {
      savedAt?: number;
    };
    return savedAt !== undefined && savedAt > t;
  }, since);

it("a practice round corrected in part survives a reload; clearing the kept workbook forgets it", async () => {
  const p = await env.page();
  await pane(p).getByRole("tab", { name: "培训" }).click();
  await pane(p).getByRole("button", { name: "生成练习表" }).click();
  await pane(p).getByText("已改正 0/8").waitFor();
  // Nothing is kept before the user says so, and the page says where it would be.
  const ask = p.getByRole("region", { name: "保存在本浏览器" });
  await ask.getByText("只有本网站能读取").waitFor();
  expect(await p.evaluate(() => localStorage.getItem("srs.page"))).toBeNull();
  await ask.getByRole("button", { name: "保存在本浏览器" }).click();
  await ask.waitFor({ state: "detached" });

  let lastEdit = 0;
  for (const { cell, value } of defaultRound().slice(0, 2)) {
    await p.locator(`td[data-cell="${cell}"]`).click();
    await p.keyboard.type(value);
    lastEdit = await p.evaluate(() => Date.now());
    await p.keyboard.press("Enter");
  }
  await pane(p).getByText("已改正 2/8").waitFor();
  await keptAfter(p, lastEdit);
  await p.getByRole("status").getByText("已保存在本机浏览器中").waitFor();

  await p.reload();
  await p.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "练习1" }).waitFor();
  await pane(p).getByRole("tab", { name: "培训" }).click();
  await pane(p).getByText("已改正 2/8").waitFor();
  // The record is SRS's own hidden sheet: no tab, no finding.
  expect(
    await p.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "SRS练习" }).count()
  ).toBe(0);
  await p.screenshot({ path: path.join(SHOTS, "persist-reloaded.png") });

  await p.getByRole("button", { name: "清除本页保存的工作簿" }).click();
  await p.getByText("已清除本页保存的工作簿").waitFor();
  await p.reload();
  await pane(p)
    .getByText(/识别出 \d+ 张报表/)
    .waitFor();
  expect(
    await p.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "练习1" }).count()
  ).toBe(0);
  await p.context().close();
}, 120_000);

it("a second tab says the page is open in another and never saves over it", async () => {
  const first = await env.page();
  await pane(first).getByRole("tab", { name: "培训" }).click();
  await pane(first).getByRole("button", { name: "生成练习表" }).click();
  await first
    .getByRole("region", { name: "保存在本浏览器" })
    .getByRole("button", { name: "保存在本浏览器" })
    .click();
  await first.getByRole("status").getByText("已保存在本机浏览器中").waitFor();
  const kept = await first.evaluate(() => localStorage.getItem("srs.page"));

  const second = await first.context().newPage();
  await second.goto(first.url());
  await second
    .getByRole("status")
    .getByText(/本页已在另一个标签页中打开/)
    .waitFor();
  const [{ cell, value }] = defaultRound();
  await second.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "练习1" }).click();
  await second.locator(`td[data-cell="${cell}"]`).click();
  await second.keyboard.type(value);
  await second.keyboard.press("Enter");
  await second.waitForTimeout(2000);
  expect(await second.evaluate(() => localStorage.getItem("srs.page"))).toBe(kept);
  await second
    .getByRole("status")
    .getByText(/这里的修改不会保存到浏览器/)
    .waitFor();
  await second.screenshot({ path: path.join(SHOTS, "persist-second-tab.png") });
  await first.context().close();
}, 120_000);

it("opened from disk, it asks before keeping and says other local pages could read it", async () => {
  const p = await env.page(undefined, true);
  await p.getByRole("button", { name: "恢复示例" }).waitFor();
  await pane(p).getByRole("tab", { name: "培训" }).click();
  await pane(p).getByRole("button", { name: "生成练习表" }).click();
  const ask = p.getByRole("region", { name: "保存在本浏览器" });
  await ask.getByText(/其他网页也能读取它/).waitFor();
  await p.screenshot({ path: path.join(SHOTS, "persist-ask-file.png") });
  await ask.getByRole("button", { name: "不保存" }).click();
  await p
    .getByRole("status")
    .getByText(/不保存在本浏览器中/)
    .waitFor();
  expect(await p.evaluate(() => localStorage.getItem("srs.page"))).toBeNull();
  await p.context().close();
}, 120_000);
