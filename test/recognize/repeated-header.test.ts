/**
 * Classes of file clerks make that were misread (issue #22): a header whose rows were pasted again
 * above the data, and an Excel Table made over the data with "my table has headers" off, whose
 * names (列1, 列2… or Column1…) sit between the header and the data. Over every template: the
 * right template, every cell where it is, a clerk's sheet (0 in every unused cell) with no
 * finding, and planted mistakes found with nothing else.
 */
import { checkGrids } from "../../src/rules/check";
import { type Grid, toA1 } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { clerkSheet } from "../helpers/filled";
import { repeatRows } from "../helpers/grids";
import { autoNamesAbove } from "../helpers/headers";
import { misplaced, planted } from "../helpers/plant";

const templates = allTemplates();
const layout = (id: string) => blankTemplate(getTemplate(id)!);

/** What clerks do to the rows above the data. */
const DAMAGE: [string, (g: Grid, id: string) => Grid][] = [
  [
    "header rows pasted twice",
    (g, id) => repeatRows(g, layout(id).header.top, layout(id).header.bottom),
  ],
  [
    "header rows pasted three times",
    (g, id) => repeatRows(g, layout(id).header.top, layout(id).header.bottom, 2),
  ],
  [
    "header line and header rows pasted twice",
    (g, id) => repeatRows(g, layout(id).header.top - 1, layout(id).header.bottom),
  ],
];

/** Excel Tables made over the data rows, "my table has headers" off. */
const TABLES: [string, (g: Grid, id: string) => Grid][] = [
  [
    "列n names between the header and the data",
    (g, id) =>
      autoNamesAbove(g, layout(id).body.top, layout(id).header.left, layout(id).header.right),
  ],
  [
    "ColumnN names between the header and the data",
    (g, id) =>
      autoNamesAbove(
        g,
        layout(id).body.top,
        layout(id).header.left,
        layout(id).header.right,
        "Column"
      ),
  ],
  [
    "only the first column named 列1",
    (g, id) =>
      autoNamesAbove(g, layout(id).body.top, layout(id).header.left, layout(id).header.left),
  ],
];

/** A unit's sheet as its clerk fills it: its own rows, 0 in every unused cell. */
function clerk(id: string, seed = 3): Grid {
  const t = getTemplate(id)!;
  return t.kind === "table" ? clerkSheet(id, seed).grid : filledSheet(t, { seed }).grid;
}

/** Where a value sits on a grid (the planted mistakes are unique values). */
function find(g: Grid, v: unknown): string {
  for (let r = 0; r < g.values.length; r++)
    for (let c = 0; c < (g.values[r]?.length ?? 0); c++)
      if (g.values[r][c] === v) return toA1(g, r, c);
  throw new Error(`${String(v)} not on the sheet`);
}

describe.each(templates.map((t) => t.id))("%s", (id) => {
  const table = getTemplate(id)!.kind === "table";
  const cases = table ? [...DAMAGE, ...TABLES] : DAMAGE;

  it.each(cases)("%s: a clerk's sheet is read with no finding", (_, damage) => {
    const [report, ...more] = checkGrids([damage(clerk(id), id)]);
    expect(report.recognition.template?.id).toBe(id);
    expect(more).toEqual([]);
    expect(report.findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
  });

  if (table)
    it.each(cases)(
      "%s: every cell is where it is; planted mistakes are found, nothing else",
      (_, damage) => {
        const p = planted(id);
        const rec = recognize(damage(p.grid, id));
        expect(misplaced(rec, p.markers)).toEqual([]);
        expect(rec.kind === "table" && rec.findings).toEqual([]);

        const info = getTableInfo(id)!;
        const s = clerkSheet(id, 5);
        const numbers = info.leaves.filter(
          (l) => l.kind === "number" && !info.notApplicable(info.slots[0], l.key)
        );
        s.set(s.firstSlot, numbers[1].key, "若干");
        s.set(s.firstSlot, numbers[numbers.length - 1].key, -7);
        const g = damage(s.grid, id);
        const [report] = checkGrids([g]);
        const spots = [find(g, "若干"), find(g, -7)];
        const errors = report.findings.filter((f) => f.severity === "error");
        for (const cell of spots) expect(errors.flatMap((f) => f.cells)).toContain(cell);
        expect(
          errors
            .filter((f) => !f.cells.some((c) => spots.includes(c)))
            .map((f) => `${f.rule} ${f.message}`)
        ).toEqual([]);
      }
    );
});
