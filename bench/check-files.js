/* srs check over 1,000 village files vs the bare parse of the same files by exceljs
   (goal: ≤ 1.3×, peak memory ≤ 300 MB).
   The machine is shared and noisy, so each file is read both ways in turn, in one process, and
   the CPU times are summed: noise falls on both sides alike. Module start-up (once per run) and
   peak memory are measured on their own, in a fresh process that only checks. */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const FILES = Number(process.env.BENCH_FILES || 1000);
const cpu = () => {
  const t = process.cpuUsage();
  return (t.user + t.system) / 1000;
};

async function makeFiles(dir) {
  const { filledSheet } = require("../lib/rules/sample/filled");
  const { getTemplate } = require("../lib/rules/templates/catalog");
  const { layoutsToXlsx } = require("../lib/workbook/xlsx/write-layout");
  const t = getTemplate("nanan-2026-quarterly-1");
  for (let i = 0; i < FILES; i++) {
    const f = filledSheet(t, { seed: i + 1, rowTypes: ["village"], unit: `金淘镇${i + 1}村` });
    fs.writeFileSync(
      path.join(dir, `${i + 1}村.xlsx`),
      await layoutsToXlsx([{ ...f.layout, grid: f.grid }])
    );
  }
}

/** Child modes: "interleaved" (both ways, file by file) and "check" (srs check alone, for memory). */
async function child(mode, dir) {
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const start = cpu();
  const ExcelJS = require("exceljs");
  const { checkFiles } = require("../lib/cli/commands/check");
  const startup = cpu() - start;
  if (mode === "check") {
    const reports = await checkFiles(files);
    if (reports.some((r) => r.sheets[0]?.template?.id !== "nanan-2026-quarterly-1"))
      throw new Error("not recognized");
    return console.log(
      JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, startup })
    );
  }
  let bare = 0;
  let check = 0;
  for (const f of files) {
    const a = cpu();
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f));
    const b = cpu();
    await checkFiles([f]);
    check += cpu() - b;
    bare += b - a;
  }
  console.log(JSON.stringify({ bare, check }));
}

const run = (mode, dir) =>
  JSON.parse(
    execFileSync(process.execPath, [__filename, "--mode", mode, dir], { encoding: "utf8" })
  );

module.exports = async function benchCheckFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-bench-"));
  try {
    await makeFiles(dir);
    const t = run("interleaved", dir);
    const alone = run("check", dir);
    return {
      name: `srs check ${FILES} village files vs exceljs parse`,
      bare_cpu_ms: Math.round(t.bare),
      check_cpu_ms: Math.round(t.check),
      ratio: +(t.check / t.bare).toFixed(3),
      startup_cpu_ms: Math.round(alone.startup),
      check_peak_rss_mb: Math.round(alone.maxRssMB),
      goal: "ratio ≤ 1.3, peak ≤ 300 MB",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** The 1,000 village files both benchmarks read (季报表（一）, filled from seeds). */
module.exports.makeFiles = makeFiles;
module.exports.cpu = cpu;

if (process.argv[2] === "--mode" && require.main === module)
  child(process.argv[3], process.argv[4]);
