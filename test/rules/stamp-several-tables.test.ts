/**
 * Stamping a sheet that holds two tables (clerks paste 季报表（一） and （三） onto one sheet): each
 * table gets its own 统计口径 line, under itself when there is room, never in the other's cell
 * (both lines once went to the same cell, the second overwriting the first). Stamping again
 * finds each line where it was put; a new period replaces them in place.
 */
import { checkGrids } from "../../src/rules/check";
import type { Grid } from "../../src/rules/grid";
import type { Period } from "../../src/rules/period";
import { recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { reportPeriod } from "../../src/rules/report-period";
import { filledSheet } from "../../src/rules/sample/filled";
import { applyEdits, basisLine, stampSheetEdits } from "../../src/rules/stamp";
import { getTemplate } from "../../src/rules/templates/catalog";
import { beside, stacked, tableOnly } from "../helpers/combine";

const Q4: Period & { cycle: "quarter" } = { cycle: "quarter", year: 2026, quarter: 4 };
const Q3: Period & { cycle: "quarter" } = { cycle: "quarter", year: 2026, quarter: 3 };
/** A day within each period's window. */
const dayIn = (p: Period & { cycle: "quarter" }) => ({
  year: p.year,
  month: p.quarter * 3,
  day: 20,
});

const WAYS: [string, (a: Grid, b: Grid) => Grid, boolean][] = [
  ["one under the other, a blank row between", (a, b) => stacked(a, b, 1), true],
  ["one right under the other", (a, b) => stacked(a, b, 0), false],
  ["side by side, a blank column between", (a, b) => beside(a, b, 1), true],
  ["side by side, touching", (a, b) => beside(a, b, 0), true],
];

const PAIRS: [string, string][] = [
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-3"],
  ["nanan-2026-quarterly-1", "nanan-2026-quarterly-1"],
];

const tables = (g: Grid) => recognizeSheet(g) as TableRecognition[];

function stamp(g: Grid, period: Period & { cycle: "quarter" }) {
  const date = dayIn(period);
  return applyEdits(g, stampSheetEdits(tables(g), { period, date, profile: { unit: "朴里村" } }));
}

/** Every 统计口径 line on the sheet: where, and what it says. */
const basisCells = (g: Grid) =>
  g.values.flatMap((r, row) =>
    r.flatMap((v, col) =>
      typeof v === "string" && v.startsWith("统计口径：") ? [{ row, col, text: v }] : []
    )
  );

describe.each(PAIRS)("%s with %s on one sheet", (a, b) => {
  const pa = filledSheet(getTemplate(a)!, { seed: 3, unit: "朴里村", rowTypes: ["village"] });
  const pb = filledSheet(getTemplate(b)!, { seed: 4, unit: "朴里村", rowTypes: ["village"] });

  it.each(WAYS)("%s: two lines, each its table's", (_, put, roomUnder) => {
    const g = put(pa.grid, pb.grid);
    const before = tables(g);
    const once = stamp(g, Q4);
    const lines = basisCells(once);
    expect(lines).toHaveLength(2);
    expect(lines[0].row === lines[1].row && lines[0].col === lines[1].col).toBe(false);
    expect(lines.map((l) => l.text).sort()).toEqual(before.map((r) => basisLine(r)).sort());
    // With room under each table, its line is right under it, in its own columns.
    if (roomUnder)
      for (const r of before) {
        const mine = lines.filter(
          (l) =>
            l.row > r.place.region.bottom &&
            l.col >= r.match.band.left &&
            l.col <= r.match.band.right
        );
        expect(mine.map((l) => l.text)).toContain(basisLine(r));
        const other = before.find((o) => o !== r)!;
        if (other.place.region.top > r.place.region.bottom)
          expect(mine.some((l) => l.row < other.place.region.top)).toBe(true);
      }
    // Still two tables, each checked clean; stamping again changes nothing.
    const reports = checkGrids([once]);
    expect(reports.map((r) => r.recognition.template?.id)).toEqual([a, b]);
    for (const r of reports) expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    expect(stamp(once, Q4)).toEqual(once);
    // A new period moves nothing: the same two cells, the same two lines.
    const moved = stamp(once, Q3);
    expect(basisCells(moved)).toEqual(lines);
    expect(checkGrids([moved]).flatMap((r) => r.findings)).toEqual([]);
  });
});

it("only the tables asked for are stamped, and the others are kept clear of", () => {
  const t1 = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 1,
    rowTypes: ["village"],
  });
  const t3 = filledSheet(getTemplate("nanan-2026-quarterly-3")!, { seed: 2 });
  const g = stacked(t1.grid, t3.grid, 1);
  const recs = tables(g);
  const edits = stampSheetEdits(recs, { period: Q4 }, (r) => r === recs[0]);
  const lines = edits.filter((e) => e.value.startsWith("统计口径"));
  expect(lines.map((e) => e.value)).toEqual([basisLine(recs[0])]);
  expect(lines[0].row).toBeGreaterThan(recs[0].place.region.bottom);
  expect(lines[0].row).toBeLessThan(recs[1].place.region.top);
});

it("a table's period is read from its own part of the sheet, never from the table above it", () => {
  const t1 = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 1,
    rowTypes: ["village"],
  });
  const t3 = filledSheet(getTemplate("nanan-2026-quarterly-3")!, { seed: 2 });
  // The lower table was pasted without its title and header line: its period goes in its 统计口径 line.
  const bare = tableOnly(t3.grid, tables(t3.grid)[0].place.region.top, t3.grid.values.length - 1);
  let g = stacked(t1.grid, bare, 1);
  const at = (grid: Grid) => tables(grid);
  g = applyEdits(
    g,
    stampSheetEdits(at(g), { period: Q3 }, (r) => r.place.index === 2)
  );
  g = applyEdits(
    g,
    stampSheetEdits(at(g), { period: Q4 }, (r) => r.place.index === 1)
  );
  const [upper, lower] = at(g);
  expect(reportPeriod(upper)).toEqual({ period: Q4, from: "stamp" });
  expect(reportPeriod(lower)).toEqual({ period: Q3, from: "stamp" });
});
