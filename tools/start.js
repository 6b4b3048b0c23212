/**
 * npm start: serves the add-in on https://localhost:3000 and sideloads it into Excel
 * desktop where there is one. Where there is none (Linux, a bare CI box) it keeps
 * serving and, once the page answers, says where the 网页版 is and how to sideload into
 * Excel on the web. The dev server's process id is kept in a file, so npm stop ends it.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { setTimeout: sleep } = require("timers/promises");

const PORT = process.env.npm_package_config_dev_server_port || 3000;
/** Where npm start keeps the dev server's process id, for npm stop (tools/stop.js). */
const PID_FILE = path.join(os.tmpdir(), `srs-dev-server-${PORT}.pid`);

const EXCEL_PATHS = {
  darwin: ["/Applications/Microsoft Excel.app"],
  win32: ["ProgramFiles", "ProgramFiles(x86)"].flatMap((v) =>
    process.env[v]
      ? [path.join(process.env[v], "Microsoft Office", "root", "Office16", "EXCEL.EXE")]
      : []
  ),
};

function findExcel(platform = process.platform, exists = fs.existsSync) {
  return (EXCEL_PATHS[platform] || []).find((p) => exists(p));
}

function plan(platform = process.platform, exists = fs.existsSync) {
  return findExcel(platform, exists) ? "sideload" : "serve";
}

function instructions(port = PORT) {
  const base = `https://localhost:${port}`;
  return [
    "",
    `网页版（无需 Excel）已就绪：${base}/demo.html`,
    "",
    "本机没有 Excel 桌面版：开发服务器继续运行（npm stop 停止），可以这样在 Excel 中试用：",
    `  1. 浏览器打开 ${base}/taskpane.html，信任本机开发证书。`,
    "  2. 在 Excel 网页版（Microsoft 365）中打开一个工作簿：开始 › 加载项 › 更多设置 › 上传我的加载项，选择本项目的 manifest.xml。",
    "  3. 在“开始”选项卡点击“报表检查”打开任务窗格。",
    "",
    `Web version (no Excel needed) is up: ${base}/demo.html`,
    "No Excel desktop here: the dev server keeps running (npm stop ends it).",
    "  Excel on the web: Home › Add-ins › More settings › Upload My Add-in › manifest.xml.",
    "",
  ].join("\n");
}

/** One request: whether the page answers 200 (the dev server's certificate is its own, self-signed). */
function answers(url) {
  return new Promise((resolve) => {
    const get = url.startsWith("https:") ? https.get : http.get;
    const req = get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

/** Resolves true once the page answers, false if `alive` says the server is gone first. */
async function whenAnswering(url, alive = () => true, every = 1000) {
  while (alive()) {
    if (await answers(url)) return true;
    await sleep(every);
  }
  return false;
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => (process.exitCode = code ?? 0));
  return child;
}

/** webpack serve, run by node itself, so the id kept is the server's own process. */
function serve() {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [cli, "serve", "--mode", "development"], {
    stdio: "inherit",
  });
  child.on("exit", (code) => (process.exitCode = code ?? 0));
  fs.writeFileSync(PID_FILE, String(child.pid));
  let alive = true;
  child.on("exit", () => {
    alive = false;
    fs.rmSync(PID_FILE, { force: true });
  });
  void whenAnswering(`https://localhost:${PORT}/demo.html`, () => alive).then(
    (up) => up && console.log(instructions())
  );
}

if (require.main === module) {
  if (plan() === "sideload")
    run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
  else serve();
}

module.exports = { findExcel, plan, instructions, whenAnswering, PID_FILE };
