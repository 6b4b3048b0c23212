/**
 * A township of 12 villages (some laid out differently, names needing quotes) and 3 town
 * departments, for 季报表（一）（二）（三）: the summary's native formulas, recalculated by
 * LibreOffice, give exactly the children's sums.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { main } from "../../src/cli/main";
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { sheetRef, uniqueSheetName } from "../../src/rules/sheet-names";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { recalculatedSheets } from "../helpers/csv";
import { deleteRows, shift, swapRowBlocks } from "../helpers/grids";

const VILLAGES = [
  "朴里村",
  "岭兜村",
  "金淘村",
  "占石村",
  "深垵村",
  "大坂 村",
  "霞春村",
  "后厝村",
  "东坑'村",
  "玉湖村",
  "福林村",
  "南星村",
];
const DEPTS = ["镇应急管理站", "镇市场监管所", "镇综治办"];

async function writeChild(
  dir: string,
  id: string,
  unit: string,
  i: number,
  rowTypes: string[]
): Promise<string> {
  const t = getTemplate(id)!;
  const f = filledSheet(t, { seed: 100 + i, rowTypes, unit });
  let grid: Grid = f.grid;
  // Clerks move things: every third file lost its title and moved; every fourth has its rows swapped.
  if (i % 4 === 2 && t.kind === "table" && t.rows.length > 1)
    grid = swapRowBlocks(grid, f.layout.body.top, f.layout.body.top + 1, 1);
  if (i % 3 === 1) grid = shift(deleteRows(grid, 0, 1), 3, 2);
  const file = path.join(dir, `${unit}.xlsx`);
  writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...grid, name: "Sheet1" })));
  return file;
}

/** The expected sums, from each child read back and recognized on its own. */
async function expectedSums(files: string[], id: string) {
  const info = getTableInfo(id)!;
  const sums = new Map<string, number>();
  for (const file of files) {
    const [grid] = await readGrids(readFileSync(file));
    const rec = recognize(grid);
    if (rec.kind !== "table" || rec.template.id !== id) continue;
    for (const slot of info.slots)
      for (const leaf of info.leaves) {
        const r = rec.match.rows.get(slot.key);
        const c = rec.match.columns.get(leaf.key);
        if (r === undefined || c === undefined) continue;
        const key = `${slot.key}|${leaf.key}`;
        sums.set(key, (sums.get(key) ?? 0) + (numericValue(grid.values[r]?.[c] ?? null) ?? 0));
      }
  }
  return sums;
}

describe("consolidation", () => {
  it("sums 12 villages and 3 departments for 季报表（一）（二）（三）, checked by LibreOffice", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-town-"));
    const files: Record<string, string[]> = {};
    for (const id of [
      "nanan-2026-quarterly-1",
      "nanan-2026-quarterly-2",
      "nanan-2026-quarterly-3",
    ]) {
      const sub = mkdtempSync(path.join(dir, `${id}-`));
      const villages = await Promise.all(
        VILLAGES.map((u, i) => writeChild(sub, id, `金淘镇${u}`, i, ["village"]))
      );
      const depts = id.endsWith("3")
        ? []
        : await Promise.all(
            DEPTS.map((u, i) => writeChild(sub, id, `金淘镇${u}`, i + 20, ["town-dept"]))
          );
      files[id] = [...villages, ...depts];
    }
    const budget = path.join(dir, "预算.xlsx");
    writeFileSync(
      budget,
      await toXlsx((wb) =>
        addGridSheet(wb, {
          name: "预算",
          values: [
            ["项目", "金额"],
            ["办公费", 12],
          ],
          merges: [],
        })
      )
    );
    const out = path.join(dir, "金淘镇汇总.xlsx");
    const all = [...Object.values(files).flat(), budget];
    const { plan, summaries } = await consolidateFiles(all, out, {
      period: { cycle: "quarter", year: 2026, quarter: 4 },
    });
    const result = { summaries, lines: plan.lines };

    expect(result.summaries.map((s) => s.sheet)).toEqual([
      "季报表（一）汇总",
      "季报表（二）汇总",
      "“九小场所”季报表（三）汇总",
    ]);
    expect(
      result.lines.filter((l) => l.status !== "included").map((l) => `${l.origin} ${l.reason}`)
    ).toEqual(["预算.xlsx 未识别为任何报表"]);
    expect(result.lines.find((l) => l.origin === "预算.xlsx")).toMatchObject({
      status: "no-template",
    });
    // Sheet names needing quotes are quoted and escaped in the formulas.
    const f1 = result.summaries[0].cells[0].formula;
    expect(f1).toContain("'金淘镇大坂 村'!");
    expect(f1).toContain("'金淘镇东坑''村'!");

    const sheets = recalculatedSheets(
      new Uint8Array(readFileSync(out)),
      result.summaries.map((s) => s.sheet)
    );
    for (const s of result.summaries) {
      const csv = sheets.get(s.sheet)!;
      const sums = await expectedSums(files[s.template.id], s.template.id);
      const info = getTableInfo(s.template.id)!;
      const labelCols = 1;
      let checked = 0;
      info.slots.forEach((slot, i) => {
        for (const leaf of info.leaves) {
          const key = `${slot.key}|${leaf.key}`;
          if (!sums.has(key)) continue;
          const shown = Number(csv[s.layout.body.top + i][labelCols + leaf.index]);
          expect({ key, value: shown }).toEqual({
            key,
            value: Math.round(sums.get(key)! * 100) / 100,
          });
          checked++;
        }
      });
      expect(checked).toBe(info.slots.length * info.leaves.length);
    }
  }, 240_000);

  it("never overwrites an input", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-again-"));
    const a = await writeChild(dir, "nanan-2026-quarterly-2", "金淘镇朴里村", 0, ["village"]);
    await expect(consolidateFiles([a], a, { values: true })).rejects.toThrow(/不能覆盖/);
  });

  it("excludes a child that still has errors, saying how many", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-err-"));
    const id = "nanan-2026-quarterly-1";
    const good = await writeChild(dir, id, "金淘镇朴里村", 0, ["village"]);
    const t = getTemplate(id)!;
    const f = filledSheet(t, { seed: 3, rowTypes: ["village"], unit: "金淘镇岭兜村" });
    f.grid.values[f.layout.body.top + 1][2] = "无";
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, await toXlsx((wb) => addGridSheet(wb, f.grid)));
    const { plan, summaries } = await consolidateFiles([good, bad], path.join(dir, "out.xlsx"), {
      values: true,
    });
    expect(plan.lines.find((l) => l.unit === "金淘镇岭兜村")).toMatchObject({ status: "errors" });
    // “无” in 规上企业, and the 总数 that cannot be checked until it is corrected.
    expect(plan.lines.find((l) => l.unit === "金淘镇岭兜村")!.reason).toMatch(
      /^还有 2 条错误未改正：/
    );
    expect(summaries[0].children.map((c) => c.sheet)).toEqual(["金淘镇朴里村"]);
    expect(plan.clean).toBe(false);
  });
});

