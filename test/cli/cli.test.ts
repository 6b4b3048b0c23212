import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { allTemplates, getTableInfo, getTemplate } from "../../src/rules/templates/catalog";

async function run(args: string[]) {
  let out = "";
  const code = await main(args, (s) => (out += s + "\n"));
  return { code, out };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "srs-cli-"));

describe("srs command", () => {
  it("prints usage through the package bin", () => {
    const out = execFileSync("node", [path.join(__dirname, "../../bin/srs.js"), "--help"], {
      encoding: "utf8",
    });
    expect(out).toMatch(/用法/);
    expect(out).toMatch(/srs check/);
  });

  it("lists the templates", async () => {
    const { code, out } = await run(["templates", "--json"]);
    expect(code).toBe(0);
    const list = JSON.parse(out);
    expect(list).toHaveLength(12);
    expect(list[0]).toMatchObject({
      id: "nanan-2026-quarterly-1",
      title: expect.stringContaining("季报表（一）"),
    });
  });

  it("writes a blank template that it recognizes again", async () => {
    const dir = tmp();
    const file = path.join(dir, "季报表一.xlsx");
    expect((await run(["template", "nanan-2026-quarterly-1", "-o", file])).code).toBe(0);
    const { code, out } = await run(["check", "--json", file]);
    expect(code).toBe(1); // a blank template is all blanks
    const sheet = JSON.parse(out).files[0].sheets[0];
    expect(sheet.template.id).toBe("nanan-2026-quarterly-1");
    expect(sheet.findings[0]).toMatchObject({
      rule: "blank",
      category: "blank",
      severity: "error",
      fix: { value: 0 },
    });
    expect(readdirSync(dir)).toEqual(["季报表一.xlsx"]); // no temporary file left behind
  });

  it("-o without .xlsx gets it; -o naming a folder gets one file a template in it", async () => {
    const dir = tmp();
    expect(
      (await run(["template", "nanan-2026-quarterly-1", "-o", path.join(dir, "q1")])).code
    ).toBe(0);
    expect(readdirSync(dir)).toEqual(["q1.xlsx"]);
    const all = await run(["template", "all", "-o", path.join(dir, "new") + "/"]);
    expect(all.code).toBe(0);
    const names = readdirSync(path.join(dir, "new")).sort();
    expect(names).toHaveLength(allTemplates().length);
    expect(names).toContain("南安市-季报表（一）.xlsx");
    expect(names).toContain("安溪县-月报表（一）.xlsx");
    // Each file holds its one blank, recognized as that template.
    const { out } = await run([
      "check",
      "--json",
      path.join(dir, "new", "晋江市-月报表（二）.xlsx"),
    ]);
    expect(
      JSON.parse(out).files[0].sheets.map((x: { template: { id: string } }) => x.template.id)
    ).toEqual(["jinjiang-2024-monthly-2"]);
    // An existing folder given without the slash is a folder too.
    expect(
      (await run(["template", "nanan-2024-review-stats", "-o", path.join(dir, "new")])).code
    ).toBe(0);
    expect(readdirSync(path.join(dir, "new"))).toHaveLength(allTemplates().length);
  });

  it("refuses an unknown template id or a missing -o with a usage line", async () => {
    expect((await run(["template", "nope", "-o", path.join(tmp(), "x.xlsx")])).code).toBe(64);
    expect((await run(["template", "nanan-2026-quarterly-1"])).code).toBe(64);
  });

  it("gives each unreadable file one clear line, checks the others, and exits 2", async () => {
    const dir = tmp();
    const good = path.join(dir, "good.xlsx");
    writeFileSync(good, await layoutsToXlsx([blankTemplate(getTemplate("anxi-2024-monthly-2")!)]));
    const files = {
      "empty.xlsx": Buffer.alloc(0),
      "text.xlsx": Buffer.from("这不是表格"),
      "old.xls": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "locked.xlsx": Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from("EncryptedPackage", "utf16le"),
      ]),
      "truncated.xlsx": Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const names = [
      ...Object.keys(files).map((n) => path.join(dir, n)),
      path.join(dir, "missing.xlsx"),
      good,
    ];
    const { code, out } = await run(["check", "--json", ...names]);
    expect(code).toBe(2);
    const byName = Object.fromEntries(
      JSON.parse(out).files.map((f: { file: string }) => [path.basename(f.file), f])
    );
    expect(byName["empty.xlsx"].error).toMatch(/空/);
    expect(byName["text.xlsx"].error).toMatch(/不是 Excel 工作簿/);
    expect(byName["old.xls"].error).toMatch(/\.xls/);
    expect(byName["locked.xlsx"].error).toMatch(/密码/);
    expect(byName["truncated.xlsx"].error).toMatch(/损坏/);
    expect(byName["missing.xlsx"].error).toMatch(/找不到/);
    expect(byName["good.xlsx"].sheets[0].template.id).toBe("anxi-2024-monthly-2");
    for (const f of Object.values(byName) as { error?: string }[])
      if (f.error) expect(f.error).not.toMatch(/\n|at .*\(/);
  });

  it("prints text grouped by file and sheet, naming unrecognized sheets' nearest template", async () => {
    const dir = tmp();
    const file = path.join(dir, "t.xlsx");
    writeFileSync(
      file,
      await layoutsToXlsx([blankTemplate(getTemplate("nanan-2026-quarterly-3")!)])
    );
    const { out } = await run(["check", file]);
    expect(out).toContain(`== ${file}`);
    expect(out).toContain("九小场所");
  });

  it("never overwrites an input", async () => {
    const dir = tmp();
    const file = path.join(dir, "in.xlsx");
    writeFileSync(file, "x");
    const { writeAtomic } = await import("../../src/cli/io");
    await expect(writeAtomic(file, new Uint8Array([1]), [file])).rejects.toThrow(/不能覆盖/);
    expect(existsSync(file)).toBe(true);
  });

  it("shows at most 200 findings a sheet, errors first, then says how many more", async () => {
    const { toText } = await import("../../src/cli/commands/check");
    const finding = (i: number) => ({
      rule: "blank",
      category: "blank" as const,
      severity: i === 249 ? ("error" as const) : ("warning" as const),
      sheet: "1村",
      cell: `A${i + 1}`,
      cells: [`A${i + 1}`],
      row: "村",
      column: "总数",
      message: `第${i}条`,
      messageEn: "",
      source: "季报表（一）注10",
    });
    const template = { id: "x", title: "季报表（一）" };
    const findings = Array.from({ length: 250 }, (_, i) => finding(i));
    const out = toText([
      {
        file: "1村.xlsx",
        sheets: [
          {
            sheet: "1村",
            template,
            findings,
            tables: [{ table: 1, range: "A1:AB7", template, confidence: 1, findings }],
          },
        ],
      },
    ]);
    expect(out).toContain("错误 1 条，提示 249 条（空白格 250）");
    expect(out).toContain("还有 50 条未显示");
    expect(out.split("\n").filter((l) => /^\s+[✗!] /.test(l))).toHaveLength(200);
    expect(out.split("\n").find((l) => /^\s+[✗!] /.test(l))).toContain("第249条");
  });

  it("takes --period and --previous, and refuses a period it cannot read", async () => {
    const dir = tmp();
    const { filledSheet } = await import("../../src/rules/sample/filled");
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const write = async (name: string, date: string, total: number) => {
      const f = filledSheet(t, { seed: 2, rowTypes: ["village"] });
      f.grid.values[1][0] = `填报单位（盖章）：朴里村  填表人：林小红  联系电话：13805951234  ${date}`;
      // 村 · 健全三张清单 › 企业数量（家）: cumulative since 2021-08
      f.grid.values[f.layout.body.top + 1][
        1 + getTableInfo(t.id)!.leafByKey.get("resp.lists3.count")!.index
      ] = total;
      writeFileSync(path.join(dir, name), await layoutsToXlsx([{ ...f.layout, grid: f.grid }]));
      return path.join(dir, name);
    };
    const prev = await write("q3.xlsx", "2026年9月20日", 9);
    const now = await write("q4.xlsx", "2026年12月20日", 2);
    expect((await run(["check", "--period", "2026年四季度", now])).code).toBe(0);
    const { code, out } = await run(["check", "--json", "--previous", prev, now]);
    expect(code).toBe(1);
    expect(JSON.parse(out).files[0].sheets[0].findings).toMatchObject([
      { rule: "cumulative", category: "period", expected: 9 },
    ]);
    expect((await run(["check", "--period", "明年", now])).code).toBe(64);
  });
});
