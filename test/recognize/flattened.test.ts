/**
 * Headers flattened into one row (a leaf carrying its groups, joined by -, ›, >, /, _ or a line
 * break) and headers an Excel Table made (列1/Column1 names, 企业数（家次）2 on duplicates): every
 * table template is recognized with every column where it is, and planted mistakes are found
 * with no other error.
 */
import { checkGrids } from "../../src/rules/check";
import { type Grid, toA1 } from "../../src/rules/grid";
import { recognize } from "../../src/rules/recognize";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { allTemplates, getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import { Sheet } from "../helpers/filled";
import { autoNamesAbove, type Band, flattenHeader, tableHeaderRow } from "../helpers/headers";
import { unmerge } from "../helpers/grids";
import { misplaced, planted } from "../helpers/plant";

const tableIds = allTemplates()
  .filter((t) => t.kind === "table")
  .map((t) => t.id);

/** Ways clerks join a leaf to its groups. */
const JOINS: [string, (p: string[]) => string][] = [
  ["-", (p) => p.join("-")],
  ["›", (p) => p.join("›")],
  [">", (p) => p.join(" > ")],
  ["/", (p) => p.join("/")],
  ["_", (p) => p.join("_")],
  ["line break", (p) => p.join("\n")],
  ["full-width －", (p) => p.join("－")],
  ["top group and leaf", (p) => (p.length > 1 ? `${p[0]}-${p[p.length - 1]}` : p[0])],
];

/** Excel Tables made from the official header. */
const TABLES: [string, (g: Grid, h: Band) => Grid][] = [
  // "My table has headers" off: Excel's names above, the header (unmerged) stays as rows.
  ["列n row above", (g, h) => autoNamesAbove(unmerge(g, h.top, h.bottom), h.top, h.left, h.right)],
  [
    "ColumnN row above",
    (g, h) => autoNamesAbove(unmerge(g, h.top, h.bottom), h.top, h.left, h.right, "Column"),
  ],
  // The header's top row as the Table's header row: its blank cells named 列n.
  ["top header row", (g, h) => tableHeaderRow(unmerge(g, h.top, h.bottom), h.top, h.left, h.right)],
  // Group rows deleted, the leaf row as the Table's header row: duplicates suffixed.
  [
    "leaf row with suffixed duplicates",
    (g, h) =>
      tableHeaderRow(
        flattenHeader(g, h, (p) => p[p.length - 1]),
        h.top,
        h.left,
        h.right
      ),
  ],
  // A flattened header as the Table's header row.
  [
    "flattened row with suffixed duplicates",
    (g, h) =>
      tableHeaderRow(
        flattenHeader(g, h, (p) => p.join("-")),
        h.top,
        h.left,
        h.right
      ),
  ],
];

const header = (id: string): Band => blankTemplate(getTemplate(id)!).header;

/** Where a value sits on a grid (the planted mistakes are unique values). */
function find(g: Grid, v: unknown): string {
  for (let r = 0; r < g.values.length; r++)
    for (let c = 0; c < (g.values[r]?.length ?? 0); c++)
      if (g.values[r][c] === v) return toA1(g, r, c);
  throw new Error(`${String(v)} not on the sheet`);
}

/** A filled sheet with two planted mistakes: a word in a count, a negative count. */
function withMistakes(id: string) {
  const s = new Sheet(id, { seed: 5 });
  const info = getTableInfo(id)!;
  const numbers = info.leaves.filter(
    (l) => l.kind === "number" && !info.notApplicable(info.slots[0], l.key)
  );
  s.set(s.firstSlot, numbers[1].key, "若干");
  s.set(s.firstSlot, numbers[numbers.length - 1].key, -7);
  return s.grid;
}

function expectMistakesOnly(g: Grid, id: string) {
  const [report] = checkGrids([g]);
  expect(report.recognition.template?.id).toBe(id);
  const planted = [find(g, "若干"), find(g, -7)];
  const errors = report.findings.filter((f) => f.severity === "error");
  for (const cell of planted) expect(errors.map((f) => f.cells).flat()).toContain(cell);
  const others = errors.filter((f) => !f.cells.some((c) => planted.includes(c)));
  expect(others.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
}

describe.each(tableIds)("%s", (id) => {
  it.each(JOINS)("a header flattened with %s is read column for column", (_, join) => {
    const p = planted(id);
    const g = flattenHeader(p.grid, header(id), join);
    const rec = recognize(g);
    expect(rec.template?.id).toBe(id);
    expect(misplaced(rec, p.markers)).toEqual([]);
    expect(rec.kind === "table" && rec.findings).toEqual([]);
  });

  it.each(TABLES)("an Excel Table header (%s) is read column for column", (_, make) => {
    const p = planted(id);
    const rec = recognize(make(p.grid, header(id)));
    expect(rec.template?.id).toBe(id);
    expect(misplaced(rec, p.markers)).toEqual([]);
    expect(rec.kind === "table" && rec.findings).toEqual([]);
  });

  it.each([JOINS[0], JOINS[1], JOINS[5]])(
    "flattened with %s: planted mistakes are found, nothing else",
    (_, join) => expectMistakesOnly(flattenHeader(withMistakes(id), header(id), join), id)
  );

  it.each([TABLES[0], TABLES[2], TABLES[3]])(
    "as an Excel Table (%s): planted mistakes are found, nothing else",
    (_, make) => expectMistakesOnly(make(withMistakes(id), header(id)), id)
  );
});

it("the issue's examples align to their leaf", () => {
  const id = "nanan-2026-quarterly-2";
  const p = planted(id);
  const g = flattenHeader(p.grid, header(id), (path) => path.join("›"));
  const rec = recognize(g);
  expect(rec.kind === "table" && rec.match.columns.get("enf.fines.count")).toBe(
    g.values[2].indexOf("执法激励约束›罚款›企业数（家次）")
  );
});
