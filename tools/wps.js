/* eslint-disable no-undef */
/* The WPS 加载项 (dist/wps/) and what deploying it takes. A third webpack build, after the main
   one: the entry page WPS opens (index.html + ribbon.js, the ribbon's callbacks), ribbon.xml, the
   task pane (taskpane.html: the same App over the WPS adapter), manifest.xml and the icon. Then:
   - online, for SRS_PUBLIC_URL (the add-in at <url>wps/): publish.xml, the line a PC's jsaddons
     folder lists the add-in by (publish mode), and jsplugins.xml, the list an oem.ini's
     JSPluginsServer points at (WPS 365 / enterprise builds). Without the URL they are not written:
     no placeholder host, as for the manifest.
   - offline, dist/wps-offline/: jsaddons/ as it is laid out on a PC (publish.xml naming the folder
     SRS_<version>, the add-in's files in it) and the scripts that copy it into place on Windows
     (%APPDATA%\kingsoft\wps\jsaddons) and Linux/UOS/Kylin (~/.local/share/Kingsoft/wps/jsaddons).
   Layouts and file formats are those of WPS's own toolkit, npm wpsjs 2.2.3: src/lib/build.js
   (CreatePublishXml, CreateCopyBat: the offline jsplugin line and folder), src/lib/publish.js (an
   online add-in's URL ends in "/" and holds ribbon.xml), src/lib/debug_xmlplugin.js
   (jspluginonline lines; the jsaddons folder on each system). */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { version } = require("../package.json");

const NAME = "SRS";
/** ET: WPS 表格 (wpsjs addonType "et"). */
const TYPE = "et";
const FOLDER = `${NAME}_${version}`;

/** The add-in's online address: SRS_PUBLIC_URL's wps/ folder, ending in "/". */
function wpsUrl(publicUrl) {
  if (!publicUrl)
    throw new Error(
      "SRS_PUBLIC_URL is not set: an online WPS add-in needs the address its files are served from"
    );
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  return new URL("wps/", base).href;
}

const xmlAttr = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** jsaddons/publish.xml of a PC using the add-in online (publish mode). */
const publishXml = (url) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="${TYPE}" url="${xmlAttr(url)}" enable="true"/>\n</jsplugins>\n`;

/** The list an oem.ini's [Server] JSPluginsServer points at. */
const jspluginsXml = (url) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="${TYPE}" url="${xmlAttr(url)}"/>\n</jsplugins>\n`;

/** The offline line: the add-in's folder beside publish.xml (wpsjs build.js CreatePublishXml). */
const offlineLine = () =>
  `<jsplugin name="${NAME}" type="${TYPE}" url="${FOLDER}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
const offlinePublishXml = () =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${offlineLine()}\n</jsplugins>\n`;

/**
 * Windows: copies the folder, and adds SRS's line to a publish.xml listing other add-ins already
 * (a PowerShell step passed encoded, so no quote of the line meets cmd's own quoting).
 */
