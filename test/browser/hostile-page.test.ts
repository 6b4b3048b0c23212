/**
 * Issue #26 in the page (srs.html from disk, as a clerk opens it): crafted files chosen for 导入并汇总
 * each get their one line, the same one srs gives, and the good village beside them is summed; a
 * crafted file opened on its own gets its line in the error bar. The page never hangs on them.
 */
import path from "path";
import { REASONS } from "../../src/workbook/xlsx/budget";
import { pane, servedChromium } from "../helpers/browser";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { crafted, village } from "../helpers/hostile";

const SHOTS = path.join(__dirname, "../../test-artifacts");
const env = servedChromium(SHOTS);

const xlsx = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: "application/octet-stream",
  buffer: Buffer.from(bytes),
});

it("导入并汇总 gives each crafted file its line and sums the good and the legal villages", async () => {
  const p = await env.page(undefined, true);
  const bad = await village("金淘镇朴里村", 1);
  const files = [
    xlsx("长文字.xlsx", crafted.expanded(bad)),
    xlsx("格式.xlsx", crafted.formats(bad)),
    xlsx("别名.xlsx", crafted.aliased(bad)),
    xlsx("空格式.xlsx", crafted.emptyFormats(bad)),
    xlsx("未闭合.xlsx", crafted.unclosedRow(bad)),
    xlsx("金淘镇岭兜村.xlsx", await village("金淘镇岭兜村", 2)),
    // Legal files the page reads as srs does.
    xlsx("霞春村.xlsx", crafted.utf16(await village("金淘镇霞春村", 3))),
    xlsx("美林村.xlsx", crafted.charRefs(await village("金淘镇美林村", 4))),
  ];
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  await pane(p).getByLabel("选择报表文件").setInputFiles(files);
  await pane(p).getByRole("button", { name: "导入并汇总（8 个文件）" }).click();
  const result = pane(p).getByRole("list", { name: "汇总结果" });
  await result.getByText("金淘镇岭兜村：已汇总 季报表（一）").waitFor({ timeout: 20_000 });
  await result.getByText(`长文字.xlsx：无法读取：${REASONS.text}`).waitFor();
  await result.getByText(`格式.xlsx：无法读取：${REASONS.cellFormats}`).waitFor();
  await result.getByText(`别名.xlsx：无法读取：${REASONS.cells}`).waitFor();
  await result
    .getByText(/^空格式\.xlsx：无法读取：文件中的 xl\/styles\.xml 解压后超过 20 MB/)
    .waitFor();
  await result
    .getByText("未闭合.xlsx：无法读取：文件已损坏：其中的 XML 不完整（标签没有闭合），无法读取")
    .waitFor();
  await result.getByText("金淘镇霞春村（霞春村.xlsx）：已汇总 季报表（一）").waitFor();
  await result.getByText("金淘镇美林村（美林村.xlsx）：已汇总 季报表（一）").waitFor();
  await p.screenshot({ path: path.join(SHOTS, "hostile-page-consolidate.png") });

  await p
    .getByLabel("打开 .xlsx、.xls 或 .et 文件")
    .setInputFiles([xlsx("长文字.xlsx", crafted.expanded(bad))]);
  await p.getByText(REASONS.text, { exact: true }).waitFor({ timeout: 20_000 });
  await p.context().close();
}, 120_000);

it("a report on a very hidden sheet is named so in the page's pane (#26 item 6), and hidden sheets on their tabs", async () => {
  const p = await env.page(undefined, true);
  const grid = (seed: number) =>
    filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed,
      rowTypes: ["village"],
      unit: "金淘镇朴里村",
    }).grid;
  const file = await toXlsx((wb) => {
    addGridSheet(wb, { ...grid(6), name: "报表" });
    addGridSheet(wb, { ...grid(7), name: "藏" }).state = "veryHidden";
    addGridSheet(wb, { ...grid(8), name: "底稿" }).state = "hidden";
  });
  await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles([xlsx("藏.xlsx", file)]);
  const head = pane(p).getByText("藏", { exact: true }).locator("..");
  await head.getByText("深度隐藏的工作表").waitFor({ timeout: 20_000 });
  // The sheet tabs under the grid say the same words as the pane, on the hidden sheets only.
  const tabs = p.getByRole("tablist", { name: "工作表" });
  expect(await tabs.getByRole("tab").allInnerTexts()).toEqual([
    "报表",
    expect.stringMatching(/^藏\s*深度隐藏的工作表$/),
    expect.stringMatching(/^底稿\s*隐藏的工作表$/),
  ]);
  await p.screenshot({ path: path.join(SHOTS, "hostile-page-hidden.png") });
  await p.context().close();
}, 120_000);
