/**
 * What a blank template marks by itself while the clerk types (下发表样), as conditional formats
 * with native formulas that Excel, WPS and LibreOffice evaluate with no add-in:
 * - blank: a data cell left blank, once its unit type's rows are begun (the blank rule's own
 *   exemption: a village leaves the 镇直单位 row empty; an untouched form prints clean);
 * - identity: a cell breaking one of the template's relations that the identity rule checks
 *   (total = sum of parts on the total, zero-implies-zero and zero-iff-zero on the offending cell),
 *   only when every cell of the relation holds a number, as the rule does.
 */
import { columnLetters } from "../grid";
import { getTableInfo } from "../templates/catalog";
import type { Relation, Template } from "../templates/schema";
import type { Layout } from "./blank-template";
import { type DataCell, dataCells, slotOf } from "./data-cells";

export type MarkKind = "blank" | "identity";

/** Fill colours (RGB): not used anywhere else on a form (its shading is D9D9D9). */
export const MARK_FILLS: Record<MarkKind, string> = { blank: "FFF2CC", identity: "F8C4C4" };

export interface ConditionalMark {
  kind: MarkKind;
  /** 0-based, inclusive. */
  range: { top: number; left: number; bottom: number; right: number };
  /** Relative to the range's top-left cell, without "=". */
  formula: string;
}

const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;

type Rect = ConditionalMark["range"];

/** Cells as rectangles: runs along each row, stacked when the rows below run alike. */
function rectangles(cells: { row: number; col: number }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1) last.right = c.col;
    else runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  const out: Rect[] = [];
  for (const r of runs) {
    const above = out.find(
      (o) => o.bottom === r.top - 1 && o.left === r.left && o.right === r.right
    );
    if (above) above.bottom = r.bottom;
    else out.push(r);
  }
  return out;
}

const rangeText = (r: Rect) =>
  r.top === r.bottom && r.left === r.right
    ? abs(r.top, r.left)
    : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;

/** Must this cell not be left blank? Counts and amounts under a "no blank" note; checklist answers. */
function mustFill(t: Template, c: DataCell): boolean {
  if (c.kind === "answer") return true;
  return (c.kind === "whole" || c.kind === "decimal") && t.kind === "table" && !!t.noBlankNote;
}

function blankMarks(t: Template, cells: DataCell[]): ConditionalMark[] {
  const groups = new Map<number, DataCell[]>();
  for (const c of cells.filter((c) => mustFill(t, c)))
    groups.set(c.group.top, [...(groups.get(c.group.top) ?? []), c]);
  return [...groups.values()].flatMap((group) => {
    // Begun: a cell of the unit's holds something, the notice's own words aside.
    const begun = `COUNTA(${rectangles(group.filter((c) => !c.label))
      .map(rangeText)
      .join(",")})>0`;
    const mark = (range: Rect, unfilled: string) => ({
      kind: "blank" as const,
      range,
      formula: `AND(${unfilled},${begun})`,
    });
    const at = (r: Rect) => a1(r.top, r.left);
    return [
      ...rectangles(group.filter((c) => !c.label)).map((r) => mark(r, `LEN(TRIM(${at(r)}))=0`)),
      // A cell still holding (达标不分级) is unfilled until a number replaces it (the blank rule).
      ...rectangles(group.filter((c) => c.label)).map((r) => mark(r, `NOT(ISNUMBER(${at(r)}))`)),
    ];
  });
}

/** The formula marking `cell` when the relation breaks; refs are the relation's cells by key. */
function relationMarks(r: Relation, ref: (key: string) => string | undefined) {
  const refs = (keys: string[]) => {
    const out = keys.map(ref);
    return out.every((x) => x !== undefined) ? (out as string[]) : undefined;
  };
  const numbers = (xs: string[]) => `COUNT(${xs.join(",")})=${xs.length}`;
  if (r.kind === "sum") {
    const v = refs([r.total, ...r.parts]);
    if (!v) return [];
    const [total, ...parts] = v;
    // The identity rule's tolerance: a total within 1e-6 of its parts holds.
    return [
      {
        key: r.total,
        formula: `AND(${numbers(v)},ABS(${total}-SUM(${parts.join(",")}))>=0.000001)`,
      },
    ];
  }
  if (r.kind === "zero-implies-zero") {
    return r.then.flatMap((k) => {
      const v = refs([r.when, k]);
      return v ? [{ key: k, formula: `AND(${numbers(v)},${v[0]}=0,${v[1]}<>0)` }] : [];
    });
  }
  if (r.kind === "zero-iff-zero") {
    const v = refs([r.a, r.b]);
    if (!v) return [];
    return [
      { key: r.a, formula: `AND(${numbers(v)},${v[0]}<>0,${v[1]}=0)` },
      { key: r.b, formula: `AND(${numbers(v)},${v[1]}<>0,${v[0]}=0)` },
    ];
  }
  return [];
}

function identityMarks(t: Template, layout: Layout, cells: DataCell[]): ConditionalMark[] {
  if (t.kind !== "table") return [];
  const info = getTableInfo(t.id)!;
  const perRow = Math.max(1, t.subRows?.length ?? 0);
  const numeric = cells.filter((c) => c.kind === "whole" || c.kind === "decimal");
  const marks = new Map<string, ConditionalMark>();
  for (let row = layout.body.top; row <= layout.body.bottom; row++) {
    const slot = slotOf(info, layout, row);
    const sub = (row - layout.body.top) % perRow;
    const at = (key: string) =>
      numeric.find(
        (c) => c.leaf!.key === key && (c.row === row || (c.leaf!.perUnit && c.row === row - sub))
      );
    const ref = (key: string) => {
      const c = at(key);
      return c && !info.notApplicable(slot, key) ? a1(c.row, c.col) : undefined;
    };
    for (const r of t.relations)
      for (const m of relationMarks(r, ref)) {
        const c = at(m.key)!;
        const range = { top: c.row, left: c.col, bottom: c.row, right: c.col };
        // A per-unit column's relation reads alike from every sub-row: once.
        marks.set(`${c.row},${c.col},${m.formula}`, {
          kind: "identity",
          range,
          formula: m.formula,
        });
      }
  }
  return [...marks.values()];
}

export function conditionalMarks(t: Template, layout: Layout): ConditionalMark[] {
  const cells = dataCells(t, layout);
  return [...blankMarks(t, cells), ...identityMarks(t, layout, cells)];
}