describe("text that looks like a formula", () => {
  it("is copied from a child as text, never evaluated: LibreOffice shows it as written", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-text-"));
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const f = filledSheet(t, { seed: 7, rowTypes: ["village"], unit: "金淘镇朴里村" });
    const below = f.grid.values.length + 1;
    const texts = [
      '=HYPERLINK("http://example.com","点我")',
      "+86 595 8612 3456",
      "-2+3",
      "@SUM(B7:C7)",
    ];
    const grid = { ...f.grid, values: [...f.grid.values, [], ...texts.map((x) => [x])] };
    const child = path.join(dir, "朴里村.xlsx");
    writeFileSync(child, await toXlsx((wb) => addGridSheet(wb, { ...grid, name: "Sheet1" })));
    const out = path.join(dir, "汇总.xlsx");
    await consolidateFiles([child], out);
    const copy = recalculatedSheets(readFileSync(out), ["金淘镇朴里村"]).get("金淘镇朴里村")!;
    expect(texts.map((_, i) => copy[below + i]?.[0])).toEqual(texts);
  }, 120_000);
});

describe("sheet names", () => {
  it("are cleaned, made unique and quoted with apostrophes doubled", () => {
    const taken = new Set(["1村"]);
    expect(uniqueSheetName("1村", taken)).toBe("1村(2)");
    expect(uniqueSheetName("a/b:c*d?[e]", new Set())).toBe("abcde");
    expect(uniqueSheetName("很长的名字".repeat(10), new Set()).length).toBeLessThanOrEqual(31);
    expect(sheetRef("朴里 村(2)", "C7")).toBe("'朴里 村(2)'!C7");
    expect(sheetRef("it's", "C7")).toBe("'it''s'!C7");
  });
});

