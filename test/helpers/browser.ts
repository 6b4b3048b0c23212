/** Serves dist/ on localhost and drives Debian's Chromium with playwright-core (no browser download). */
import { createReadStream, existsSync, mkdirSync, statSync } from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
const { DIST, ensureBuilt } = require("../../tools/dist.js") as {
  DIST: string;
  ensureBuilt: () => string;
};

const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  ensureBuilt();
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** The task pane beside the page's grid. */
export const pane = (p: Page) => p.getByRole("complementary", { name: "任务窗格" });

type Viewport = { width: number; height: number };

/**
 * For one test file: dist/ served and Chromium launched before its tests, both closed after them;
 * `shots`, the folder its screenshots go to, is made. Read `browser` and `url` inside tests;
 * `page(size)` opens the page in a fresh zh-CN window that accepts downloads — served over http,
 * or with `fromDisk` the one-file srs.html opened over file:// as a clerk opens it from a chat.
 */
export function servedChromium(shots?: string): {
  readonly browser: Browser;
  readonly url: string;
  page(viewport?: Viewport, fromDisk?: boolean): Promise<Page>;
} {
  const env = {
    async page(viewport: Viewport = { width: 1366, height: 768 }, fromDisk = false) {
      const context = await env.browser.newContext({
        viewport,
        locale: "zh-CN",
        acceptDownloads: true,
      });
      const p = await context.newPage();
      await p.goto(fromDisk ? `file://${path.join(DIST, "srs.html")}` : `${env.url}/demo.html`);
      return p;
    },
  } as {
    browser: Browser;
    url: string;
    page(viewport?: Viewport, fromDisk?: boolean): Promise<Page>;
  };
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    server = await serveDist();
    env.url = server.url;
    env.browser = await launch();
  }, 360_000);
  afterAll(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}
