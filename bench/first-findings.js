/* global Buffer, document, window, performance, MutationObserver, requestAnimationFrame -- page code runs in Chromium */
/* The page (dist/srs.html over file://, in Debian's Chromium): from a 60-sheet workbook chosen in
   the file picker to the first findings on screen (goal ≤ 1.5 s). Timed inside the page: the
   input's change event to the first frame that shows a finding, so Playwright's own round trips
   are not counted. Run a few times; the median is the figure. BENCH_BEFORE=<dir of another build>
   times that build too, run for run in turn with this one, so both meet the same machine load. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const { DIST, ensureBuilt } = require("../tools/dist");

const SHEETS = 60;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const TEMPLATES = ["nanan-2026-quarterly-1", "nanan-2026-quarterly-2", "nanan-2026-quarterly-3"];

/** A township's workbook of 60 village reports (three tables), every fifth with a mistake. */
async function workbook() {
  const { filledSheet } = require("../lib/rules/sample/filled");
  const { getTemplate } = require("../lib/rules/templates/catalog");
  const { layoutsToXlsx } = require("../lib/workbook/xlsx/write-layout");
  const { recognize } = require("../lib/rules/recognize");
  const layouts = [];
  for (let i = 0; i < SHEETS; i++) {
    const t = getTemplate(TEMPLATES[i % TEMPLATES.length]);
    const unit = `金淘镇${Math.floor(i / TEMPLATES.length) + 1}村`;
    const f = filledSheet(t, { seed: i + 1, rowTypes: ["village"], unit });
    if (i % 5 === 0) {
      const rec = recognize(f.grid);
      const first = rec.info.leaves.find((l) => l.kind === "number").key;
      f.grid.values[rec.match.rows.get("village")][rec.match.columns.get(first)] = "无";
    }
    layouts.push({ ...f.layout, grid: { ...f.grid, name: `${unit}${t.shortTitle}` } });
  }
  return Buffer.from(await layoutsToXlsx(layouts));
}

/** Milliseconds from the file chosen to the first finding drawn, in one fresh page. */
async function once(browser, file, dist) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  await page.goto(`file://${path.join(dist, "srs.html")}`);
  const pane = page.getByRole("complementary", { name: "任务窗格" });
  await pane.getByText(/识别出 \d+ 张报表/).waitFor(); // the sample, checked
  await page.evaluate(() => {
    const input = document.querySelector('input[type="file"]');
    input.addEventListener("change", () => (window.__opened = performance.now()), {
      capture: true,
    });
    // The first frame after the change in which the pane lists a finding of the opened workbook.
    new MutationObserver((_, observer) => {
      if (window.__opened === undefined) return;
      // The findings list heads each sheet with its name in bold (the grid's tabs are not in the pane).
      const shown = [...document.querySelectorAll('[aria-label="任务窗格"] strong')].some((e) =>
        e.textContent.startsWith("金淘镇")
      );
      if (!shown) return;
      observer.disconnect();
      requestAnimationFrame(() => (window.__shown = performance.now()));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByLabel("打开 .xlsx 文件").setInputFiles(file);
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__shown - window.__opened);
  await page.close();
  return ms;
}

module.exports = async function benchFirstFindings() {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-bench-"));
  const file = path.join(dir, "金淘镇60表.xlsx");
  fs.writeFileSync(file, await workbook());
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const before = process.env.BENCH_BEFORE;
  const figures = (times) => {
    times.sort((a, b) => a - b);
    return {
      median_ms: Math.round(times[Math.floor(times.length / 2)]),
      min_ms: Math.round(times[0]),
      max_ms: Math.round(times[times.length - 1]),
    };
  };
  try {
    const times = [];
    const beforeTimes = [];
    for (let i = 0; i < RUNS; i++) {
      if (before) beforeTimes.push(await once(browser, file, before));
      times.push(await once(browser, file, DIST));
    }
    return {
      name: `page: first findings after opening a ${SHEETS}-sheet workbook (srs.html, Chromium)`,
      ...figures(times),
      ...(before && { before: { dist: before, ...figures(beforeTimes) } }),
      fileBytes: fs.statSync(file).size,
      goal: "≤ 1500 ms",
      load: os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" "),
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
