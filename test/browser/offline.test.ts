/**
 * The page as an offline tool (issue #15): open real .xlsx files (picker, several at once, or
 * dropped on the page), fix, save the workbook with the user's formatting kept, consolidate and
 * save the township workbook with its 汇总说明 — every download re-opened with exceljs.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { toA1 } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { pane, servedChromium } from "../helpers/browser";
import { recalculatedSheets } from "../helpers/csv";

const SHOTS = path.join(__dirname, "../../test-artifacts");
const YELLOW = "FFFFFF00";
/** The cells `village(…, true)` leaves blank. */
const BLANKS: string[] = [];

const env = servedChromium(SHOTS);

/**
 * A village's report as a clerk keeps it: its own fill on the unit cell and its own column
 * widths, and (when `blanks`) two cells left blank.
 */
async function village(unit: string, seed: number, blanks = false) {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const { grid } = filledSheet(t, { seed, rowTypes: ["village"], unit });
  const rec = recognize(grid);
  if (rec.kind !== "table") throw new Error("not recognized");
  const row = rec.match.rows.get("village")!;
  if (blanks)
    for (const key of ["base.medium", "std.create"]) {
      const col = rec.match.columns.get(key)!;
      grid.values[row][col] = null;
      BLANKS.push(toA1(grid, row, col));
    }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("季报表一");
  grid.values.forEach((r, i) =>
    r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
  );
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.getCell("A7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: YELLOW } };
  ws.getColumn(1).width = 31;
  ws.getColumn(2).width = 17;
  return {
    name: `${unit}.xlsx`,
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

async function downloaded(
  p: Page,
  button: string,
  name: string,
  keep?: { bytes?: Uint8Array }
): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: button }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = readFileSync((await download.path())!);
  if (keep) keep.bytes = new Uint8Array(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

it("opens a village's file, fills its blanks, saves it with its formatting, then saves the township workbook (native sums)", async () => {
  const p = await env.page();
  await p
    .getByLabel("打开 .xlsx、.xls 或 .et 文件")
    .setInputFiles(await village("金淘镇霞春村", 11, true));
  await pane(p)
    .getByText(/识别出 1 张报表/)
    .waitFor();
  await pane(p).getByRole("button", { name: "把空白格全部填 0（2 格）" }).click();
  await p.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
  await p.getByText(/已修改 2 个单元格/).waitFor();
  await p.screenshot({ path: path.join(SHOTS, "offline-fixed.png") });

  const saved = await downloaded(p, "下载工作簿", "金淘镇霞春村.xlsx");
  const ws = saved.getWorksheet("季报表一")!;
  expect(BLANKS.map((c) => ws.getCell(c).value)).toEqual([0, 0]);
  expect((ws.getCell("A7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(YELLOW);
  expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([31, 17]);
  expect(ws.getCell("B7").value).toEqual(expect.any(Number));

  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  const township: { bytes?: Uint8Array } = {};
  await pane(p)
    .getByLabel("选择报表文件")
    .setInputFiles([await village("金淘镇后厝村", 12), await village("金淘镇英都村", 13)]);
  await pane(p).getByRole("button", { name: "导入并汇总（2 个文件）" }).click();
  await pane(p)
    .getByRole("list", { name: "汇总结果" })
    .getByText("金淘镇后厝村：已汇总 季报表（一）")
    .waitFor();
  await p.screenshot({ path: path.join(SHOTS, "offline-consolidated.png") });
  const town = await downloaded(p, "下载汇总工作簿", "金淘镇霞春村-汇总.xlsx", township);
  const names = town.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(["季报表一", "季报表（一）汇总", "汇总说明"]));
  // The file holds the sheets the page shows, no other (the hidden ones hidden).
  const tabs = await p.getByRole("tablist", { name: "工作表" }).getByRole("tab").allInnerTexts();
  expect(town.worksheets.filter((w) => w.state !== "hidden").map((w) => w.name)).toEqual(tabs);
  // Each sum a native formula over the copies with its result cached, as `srs consolidate` writes
  // it: the number the page shows, and the number LibreOffice gets recalculating the file.
  const summary = town.getWorksheet("季报表（一）汇总")!;
  const sums: { cell: string; row: number; col: number; result: number }[] = [];
  summary.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === "object" && "formula" in v) {
        expect(v.formula).toMatch(/^SUM\(.*'金淘镇后厝村'!\w+,'金淘镇英都村'!\w+\)$/);
        // exceljs reads a cached 0 as no result
        sums.push({
          cell: c.address,
          row: Number(c.row) - 1,
          col: Number(c.col) - 1,
          result: Number(v.result ?? 0),
        });
      }
    })
  );
  expect(sums.length).toBeGreaterThan(10);
  const csv = recalculatedSheets(township.bytes!, ["季报表（一）汇总"]).get("季报表（一）汇总")!;
  expect(sums.map((s) => Number(csv[s.row][s.col]))).toEqual(sums.map((s) => s.result));
  await p
    .getByRole("tablist", { name: "工作表" })
    .getByRole("tab", { name: "季报表（一）汇总" })
    .click();
  for (const s of sums.filter((x) => x.result > 0).slice(0, 5))
    expect(await p.locator(`td[data-cell="${s.cell}"]`).textContent()).toBe(String(s.result));
  expect(String(town.getWorksheet("汇总说明")!.getCell("A1").value)).toMatch(/汇总说明/);
  // The village's own sheet is still as the clerk formatted it.
  const own = town.getWorksheet("季报表一")!;
  expect((own.getCell("A7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(YELLOW);
  expect(own.getColumn(1).width).toBe(31);
  await p.context().close();
}, 120_000);

it("opens several files at once, and files dropped on the page", async () => {
  const p = await env.page();
  await p
    .getByLabel("打开 .xlsx、.xls 或 .et 文件")
    .setInputFiles([await village("金淘镇后厝村", 12), await village("金淘镇英都村", 13)]);
  await pane(p)
    .getByText(/识别出 2 张报表/)
    .waitFor();
  const tabs = p.getByRole("tablist", { name: "工作表" });
  await tabs.getByRole("tab", { name: "季报表一", exact: true }).waitFor();
  expect(await tabs.getByRole("tab").count()).toBe(2);

  const f = await village("金淘镇霞春村", 11, true);
  const drop = await p.evaluateHandle(
    ({ name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      return dt;
    },
    { name: f.name, bytes: [...f.buffer] }
  );
  await p.getByRole("grid").dispatchEvent("drop", { dataTransfer: drop });
  await pane(p)
    .getByText(/识别出 1 张报表/)
    .waitFor();
  await pane(p).getByRole("button", { name: "把空白格全部填 0（2 格）" }).waitFor();
  await p.screenshot({ path: path.join(SHOTS, "offline-dropped.png") });
  await p.context().close();
}, 60_000);

it("edits cells in the grid: typing, a pasted block, Delete, each checked at once and undone with Ctrl+Z", async () => {
  const p = await env.page();
  const wrong = pane(p).getByText(/填的是“无”/);
  await wrong.first().waitFor();
  const cell = p.locator("td[data-cell]", { hasText: /^无$/ }).first();
  const at = (await cell.getAttribute("data-cell"))!;
  await cell.click();
  await p.keyboard.type("3");
  await p.getByLabel(`编辑 ${at}`).waitFor();
  await p.keyboard.press("Enter");
  expect(await p.locator(`td[data-cell="${at}"]`).textContent()).toBe("3");
  await wrong.first().waitFor({ state: "detached" }); // checked again as the user types
  await p.screenshot({ path: path.join(SHOTS, "offline-typed.png") });

  await p.keyboard.press("Control+z");
  await wrong.first().waitFor();
  expect(await p.locator(`td[data-cell="${at}"]`).textContent()).toBe("无");

  // A block of 2×2 copied from a spreadsheet, pasted at B6.
  await p.locator('td[data-cell="B6"]').click();
  await p.getByRole("grid").evaluate((grid) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "11\t12\r\n21\t２２\r\n");
    grid.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true }));
  });
  const text = (c: string) => p.locator(`td[data-cell="${c}"]`).textContent();
  expect([await text("B6"), await text("C6"), await text("B7"), await text("C7")]).toEqual([
    "11",
    "12",
    "21",
    "２２",
  ]);
  await p.keyboard.press("Control+z");
  expect(await text("B6")).not.toBe("11");

  // Delete empties the cell, and the blank is found.
  await p.locator('td[data-cell="B7"]').click();
  await p.keyboard.press("Delete");
  expect(await text("B7")).toBe("");
  await pane(p)
    .getByText(/^B7 · .*此格为空白/)
    .first()
    .waitFor();
  await p.screenshot({ path: path.join(SHOTS, "offline-deleted.png") });
  await p.context().close();
}, 60_000);
