/* srs consolidate over 1,000 and 5,000 village files vs the floor: exceljs loads every file and
   writes one sheet of sums (goal: ≤ 1.0× the floor's wall time, peak ≤ 300 MB at 5,000). Both are
   whole processes (`node bin/srs.js consolidate`, and this file as the floor), start-up
   included, timed from outside in turn (whole-process.js). The last output of each size is kept
   for the LibreOffice benchmark, after its 村 row is checked against the villages' own sums. */
const fs = require("fs");
const path = require("path");
const { timed, sideBySide } = require("./whole-process");
const { villageRow } = require("./villages");

const RUNS = Number(process.env.BENCH_RUNS || 3);
const SRS = path.join(__dirname, "..", "bin", "srs.js");

/** The floor: every file parsed by exceljs, every numeric cell added by position, one sheet written. */
async function floor(dir, out) {
  const ExcelJS = require("exceljs");
  const sums = new Map();
  for (const f of fs.readdirSync(dir)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, f)));
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
}

/** The summary's 村 row as SRS cached it, against the sums of the villages' own rows. */
async function exact(output, expected) {
  const { readGrids } = require("../lib/workbook/xlsx/read");
  const grids = await readGrids(new Uint8Array(fs.readFileSync(output)));
  const summary = grids.find((g) => g.name.endsWith("汇总"));
  const got = summary ? villageRow(summary.values) : [];
  if (got.length !== expected.length || got.some((v, c) => v !== expected[c]))
    throw new Error(
      `srs consolidate: the 村 row is ${got.join(",")}, the villages sum to ${expected.join(",")}`
    );
  return got.length;
}

async function side({ n, dir, files, expected }) {
  const out = `${dir}.汇总.xlsx`;
  const log = `${dir}.consolidate.log`;
  const ours = () => {
    fs.rmSync(out, { force: true });
    const r = timed(process.execPath, [SRS, "consolidate", ...files, "-o", out], { cwd: dir, log });
    if (r.status !== 0 || !fs.readFileSync(log, "utf8").includes(`汇总了 ${n} 份`))
      throw new Error(`srs consolidate: ${r.status}, not every file summed (${log})`);
    return r;
  };
  const sums = `${dir}.floor.xlsx`;
  const bare = () => {
    const r = timed(process.execPath, [__filename, "--floor", dir, sums]);
    if (r.status !== 0) throw new Error(`floor: ${r.status}`);
    return r;
  };
  const s = sideBySide(ours, bare, RUNS);
  fs.rmSync(sums, { force: true });
  return {
    name: `srs consolidate ${n} village files vs exceljs load + one sheet of sums (whole processes, median of ${RUNS})`,
    consolidate: s.a,
    floor: s.b,
    ratio: s.ratio,
    load_average: s.load,
    goal: "ratio ≤ 1.0; peak ≤ 300 MB at 5,000",
    exact_village_row_cells: await exact(out, expected),
    output: out,
    output_kb: Math.round(fs.statSync(out).size / 1024),
  };
}

/** One result a size of `set` (villages.js); each size's output stays in the set's folder. */
module.exports = async (set) => {
  const results = [];
  for (const d of set.dirs) results.push(await side(d));
  return results;
};

if (process.argv[2] === "--floor") floor(process.argv[3], process.argv[4]);
