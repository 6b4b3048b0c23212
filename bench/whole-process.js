/* Whole processes timed from outside, as a user waits for them: start-up included. Each run goes
   through GNU time (/usr/bin/time, Debian's `time`), which reports the wall time and the peak
   resident memory of the process and the children it waited for; two commands run in turn
   (A B A B …) so that both meet the same machine load, and the figures are medians. */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const TIME = "/usr/bin/time";

/**
 * One run of `cmd args` in `cwd`: wall and CPU seconds, peak MB, exit status. Output goes to
 * `log` (a file), not through a pipe, so a command that prints much is not slowed by the bench.
 */
function timed(cmd, args, { cwd, log, timeout } = {}) {
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} missing: apt-get install time`);
  const out = path.join(os.tmpdir(), `srs-bench-time-${process.pid}.txt`);
  const fd = fs.openSync(log ?? "/dev/null", "w");
  try {
    const r = spawnSync(TIME, ["-f", "%e %U %S %M %x", "-o", out, cmd, ...args], {
      cwd,
      stdio: ["ignore", fd, fd],
      timeout,
    });
    if (r.error) throw r.error;
    const [wall, user, sys, kb, status] = fs
      .readFileSync(out, "utf8")
      .trim()
      .split(/\s+/)
      .slice(-5);
    return { wall: +wall, cpu: +user + +sys, peakMB: +kb / 1024, status: Number(status) };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(out, { force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The load average when a benchmark starts: other work on the machine slows both sides. */
const load = () => os.loadavg()[0].toFixed(1);

/**
 * `runs` runs of a and b in turn; `check` sees each side's result after each run (throws when a
 * run did not do its work). Medians of wall and CPU, the largest peak, the ratio of the walls.
 */
function sideBySide(a, b, runs) {
  const ra = [];
  const rb = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    loads.push(os.loadavg()[0]);
    ra.push(a());
    rb.push(b());
  }
  const sum = (rs) => ({
    wall_s: +median(rs.map((r) => r.wall)).toFixed(2),
    cpu_s: +median(rs.map((r) => r.cpu)).toFixed(2),
    peak_mb: Math.round(Math.max(...rs.map((r) => r.peakMB))),
  });
  return {
    a: sum(ra),
    b: sum(rb),
    ratio: +median(ra.map((r, i) => r.wall / rb[i].wall)).toFixed(2),
    walls: [ra.map((r) => r.wall), rb.map((r) => r.wall)],
    load: `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  };
}

module.exports = { timed, sideBySide, median, load };
