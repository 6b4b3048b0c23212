/** The pane's in-place consolidation (MemoryWorkbook, as in Excel) of villages that put 季报表（一） and （三） on one sheet. */
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { readNotes } from "../../src/rules/consolidation/notes";
import { recognize, recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
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

/** Each number cell's sum over the tables, each read alone: slot|column → sum. */
function sums(grids: Grid[]) {
  const out = new Map<string, number>();
  for (const g of grids) {
    const rec = recognize(g) as TableRecognition;
    for (const slot of rec.info.slots)
      for (const leaf of rec.info.leaves) {
        const r = rec.match.rows.get(slot.key);
        const c = rec.match.columns.get(leaf.key);
        if (r === undefined || c === undefined || leaf.kind !== "number") continue;
        const k = `${slot.key}|${leaf.key}`;
        out.set(k, (out.get(k) ?? 0) + (numericValue(g.values[r]?.[c] ?? null) ?? 0));
      }
  }
  return out;
}

/** The summary of `t` holds the sum of exactly these current reports. */
function expectSummary(book: MemoryWorkbook, t: typeof Q1, current: Grid[]) {
  const grid = book.sheets.find((s) => s.name === `${t.shortTitle}汇总`)!;
  const summary = recognize(grid) as TableRecognition;
  let checked = 0;
  for (const [k, want] of sums(current)) {
    const [slot, column] = k.split("|");
    const r = summary.match.rows.get(slot);
    const c = summary.match.columns.get(column);
    if (r === undefined || c === undefined) continue;
    expect({ k, v: numericValue(grid.values[r][c]) ?? 0 }).toEqual({ k, v: want });
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
}

/** 汇总说明 gives every table in the workbook (but our own sheets) exactly one line. */
function expectOneLineEach(book: MemoryWorkbook) {
  const notes = readNotes(book.sheets)!;
  const tables = book.sheets
    .filter((g) => g.name !== notes.sheet && !notes.ours.has(g.name))
    .flatMap((g) => recognizeSheet(g))
    .filter((r): r is TableRecognition => r.kind === "table");
  for (const r of tables) {
    const place = r.place.of > 1 ? r.place.range : undefined;
    const n = notes.rows.filter(
      (x) => x.sheet === r.sheet && x.place === place && x.table === r.template.shortTitle
    ).length;
    expect({ sheet: r.sheet, place, n }).toEqual({ sheet: r.sheet, place, n: 1 });
  }
  // (a duplicate inserted and dropped keeps a line with no sheet)
  const rows = notes.rows.filter(
    (x) => x.sheet && x.status !== "汇总表" && x.status !== "汇总明细"
  );
  expect(rows.length).toBe(tables.length);
  return notes;
}

const xlsx = async (name: string, g: Grid) => ({
  name,
  bytes: await toXlsx((wb) => addGridSheet(wb, { ...g, name: "Sheet1" })),
});

describe.each([
  ["（一） above （三）", true],
  ["（三） above （一）", false],
])("a village resends one of the two tables it put on one sheet (%s)", (_, oneFirst) => {
  const put = (one: Grid, three: Grid) =>
    oneFirst ? stacked(one, three, 1) : stacked(three, one, 1);
  it("its other table stays counted in later rounds, each table with one line", async () => {
    const A = "金淘镇朴里村";
    const a1 = filledSheet(Q1, { seed: 1, rowTypes: ["village"], unit: A }).grid;
    const a3 = filledSheet(Q3, { seed: 51, unit: A }).grid;
    const b1 = filledSheet(Q1, { seed: 2, rowTypes: ["village"], unit: "金淘镇岭兜村" }).grid;
    const c1 = filledSheet(Q1, { seed: 3, rowTypes: ["village"], unit: "金淘镇金淘村" }).grid;
    const a3new = filledSheet(Q3, { seed: 77, unit: A }).grid;
    const book = new MemoryWorkbook([]);

    await book.consolidate([await xlsx(`${A}.xlsx`, put(a1, a3)), await xlsx("岭兜村.xlsx", b1)]);
    expectSummary(book, Q1, [a1, b1]);
    expectSummary(book, Q3, [a3]);
    expectOneLineEach(book);

    // Round 2: only （三） again. Its old copy is replaced by its own line; the sheet stays,
    // since its （一） is still current.
    const l2 = await book.consolidate([await xlsx(`${A}-更正.xlsx`, a3new)]);
    const onOld = [
      ["季报表（一）", "included"],
      ["“九小场所”季报表（三）", "replaced"],
    ];
    expect(l2.map((l) => [l.table, l.status])).toEqual([
      ...(oneFirst ? onOld : onOld.reverse()),
      ["季报表（一）", "included"],
      ["“九小场所”季报表（三）", "included"],
      // 岭兜村 sent （一） but not （三）, a table with a 村 row: it is 缺报 for （三） (owed.ts).
      ["“九小场所”季报表（三）", "missing"],
    ]);
    expect(book.sheets.some((s) => s.name.includes("（上次）"))).toBe(false);
    expectSummary(book, Q1, [a1, b1]);
    expectSummary(book, Q3, [a3new]);
    expectOneLineEach(book);

    // Round 3: another village. Nothing of 朴里村's is lost or listed twice.
    const l3 = await book.consolidate([await xlsx("金淘村.xlsx", c1)]);
    // Every report summed; 岭兜村 and 金淘村 never sent （三）, so each is 缺报 for it.
    expect(
      l3.filter((l) => l.status !== "included").map((l) => [l.unit, l.table, l.status])
    ).toEqual([
      ["金淘镇岭兜村", "“九小场所”季报表（三）", "missing"],
      ["金淘镇金淘村", "“九小场所”季报表（三）", "missing"],
    ]);
    expectSummary(book, Q1, [a1, b1, c1]);
    expectSummary(book, Q3, [a3new]);
    const notes = expectOneLineEach(book);
    const old = notes.rows.filter((r) => r.status === "被替换");
    expect(old.map((r) => [r.unit, r.table, r.sheet, !!r.place])).toEqual([
      [A, "“九小场所”季报表（三）", A, true],
    ]);
    expect(notes.rows.filter((r) => r.unit === A && r.status === "已汇总").length).toBe(2);

    // Round 4: its （一） is resent too: now every table on the old sheet is replaced, and the
    // sheet is set aside whole.
    const a1new = filledSheet(Q1, { seed: 9, rowTypes: ["village"], unit: A }).grid;
    await book.consolidate([await xlsx(`${A}-更正2.xlsx`, a1new)]);
    expectSummary(book, Q1, [a1new, b1, c1]);
    expectSummary(book, Q3, [a3new]);
    const after = expectOneLineEach(book);
    const aside = book.sheets.filter((s) => s.name.includes("（上次）")).map((s) => s.name);
    expect(aside).toEqual([`${A}（上次）`]);
    expect(after.replaced).toEqual(new Set(aside));
    expect(after.rows.filter((r) => r.sheet === aside[0]).map((r) => r.status)).toEqual([
      "被替换",
      "被替换",
    ]);
  });
});

describe.each([
  ["stacked", (a: Grid, b: Grid) => [{ ...stacked(a, b, 1), name: "Sheet1" }]],
  ["side by side", (a: Grid, b: Grid) => [{ ...beside(a, b, 1), name: "Sheet1" }]],
  [
    "on two sheets",
    (a: Grid, b: Grid) => [
      { ...a, name: "甲" },
      { ...b, name: "乙" },
    ],
  ],
])("two villages' 季报表（一） in one file (%s), in the pane", (_, put) => {
  it("both are summed, each with its own line; the file inserted again counts once", async () => {
    const a = filledSheet(Q1, { seed: 31, rowTypes: ["village"], unit: "金淘镇朴里村" }).grid;
    const b = filledSheet(Q1, { seed: 32, rowTypes: ["village"], unit: "金淘镇岭兜村" }).grid;
    const bytes = await toXlsx((wb) => put(a, b).forEach((g) => addGridSheet(wb, g)));
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate([{ name: "两村.xlsx", bytes }]);
    expect(lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇朴里村", "included"],
      ["金淘镇岭兜村", "included"],
    ]);
    expectSummary(book, Q1, [a, b]);
    expectOneLineEach(book);
    const again = await book.consolidate([{ name: "两村-再发.xlsx", bytes }]);
    expect(again.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇朴里村", "included"],
      ["金淘镇岭兜村", "included"],
      ["金淘镇朴里村", "duplicate"],
      ["金淘镇岭兜村", "duplicate"],
    ]);
    expectSummary(book, Q1, [a, b]);
    expectOneLineEach(book);
  });
});
