/**
 * The built bundles: they turn no string into code (no eval, no Function constructor, not even
 * under another name), the task pane page stays small, exceljs left to headless and demo, and it
 * loads Office.js from its own origin or Microsoft's CDN only.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
const { ensureBuilt } = require("../../tools/dist.js");
const { bundleSizes } = require("../../bench/bundle.js");
const { CDN, officeJs } = require("../../tools/office-js.js");

const CODE_FROM_TEXT: [string, RegExp][] = [
  ["eval(…)", /(?<![\w$.])eval\s*\(/],
  ["new Function", /new\s+Function\b/],
  ["Function(…)", /(?<![\w$.])Function\s*\(/],
  ["Function held in a variable", /[=:(,]\s*Function\s*[,;)}]/],
];

describe("no eval in dist/", () => {
  const dist = ensureBuilt();
  // office-js/ is Microsoft's Office.js, copied as published: Office loads it, we do not build it.
  // wps/ is the WPS add-in (tools/wps.js), built from the same sources.
  const bundles = [
    ...readdirSync(dist),
    ...readdirSync(path.join(dist, "wps")).map((f) => `wps/${f}`),
  ].filter((f) => f.endsWith(".js"));

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

  it("the task pane page loads Office.js from its own origin or Microsoft's official CDN, and its CSP allows no other host", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    // The page is minified: attribute values may be unquoted.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    const foreign = scripts.filter((s) => /^[a-z]+:\/\//i.test(s));
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)![1];
    const hosts = [...csp.matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]);
    if (foreign.length === 0) {
      // Self-hosted (dev, tests, an intranet): the copy is there, and the page asks nothing else.
      expect(scripts).toContain("office-js/office.js");
      expect(readdirSync(path.join(dist, "office-js"))).toContain("office.js");
      expect(hosts).toEqual([]);
    } else {
      expect(foreign).toHaveLength(1);
      expect(Object.values(CDN)).toContain(foreign[0]);
      expect([...new Set(hosts)]).toEqual([new URL(foreign[0]).origin]);
    }
  });

  it("the build chooses Office.js: Microsoft's CDN with SRS_PUBLIC_URL, 21Vianet's or our own copy on request", () => {
    expect(officeJs({}).src).toBe("office-js/office.js");
    expect(officeJs({ SRS_PUBLIC_URL: "https://srs.example.invalid/" })).toEqual({
      src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      origin: "https://appsforoffice.microsoft.com",
      copy: false,
    });
    expect(
      officeJs({ SRS_PUBLIC_URL: "https://srs.example.invalid/", SRS_OFFICE_JS: "21vianet" }).src
    ).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
    expect(
      officeJs({ SRS_PUBLIC_URL: "https://srs.example.invalid/", SRS_OFFICE_JS: "self" }).copy
    ).toBe(true);
    expect(() => officeJs({ SRS_OFFICE_JS: "unpkg" })).toThrow(/microsoft, 21vianet or self/);
  });

  it("the task pane page loads no exceljs and under 300 KB gzipped; the demo loads exceljs only on opening a file", () => {
    const sizes = bundleSizes();
    expect(sizes.paneHoldsExcelJs).toBe(false);
    expect(sizes.paneGzipBytes).toBeLessThan(300 * 1024);
    expect(sizes.excelJsChunks).toHaveLength(1);
    expect(sizes.demoLoadsAtStart).not.toContain(sizes.excelJsChunks[0].file);
  });
});
