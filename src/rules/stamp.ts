/**
 * Stamping: the header line (填报单位, 填表人, 联系电话, date) filled from the unit profile,
 * the reporting period (报告期：2026年第4季度) and a line stating each column group's counting
 * basis (统计口径：…2021年8月以来累计…). Never a data cell; stamping twice equals stamping once;
 * a new period replaces the old one.
 */
import { basisText } from "./basis";
import { type CellValue, type Grid, gridCellOf } from "./grid";
import { headerFieldText } from "./layout/header-field";
import { FORM_SIZES, textHeight } from "./layout/print";
import { type Day, dayZh, formatPeriod, type Period } from "./period";
import { type Recognition, type Recognized, type Region, type TableRecognition } from "./recognize";
import { getTableInfo } from "./templates/catalog";

export interface StampInput {
  /** None for a table with no period (回头看统计表, one-off): the header is written without 报告期. */
  period?: Period;
  date?: Day;
  profile?: { unit?: string; filler?: string; phone?: string };
}

export interface Edit {
  row: number;
  col: number;
  value: string;
  /** A line printed across the table (统计口径): merged to this column, wrapped, this tall (points). */
  across?: { right: number; height: number };
}

const BASIS_PREFIX = "统计口径：";
const GAP = "      ";

/** "统计口径：企业底数（家）以2025年底底数为基数；落实…2021年8月以来累计（自查隐患数量、整改隐患数量2026年1月以来累计）；…。" */
export function basisLine(rec: TableRecognition): string {
  const info = getTableInfo(rec.template.id)!;
  const groups = new Map<string, { leaf: string; basis: string }[]>();
  for (const l of info.leaves) {
    if (!l.basis) continue;
    const g = l.path[0];
    groups.set(g, [
      ...(groups.get(g) ?? []),
      { leaf: l.path[l.path.length - 1].replace(/（[^（）]*）$/, ""), basis: basisText(l.basis) },
    ]);
  }
  const parts = [...groups].map(([group, leaves]) => {
    const counts = new Map<string, number>();
    for (const x of leaves) counts.set(x.basis, (counts.get(x.basis) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const others = [...counts.keys()].filter((b) => b !== main);
    const extra = others
      .map(
        (b) =>
          `${leaves
            .filter((x) => x.basis === b)
            .map((x) => x.leaf)
            .join("、")}${b}`
      )
      .join("；");
    return `${group}${main}${extra ? `（${extra}）` : ""}`;
  });
  return parts.length ? `${BASIS_PREFIX}${parts.join("；")}。` : "";
}

/** One table's stamp: its header edits, and its 统计口径 line's text (placed by stampSheetEdits). */
function headerEdits(rec: Recognized, input: StampInput): { edits: Edit[]; line: string } {
  const edits: Edit[] = [];
  const { grid, template } = rec;
  const date = input.date ? dayZh(input.date) : undefined;
  const profile = input.profile ?? {};
  const want: Record<string, string | undefined> = {
    unit: profile.unit,
    filler: profile.filler,
    phone: profile.phone,
    date,
  };
  const period = input.period ? `报告期：${formatPeriod(input.period)}` : "";
  // Fields written inline share a cell: rebuild that cell's line from the template's labels.
  const byCell = new Map<string, typeof rec.headerFields>();
  for (const f of rec.headerFields)
    byCell.set(f.labelCell, [...(byCell.get(f.labelCell) ?? []), f]);
  let periodPlaced = false;
  for (const [cell, fields] of byCell) {
    const inline = fields.filter((f) => f.valueCell === f.labelCell);
    for (const f of fields.filter((x) => x.valueCell !== x.labelCell))
      if (want[f.key]) edits.push({ ...gridCellOf(grid, f.valueCell), value: want[f.key]! });
    if (inline.length === 0) continue;
    const parts = template.headerFields
      .filter((hf) => inline.some((f) => f.key === hf.key))
      .map((hf) => {
        const value = want[hf.key] ?? inline.find((f) => f.key === hf.key)!.value;
        const line = headerFieldText(hf, value);
        if (hf.key !== "date") return line;
        periodPlaced = true;
        return [period, line].filter(Boolean).join(GAP);
      });
    if (!periodPlaced && period) {
      parts.push(period);
      periodPlaced = true;
    }
    edits.push({ ...gridCellOf(grid, cell), value: parts.join(GAP) });
  }
  if (rec.kind !== "table") return { edits, line: "" };
  const line = basisLine(rec);
  // No header line to carry the period (the clerk deleted it): it leads the basis line.
  return { edits, line: periodPlaced ? line : [period, line].filter(Boolean).join(GAP) };
}

/** One table stamped (the only table of its sheet, or a summary being written). */
export const stampEdits = (rec: Recognized, input: StampInput): Edit[] =>
  stampSheetEdits([rec], input);

/**
 * Every table of one sheet stamped (those `stamps` accepts; the others are still in the way):
 * each table's 统计口径 line goes to its own place, never into another table's or another line's.
 */
export function stampSheetEdits(
  recs: Recognition[],
  input: StampInput,
  stamps: (rec: Recognized) => boolean = () => true
): Edit[] {
  const tables = recs.filter((r): r is Recognized => r.kind !== "none");
  const edits: Edit[] = [];
  const lines: Line[] = [];
  tables.forEach((rec) => {
    if (!stamps(rec)) return;
    const h = headerEdits(rec, input);
    edits.push(...h.edits);
    if (h.line && rec.kind === "table") lines.push({ rec, text: h.line });
  });
  const grid = tables[0]?.grid;
  return grid ? [...edits, ...placeLines(grid, lines, edits)] : edits;
}

interface Line {
  rec: TableRecognition;
  text: string;
}

const isBasis = (v: CellValue) =>
  typeof v === "string" && (v.startsWith(BASIS_PREFIX) || /^报告期[:：]\S+\s+统计口径/.test(v));

const inside = (z: Region, row: number, col: number) =>
  row >= z.top && row <= z.bottom && col >= z.left && col <= z.right;

/**
 * Where each 统计口径 line goes, in this order, so stamping again finds each line where it was put:
 * the line already in the table's zone (under the table first); the first free row under the
 * table, in its zone; a line no table claimed; the first free row below everything.
 */
function placeLines(grid: Grid, lines: Line[], edits: Edit[]): Edit[] {
  const existing: { row: number; col: number }[] = [];
  grid.values.forEach((r, row) =>
    r.forEach((v, col) => {
      if (isBasis(v)) existing.push({ row, col });
    })
  );
  const claimed = new Set<number>();
  const spot = new Map<Line, { row: number; col: number }>();
  const placed: Edit[] = [];
  const put = (l: Line, p: { row: number; col: number }) => {
    spot.set(l, p);
    placed.push(lineEdit(l, p));
  };
  for (const l of lines) {
    const below = l.rec.place.region.bottom;
    const mine = existing
      .map((p, i) => ({ ...p, i }))
      .filter((p) => !claimed.has(p.i) && inside(l.rec.place.zone, p.row, p.col))
      .sort((a, b) => Number(b.row > below) - Number(a.row > below));
    if (mine.length === 0) continue;
    claimed.add(mine[0].i);
    put(l, mine[0]);
  }
  for (const l of lines.filter((x) => !spot.has(x))) {
    const row = freeRow(grid, l.rec, l.rec.place.zone, [...edits, ...placed]);
    if (row !== undefined) put(l, { row, col: l.rec.match.band.left });
  }
  for (const l of lines.filter((x) => !spot.has(x))) {
    const i = existing.findIndex((_, j) => !claimed.has(j));
    if (i < 0) break;
    claimed.add(i);
    put(l, existing[i]);
  }
  const sheet = { top: 0, bottom: Infinity, left: 0, right: Infinity };
  for (const l of lines.filter((x) => !spot.has(x)))
    put(l, {
      row: freeRow(grid, l.rec, sheet, [...edits, ...placed])!,
      col: l.rec.match.band.left,
    });
  return placed;
}

const lineEdit = (l: Line, p: { row: number; col: number }) => lineAcross(l.rec, p, l.text);

/** A line of text across the table from this cell: merged to its right edge, wrapped, as tall as it needs. */
export function lineAcross(
  rec: TableRecognition,
  p: { row: number; col: number },
  text: string
): Edit {
  const right = Math.max(p.col, rec.match.band.right);
  // Excel's default column is 8.43 characters wide; the writer sets 宋体 10pt.
  const height = textHeight(text, (right - p.col + 1) * 8.43, FORM_SIZES.line);
  return { ...p, value: text, across: { right, height } };
}

/**
 * The first row of the zone, under the table and under whatever the zone holds below it (its
 * notes), that is empty and merged nowhere across the line's width, and holds no other edit.
 */
export function freeRow(
  grid: Grid,
  rec: TableRecognition,
  z: Region,
  taken: Edit[] = []
): number | undefined {
  const left = rec.match.band.left;
  const right = Math.max(left, rec.match.band.right);
  const filled = (row: number, a: number, b: number) =>
    (grid.values[row] ?? []).some(
      (v, c) => c >= a && c <= b && v !== null && v !== "" && c >= z.left && c <= z.right
    ) ||
    grid.merges.some(
      (m) =>
        m.top <= row &&
        m.bottom >= row &&
        m.right >= Math.max(a, z.left) &&
        m.left <= Math.min(b, z.right)
    );
  const end = Math.max(grid.values.length, ...grid.merges.map((m) => m.bottom + 1));
  let last = rec.place.region.bottom;
  for (let r = last + 1; r < Math.min(end, z.bottom + 1); r++) if (filled(r, 0, Infinity)) last = r;
  for (let r = last + 1; r <= z.bottom; r++) {
    if (filled(r, left, right)) continue;
    const clash = taken.some(
      (e) => e.row === r && e.col <= right && (e.across?.right ?? e.col) >= left
    );
    if (!clash) return r;
  }
  return undefined;
}

export function applyEdits(grid: Grid, edits: Edit[]): Grid {
  const values: CellValue[][] = grid.values.map((r) => [...r]);
  for (const e of edits) {
    while (values.length <= e.row) values.push([]);
    while (values[e.row].length <= e.col) values[e.row].push(null);
    values[e.row][e.col] = e.value;
  }
  return { ...grid, values };
}
