/* The consolidated workbooks as a reviewer opens them: LibreOffice headless loads each output of
   the consolidation benchmark, recalculates every formula (tools/recalc-profile.js) and exports
   its sheets (goal: 5,000 children within 60 s and 2 GB, 1,000 within 30 s). Timed from outside
   as a whole process (whole-process.js); then each summary's recalculated numbers are compared
   with the values SRS cached. Too slow for CI: `npm run bench` only. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { timed, median } = require("./whole-process");
const { recalcProfile } = require("../tools/recalc-profile");

const RUNS = Number(process.env.BENCH_RUNS || 3);
const CSV = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";

/** Every number SRS cached in each summary sheet, against the recalculated export: the cells that differ. */
async function compare(output, dir) {
  const { readGrids } = require("../lib/workbook/xlsx/read");
  const { csvGrid } = require("../lib/rules/consolidation/roster");
  const grids = await readGrids(new Uint8Array(fs.readFileSync(output)));
  const base = path.basename(output, ".xlsx");
  let cells = 0;
  const wrong = [];
  for (const g of grids.filter((g) => g.name.endsWith("汇总"))) {
    const csv = csvGrid(
      g.name,
      fs.readFileSync(path.join(dir, `${base}-${g.name}.csv`), "utf8")
    ).values;
    const o = g.origin ?? { row: 0, col: 0 };
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "number") return;
        cells++;
        const got = csv[r + o.row]?.[c + o.col];
        if (Number(got) !== v)
          wrong.push(`${g.name}!R${r + o.row + 1}C${c + o.col + 1}: ${v} ≠ ${got}`);
      })
    );
  }
  return { cells, wrong };
}

function open({ n, output }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-bench-lo-"));
  try {
    recalcProfile(dir);
    const soffice = () =>
      timed("soffice", [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        CSV,
        "--outdir",
        dir,
        output,
      ]);
    soffice(); // the profile's first start, not what a reviewer waits for each time
    const runs = Array.from({ length: RUNS }, soffice);
    if (runs.some((r) => r.status !== 0)) throw new Error(`soffice failed on ${output}`);
    return { n, runs, dir };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** One result an output of the consolidation benchmark ({ n, output }). */
module.exports = async function benchLibreOffice(outputs) {
  const results = [];
  for (const o of outputs) {
    const { runs, dir } = open(o);
    try {
      const { cells, wrong } = await compare(o.output, dir);
      if (!cells || wrong.length)
        throw new Error(`recalculated ≠ cached: ${wrong.slice(0, 5).join("; ")}`);
      results.push({
        name: `LibreOffice opens and recalculates the ${o.n}-child output (${Math.round(fs.statSync(o.output).size / 1024)} KB), median of ${RUNS}`,
        wall_s: median(runs.map((r) => r.wall)),
        cpu_s: +median(runs.map((r) => r.cpu)).toFixed(2),
        peak_mb: Math.round(Math.max(...runs.map((r) => r.peakMB))),
        summary_cells_equal_to_cached: cells,
        load_average: os.loadavg()[0].toFixed(1),
        goal: o.n >= 5000 ? "≤ 60 s, ≤ 2 GB" : "≤ 30 s",
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
};
