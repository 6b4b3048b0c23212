/**
 * Issue #26: names, rosters, hidden sheets and macros, each a crafted case run as its own srs
 * process: a normal exit with one zh line or a safe reading, nothing written over, no name that
 * hides or splits a character, nothing live in what is written.
 */
import { execFileSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { TOO_MANY_UNITS } from "../../src/rules/consolidation/roster";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { allowedLive } from "../../src/workbook/xlsx/child-formulas";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { added, bounded, nothingLive, rewrite, srs, tree } from "../helpers/hostile";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "srs-names-"));
});

/** A unit's report of `table` with a 无 in a number cell (an error to send back). */
async function report(file: string, unit: string, table = 1, seed = 1) {
  const f = filledSheet(getTemplate(`nanan-2026-quarterly-${table}`)!, {
    seed,
    rowTypes: ["village"],
    unit,
  });
  f.grid.values[f.layout.body.top + 1][2] = "无";
  const p = path.join(dir, file);
  writeFileSync(p, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
  return p;
}

const NO_FORMAT = /\p{Cf}|\uFFFD/u;

/** A unit's clean 季报表（一）. */
async function report1(file: string, unit: string, seed: number) {
  const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed,
    rowTypes: ["village"],
    unit,
  });
  const p = path.join(dir, file);
  writeFileSync(p, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
  return p;
}

describe("srs return: every output its own name, nothing written over", () => {
  it("a unit's two tables, names that clean alike, and a file already there", async () => {
    const out = path.join(dir, "退回");
    mkdirSync(out);
    const before = path.join(out, "金淘镇朴里村-退回.xlsx");
    writeFileSync(before, "上次的退回文件");
    const files = [
      await report("一.xlsx", "金淘镇朴里村", 1),
      await report("二.xlsx", "金淘镇朴里村", 2),
      await report("斜杠.xlsx", "朴里村/一组", 1, 2),
      await report("问号.xlsx", "朴里村?一组", 1, 3),
    ];
    const was = tree(dir);
    const r = srs(["return", ...files, "-o", out]);
    bounded(r);
    expect(r.code).toBe(0);
    expect(readFileSync(before, "utf8")).toBe("上次的退回文件");
    expect(added(was, dir).every((f) => f.startsWith(`退回${path.sep}`))).toBe(true);
    const written = readdirSync(out).filter((f) => f !== "金淘镇朴里村-退回.xlsx");
    // Four units' files: an .xlsx and a .txt each, all different, each said in the output.
    expect(written).toHaveLength(8);
    for (const f of written) expect(r.out).toContain(f);
    for (const f of written.filter((w) => w.endsWith(".xlsx"))) nothingLive(path.join(out, f));
    expect(written.sort()).toEqual(
      [
        "金淘镇朴里村-退回(2).xlsx",
        "金淘镇朴里村-退回(2).txt",
        "金淘镇朴里村-退回(3).xlsx",
        "金淘镇朴里村-退回(3).txt",
        "朴里村_一组-退回.xlsx",
        "朴里村_一组-退回.txt",
        "朴里村_一组-退回(2).xlsx",
        "朴里村_一组-退回(2).txt",
      ].sort()
    );
  }, 60_000);

  it("the marked copy carries none of the child's live formulas or links", async () => {
    const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed: 4,
      rowTypes: ["village"],
      unit: "金淘镇霞春村",
    });
    f.grid.values[f.layout.body.top + 1][2] = "无";
    const plain = await toXlsx((wb) => {
      const ws = addGridSheet(wb, { ...f.grid, name: "Sheet1" });
      ws.getCell("AH1").value = { formula: "cmd|'/C calc'!A0", result: 0 };
      ws.getCell("AH2").value = { formula: '_xlws.WEBSERVICE("http://x.test/")', result: "x" };
      ws.getCell("AH3").value = { formula: 'HYPERLINK("http://x.test/","看")', result: "看" };
      ws.getCell("AH4").value = { formula: "[1]Sheet1!A1", result: 5 };
      ws.getCell("AH5").value = { formula: '_xlfn.STOCKHISTORY("MSFT",1)', result: 6 };
      ws.getCell("AH6").value = { text: "链接", hyperlink: "http://x.test/" };
      ws.getCell("AH7").value = { formula: "SUM(B1:B2)", result: 0 };
    });
    const file = path.join(dir, "霞春村.xlsx");
    writeFileSync(file, plain);
    const out = path.join(dir, "退回-活");
    const r = srs(["return", file, "-o", out]);
    bounded(r);
    expect(r.code).toBe(0);
    const copy = unzipSync(readFileSync(path.join(out, "金淘镇霞春村-退回.xlsx")));
    const sheets = Object.entries(copy).filter(([n]) => n.startsWith("xl/worksheets/sheet"));
    for (const [, bytes] of sheets) {
      const xml = strFromU8(bytes);
      expect(xml).not.toMatch(/<hyperlink\b/);
      for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g))
        expect(allowedLive(m[1], "Sheet1")).toBe(true);
    }
    expect(Object.keys(copy).filter((n) => /externalLink|vba/i.test(n))).toEqual([]);
  }, 60_000);
});