function installBat() {
  const ps = [
    "$f = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons\\publish.xml'",
    "$x = Get-Content -Raw -Encoding UTF8 $f",
    `if ($x -notmatch 'name="${NAME}"') { $x -replace '</jsplugins>', "  ${offlineLine().replace(/"/g, '`"')}\`r\`n</jsplugins>" | Set-Content -Encoding UTF8 $f }`,
  ].join("; ");
  const encoded = Buffer.from(ps, "utf16le").toString("base64");
  return [
    "@echo off",
    "chcp 65001 >nul",
    "rem 安全生产报表助手（SRS）WPS 加载项：离线安装",
    'set "TARGET=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%TARGET%" mkdir "%TARGET%"',
    `xcopy /E /I /Y "%~dp0jsaddons\\${FOLDER}" "%TARGET%\\${FOLDER}" >nul`,
    'if not exist "%TARGET%\\publish.xml" (',
    '  copy /Y "%~dp0jsaddons\\publish.xml" "%TARGET%\\publish.xml" >nul',
    ") else (",
    `  powershell -NoProfile -EncodedCommand ${encoded}`,
    ")",
    "echo 已安装。请重新启动 WPS，打开表格后在“报表助手”选项卡点“报表检查”。",
    "pause",
    "",
  ].join("\r\n");
}

/** Linux, UOS, Kylin: the same into ~/.local/share/Kingsoft/wps/jsaddons. */
const installSh = () =>
  [
    "#!/bin/sh",
    "# 安全生产报表助手（SRS）WPS 加载项：离线安装",
    "set -e",
    'here=$(cd "$(dirname "$0")" && pwd)',
    'target="$HOME/.local/share/Kingsoft/wps/jsaddons"',
    'mkdir -p "$target"',
    `rm -rf "$target/${FOLDER}"`,
    `cp -R "$here/jsaddons/${FOLDER}" "$target/${FOLDER}"`,
    'if [ ! -f "$target/publish.xml" ]; then',
    '  cp "$here/jsaddons/publish.xml" "$target/publish.xml"',
    `elif ! grep -q 'name="${NAME}"' "$target/publish.xml"; then`,
    `  sed -i 's#</jsplugins>#  ${offlineLine().replace(/#/g, "\\#")}\\n</jsplugins>#' "$target/publish.xml"`,
    "fi",
    'echo "已安装。请重新启动 WPS，打开表格后在“报表助手”选项卡点“报表检查”。"',
    "",
  ].join("\n");

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true }))
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
}

/**
 * Beside the built add-in `out` (dist/wps): the online lists for a public URL (none without one),
 * and the offline package dist/wps-offline.
 */
function writeDeployment(out, publicUrl) {
  const dist = path.dirname(out);
  for (const f of ["wps-publish.xml", "wps-jsplugins.xml"])
    fs.rmSync(path.join(dist, f), { force: true });
  if (publicUrl) {
    const url = wpsUrl(publicUrl);
    fs.writeFileSync(path.join(dist, "wps-publish.xml"), publishXml(url));
    fs.writeFileSync(path.join(dist, "wps-jsplugins.xml"), jspluginsXml(url));
  }
  const offline = path.join(dist, "wps-offline");
  fs.rmSync(offline, { recursive: true, force: true });
  copyDir(out, path.join(offline, "jsaddons", FOLDER));
  fs.writeFileSync(path.join(offline, "jsaddons", "publish.xml"), offlinePublishXml());
  fs.writeFileSync(path.join(offline, "安装-Windows.bat"), installBat());
  fs.writeFileSync(path.join(offline, "install-linux.sh"), installSh(), { mode: 0o755 });
}

const emitDeployment = (publicUrl) => ({
  apply(compiler) {
    compiler.hooks.afterEmit.tap("srs-wps", (compilation) =>
      writeDeployment(compilation.outputOptions.path, publicUrl)
    );
  },
});

/** The WPS build: `base` is the main config, whose module rules, resolve and `define` it shares. */
function wpsConfig(base, publicUrl, define) {
  return {
    name: "wps",
    dependencies: ["main"],
    mode: base.mode,
    devtool: false,
    entry: { taskpane: "./src/wps/taskpane.tsx", ribbon: "./src/wps/ribbon.ts" },
    output: {
      path: path.join(base.output.path, "wps"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      environment: { globalThis: true },
    },
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
    // Each page one script; exceljs (read only when consolidating) an async chunk, loaded then.
    optimization: { runtimeChunk: false },
    plugins: [
      define,
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["ribbon"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          // ES5 as written, run first by the task pane (src/boot/boot.js).
          { from: "src/boot/boot.js", to: "boot.js", info: { minimized: true } },
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/icon-32.png", to: "images/srs.png" },
        ],
      }),
      emitDeployment(publicUrl),
    ],
  };
}

module.exports = {
  wpsConfig,
  writeDeployment,
  wpsUrl,
  publishXml,
  jspluginsXml,
  offlinePublishXml,
  FOLDER,
  NAME,
};
