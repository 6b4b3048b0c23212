/* eslint-disable no-undef */
/* Builds the task pane page (which also hosts the custom functions: shared runtime),
   functions.json from the functions' JSDoc, the help page, and the production manifest. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { toProduction } = require("./tools/manifest");
const { officeJs } = require("./tools/office-js");
const { singleHtmlConfig } = require("./tools/single-html");
const { wpsConfig } = require("./tools/wps");
const { liteConfig } = require("./tools/lite");

const OFFICE_JS = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** The files of Office.js a self-hosted build serves from its own origin (tools/office-js.js). */
const OFFICE_FILES = /^(office|custom-functions-runtime|es6-promise|o15apptofilemappingtable|excel[-\w.]*)\.js$|^(zh-cn|en-us|telemetry|ariatelemetry|agaveerrorux)\//;

/**
 * The pages' CSP forbids eval, and the bundles must not contain it (test/project/no-eval.test.ts).
 * Vendor code keeps a few string-to-code fallbacks that never run here; they are cut out at build
 * time. `strict` fails the build when a pattern is gone, so an upgrade cannot slip one back in.
 */
const cut = (test, search, replace) => ({ test, loader: "string-replace-loader", options: { search, replace, flags: "g", strict: true } });
const NO_EVAL = [
  // zod runs jitless (src/rules/templates/schema.ts): its JIT compiler and the eval probe are dead code.
  cut(/zod[\\/]v4[\\/]core[\\/]util\.js$/, "const F = Function;\\s*new F\\(\"\"\\);\\s*return true;", "return false;"),
  cut(/zod[\\/]v4[\\/]core[\\/]doc\.js$/, "const F = Function;", "const F = () => { throw new Error(\"zod runs jitless\"); };"),
  // lodash's last-resort global lookup, and setImmediate's polyfill for a string argument.
  cut(/exceljs\.bare\.min\.js$/, "Function\\(\"return this\"\\)\\(\\)", "globalThis"),
  cut(/exceljs\.bare\.min\.js$/, "new Function\\(\"\"\\+e\\)", "function(){}"),
];

/**
 * Dependencies shipped newer than the targets in .browserslistrc, transpiled like our own code
 * (test/project/targets.test.ts parses every emitted script at the level the targets read).
 */
const TRANSPILED_DEPENDENCIES = /node_modules[\\/](tabster|keyborg)[\\/]/;

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch {
    // No trusted dev certificate could be installed here (Linux, CI): webpack makes a self-signed one.
    return "https";
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // Production: Microsoft's CDN (or 21Vianet's) when SRS_PUBLIC_URL is set; dev and tests: our copy.
  const office = officeJs(dev ? { SRS_OFFICE_JS: process.env.SRS_OFFICE_JS } : process.env);
  const publicUrl = !dev && process.env.SRS_PUBLIC_URL;
  // The store the workbooks the page writes name in their add-in reference (src/workbook/addin-part.ts
  // addinStore reads it; README, 部署): checked here so that a wrong one fails the build.
  const store = (process.env.SRS_ADDIN_STORE ?? "").trim();
  if (!/^(|centralized|sideload|share:\\\\[^\\]+\\.*)$/.test(store))
    throw new Error(`SRS_ADDIN_STORE is "${store}": use centralized, sideload or share:\\\\server\\folder`);
  const define = new DefinePlugin({ "process.env.SRS_ADDIN_STORE": JSON.stringify(store) });
  const config = {
    name: "main",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      demo: "./src/demo/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // The runtime's global lookup falls back to `new Function("return this")` unless it may use globalThis.
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The build without polyfills: the demo runs in current browsers, and core-js/regenerator bring Function(...) calls.
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.bare.min.js") },
    },
    module: {
      rules: [
        { test: /\.(ts|tsx)$/, exclude: /node_modules/, use: "babel-loader" },
        { test: /\.m?js$/, include: TRANSPILED_DEPENDENCIES, use: "babel-loader" },
        ...NO_EVAL,
      ],
    },
    performance: { hints: false },
    // One runtime and shared chunks: pane and functions must share module instances (caches) in the shared runtime.
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    plugins: [
      define,
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "functions", "taskpane"],
        templateParameters: { officeJs: office.src, officeOrigin: office.origin ? ` ${office.origin}` : "" },
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: [] }),
      // The in-browser demo: the same pane over a workbook held in the page (no Office.js).
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["runtime", "demo"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // What a static host needs to serve functions.json with CORS (README, 部署).
          { from: "deploy", to: ".", globOptions: { dot: true } },
          // ES5 as written: minifying for the targets could make it ES2015 (shorthand properties).
          { from: "src/boot/boot.js", to: "boot.js", info: { minimized: true } },
          ...(office.copy ? [{
            from: "**/*",
            context: OFFICE_JS,
            to: "office-js/",
            info: { minimized: true },
            filter: (file) => OFFICE_FILES.test(path.relative(OFFICE_JS, file).split(path.sep).join("/")) && !/\.debug\.js$/.test(file),
          }] : []),
          // Without SRS_PUBLIC_URL the manifest keeps its localhost URLs, which `tools/manifest.js --production` refuses.
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (publicUrl ? toProduction(content.toString(), publicUrl) : content) },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.resolve(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await httpsOptions(),
          port: process.env.npm_package_config_dev_server_port || 3000,
          client: { overlay: false },
        }
      : undefined,
  };
  // dist/srs.html, the page in one file for use from disk (tools/single-html.js), the WPS
  // add-in (tools/wps.js) and the 兼容版 for old Excels (tools/lite.js); not when serving.
  const base = { ...config, mode: options.mode };
  return serving
    ? config
    : [
        config,
        singleHtmlConfig(base, define),
        wpsConfig(base, publicUrl, define),
        liteConfig(base, office, publicUrl, define, NO_EVAL),
      ];
};
