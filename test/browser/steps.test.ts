/**
 * Each step of the page's work, at 1366×768 and at 350 px (a phone): open two files, edit a cell,
 * fix, consolidate (with 汇总's pictures), download both workbooks. A screenshot of every step
 * goes to test-artifacts/page/<step>-<size>.png (issue #15), and every step is checked too.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { pane, servedChromium } from "../helpers/browser";
import { clerkFile, xlsxOf } from "../helpers/clerk-file";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";

const SHOTS = path.join(__dirname, "../../test-artifacts/page");
const SIZES = [
  { size: "1366", viewport: { width: 1366, height: 768 }, fromDisk: false },
  { size: "350", viewport: { width: 350, height: 760 }, fromDisk: false },
];

const env = servedChromium(SHOTS);

/** The whole page at a phone's width (the pane is below the grid), the window at a desk's. */
const shot = (p: Page, step: string, size: string) =>
  p.screenshot({ path: path.join(SHOTS, `${step}-${size}.png`), fullPage: size === "350" });

async function downloaded(p: Page, button: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("button", { name: button }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as never);
  return wb;
}

// The same steps in dist/srs.html opened from disk (file://), where the page may ask for nothing.
const FROM_DISK = { size: "1366-file", viewport: SIZES[0].viewport, fromDisk: true };

it.each([...SIZES, FROM_DISK])(
  "$size: open two files, edit a cell, fix, consolidate, download both workbooks",
  async ({ size, viewport, fromDisk }) => {
    const p = await env.page(viewport, fromDisk);
    const asked: string[] = [];
    p.on("request", (r) => {
      const u = new URL(r.url());
      const own = fromDisk ? r.url() === p.url() : u.host === new URL(env.url).host;
      if (!/^(data|blob):$/.test(u.protocol) && !own) asked.push(r.url());
    });
    const a = await clerkFile("金淘镇霞春村", 11, { blank: ["base.medium", "std.create"] });
    const b = await clerkFile("金淘镇后厝村", 12);
    await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles([a, b]);
    await pane(p)
      .getByText(/2 个工作表，识别出 2 张报表；错误 3 条/)
      .waitFor();
    await shot(p, "1-open-two-files", size);

    // Edit: type the first blank's number; its finding goes at once.
    const [first, second] = a.blanks.map((b) => b.cell);
    const typed = a.blanks[0].value;
    await p.getByRole("tab", { name: "季报表一", exact: true }).click();
    await p.locator(`td[data-cell="${first}"]`).click();
    await p.keyboard.type(String(typed));
    await p.getByLabel(`编辑 ${first}`).waitFor();
    await p.keyboard.press("Enter");
    await pane(p)
      .getByText(/识别出 2 张报表；错误 1 条/)
      .waitFor();
    expect(await p.locator(`td[data-cell="${first}"]`).textContent()).toBe(String(typed));
    await shot(p, "2-edit-cell", size);

    // Fix: the last blank, with its own button, confirmed.
    await pane(p).getByRole("button", { name: "改为 0" }).first().click();
    await p.getByRole("alertdialog").getByRole("button", { name: "修改" }).click();
    await p.getByText(/已修改 1 个单元格/).waitFor();
    await p.getByRole("alertdialog").waitFor({ state: "detached" });
    await shot(p, "3-fix", size);

    const saved = await downloaded(p, "下载工作簿");
    const ws = saved.getWorksheet("季报表一")!;
    expect([ws.getCell(first).value, ws.getCell(second).value]).toEqual([typed, 0]);
    await shot(p, "4-download-workbook", size);

    // Consolidate two more villages and a file that is no workbook: 汇总 draws each unit's state.
    await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
    await pane(p)
      .getByLabel("选择报表文件")
      .setInputFiles([
        await clerkFile("金淘镇英都村", 13),
        await clerkFile("金淘镇朴里村", 14),
        {
          name: "坏文件.xlsx",
          mimeType: "application/octet-stream",
          buffer: Buffer.from("不是表格"),
        },
      ]);
    await pane(p).getByRole("button", { name: "导入并汇总（3 个文件）" }).click();
    const chart = pane(p).getByRole("img", { name: /^各单位报送情况/ });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-label")).toBe(
      "各单位报送情况：共 4 个单位，按时 4，逾期 0，缺报 0，报表均未汇总 0"
    );
    // The page's counts, in 汇总说明's words: units, and the one report (坏文件) not summed.
    const counts = "单位：应报 4 个，已报 4 个（按时 4、逾期 0），缺报 0 个；报表：未汇总 1 份";
    await pane(p).getByText(counts).waitFor();
    await chart.scrollIntoViewIfNeeded();
    await shot(p, "5-consolidate", size);

    const town = await downloaded(p, "下载汇总工作簿");
    expect(town.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["季报表（一）汇总", "汇总说明"])
    );
    const notes: unknown[] = [];
    town.getWorksheet("汇总说明")!.eachRow((r) => notes.push(r.getCell(1).value));
    expect(notes).toContain(counts);
    await shot(p, "6-download-township", size);
    expect(asked).toEqual([]);
    await p.context().close();
  },
  180_000
);

