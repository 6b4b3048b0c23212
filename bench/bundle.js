/* Bundle sizes: what the task pane page loads, gzipped (goal: under 300 KB), and where exceljs goes. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const { DIST, ensureBuilt } = require("../tools/dist");
/** A string only exceljs's bundle holds (a part only its writer names; the sniffer names
 *  xl/workbook.xml too): the chunk that carries it is exceljs. */
const EXCELJS = "docProps/app.xml";

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
  const chunks = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  return {
    pane,
    paneGzipBytes: pane.reduce((n, f) => n + gzip(f), 0),
    paneHoldsExcelJs: pane.some(holdsExcelJs),
    excelJsChunks: chunks.filter(holdsExcelJs).map((f) => ({ file: f, gzipBytes: gzip(f) })),
    demoLoadsAtStart: pageScripts("demo.html"),
  };
}

module.exports = { bundleSizes };
