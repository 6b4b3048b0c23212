/**
 * Issue #26 in the page (srs.html from disk, as a clerk opens it): crafted files chosen for 导入并汇总
 * each get their one line, the same one srs gives, and the good village beside them is summed; a
 * crafted file opened on its own gets its line in the error bar. The page never hangs on them.
 */
import path from "path";
import { REASONS } from "../../src/workbook/xlsx/budget";
import { pane, servedChromium } from "../helpers/browser";
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
