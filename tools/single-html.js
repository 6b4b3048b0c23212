/* dist/srs.html: the page in one file (every script inlined, exceljs included) that runs opened
   from disk over file://, with no server and no network: a township sends it to villages by chat.
   A second webpack build of the demo entry, after the main one, with no split and no async chunks;
   the CSP allows exactly that inline script (by its hash) and no request at all. */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const SCRIPT = "srs-inline.js";

const BOOT = path.join(__dirname, "../src/boot/boot.js");
const ICON = path.join(__dirname, "../assets/icon-32.png");
const sha256 = (code) => crypto.createHash("sha256").update(code).digest("base64");

/** The page: demo.html's head and body with the bootstrap and the bundle inlined and a CSP for a file on disk. */
function page(js, boot = fs.readFileSync(BOOT, "utf8")) {
  // "</script" inside a string would end the element: written "<\/script", the same text to JS.
  // A lone surrogate (in the minified regexes) cannot be written as UTF-8: written as an escape,
  // the same character to JS, so the file holds what was hashed.
  const code = js
    .replace(/<\/script/gi, "<\\/script")
    .replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16)}`
    );
  const csp = `default-src 'none'; script-src 'sha256-${sha256(boot)}' 'sha256-${sha256(code)}'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  return (
    fs
      .readFileSync(path.join(__dirname, "../src/demo/demo.html"), "utf8")
      .replace(
        /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/,
        `<meta http-equiv="Content-Security-Policy" content="${csp}" />`
      )
      .replace(
        "<title>安全生产报表助手 · 网页版</title>",
        "<title>安全生产报表助手（离线版）</title>"
      )
      // The icon inside the page: a file on disk asks for nothing beside it.
      .replace(
        'href="assets/icon-32.png"',
        `href="data:image/png;base64,${fs.readFileSync(ICON).toString("base64")}"`
      )
      // Functions: "$&" in the code stays as written.
      .replace(
        '<script src="boot.js" data-page="page"></script>',
        () => `<script data-page="page">${boot}</script>`
      )
      .replace("</body>", () => `<script>${code}</script></body>`)
  );
}

/** Writes srs.html beside the minified bundle once it is out (an asset added late would be minified as script). */
function emitPage(compiler) {
  compiler.hooks.afterEmit.tap("srs.html", (compilation) => {
    const out = compilation.outputOptions.path;
    const js = fs.readFileSync(path.join(out, SCRIPT), "utf8");
    fs.writeFileSync(path.join(out, "srs.html"), page(js));
  });
}

/** The second build: `base` is the main config, whose module rules, resolve and `define` it shares. */
function singleHtmlConfig(base, define) {
  return {
    name: "single",
    dependencies: ["main"],
    mode: base.mode,
    devtool: false,
    entry: { "srs-inline": "./src/demo/index.tsx" },
    output: {
      path: base.output.path,
      filename: "[name].js",
      clean: false,
      asyncChunks: false,
      environment: { globalThis: true },
    },
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [define, { apply: emitPage }],
  };
}

module.exports = { singleHtmlConfig, page };