it.each(SIZES)(
  "$size: 汇总 draws the township's totals against the 晋江 milestones where the targets are",
  async ({ size, viewport }) => {
    const p = await env.page(viewport);
    const targets = filledSheet(getTemplate("jinjiang-2024-targets")!).grid; // 标杆 3, 达标 10, 岗位 40
    await p.getByLabel("打开 .xlsx、.xls 或 .et 文件").setInputFiles({
      name: "晋江市文旅局.xlsx",
      mimeType: "application/octet-stream",
      buffer: await xlsxOf("任务分解", targets),
    });
    await pane(p)
      .getByText(/识别出 1 张报表/)
      .waitFor();
    await pane(p).getByRole("tab", { name: "汇总·盖章" }).click();
    await pane(p).getByLabel("报告期（如 2026Q4 或 2024-05）").fill("2024-07");
    const july = { cycle: "month", year: 2024, month: 7 } as const;
    // Every measure's cells 0 but those given: 标杆 1 of 3 (behind), 达标 4 of 10 (behind), 岗位 25 of 40.
    const MEASURES = ["bench", "certified"].flatMap((m) =>
      ["large", "medium", "small"].map((k) => `${m}.${k}`)
    );
    const POSTS = ["posts.party", "posts.youth", "posts.worker", "posts.women"];
    const monthly = (unit: string, seed: number, given: Record<string, number>) => {
      const set: Record<string, number> = {};
      for (const slot of ["county.national", "county.provincial", "county.local"])
        for (const c of [...MEASURES, ...POSTS]) set[`${slot}|${c}`] = given[`${slot}|${c}`] ?? 0;
      return clerkFile(unit, seed, {
        template: "jinjiang-2024-monthly-1",
        rowTypes: ["county"],
        period: july,
        set,
      });
    };
    const a = await monthly("安海镇", 1, {
      "county.national|certified.large": 2,
      "county.national|posts.party": 15,
    });
    const b = await monthly("磁灶镇", 2, {
      "county.national|bench.small": 1,
      "county.national|certified.small": 2,
      "county.national|posts.youth": 10,
    });
    await pane(p).getByLabel("选择报表文件").setInputFiles([a, b]);
    await pane(p).getByRole("button", { name: "导入并汇总（2 个文件）" }).click();
    const certified = pane(p).getByRole("img", { name: /^评审达标企业：/ });
    await certified.waitFor();
    expect(await certified.getAttribute("aria-label")).toBe(
      "评审达标企业：已完成 4 家，全年任务 10 家；7月底应完成 60%，即至少 6 家（落后）"
    );
    expect(
      await pane(p)
        .getByRole("img", { name: /^示范岗位：/ })
        .getAttribute("aria-label")
    ).toBe("示范岗位：已完成 25 个，全年任务 40 个；7月底应完成 50%，即至少 20 个");
    // The plan's own table is no unit and is not summed.
    expect(
      await pane(p)
        .getByRole("img", { name: /^各单位报送情况/ })
        .getAttribute("aria-label")
    ).toBe("各单位报送情况：共 2 个单位，按时 2，逾期 0，缺报 0，报表均未汇总 0");
    await pane(p)
      .getByRole("img", { name: /^示范岗位：/ })
      .scrollIntoViewIfNeeded();
    await shot(p, "7-consolidate-milestones", size);
    await p.context().close();
  },
  120_000
);
