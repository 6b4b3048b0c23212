/** The pane's in-place consolidation (MemoryWorkbook, as in Excel) of villages that put 季报表（一） and （三） on one sheet. */
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { beside, stacked } from "../helpers/combine";

const Q1 = getTemplate("nanan-2026-quarterly-1")!;
const Q3 = getTemplate("nanan-2026-quarterly-3")!;

/** The village row's numbers of a table read alone. */
const villageRow = (g: Grid) => {
  const rec = recognize(g) as TableRecognition;
  const r = rec.match.rows.get("village")!;
  return new Map([...rec.match.columns].map(([k, c]) => [k, numericValue(g.values[r][c]) ?? 0]));
};

async function village(unit: string, seed: number, put: (a: Grid, b: Grid) => Grid) {
  const a = filledSheet(Q1, { seed, rowTypes: ["village"], unit }).grid;
  const b = filledSheet(Q3, { seed: seed + 50, unit }).grid;
  return {
    file: {
      name: `${unit}.xlsx`,
      bytes: await toXlsx((wb) => addGridSheet(wb, { ...put(a, b), name: "Sheet1" })),
    },
    rows: [villageRow(a), villageRow(b)],
  };
}

it("each table of a pasted sheet is summed into its own summary; the sheet is one copy", async () => {
  const one = await village("金淘镇朴里村", 1, (a, b) => stacked(a, b, 1));
  const two = await village("金淘镇岭兜村", 2, (a, b) => beside(a, b, 1));
  const book = new MemoryWorkbook([]);
  const lines = await book.consolidate([one.file, two.file]);
  expect(lines.map((l) => [l.unit, l.table, l.status])).toEqual([
    ["金淘镇朴里村", "季报表（一）", "included"],
    ["金淘镇朴里村", "“九小场所”季报表（三）", "included"],
    ["金淘镇岭兜村", "季报表（一）", "included"],
    ["金淘镇岭兜村", "“九小场所”季报表（三）", "included"],
  ]);
  expect(book.sheets.map((s) => s.name).sort()).toEqual(
    [
      "金淘镇朴里村",
      "金淘镇岭兜村",
      "季报表（一）汇总",
      "“九小场所”季报表（三）汇总",
      "汇总说明",
    ].sort()
  );
  [Q1, Q3].forEach((t, i) => {
    const summary = book.sheets.find((s) => s.name === `${t.shortTitle}汇总`)!;
    const got = villageRow(summary);
    for (const [key, v] of got)
      expect({ key, v }).toEqual({ key, v: one.rows[i].get(key)! + two.rows[i].get(key)! });
  });
});