describe("srs distribute: names cut between characters, none hidden, none written over", () => {
  it("emoji at the cut, .., a right-to-left override and a file already there", async () => {
    const long = "长".repeat(39);
    const roster = path.join(dir, "名册.csv");
    writeFileSync(
      roster,
      [
        "单位名称,单位类型",
        `${long}😀甲村,村`,
        `${long}😀乙村,村`,
        "..,村",
        "\u202e岭兜村,村",
        "朴里村,村",
      ].join("\n")
    );
    // The folder two levels down in this test's own: `..` must not lead a file out of it.
    const out = path.join(dir, "乡镇", "下发");
    mkdirSync(out, { recursive: true });
    const taken = path.join(out, "朴里村-季报表（一）-2026年第4季度.xlsx");
    writeFileSync(taken, "别人的文件");
    const was = tree(dir);
    const r = srs([
      "distribute",
      "--roster",
      roster,
      "--period",
      "2026Q4",
      "--template",
      "nanan-2026-quarterly-1",
      "-o",
      out,
    ]);
    bounded(r);
    expect(r.code).toBe(0);
    const inOut = path.join("乡镇", "下发") + path.sep;
    expect(added(was, dir).filter((f) => !f.startsWith(inOut))).toEqual([]);
    expect(readFileSync(taken, "utf8")).toBe("别人的文件");
    const files = readdirSync(out).filter((f) => f !== path.basename(taken));
    expect(r.out).toContain(`已写出 ${files.length} 个文件`);
    expect(files).toHaveLength(5);
    for (const f of files) {
      expect(f).not.toMatch(/^\./);
      expect(f).not.toMatch(NO_FORMAT);
      expect(Buffer.byteLength(f)).toBeLessThan(255);
    }
    expect(r.out).not.toMatch(NO_FORMAT);
    expect(files).toContain("朴里村-季报表（一）-2026年第4季度(2).xlsx");
    expect(files).toContain("岭兜村-季报表（一）-2026年第4季度.xlsx");
    for (const f of files) nothingLive(path.join(out, f));
  }, 60_000);
});

