/* srs check over 1,000 and 5,000 village files vs its floor, exceljs loading every file (goal:
   ≤ 0.7×, peak memory flat as files grow). Both are whole processes (`node bin/srs.js check`,
   and this file as the floor), start-up included, timed from outside in turn (whole-process.js). */
const fs = require("fs");
const path = require("path");
const { timed, sideBySide } = require("./whole-process");

const RUNS = Number(process.env.BENCH_RUNS || 3);
const SRS = path.join(__dirname, "..", "bin", "srs.js");

/** The floor: every file in the folder loaded by exceljs, nothing else. */
async function floor(dir) {
  const ExcelJS = require("exceljs");
  for (const f of fs.readdirSync(dir))
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.join(dir, f)));
}

function side({ n, dir, files }) {
  const log = `${dir}.check.log`;
  const ours = () => {
    const r = timed(process.execPath, [SRS, "check", ...files], { cwd: dir, log });
    const text = fs.readFileSync(log, "utf8");
    const recognized = text.split("（nanan-2026-quarterly-1）").length - 1;
    if (r.status !== 0 || recognized !== n)
      throw new Error(`srs check: ${r.status}, ${recognized}/${n}`);
    return r;
  };
  const bare = () => {
    const r = timed(process.execPath, [__filename, "--floor", dir]);
    if (r.status !== 0) throw new Error(`floor: ${r.status}`);
    return r;
  };
  const s = sideBySide(ours, bare, RUNS);
  fs.rmSync(log, { force: true });
  return {
    name: `srs check ${n} village files vs exceljs loading each (whole processes, median of ${RUNS})`,
    check: s.a,
    floor: s.b,
    ratio: s.ratio,
    load_average: s.load,
    goal: "ratio ≤ 0.7, peak flat from 1,000 to 5,000 files",
  };
}

/** One result a size of `set` (villages.js). */
module.exports = (set) => set.dirs.map(side);

if (process.argv[2] === "--floor") floor(process.argv[3]);
