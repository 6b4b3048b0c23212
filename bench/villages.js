/* The village files the check and consolidation benchmarks read: 季报表（一） filled from seeds,
   one file a village, written once for a bench run. Each size is its own folder, the smaller
   ones hard links to the largest's first files. */
const fs = require("fs");
const os = require("os");
const path = require("path");

const SIZES = (process.env.BENCH_FILES || "1000,5000").split(",").map(Number);

/** A folder of `n` files a size (the file names, relative), under a new temporary folder. */
async function villages(sizes = SIZES) {
  const { filledSheet } = require("../lib/rules/sample/filled");
  const { getTemplate } = require("../lib/rules/templates/catalog");
  const { layoutsToXlsx } = require("../lib/workbook/xlsx/write-layout");
  const t = getTemplate("nanan-2026-quarterly-1");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "srs-bench-villages-"));
  const all = path.join(root, "all");
  fs.mkdirSync(all);
  const names = [];
  // The 村 row's sum after each file, column by column: what the township's 村 row must say.
  const sums = [];
  let sum = [];
  for (let i = 0; i < Math.max(...sizes); i++) {
    const f = filledSheet(t, { seed: i + 1, rowTypes: ["village"], unit: `金淘镇${i + 1}村` });
    sum = villageRow(f.grid.values).map((v, c) => v + (sum[c] ?? 0));
    sums.push(sum);
    names.push(`${i + 1}村.xlsx`);
    fs.writeFileSync(
      path.join(all, names[i]),
      await layoutsToXlsx([{ ...f.layout, grid: f.grid }])
    );
  }
  const dirs = sizes.map((n) => {
    const dir = path.join(root, String(n));
    fs.mkdirSync(dir);
    for (const name of names.slice(0, n)) fs.linkSync(path.join(all, name), path.join(dir, name));
    return { n, dir, files: names.slice(0, n), expected: sums[n - 1] };
  });
  return { root, dirs, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The numbers of the row labelled 村, left to right. */
const villageRow = (values) =>
  (values.find((row) => row[0] === "村") ?? []).filter((v) => typeof v === "number");

module.exports = { villages, villageRow, SIZES };
