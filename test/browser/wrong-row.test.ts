/**
 * 填错行 at check time on the page (#22): the one-file srs.html, opened from disk as a clerk opens
 * it, checks a village whose non-zero numbers sit in the 镇直单位 row (0 across its own 村 row)
 * and shows the error; the same village writing 0 across the 镇直单位 row, as 注10 asks, gets
 * 未发现问题; a village that writes its own name where the table prints 村 gets that row read, with
 * a warning. (srs check and the pane: test/taskpane/wrong-row.test.tsx.)
 * Screenshots: test-artifacts/page/wrong-row-*.png.
 */
import path from "path";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { pane, servedChromium } from "../helpers/browser";
import { xlsxOf } from "../helpers/clerk-file";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);
const village = (rowTypes: string[]): Grid =>
  filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 3, unit: "金淘镇朴里村", rowTypes })
    .grid;
const WRONG = /金淘镇朴里村是村，应填“村”行，“镇直单位”行却有 \d+ 个非零数字/;

async function opened(grid: Grid, shot: string) {
  const p = await env.page({ width: 1366, height: 768 }, true);
  await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles({
    name: "朴里村.xlsx",
    mimeType: "application/octet-stream",
    buffer: await xlsxOf("朴里村", grid),
  });
  await pane(p).getByText("1 个工作表，识别出 1 张报表", { exact: false }).waitFor();
  return { p, shot: () => p.screenshot({ path: path.join(SHOTS, shot) }) };
}

it("a village's numbers in the 镇直单位 row: the error", async () => {
  const { p, shot } = await opened(village(["town-dept"]), "wrong-row-1-error.png");
  await pane(p).getByText("错误 1 条", { exact: false }).waitFor();
  await pane(p).getByText(WRONG).first().waitFor();
  await shot();
  await p.context().close();
}, 120_000);

it("a village that writes 0 across the 镇直单位 row: 未发现问题", async () => {
  const { p, shot } = await opened(village(["village"]), "wrong-row-2-zeros.png");
  await pane(p).getByText("未发现问题").waitFor();
  expect(await pane(p).getByText(WRONG).count()).toBe(0);
  await shot();
  await p.context().close();
}, 120_000);

it("a village that writes its own name where the table prints 村: read as the 村 row, a warning", async () => {
  const grid = village(["village"]);
  const row = grid.values.findIndex((r) => r[0] === "村");
  grid.values[row][0] = "朴里村";
  const { p, shot } = await opened(grid, "wrong-row-3-own-name.png");
  await pane(p).getByText("错误 0 条，提示 1 条", { exact: false }).waitFor();
  await pane(p)
    .getByText(`第${row + 1}行的行标签写的是本单位名称“朴里村”，已按“村”行检查和汇总`, {
      exact: false,
    })
    .first()
    .waitFor();
  expect(await pane(p).getByText("不是本表的填报单位类型行", { exact: false }).count()).toBe(0);
  await shot();
  await p.context().close();
}, 120_000);
