/** Files no report could be: each ends with exit status 2, one clear line, quickly, and no output file. */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { zip } from "../helpers/zip";

const SRS = path.join(__dirname, "../../bin/srs.js");

function srs(args: string[]) {
  try {
    return {
      code: 0,
      out: execFileSync("node", [SRS, ...args], {
        encoding: "utf8",
        timeout: 10_000,
        stdio: ["ignore", "pipe", "pipe"],
      }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

describe("bad files", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-bad-"));
  const files: Record<string, Buffer> = {
    // 300 MB of zeros packs into a few hundred KB.
    "bomb.xlsx": zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(300 * 1024 * 1024) }]),
    // A sheet with every one of Excel's 1,048,576 rows.
    "million.xlsx": zip([
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from(
          `<worksheet><sheetData>${Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join("")}</sheetData></worksheet>`
        ),
      },
    ]),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);

  it.each(Object.keys(files))("%s: exit 2 with one clear line, and no partial output", (name) => {
    const out = path.join(dir, `${name}.out.xlsx`);
    const check = srs(["check", "--json", path.join(dir, name)]);
    expect(check.code).toBe(2);
    const [file] = JSON.parse(check.out).files;
    expect(file.error).toMatch(/过大|超过/);
    expect(file.error).not.toMatch(/\n/);
    const stamp = srs(["stamp", path.join(dir, name), "--period", "2026Q4", "-o", out]);
    expect(stamp.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
