/**
 * Village files are untrusted, and so is the command line they arrive on: each attack runs a
 * separate srs process and must end in one clear zh line, the other files' results intact and
 * every input unchanged.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";

const SRS = path.join(__dirname, "../../bin/srs.js");
const srs = (args: string[], cwd?: string) => {
  const r = spawnSync("node", [SRS, ...args], { encoding: "utf8", timeout: 60_000, cwd });
  return { code: r.status, out: r.stdout, err: r.stderr.trim() };
};
const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function village(dir: string, file: string, unit: string, seed: number, bad?: string) {
  const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed,
    rowTypes: ["village"],
    unit,
  });
  if (bad !== undefined) f.grid.values[f.layout.body.top + 1][2] = bad;
  const p = path.join(dir, file);
  writeFileSync(p, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
  return p;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "srs-hostile-"));
});

it("a crafted cell cannot rewrite the terminal: control characters never reach it", async () => {
  const file = await village(
    dir,
    "esc.xlsx",
    "金淘镇朴里村",
    1,
    "\u001b[2J\u001b[H未发现问题\u009b"
  );
  const r = srs(["check", file]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("未发现问题"); // the text itself is shown, harmless
  const controls = [...r.out].filter((c) => c !== "\n" && c !== "\t" && /\p{Cc}/u.test(c));
  expect(controls).toEqual([]);
});

it("a file whose name starts with - is read after --; a misspelt option is refused, not ignored", async () => {
  await village(dir, "-1村.xlsx", "金淘镇朴里村", 2);
  const r = srs(["check", "--", "-1村.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.out).toContain("-1村.xlsx");
  const typo = srs(["check", "--perod", "2026Q4", "-1村.xlsx"], dir);
  expect(typo.code).toBe(64);
  expect(typo.err).toBe(
    "srs: 未知选项：--perod（srs --help 查看用法；以 - 开头的文件名请写在 -- 之后）"
  );
});

it("never overwrites an input through a symlink or a hard link", async () => {
  const a = await village(dir, "朴里村.xlsx", "金淘镇朴里村", 3);
  const before = hash(a);
  const link = path.join(dir, "链接.xlsx");
  symlinkSync(a, link);
  const r = srs(["consolidate", a, "-o", link]);
  expect(r.code).toBe(64);
  expect(r.err).toBe(`srs: 输出文件不能覆盖输入文件：${link}`);
  expect(hash(a)).toBe(before);
});

it("a FIFO or a device is refused at once, and the other files are still checked", async () => {
  const good = await village(dir, "岭兜村.xlsx", "金淘镇岭兜村", 4);
  const fifo = path.join(dir, "管道.xlsx");
  execFileSync("mkfifo", [fifo]);
  const r = srs(["check", fifo, "/dev/zero", good]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("这不是一个普通文件");
  expect(r.out).toContain("岭兜村.xlsx");
  expect(r.out.match(/这不是一个普通文件/g)).toHaveLength(2);
});

it("units named like our sheets, with a line break, quotes or History, are all summed", async () => {
  const units = ["汇总说明", "'引号村'", "History", "朴里\n村", "季报表（一）汇总"];
  const files = await Promise.all(units.map((u, i) => village(dir, `u${i}.xlsx`, u, 10 + i)));
  const out = path.join(dir, "汇总-名字.xlsx");
  const r = srs(["consolidate", "--json", ...files, "-o", out]);
  const json = JSON.parse(r.out);
  expect(json.children.map((l: { status: string }) => l.status)).toEqual(
    units.map(() => "included")
  );
  const names = (await readGrids(readFileSync(out))).map((g) => g.name);
  for (const n of names) {
    expect(n).not.toMatch(/\p{Cc}|^'|'$|^history$/iu);
    expect(n.length).toBeLessThanOrEqual(31);
  }
  expect(names.slice(0, 2)).toEqual(["季报表（一）汇总", "汇总说明"]);
}, 120_000);

it("an .ods file and a workbook with no sheet each get one line, in check and in 汇总说明", async () => {
  const { zip, pack } = await import("../helpers/zip");
  const ods = path.join(dir, "报表.ods");
  writeFileSync(
    ods,
    zip([
      { name: "mimetype", ...pack(Buffer.from("application/vnd.oasis.opendocument.spreadsheet")) },
      { name: "content.xml", ...pack(Buffer.from("<office:document-content/>")) },
    ])
  );
  const ExcelJS = (await import("exceljs")).default;
  const empty = path.join(dir, "空工作簿.xlsx");
  writeFileSync(empty, new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()));
  const good = await village(dir, "后厝村.xlsx", "金淘镇后厝村", 5);
  const checked = srs(["check", ods, empty, good]);
  expect(checked.code).toBe(2);
  expect(checked.out).toContain("这是 OpenDocument 表格（.ods）");
  expect(checked.out).toContain("工作簿中没有任何工作表");
  const out = path.join(dir, "汇总-坏.xlsx");
  const r = srs(["consolidate", "--json", ods, empty, good, "-o", out]);
  expect(r.code).toBe(2);
  const json = JSON.parse(r.out);
  expect(
    json.children.map((l: { origin: string; status: string }) => [l.origin, l.status])
  ).toEqual([
    ["后厝村.xlsx", "included"],
    ["报表.ods", "unreadable"],
    ["空工作簿.xlsx", "unreadable"],
  ]);
}, 60_000);
