/* The production build under dist/, made once where there is none (a fresh clone: .ci/run builds
   before testing, but a single test file or the bench may run first). */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const DIST = path.join(__dirname, "../dist");

function ensureBuilt() {
  if (
    !["demo.html", "srs.html", "wps/taskpane.html", "lite/lite.html"].every((f) =>
      fs.existsSync(path.join(DIST, f))
    )
  )
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: path.join(DIST, ".."),
        stdio: "ignore",
        timeout: 300_000,
      }
    );
  return DIST;
}

module.exports = { DIST, ensureBuilt };
