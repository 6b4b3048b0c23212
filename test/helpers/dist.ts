/** The production build under dist/, made once if a fresh clone has none (.ci/run builds before testing). */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

export const DIST = path.join(__dirname, "../../dist");

export function ensureBuilt(): string {
  if (!existsSync(path.join(DIST, "demo.html")))
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: path.join(DIST, ".."),
        stdio: "ignore",
        timeout: 300_000,
      }
    );
  return DIST;
}
