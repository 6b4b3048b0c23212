const { plan, instructions } = require("../../tools/start.js");

describe("npm start", () => {
  it("sideloads only where Excel desktop is installed", () => {
    expect(plan("linux", () => true)).toBe("serve");
    expect(plan("darwin", (p: string) => p === "/Applications/Microsoft Excel.app")).toBe(
      "sideload"
    );
    expect(plan("darwin", () => false)).toBe("serve");
  });

  it("tells a machine without Excel how to sideload into Excel on the web", () => {
    const text = instructions(3000);
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("https://localhost:3000/demo.html");
    expect(text).toContain("manifest.xml");
    expect(text).toMatch(/Excel 网页版/);
  });
});

describe("npm start says where the 网页版 is once it answers; npm stop ends the server", () => {
  const http = require("http") as typeof import("http");
  const { spawn } = require("child_process") as typeof import("child_process");
  const fs = require("fs") as typeof import("fs");
  const os = require("os") as typeof import("os");
  const path = require("path") as typeof import("path");
  const { whenAnswering } = require("../../tools/start.js");
  const { stopServer } = require("../../tools/stop.js");

  it("names the 网页版, not a 演示页", () => {
    const text = instructions(3000);
    expect(text).toContain("网页版（无需 Excel）已就绪：https://localhost:3000/demo.html");
    expect(text).not.toMatch(/演示/);
  });

  it("waits for the page to answer before saying it is there", async () => {
    let asked = 0;
    const server = http.createServer((_, res) => res.writeHead(++asked < 3 ? 503 : 200).end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as import("net").AddressInfo;
    expect(await whenAnswering(`http://127.0.0.1:${port}/demo.html`, () => true, 10)).toBe(true);
    expect(asked).toBe(3);
    await new Promise((r) => server.close(r));
    // A server that is gone is not waited for.
    expect(await whenAnswering(`http://127.0.0.1:${port}/demo.html`, () => false, 10)).toBe(false);
  });

  it("stops the process npm start kept, that one alone, and says so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-stop-"));
    const file = path.join(dir, "server.pid");
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    const ended = new Promise((r) => child.on("exit", (_, signal) => r(signal)));
    fs.writeFileSync(file, String(child.pid));
    expect(stopServer(file)).toBe(`已停止开发服务器（进程 ${child.pid}）`);
    expect(await ended).toBe("SIGTERM");
    expect(fs.existsSync(file)).toBe(false);
    expect(stopServer(file)).toBe("没有由 npm start 启动、仍在运行的开发服务器");
    fs.writeFileSync(file, String(child.pid));
    expect(stopServer(file)).toBe("开发服务器已经停止");
  });
});
