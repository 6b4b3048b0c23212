/* npm run bench: runs every benchmark on the compiled code (lib/, dist/) and prints one JSON line each. */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { bundleSizes } = require("./bundle");

(async () => {
  for (const b of [require("./recognize"), require("./check-files")])
    console.log(JSON.stringify(await b()));
  if (!fs.existsSync(path.join(__dirname, "../dist/taskpane.html")))
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      { cwd: path.join(__dirname, ".."), stdio: "ignore" }
    );
  console.log(
    JSON.stringify({
      name: "bundle sizes",
      ...bundleSizes(),
      goal: "pane < 300 KB gzipped, no exceljs in the pane",
    })
  );
})();
