/**
 * The page opens .xls and .et files (#24 item 7): the reader is its own chunk, asked for only
 * when such a file is opened; the file is checked as its .xlsx would be, fixed, and downloaded as
 * an .xlsx with a line saying so; .xls villages are consolidated by 导入并汇总; and the one-file
 * srs.html (no chunks at all) does the same from disk, asking for nothing.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { pane, servedChromium } from "../helpers/browser";
import { clerkFile } from "../helpers/clerk-file";
import { saveAsXls } from "../helpers/libreoffice";
import { readGrids } from "../../src/workbook/xlsx/read";
const { DIST } = require("../../tools/dist.js") as { DIST: string };

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const env = servedChromium(SHOTS);

/** Villages' reports as a clerk's old Excel or WPS saves them, with the cells left blank. */
let villages: { name: string; buffer: Buffer; blanks: string[] }[];
beforeAll(async () => {
  const files = await Promise.all([
    clerkFile("金淘镇霞春村", 11, { blank: ["base.medium", "std.create"] }),
    clerkFile("金淘镇英都村", 13),
    clerkFile("金淘镇朴里村", 14),
  ]);
  villages = saveAsXls(files.map((f) => new Uint8Array(f.buffer))).map((bytes, i) => ({
    name: files[i].name.replace(/\.xlsx$/, ".xls"),
    buffer: Buffer.from(bytes),
    blanks: files[i].blanks.map((b) => b.cell),
  }));
}, 300_000);

const asFile = (v: { name: string; buffer: Buffer }, name = v.name) => ({
  name,
  mimeType: "application/vnd.ms-excel",
  buffer: v.buffer,
});

/** Opens the village with blanks, fixes them, downloads the workbook: what the clerk gets back. */
async function openFixDownload(p: Page, name: string) {
  const [v] = villages;
  await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles(asFile(v, name));
  await pane(p)
    .getByText(/1 个工作表，识别出 1 张报表；错误 3 条/)
    .waitFor();
  const stem = name.replace(/\.(xls|et)$/, "");
  await p.getByText(`${name} 是 `).waitFor();
  expect(await p.getByText(`作为 ${stem}.xlsx 打开，下载的也是 .xlsx`).count()).toBe(1);
  await pane(p)
    .getByRole("button", { name: /把空白格全部填 0（2 格）/ })
    .click();
  await p.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
  await p.getByText("已修改 2 个单元格，并重新检查").waitFor();
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: "下载工作簿" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${stem}.xlsx`);
  const [grid] = await readGrids(readFileSync((await download.path())!));
  const { fromA1 } = await import("../../src/rules/grid");
  for (const cell of v.blanks) {
    const { row, col } = fromA1(cell);
    expect(grid.values[row][col]).toBe(0);
  }
}

it("served: the .xls reader is asked for only when an .xls is opened; checked, fixed and downloaded as .xlsx", async () => {
  const chunks = readdirSync(DIST).filter(
    (f) => f.endsWith(".js") && readFileSync(path.join(DIST, f), "utf8").includes("readXlsBook")
  );
  expect(chunks.length).toBeGreaterThan(0);
  const p = await env.page();
  const asked: string[] = [];
  p.on("request", (r) => asked.push(path.basename(new URL(r.url()).pathname)));
  await pane(p)
    .getByText(/识别出 \d+ 张报表/)
    .waitFor();
  expect(asked.filter((a) => chunks.includes(a))).toEqual([]);
  await openFixDownload(p, "金淘镇霞春村.xls");
  expect(asked.filter((a) => chunks.includes(a)).length).toBeGreaterThan(0);
  await p.screenshot({ path: path.join(SHOTS, "xls-open-fix.png") });
  await p.context().close();
}, 180_000);

it("served: 导入并汇总 sums .xls villages", async () => {
  const p = await env.page();
  await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
  await pane(p)
    .getByLabel("选择报表文件")
    .setInputFiles(villages.slice(1).map((v) => asFile(v)));
  await pane(p).getByRole("button", { name: "导入并汇总（2 个文件）" }).click();
  const chart = pane(p).getByRole("img", { name: /^各单位报送情况/ });
  await chart.waitFor();
  expect(await chart.getAttribute("aria-label")).toBe(
    "各单位报送情况：共 2 个单位，按时 2，逾期 0，缺报 0，报表均未汇总 0"
  );
  await chart.scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SHOTS, "xls-consolidate.png") });
  await p.context().close();
}, 180_000);

it("srs.html from disk (no chunks): opens a WPS .et, fixes it, downloads .xlsx, asks for nothing", async () => {
  const p = await env.page(undefined, true);
  const asked: string[] = [];
  p.on(
    "request",
    (r) => r.url() !== p.url() && !/^(data|blob):/.test(r.url()) && asked.push(r.url())
  );
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(e.message));
  await openFixDownload(p, "金淘镇霞春村.et");
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
  await p.context().close();
}, 180_000);
