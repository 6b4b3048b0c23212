/* SRS 检查（兼容版） (dist/lite/): a fourth webpack build, after the main one. lite.html, lite.js
   and manifest.xml (manifest-lite.xml, its URLs rewritten for SRS_PUBLIC_URL as the main one's).
   lite.js runs in Internet Explorer 11 (Office's webview without WebView2): every module, the
   dependencies too, through babel for "ie 11" with core-js 3 polyfills for what the code uses,
   webpack's own runtime as ES5 (test/lite/bundle.test.ts parses it as ES5 and runs it without the
   built-ins IE11 lacks). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { version: coreJs } = require("core-js/package.json");
const { toProduction } = require("./manifest");

const BABEL = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    sourceType: "unambiguous",
    presets: [
      [
        "@babel/preset-env",
        { targets: "ie 11", useBuiltIns: "usage", corejs: coreJs, modules: false },
      ],
      "@babel/preset-typescript",
    ],
  },
};

/**
 * core-js's string-to-code paths, never reached in a webview: the global object is found as window
 * first, timers are given functions, and IE11's native bind is used, so the constructor of bound
 * functions core-js builds from text for engines without bind is never asked for.
 * (test/project/bundles.test.ts's rule: no bundle turns text into code, not even under another name.)
 */
const cut = (test, search, replace) => ({
  test,
  loader: "string-replace-loader",
  options: { search, replace, flags: "g", strict: true },
});
const NO_EVAL = [
  cut(/core-js[\\/]internals[\\/]global-this\.js$/, "\\|\\| Function\\('return this'\\)\\(\\)", ""),
  cut(
    /core-js[\\/]internals[\\/]task\.js$/,
    ": Function\\(handler\\)",
    ": function () { /* a string handler is not run */ }"
  ),
  cut(/core-js[\\/]internals[\\/]function-bind\.js$/, "var \\$Function = Function;", ""),
  cut(
    /core-js[\\/]internals[\\/]function-bind\.js$/,
    "\\$Function\\('C,a', [^;]*;",
    "function () { throw new TypeError('bind'); };"
  ),
  cut(
    /core-js[\\/]internals[\\/]function-bind\.js$/,
    "\\$Function\\.bind",
    "Function.prototype.bind"
  ),
  // Node's require, reached only under node.
  cut(/core-js[\\/]internals[\\/]get-built-in-node-module\.js$/, "return Function\\([^;]*;", ""),
];

/**
 * IE11 has no BigInt, and nothing can supply it: zod builds its int64 ranges with it when loaded
 * (zod/v4/core/util.js BIGINT_FORMAT_RANGES), used only by bigint schemas, which SRS has none of.
 */
const NO_BIGINT = cut(
  /zod[\\/]v4[\\/]core[\\/]util\.js$/,
  'BigInt\\(("[-0-9]+"|0)\\)',
  '(typeof BigInt === "function" ? BigInt($1) : NaN)'
);

function liteConfig(base, office, publicUrl, define, noEval) {
  return {
    name: "lite",
    dependencies: ["main"],
    mode: base.mode,
    devtool: false,
    target: ["web", "es5"],
    // core-js finds the global object itself (window in a webview): no runtime lookup through Function.
    node: { global: false },
    entry: { lite: "./src/lite/index.ts" },
    output: { path: path.join(base.output.path, "lite"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.(ts|m?js)$/, exclude: /node_modules[\\/](core-js|webpack)[\\/]/, use: BABEL },
        ...noEval,
        ...NO_EVAL,
        NO_BIGINT,
      ],
    },
    performance: { hints: false },
    optimization: { runtimeChunk: false, splitChunks: false },
    plugins: [
      define,
      new HtmlWebpackPlugin({
        filename: "lite.html",
        template: "./src/lite/lite.html",
        chunks: ["lite"],
        // Our own copy of Office.js sits beside the main pane's, one folder up.
        templateParameters: {
          officeJs: office.copy ? `../${office.src}` : office.src,
          officeOrigin: office.origin ? ` ${office.origin}` : "",
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "manifest-lite.xml",
            to: "manifest.xml",
            transform: (content) =>
              publicUrl ? toProduction(content.toString(), publicUrl) : content,
          },
        ],
      }),
    ],
  };
}

module.exports = { liteConfig };
