/**
 * The built bundles: they turn no string into code (no eval, no Function constructor, not even
 * under another name), and the task pane page stays small, exceljs left to headless and demo.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
const { ensureBuilt } = require("../../tools/dist.js");
const { bundleSizes } = require("../../bench/bundle.js");

const CODE_FROM_TEXT: [string, RegExp][] = [
  ["eval(…)", /(?<![\w$.])eval\s*\(/],
  ["new Function", /new\s+Function\b/],
  ["Function(…)", /(?<![\w$.])Function\s*\(/],
  ["Function held in a variable", /[=:(,]\s*Function\s*[,;)}]/],
];

describe("no eval in dist/", () => {
  const dist = ensureBuilt();
  // office-js/ is Microsoft's Office.js, copied as published: Office loads it, we do not build it.
  const bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));

  it("finds the bundles", () => {
    expect(bundles).toEqual(
      expect.arrayContaining(["runtime.js", "taskpane.js", "functions.js", "demo.js"])
    );
  });

  it.each(CODE_FROM_TEXT)("no bundle contains %s", (_, pattern) => {
    const hits = bundles.flatMap((f) => {
      const m = pattern.exec(readFileSync(path.join(dist, f), "utf8"));
      return m ? [`${f}: …${m.input.slice(Math.max(0, m.index - 60), m.index + 40)}…`] : [];
    });
    expect(hits).toEqual([]);
  });

  it("the pages' CSP forbids eval", () => {
    for (const page of ["taskpane.html", "demo.html", "help.html"]) {
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(
        readFileSync(path.join(dist, page), "utf8")
      );
      expect(csp?.[1]).toMatch(/(script|default)-src/);
      expect(csp?.[1]).not.toMatch(/unsafe-eval/);
    }
  });

  it("the task pane page loads no exceljs and under 300 KB gzipped; the demo loads exceljs only on opening a file", () => {
    const sizes = bundleSizes();
    expect(sizes.paneHoldsExcelJs).toBe(false);
    expect(sizes.paneGzipBytes).toBeLessThan(300 * 1024);
    expect(sizes.excelJsChunks).toHaveLength(1);
    expect(sizes.demoLoadsAtStart).not.toContain(sizes.excelJsChunks[0].file);
  });
});