describe("rosters", () => {
  const village = async (unit: string, seed: number) => {
    const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed,
      rowTypes: ["village"],
      unit,
    });
    const p = path.join(dir, `${unit}.xlsx`);
    writeFileSync(p, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
    return p;
  };

  it.each([
    // As a zh-CN Excel saves "CSV (逗号分隔)": the system's code page, GBK.
    [
      "GBK",
      Buffer.from(
        "b5a5cebbc3fbb3c62cb5a5cebbc0e0d0cd0d0abdf0ccd4d5f2c6d3c0efb4e52cb4e50d0abdf0ccd4d5f2c1ebb6b5b4e52cb4e50d0a",
        "hex"
      ),
    ],
    // "Unicode 文本": UTF-16 with its mark.
    [
      "UTF-16",
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("单位名称,单位类型\r\n金淘镇朴里村,村\r\n金淘镇岭兜村,村\r\n", "utf16le"),
      ]),
    ],
  ])(
    "a roster CSV saved as %s is read",
    async (name, bytes) => {
      const roster = path.join(dir, `名册-${name}.csv`);
      writeFileSync(roster, bytes);
      const good = await village("金淘镇朴里村", 5);
      const out = path.join(dir, `汇总-${name}.xlsx`);
      const r = srs(["consolidate", "--json", good, "--roster", roster, "-o", out]);
      bounded(r);
      expect(r.code).toBe(1);
      const lines = JSON.parse(r.out).children.map((l: { unit: string; status: string }) => [
        l.unit,
        l.status,
      ]);
      expect(lines).toEqual([
        ["金淘镇朴里村", "included"],
        ["金淘镇岭兜村", "missing"],
      ]);
    },
    60_000
  );

  it("a roster of 100,000 units gets one line, at once", async () => {
    const roster = path.join(dir, "十万.csv");
    writeFileSync(
      roster,
      ["单位名称,单位类型", ...Array.from({ length: 100_000 }, (_, i) => `${i}村,村`)].join("\n")
    );
    const r = srs([
      "distribute",
      "--roster",
      roster,
      "--period",
      "2026Q4",
      "-o",
      path.join(dir, "十万"),
    ]);
    bounded(r);
    expect(r.code).toBe(64);
    expect(r.err).toBe(`srs: ${TOO_MANY_UNITS}`);
    expect(existsSync(path.join(dir, "十万"))).toBe(false);
    // The same line when srs consolidate is given it, and no output written.
    const good = await village("金淘镇朴里村", 6);
    const c = srs(["consolidate", good, "--roster", roster, "-o", path.join(dir, "十万.xlsx")]);
    bounded(c);
    expect(c.code).toBe(64);
    expect(c.err).toContain(TOO_MANY_UNITS);
    expect(existsSync(path.join(dir, "十万.xlsx"))).toBe(false);
  }, 60_000);

  it("srs roster --from a FIFO keeps its reason; the good file beside it is drafted", async () => {
    const fifo = path.join(dir, "管道.xlsx");
    execFileSync("mkfifo", [fifo]);
    const good = await village("金淘镇岭兜村", 7);
    const was = tree(dir);
    const draft = path.join(dir, "名册草稿.xlsx");
    const r = srs(["roster", "--from", fifo, good, "-o", draft]);
    bounded(r);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${fifo}：这不是一个普通文件`);
    expect(r.out).toContain("1 个单位");
    expect(added(was, dir)).toEqual(["名册草稿.xlsx"]);
    nothingLive(draft);
  }, 60_000);
});

describe("invisible characters in a unit's name", () => {
  it("the same numbers under 朴里村 and 朴里村 with a zero-width space (U+200B) are summed once", async () => {
    const one = path.join(dir, "汇总-一份.xlsx");
    const twice = path.join(dir, "汇总-两份.xlsx");
    const [plain, spaced, good] = await Promise.all([
      report1("朴里村.xlsx", "金淘镇朴里村", 11),
      report1("朴里村2.xlsx", "金淘镇朴里村\u200b", 11),
      report1("岭兜村.xlsx", "金淘镇岭兜村", 12),
    ]);
    const r = srs(["consolidate", "--json", plain, spaced, good, "-o", twice]);
    bounded(r);
    const lines = JSON.parse(r.out).children;
    expect(lines.map((l: { status: string }) => l.status)).toEqual([
      "included",
      "duplicate",
      "included",
    ]);
    expect(lines[1].reason).toMatch(/内容相同，只计一次/);
    // Its sums are those of the two villages alone; the terminal never shows the character.
    const alone = srs(["consolidate", plain, good, "-o", one]);
    expect(alone.code).toBe(0);
    const said = srs(["consolidate", plain, spaced, good, "-o", path.join(dir, "汇总-再.xlsx")]);
    bounded(said);
    expect(said.out).not.toMatch(NO_FORMAT);
    const sums = async (f: string) =>
      (await readGrids(new Uint8Array(readFileSync(f)))).find((g) => g.name.endsWith("汇总"))!
        .values;
    expect(await sums(twice)).toEqual(await sums(one));
    nothingLive(twice, (f) => /^SUM\(/.test(f));
  }, 60_000);
});

describe("hidden sheets", () => {
  it("a very hidden sheet's later report never replaces the visible one, and every line says hidden", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const grid = (seed: number) =>
      filledSheet(t, { seed, rowTypes: ["village"], unit: "金淘镇朴里村" }).grid;
    const file = path.join(dir, "藏.xlsx");
    writeFileSync(
      file,
      await toXlsx((wb) => {
        addGridSheet(wb, { ...grid(6), name: "报表" });
        addGridSheet(wb, { ...grid(7), name: "藏" }).state = "veryHidden";
      })
    );
    const check = srs(["check", file]);
    bounded(check);
    expect(check.out).toContain("[藏]（深度隐藏的工作表）");
    const out = path.join(dir, "汇总-藏.xlsx");
    const r = srs(["consolidate", "--json", file, "-o", out]);
    const lines = JSON.parse(r.out).children;
    expect(lines.map((l: { status: string }) => l.status)).toEqual(["included", "replaced"]);
    expect(lines[1].reason).toMatch(/^在深度隐藏的工作表中，同一单位有可见的报表/);
    // Alone, a hidden report is summed, and its line says so: the run is not clean.
    const only = path.join(dir, "只藏.xlsx");
    writeFileSync(
      only,
      await toXlsx((wb) => {
        addGridSheet(wb, { ...grid(8), name: "藏" }).state = "hidden";
      })
    );
    const alone = srs(["consolidate", only, "-o", path.join(dir, "汇总-只藏.xlsx")]);
    expect(alone.code).toBe(1);
    expect(alone.out).toContain("报表在隐藏的工作表中，打开文件时看不到，请核对");
  }, 60_000);
});

describe("srs stamp and macros", () => {
  const MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  it("takes a VBA project out of a renamed .xlsm and says so; refuses Excel 4.0 macro sheets", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const f = filledSheet(t, { seed: 9, rowTypes: ["village"], unit: "金淘镇朴里村" });
    const plain = await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" }));
    const xlsm = rewrite(plain, {
      "xl/vbaProject.bin": () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      "[Content_Types].xml": (x) =>
        x
          .replace(
            /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/,
            MACRO
          )
          .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
          ),
      "xl/_rels/workbook.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
        ),
    });
    const file = path.join(dir, "宏.xlsx");
    writeFileSync(file, xlsm);
    const out = path.join(dir, "宏-盖章.xlsx");
    const was = tree(dir);
    const r = srs(["stamp", file, "--period", "2026Q4", "-o", out]);
    bounded(r);
    expect(r.code).toBe(0);
    expect(added(was, dir)).toEqual(["宏-盖章.xlsx"]);
    nothingLive(out);
    expect(r.out).toContain("原文件含宏（VBA 工程），已去掉");
    const parts = unzipSync(readFileSync(out));
    expect(Object.keys(parts).filter((n) => /vba/i.test(n))).toEqual([]);
    const types = strFromU8(parts["[Content_Types].xml"]);
    expect(types).not.toMatch(/macroEnabled|vbaProject/);
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"])).not.toContain("vbaProject");
    expect(srs(["check", out]).out).toContain("季报表（一）");
    const sheets = rewrite(plain, {
      "[Content_Types].xml": (x) =>
        x.replace(
          "</Types>",
          '<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>'
        ),
      "xl/macrosheets/sheet1.xml": () => "<xm:macrosheet/>",
    });
    const xlm = path.join(dir, "宏表.xlsx");
    writeFileSync(xlm, sheets);
    const refused = srs([
      "stamp",
      xlm,
      "--period",
      "2026Q4",
      "-o",
      path.join(dir, "宏表-盖章.xlsx"),
    ]);
    bounded(refused);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Excel 4\.0 宏表/);
    expect(readdirSync(dir)).not.toContain("宏表-盖章.xlsx");
  }, 60_000);
});
