/* srs consolidate over 1,000 village files vs the floor: a script that loads every file with
   exceljs and writes one sheet of sums (goal: ≤ 1.3×). Both run as child processes, in turn
   (A B A B A B), each timing its own CPU after module load; the ratio is of the medians. */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const FILES = Number(process.env.BENCH_FILES || 1000);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const { cpu, makeFiles } = require("./check-files");

/** The floor: every file parsed by exceljs, every numeric cell added by position, one sheet written. */
async function floor(files, out) {
  const ExcelJS = require("exceljs");
  const start = cpu();
  const sums = new Map();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    wb.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (typeof cell.value === "number")
          sums.set(`${r},${c}`, (sums.get(`${r},${c}`) ?? 0) + cell.value);
      })
    );
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总");
  for (const [k, v] of sums) {
    const [r, c] = k.split(",").map(Number);
    ws.getCell(r, c).value = v;
  }
  fs.writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return cpu() - start;
}

async function ours(files, out) {
  const { consolidateFiles } = require("../lib/cli/commands/consolidate");
  const start = cpu();
  const r = await consolidateFiles(files, out);
  if (r.summaries[0].children.length !== files.length) throw new Error("not every file summed");
  return cpu() - start;
}

async function child(mode, dir) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));
  const out = path.join(os.tmpdir(), `srs-bench-out-${process.pid}.xlsx`);
  const ms = await (mode === "floor" ? floor : ours)(files, out);
  fs.rmSync(out, { force: true });
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

const run = (mode, dir) =>
  JSON.parse(
    execFileSync(process.execPath, [__filename, "--mode", mode, dir], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    })
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

module.exports = async function benchConsolidateFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-bench-cons-"));
  try {
    await makeFiles(dir);
    const a = [];
    const b = [];
    let peak = 0;
    for (let i = 0; i < RUNS; i++) {
      const o = run("ours", dir);
      a.push(o.ms);
      peak = Math.max(peak, o.maxRssMB);
      b.push(run("floor", dir).ms);
    }
    return {
      name: `srs consolidate ${FILES} village files vs exceljs load + one sheet of sums`,
      floor_cpu_ms: Math.round(median(b)),
      consolidate_cpu_ms: Math.round(median(a)),
      ratio: +(median(a) / median(b)).toFixed(3),
      consolidate_peak_rss_mb: Math.round(peak),
      goal: "ratio ≤ 1.3",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[2] === "--mode") child(process.argv[3], process.argv[4]);
