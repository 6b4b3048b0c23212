/* npm run bench: runs every benchmark on the compiled code (lib/, dist/) and prints one JSON line each. */
const { bundleSizes } = require("./bundle");
const firstFindings = require("./first-findings");

(async () => {
  for (const b of [
    require("./recognize"),
    require("./check-files"),
    require("./consolidate-files"),
  ])
    console.log(JSON.stringify(await b()));
  console.log(
    JSON.stringify({
      name: "bundle sizes",
      ...bundleSizes(),
      goal: "pane < 320 KB gzipped, no exceljs in the pane; srs.html ≤ 700 KB gzipped",
    })
  );
  console.log(JSON.stringify(await firstFindings()));
})();
