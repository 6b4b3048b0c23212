/**
 * npm start: serves the add-in on https://localhost:3000 and sideloads it into Excel
 * desktop where there is one. Where there is none (Linux, a bare CI box) it keeps
 * serving and says how to sideload into Excel on the web instead of failing.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const PORT = process.env.npm_package_config_dev_server_port || 3000;

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
    "本机没有 Excel 桌面版：开发服务器继续运行，可以这样试用：",
    `  1. 浏览器打开 ${base}/taskpane.html，信任本机开发证书。`,
    "  2. 在 Excel 网页版（Microsoft 365）中打开一个工作簿：开始 › 加载项 › 更多设置 › 上传我的加载项，选择本项目的 manifest.xml。",
    "  3. 在“开始”选项卡点击“报表检查”打开任务窗格。",
    `  无需 Excel 的演示页：${base}/demo.html`,
    "",
    "No Excel desktop here: the dev server keeps running.",
    "  Excel on the web: Home › Add-ins › More settings › Upload My Add-in › manifest.xml.",
    `  Demo without Excel: ${base}/demo.html`,
    "",
  ].join("\n");
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => (process.exitCode = code ?? 0));
  return child;
}

if (require.main === module) {
  if (plan() === "sideload")
    run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
  else {
    run("npx", ["webpack", "serve", "--mode", "development"]);
    console.log(instructions());
  }
}

module.exports = { findExcel, plan, instructions };
