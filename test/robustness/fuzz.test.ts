/**
 * 10,000 random grids — random text, numbers, merged areas (overlapping, out of bounds), Unicode,
 * very long strings, error values — through the recognizer and every rule: no exception, and
 * every finding's cell lies inside the sheet. Seeded, so a failure reproduces.
 */
import { checkRecognized } from "../../src/rules/check";
import { fromA1, type CellValue, type Grid } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates } from "../../src/rules/templates/catalog";
import { rng } from "../helpers/grids";

const templates = allTemplates();
const WORDS = [
  "村",
  "镇直直单位",
  "总数",
  "规上企业",
  "企业数量（家）",
  "红色风险企业︵家︶",
  "无",
  "—",
  "/",
  "３家",
  "1,200",
  "#REF!",
  "#DIV/0!",
  "=SUM(A1)",
  "报告期：2026年第4季度",
  "填报单位（盖章）：",
  "年 月 日",
  "🙂",
  "\u202Eمرحبا",
  "\u0000",
  "　",
  "\n\n",
];

function value(rand: () => number): CellValue {
  const k = rand();
  if (k < 0.3) return null;
  if (k < 0.5) return Math.floor(rand() * 200) - 20;
  if (k < 0.55) return [NaN, Infinity, -0, 1e308, 0.1 + 0.2][Math.floor(rand() * 5)];
  if (k < 0.6) return rand() < 0.5;
  if (k < 0.62) return "长".repeat(1000 + Math.floor(rand() * 2000));
  return WORDS[Math.floor(rand() * WORDS.length)];
}

/** Official layouts and filled sheets of every template, scrambled anew each time. */
const BASES = templates.flatMap((t) => [
  blankTemplate(t).grid,
  filledSheet(t, { seed: 1 }).grid,
  filledSheet(t, { seed: 2 }).grid,
]);

function randomGrid(rand: () => number, i: number): Grid {
  // A third start from an official layout or a filled sheet, then get scrambled.
  if (i % 3 === 0) {
    const base = BASES[Math.floor(rand() * BASES.length)];
    const values = base.values.map((r) => r.map((v) => (rand() < 0.1 ? value(rand) : v)));
    return { ...base, name: `t${i}`, values, merges: rand() < 0.3 ? [] : base.merges };
  }
  const rows = Math.floor(rand() * 40);
  const values = Array.from({ length: rows }, () =>
    Array.from({ length: Math.floor(rand() * 40) }, () => value(rand))
  );
  const merges = Array.from({ length: Math.floor(rand() * 6) }, () => {
    const top = Math.floor(rand() * 45) - 2;
    const left = Math.floor(rand() * 45) - 2;
    return {
      top,
      left,
      bottom: top + Math.floor(rand() * 5) - 1,
      right: left + Math.floor(rand() * 5) - 1,
    };
  });
  return { name: `r${i}`, values, merges, ...(rand() < 0.2 ? { origin: { row: 3, col: 2 } } : {}) };
}

function inside(grid: Grid, address: string): boolean {
  const { row, col } = fromA1(address);
  const o = grid.origin ?? { row: 0, col: 0 };
  const rows = grid.values.length;
  const cols = Math.max(0, ...grid.values.map((r) => r.length));
  return (
    row >= o.row &&
    col >= o.col &&
    row < o.row + Math.max(rows, 1) + 1 &&
    col < o.col + Math.max(cols, 1) + 1
  );
}

// 10 batches of 1,000, each seeded on its own: a failure names its batch and grid, and no single
// test runs long on a slow CI machine.
const BATCHES = Array.from({ length: 10 }, (_, b) => b);

it.each(BATCHES)(
  "10,000 random grids, batch %i of 1,000: no exception, every finding inside its sheet",
  (batch) => {
    const rand = rng(20261122 + batch);
    let recognized = 0;
    for (let k = 0; k < 1_000; k++) {
      const i = batch * 1_000 + k;
      const grid = randomGrid(rand, i);
      let where = "recognize";
      try {
        const rec = recognize(grid);
        if (rec.kind === "none") continue;
        recognized++;
        where = "rules";
        for (const f of checkRecognized(rec))
          for (const cell of [f.cell, ...f.cells].filter(Boolean))
            if (!inside(grid, cell)) throw new Error(`${f.rule} at ${cell}`);
      } catch (e) {
        throw new Error(
          `grid ${i} (${where}): ${(e as Error).message}\n${JSON.stringify(grid).slice(0, 2000)}`
        );
      }
    }
    expect(recognized).toBeGreaterThan(100);
  }
);
