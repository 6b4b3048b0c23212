/* Bundle sizes: what the task pane page loads, gzipped (goal: under 300 KB), where exceljs goes, the one-file page and the 兼容版. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const { DIST, ensureBuilt } = require("../tools/dist");
/** A string only exceljs's bundle holds (a part only its writer names; SRS's own writer
 *  (new-workbook.ts) writes no theme): the chunk that carries it is exceljs. */
const EXCELJS = "xl/theme/theme1.xml";

/** The scripts a built page loads (Office.js aside: Microsoft's, loaded by Office). */
function pageScripts(page) {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)]
    .map((m) => m[1])
    .filter((s) => !s.startsWith("office-js/") && !/^https:\/\//.test(s));
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
const holdsExcelJs = (file) => fs.readFileSync(path.join(DIST, file), "utf8").includes(EXCELJS);

function bundleSizes() {
  ensureBuilt();
  const pane = pageScripts("taskpane.html");
  // srs-inline.js is srs.html's script (everything inlined), not a chunk a page loads.
  const chunks = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== "srs-inline.js");
  return {
    pane,
    paneGzipBytes: pane.reduce((n, f) => n + gzip(f), 0),
    paneHoldsExcelJs: pane.some(holdsExcelJs),
    excelJsChunks: chunks.filter(holdsExcelJs).map((f) => ({ file: f, gzipBytes: gzip(f) })),
    demoLoadsAtStart: pageScripts("demo.html"),
    // dist/srs.html, the page in one file (exceljs included): goal 700 KB gzipped.
    singleFileGzipBytes: gzip("srs.html"),
    // The 兼容版's one script (ES5 with its polyfills, for IE11): the pane's goal, 300 KB.
    liteGzipBytes: gzip("lite/lite.js"),
  };
}

module.exports = { bundleSizes };
