/**
 * Village files are untrusted, and so is the command line they arrive on: each attack runs a
 * separate srs process and must end in one clear zh line (helpers/hostile.ts `bounded`), the other
 * files' results intact and every input unchanged.
 */
import { execFileSync, spawn } from "child_process";
import { createHash, randomBytes } from "crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { bounded, srs as srsRun } from "../helpers/hostile";

const SRS = path.join(__dirname, "../../bin/srs.js");
/** One srs process (in `cwd`), within a minute and `bounded`. */
const srs = (args: string[], cwd?: string) => {
  const r = srsRun(args, { cwd, guard: 60_000 });
  bounded(r);
  return r;
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
  const hard = path.join(dir, "硬链接.xlsx");
  linkSync(a, hard);
  const h = srs(["consolidate", a, "-o", hard]);
  expect(h.code).toBe(64);
  expect(h.err).toBe(`srs: 输出文件不能覆盖输入文件：${hard}`);
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

it("units named like our sheets, with a line break, quotes, History, a bidi override or an emoji at the cut, are all summed", async () => {
  const units = [
    "汇总说明",
    "'引号村'",
    "History",
    "朴里\n村",
    "季报表（一）汇总",
    "\u202e岭兜村",
    `${"长".repeat(30)}😀`,
  ];
  const files = await Promise.all(units.map((u, i) => village(dir, `u${i}.xlsx`, u, 10 + i)));
  const out = path.join(dir, "汇总-名字.xlsx");
  const r = srs(["consolidate", "--json", ...files, "-o", out]);
  const json = JSON.parse(r.out);
  expect(json.children.map((l: { status: string }) => l.status)).toEqual(
    units.map(() => "included")
  );
  const names = (await readGrids(readFileSync(out))).map((g) => g.name);
  for (const n of names) {
    expect(n).not.toMatch(/\p{Cc}|^'|'$|^history$|[\u202a-\u202e\u2066-\u2069]/iu);
    // Never cut inside a character: no half of a surrogate pair left alone.
    expect(n).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
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

describe("tiny files that claim a huge structure are refused before parsing", () => {
  /** A real village file with its first sheet's XML rewritten. */
  async function crafted(name: string, edit: (xml: string) => string, extraSheets = 0) {
    const JSZip = (await import("jszip")).default;
    const good = readFileSync(await village(dir, `base-${name}`, "金淘镇朴里村", 7));
    const z = await JSZip.loadAsync(good);
    const sheet = "xl/worksheets/sheet1.xml";
    const xml = edit(await z.file(sheet)!.async("string"));
    z.file(sheet, xml);
    for (let i = 0; i < extraSheets; i++) z.file(`xl/worksheets/extra${i}.xml`, xml);
    const file = path.join(dir, name);
    writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return file;
  }
  const ATTACKS: [string, (xml: string) => string, number, RegExp][] = [
    [
      "cols.xlsx",
      (x) =>
        x.replace(
          "<sheetData>",
          '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>'
        ),
      0,
      /结构超出范围/,
    ],
    [
      "merge.xlsx",
      (x) => x.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="AD1:XFD1048576"/>'),
      0,
      /合并单元格过多或范围过大/,
    ],
    [
      "far-row.xlsx",
      (x) =>
        x.replace(
          "</sheetData>",
          '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'
        ),
      0,
      /结构超出范围/,
    ],
    [
      "merges.xlsx",
      (x) =>
        x.replace(
          /<mergeCells[^>]*>/,
          `$&${Array.from({ length: 30_000 }, (_, i) => `<mergeCell ref="A${i * 2 + 100}:B${i * 2 + 100}"/>`).join("")}`
        ),
      0,
      /合并单元格过多/,
    ],
    [
      "rows.xlsx",
      (x) =>
        x.replace(
          "</sheetData>",
          `${Array.from({ length: 70_000 }, (_, i) => `<row r="${i + 100}"/>`).join("")}</sheetData>`
        ),
      3,
      /行数远超/,
    ],
  ];
  it.each(ATTACKS)(
    "%s: one line, the good file still checked, under 500 MB",
    async (name, edit, extra, says) => {
      const bad = await crafted(name, edit, extra);
      const good = await village(dir, `good-${name}`, "金淘镇岭兜村", 8);
      const before = hash(bad);
      const r = srs(["check", bad, good]);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(says);
      expect(r.out).toContain(`good-${name}`);
      expect(r.out).toMatch(/未发现问题|识别/);
      expect(hash(bad)).toBe(before);
    },
    120_000
  );
});

it("a number past 10^15 is no count: the unit is left out with its reason, no Infinity is written", async () => {
  const huge = await village(dir, "huge.xlsx", "金淘镇霞春村", 20);
  const JSZip = (await import("jszip")).default;
  const z = await JSZip.loadAsync(readFileSync(huge));
  const sheet = "xl/worksheets/sheet1.xml";
  // The first number of the village row becomes 1e303.
  const xml = (await z.file(sheet)!.async("string")).replace(
    /(<row r="7"[^>]*>.*?<c r="B7"[^>]*><v>)[^<]*/,
    "$11e303"
  );
  z.file(sheet, xml);
  writeFileSync(huge, await z.generateAsync({ type: "nodebuffer" }));
  const good = await village(dir, "good-huge.xlsx", "金淘镇后厝村", 21);
  const out = path.join(dir, "汇总-大数.xlsx");
  const r = srs(["consolidate", "--json", huge, good, "-o", out]);
  expect(r.code).toBe(1);
  const lines = JSON.parse(r.out).children.map((l: { unit: string; status: string }) => [
    l.unit,
    l.status,
  ]);
  expect(lines).toEqual([
    ["金淘镇霞春村", "errors"],
    ["金淘镇后厝村", "included"],
  ]);
  const JSZip2 = await JSZip.loadAsync(readFileSync(out));
  for (const name of Object.keys(JSZip2.files).filter(
    (n) => n.startsWith("xl/worksheets/") && !JSZip2.files[n].dir
  ))
    expect(await JSZip2.file(name)!.async("string")).not.toContain("Infinity");
});

it("a cell holding more than 32,767 characters (5,000,000 too) costs its file one line", async () => {
  const long = await village(dir, "long.xlsx", "金淘镇朴里村", 22);
  const JSZip = (await import("jszip")).default;
  const z = await JSZip.loadAsync(readFileSync(long));
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = (await z.file(sheet)!.async("string")).replace(
    "</sheetData>",
    `<row r="60"><c r="A60" t="inlineStr"><is><t>${"长".repeat(40_000)}</t></is></c></row></sheetData>`
  );
  z.file(sheet, xml);
  writeFileSync(long, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  // 5,000,000 characters in the shared strings, as Excel and exceljs store text.
  const shared = await village(dir, "long-shared.xlsx", "金淘镇岭兜村", 25, "x".repeat(5_000_000));
  const good = await village(dir, "good-long.xlsx", "金淘镇后厝村", 26);
  const r = srs(["check", long, shared, good]);
  expect(r.code).toBe(2);
  expect(r.out.match(/超过 32767 个字符/g)).toHaveLength(2);
  expect(r.out).toContain("good-long.xlsx");
});

it("a zip whose end record hides entries (count patched down) is refused, not parsed", async () => {
  const { zip, pack } = await import("../helpers/zip");
  const bytes = zip([
    { name: "xl/workbook.xml", ...pack(Buffer.from("<workbook/>")) },
    { name: "xl/worksheets/sheet1.xml", ...pack(Buffer.alloc(30 * 1024 * 1024, 0x20)) },
  ]);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  bytes.writeUInt16LE(1, eocd + 8); // entries on this disk
  bytes.writeUInt16LE(1, eocd + 10); // entries in all
  const file = path.join(dir, "hidden.xlsx");
  writeFileSync(file, bytes);
  const r = srs(["check", file]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("目录少报了其中的条目");
});

it("a write that fails names the file asked for, in zh, never the hidden temporary file", async () => {
  const good = await village(dir, "写出村.xlsx", "金淘镇朴里村", 23);
  const missing = path.join(dir, "没有这个文件夹", "汇总.xlsx");
  const r = srs(["consolidate", good, "-o", missing]);
  expect(r.code).toBe(64);
  expect(r.err).toBe(`srs: 无法写出 ${missing}：所在的文件夹不存在`);
  const folder = path.join(dir, "是文件夹.xlsx");
  mkdirSync(folder);
  const f = srs(["consolidate", good, "-o", folder]);
  expect(f.err).toBe(`srs: 无法写出 ${folder}：这是一个文件夹`);
  expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});

it("killed while writing, srs leaves no temporary file and no half-written output", async () => {
  const JSZip = (await import("jszip")).default;
  const input = await village(dir, "大附件.xlsx", "金淘镇朴里村", 24);
  const z = await JSZip.loadAsync(readFileSync(input));
  // 30 MB that no packing shrinks: the output takes a while to write.
  z.file("xl/media/image1.png", randomBytes(30 * 1024 * 1024));
  writeFileSync(input, await z.generateAsync({ type: "nodebuffer", compression: "STORE" }));
  const out = path.join(dir, "盖章.xlsx");
  const child = spawn("node", [SRS, "stamp", input, "--period", "2026Q4", "-o", out]);
  // The moment the temporary file appears, the process is told to end.
  const watcher = watch(dir, (_, name) => {
    if (String(name).endsWith(".tmp")) child.kill("SIGTERM");
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on("exit", (c, s) => resolve([c, s]))
  );
  watcher.close();
  expect(code === 0 || signal === "SIGTERM").toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  if (existsSync(out)) {
    const written = await JSZip.loadAsync(readFileSync(out));
    expect((await written.file("xl/media/image1.png")!.async("uint8array")).length).toBe(
      30 * 1024 * 1024
    );
  }
}, 240_000);
