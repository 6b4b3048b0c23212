/**
 * DOMAIN (third round), “回头看”统计表: the notice prints no no-blank note, so a blank cell in a
 * filled row is a warning ("若无请填 0"), counted as 0 by consolidation and listed in 汇总说明. Over
 * every template the rule applies to, and every column of it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../../src/cli/commands/consolidate";
import { RULES } from "../../../src/rules/checks";
import { OWN_SHEETS } from "../../../src/rules/own-sheets";
import { allTemplates, getTableInfo } from "../../../src/rules/templates/catalog";
import { readGrids } from "../../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../../src/workbook/xlsx/write-workbook";
import { ofRule, Sheet } from "../../helpers/filled";

const rule = RULES.find((r) => r.id === "blank-unnoted")!;
const ids = allTemplates()
  .filter((t) => rule.appliesTo(t))
  .map((t) => t.id);

it("applies to the reports whose notice prints no no-blank note: the 回头看统计表", () => {
  expect(ids).toEqual(["nanan-2024-review-stats"]);
  expect(
    allTemplates().filter((t) => RULES.find((r) => r.id === "blank")!.appliesTo(t))
  ).not.toContainEqual(expect.objectContaining({ id: "nanan-2024-review-stats" }));
});

/** A unit's 统计表 as its clerk fills it: the first row, and 0 wherever there is nothing. */
const clerk = (id: string, seed = 3, unit = "金淘镇朴里村") =>
  new Sheet(id, { seed, unit, rowTypes: [getTableInfo(id)!.slots[0].rowType] });

describe.each(ids)("%s", (id) => {
  const numbers = getTableInfo(id)!.leaves.filter((l) => l.kind === "number");

  it.each(numbers.map((l) => l.key))(
    "a blank %s in a filled row is a warning fixed by 0",
    (key) => {
      const s = clerk(id);
      // Counted as 0, a blank 督导检查 企业 needs its 发现问题 to be 0 as well (else see below).
      for (const r of getTableInfo(id)!.template.relations)
        if (r.kind === "zero-implies-zero" && r.when === key)
          r.then.forEach((k) => s.set(s.firstSlot, k, 0));
      s.set(s.firstSlot, key, null);
      const findings = s.findings();
      expect(findings).toEqual([
        expect.objectContaining({
          rule: "blank-unnoted",
          category: "blank",
          severity: "warning",
          cell: s.address(s.firstSlot, key),
          message: "此格为空白：若无请填 0（汇总时按 0 计）",
          fix: { cell: s.address(s.firstSlot, key), value: 0 },
        }),
      ]);
    }
  );

  it("a blank that, as 0, breaks a relation is an error: the clerk must say what it is", () => {
    const s = clerk(id)
      .set("total", "supervise.enterprises", null)
      .set("total", "supervise.enterpriseIssues", 3);
    const [f, ...rest] = ofRule(s.findings(), "identity");
    expect(rest).toEqual([]);
    expect(f.message).toMatch(/^请先改正企业（家）（G5：空白）/);
    expect(ofRule(s.findings(), "blank-unnoted")).toHaveLength(1);
  });

  it("an entirely empty second row says nothing; a half-filled one is warned of cell by cell", () => {
    const s = clerk(id);
    expect(s.findings()).toEqual([]);
    const second = s.address(s.firstSlot, numbers[0].key).replace(/\d+$/, (r) => String(+r + 1));
    const g = s.grid;
    const row = Number(second.replace(/^\D+/, "")) - 1;
    g.values[row][0] = 2;
    g.values[row][1] = 0;
    const warned = ofRule(s.findings(), "blank-unnoted");
    expect(warned).toHaveLength(numbers.length - 2);
    expect(new Set(warned.map((f) => f.row))).toEqual(new Set(["第2数据行"]));
  });

  it("consolidation counts the blank as 0, sums the unit, and lists the cell in 汇总说明", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-f-blank-"));
    const key = numbers[3].key;
    const a = clerk(id, 4, "金淘镇朴里村");
    const b = clerk(id, 5, "金淘镇岭兜村").set("total", key, null);
    const blank = b.address("total", key);
    const files = [];
    for (const [s, name] of [
      [a, "朴里村"],
      [b, "岭兜村"],
    ] as const) {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...s.grid, name: "Sheet1" })));
      files.push(file);
    }
    const out = path.join(dir, "out.xlsx");
    const { plan, summaries } = await consolidateFiles(files, out, {
      values: true,
      unit: "金淘镇",
    });
    expect(plan.lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇朴里村", "included"],
      ["金淘镇岭兜村", "included"],
    ]);
    expect(plan.lines[1].zeros).toEqual([blank]);
    const cell = summaries[0].cells.find(
      (c) => c.col === getTableInfo(id)!.leafByKey.get(key)!.index
    )!;
    expect(cell.value).toBe(Number(a.get("total", key)));
    const grids = await readGrids(readFileSync(out));
    const notes = grids.find((g) => g.name === OWN_SHEETS.notes.name)!;
    const line = notes.values.find((r) => r[0] === "金淘镇岭兜村")!;
    expect(String(line[line.length - 1])).toContain(`空白按 0 计：${blank}`);
    // The table has no period (one-off): its summary still names who consolidated it.
    const summary = grids.find((g) => g.name === summaries[0].sheet)!;
    expect(summary.values.flat().filter((v) => /^填报单位/.test(String(v)))).toEqual([
      expect.stringMatching(/^填报单位（盖章）：金淘镇\s+填报时间：/),
    ]);
  });
});
