/**
 * 全部改为数字 in the page (#23 item 4): a village that typed every number as text opens its file,
 * reads the true message (SRS sums them as numbers; better stored as numbers), changes them all
 * at once after confirming, sees numbers in the grid and no finding left, downloads the workbook
 * holding numbers, and can undo. Screenshots: test-artifacts/page/to-numbers-*.png.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { toA1 } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { pane, servedChromium } from "../helpers/browser";
import { xlsxOf } from "../helpers/clerk-file";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);

it("changes every number typed as text at once, confirmed, undoable, and saves numbers", async () => {
  const { grid } = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 5,
    rowTypes: ["village"],
    unit: "金淘镇朴里村",
  });
  const numbers = new Map<string, number>();
  grid.values[6].forEach((v, c) => {
    if (typeof v !== "number") return;
    numbers.set(toA1(grid, 6, c), v);
    grid.values[6][c] = String(v);
  });
  const n = numbers.size;
  const p = await env.page({ width: 1366, height: 768 });
  await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles({
    name: "朴里村.xlsx",
    mimeType: "application/octet-stream",
    buffer: await xlsxOf("朴里村", grid),
  });
  await pane(p).getByText(`1 个工作表，识别出 1 张报表；错误 0 条，提示 ${n} 条`).waitFor();
  await pane(p)
    .getByText(/是存成文本的数字：按数字 \d+ 汇总；建议改为数字格式/)
    .first()
    .waitFor();
  await p.screenshot({ path: path.join(SHOTS, "to-numbers-1-findings.png") });

  await pane(p)
    .getByRole("button", { name: `全部改为数字（${n} 格）` })
    .click();
  const dialog = p.getByRole("alertdialog");
  await dialog.getByText(`将修改以下 ${n} 个单元格`, { exact: false }).waitFor();
  await p.screenshot({ path: path.join(SHOTS, "to-numbers-2-confirm.png") });
  await dialog.getByRole("button", { name: "修改" }).click();
  await pane(p).getByText(`已修改 ${n} 个单元格，并重新检查`).waitFor();
  await pane(p).getByText("未发现问题").waitFor();
  await dialog.waitFor({ state: "detached" });
  for (const [cell, v] of numbers)
    expect([cell, await p.locator(`td[data-cell="${cell}"]`).textContent()]).toEqual([
      cell,
      String(v),
    ]);
  await p.screenshot({ path: path.join(SHOTS, "to-numbers-3-done.png") });

  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: "下载工作簿" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as never);
  const ws = wb.getWorksheet("朴里村")!;
  for (const [cell, v] of numbers) expect([cell, ws.getCell(cell).value]).toEqual([cell, v]);

  await pane(p)
    .getByRole("button", { name: `撤销上次修改（${n} 格）` })
    .click();
  await pane(p).getByText(`已恢复 ${n} 个单元格修改前的内容`).waitFor();
  await pane(p).getByText(`错误 0 条，提示 ${n} 条`, { exact: false }).waitFor();
  await p.context().close();
}, 180_000);
