/* npm run bench: runs every benchmark on the compiled code (lib/, dist/) and prints one JSON line each. */
const { bundleSizes } = require("./bundle");
const firstFindings = require("./first-findings");
const { villages } = require("./villages");

(async () => {
  console.log(JSON.stringify(await require("./recognize")()));
  // The village files (1,000 and 5,000) are written once for the check, consolidation and LibreOffice benchmarks.
  const set = await villages();
  try {
    for (const r of require("./check-files")(set)) console.log(JSON.stringify(r));
    const consolidated = await require("./consolidate-files")(set);
    for (const r of consolidated) console.log(JSON.stringify({ ...r, output: undefined }));
    const outputs = consolidated.map((r, i) => ({ n: set.dirs[i].n, output: r.output }));
    for (const r of await require("./libreoffice-open")(outputs)) console.log(JSON.stringify(r));
  } finally {
    set.remove();
  }
  console.log(
    JSON.stringify({
      name: "bundle sizes",
      ...bundleSizes(),
      goal: "pane < 320 KB gzipped, no exceljs in the pane; srs.html ≤ 700 KB gzipped",
    })
  );
  console.log(JSON.stringify(await firstFindings()));
})();