describe("srs consolidate: words and exit status", () => {
  const say = async (args: string[]) => {
    let out = "";
    const code = await main(args, (s) => (out += s + "\n"));
    return { code, out };
  };
  const child = async (dir: string, unit: string, seed: number, bad = false) => {
    const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed,
      rowTypes: ["village"],
      unit,
    });
    if (bad) f.grid.values[f.layout.body.top + 1][2] = "无";
    const file = path.join(dir, `${seed}.xlsx`);
    writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
    return file;
  };

  it("a unit named like our own sheets never takes their names", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-names-"));
    const files = [await child(dir, "汇总说明", 1), await child(dir, "季报表（一）汇总", 2)];
    const out = path.join(dir, "out.xlsx");
    const { code } = await say(["consolidate", ...files, "-o", out]);
    const names = (await readGrids(readFileSync(out))).map((g) => g.name);
    expect(names.slice(0, 2)).toEqual(["季报表（一）汇总", "汇总说明"]);
    expect(names).toEqual(expect.arrayContaining(["汇总说明(2)", "季报表（一）汇总(2)"]));
    expect(code).toBe(0);
  });

  it("with nothing to sum, writes nothing, says why for each file and exits 1", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-none-"));
    const bad = await child(dir, "金淘镇朴里村", 3, true);
    const out = path.join(dir, "out.xlsx");
    const { code, out: text } = await say(["consolidate", bad, "-o", out]);
    expect(code).toBe(1);
    expect(text).toMatch(/^没有可以汇总的报表，未写出文件/);
    // “无” in 规上企业, and the 总数 it leaves unchecked.
    expect(text).toContain("金淘镇朴里村（3.xlsx）：有错误：还有 2 条错误未改正");
    expect(existsSync(out)).toBe(false);
  });

  it("srs roster drafts a roster; --roster lists who is missing, and exit 1", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-roster-"));
    const a = await child(dir, "金淘镇朴里村", 4);
    const b = await child(dir, "金淘镇岭兜村", 5);
    const draft = path.join(dir, "名册.xlsx");
    expect((await say(["roster", "--from", a, b, "-o", draft])).code).toBe(0);
    const [sheet] = await readGrids(readFileSync(draft));
    expect(sheet.values.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["金淘镇朴里村", "村"],
      ["金淘镇岭兜村", "村"],
    ]);
    const csv = path.join(dir, "名册.csv");
    writeFileSync(
      csv,
      "\uFEFF单位名称,单位类型\n金淘镇朴里村,村\n金淘镇岭兜村,村\n金淘镇后厝村,村\n"
    );
    const out = path.join(dir, "out.xlsx");
    const r = await say(["consolidate", "--roster", csv, a, b, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("金淘镇后厝村：缺报：单位名册中有、本次没有报送");
    expect(r.out).toContain(
      "单位：应报 3 个，已报 2 个（按时 2、逾期 0），缺报 1 个；报表：缺 1 份、未汇总 0 份"
    );
    // The roster caught by the same glob as the reports is not taken for one.
    const clean = await say([
      "consolidate",
      "--roster",
      draft,
      a,
      b,
      draft,
      "-o",
      path.join(dir, "ok.xlsx"),
    ]);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain("全部报表已汇总，无缺报、无问题。");
  });
});

describe("stamping a consolidated workbook", () => {
  it("writes the summaries only: every copied village sheet keeps its own header", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-stamp-cons-"));
    const id = "nanan-2026-quarterly-1";
    const a = await writeChild(dir, id, "金淘镇朴里村", 0, ["village"]);
    const b = await writeChild(dir, id, "金淘镇岭兜村", 1, ["village"]);
    const out = path.join(dir, "汇总.xlsx");
    await consolidateFiles([a, b], out);
    const stamped = path.join(dir, "盖章.xlsx");
    let said = "";
    const code = await main(
      [
        "stamp",
        out,
        "--period",
        "2026Q4",
        "--unit",
        "金淘镇",
        "--filler",
        "王",
        "--phone",
        "0595-86123456",
        "-o",
        stamped,
      ],
      (s) => (said += s)
    );
    expect(code).toBe(0);
    expect(said).toContain("盖章的工作表：季报表（一）汇总）");
    const before = await readGrids(readFileSync(out));
    const after = await readGrids(readFileSync(stamped));
    for (const name of ["金淘镇朴里村", "金淘镇岭兜村"])
      expect(after.find((g) => g.name === name)!.values).toEqual(
        before.find((g) => g.name === name)!.values
      );
    const summary = recognize(after.find((g) => g.name === "季报表（一）汇总")!);
    expect(
      summary.kind === "table" && summary.headerFields.find((h) => h.key === "unit")?.value
    ).toBe("金淘镇");
  }, 60_000);
});

describe("sheet names from hostile unit names", () => {
  it.each([
    ["朴里\n村", "朴里 村"],
    ["'引号村'", "引号村"],
    ["History", "History(2)"],
    ["a/b:c*d?[e]", "abcde"],
    ["\u0007", "Sheet"],
  ])("%j becomes %j", (unit, name) => {
    expect(uniqueSheetName(unit, new Set())).toBe(name);
  });
});

describe("sheet names from names built to mislead", () => {
  it("drop bidi overrides and never cut a character in half", () => {
    expect(uniqueSheetName("朴里\u202e村", new Set())).toBe("朴里村");
    const emoji = `${"村".repeat(30)}😀`;
    const name = uniqueSheetName(emoji, new Set());
    expect(name).toBe("村".repeat(30));
    expect(uniqueSheetName(emoji, new Set([name]))).toBe(`${"村".repeat(28)}(2)`);
  });
});
