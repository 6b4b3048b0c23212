/**
 * npm stop: where npm start sideloaded into Excel desktop, office-addin-debugging stops it; where
 * it only serves (Linux: office-addin-debugging says "Platform not supported"), the dev server
 * whose id npm start kept is ended, that process alone.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const { plan, PID_FILE } = require("./start");

/** Ends the process whose id the file keeps; the zh line to print. */
function stopServer(pidFile = PID_FILE, kill = process.kill) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  } catch {
    return "没有由 npm start 启动、仍在运行的开发服务器";
  }
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return "开发服务器的进程记录已损坏，已删除";
  try {
    kill(pid, "SIGTERM");
    return `已停止开发服务器（进程 ${pid}）`;
  } catch {
    return "开发服务器已经停止";
  }
}

if (require.main === module) {
  if (plan() === "sideload") {
    const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    process.exitCode = r.status ?? 1;
  } else console.log(stopServer());
}

module.exports = { stopServer };
