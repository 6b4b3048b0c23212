/**
 * Correctly filled sheets of any template, from a seed: every identity holds, every
 * bound is kept, header complete, dated inside the period. Tests, the demo workbook
 * and training practice sheets start from these.
 */
import type { Grid } from "../grid";
import { blankTemplate, type Layout } from "../layout/blank-template";
import { headerFieldText } from "../layout/header-field";
import { dayZh, deadlineOf, type Period, periodRange } from "../period";
import { getTableInfo, type RowSlot } from "../templates/catalog";
import { relationColumns } from "../templates/relations";
import type { TableTemplate, Template } from "../templates/schema";
import { ownRow } from "../units/rows";
import { typeFromName } from "../units/types";

/** mulberry32: small, fast, the same sequence for the same seed everywhere. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FillOptions {
  seed?: number;
  /** Row types to fill (a village fills 村); by default the unit's own (by its name), else all. */
  rowTypes?: string[];
  /** The rows not filled: 0 in every cell, as the notices ask (注10; the default), or left blank. */
  otherRows?: "zero" | "blank";
  /** Defaults to the template's edition: 2026年第4季度, 2024年6月. */
  period?: Period;
  unit?: string;
  filler?: string;
  phone?: string;
}

export interface Filled {
  layout: Layout;
  grid: Grid;
  period?: Period;
}

export function defaultPeriod(t: Template): Period | undefined {
  if (t.cycle === "quarter") return { cycle: "quarter", year: t.edition.year, quarter: 4 };
  if (t.cycle === "month") return { cycle: "month", year: t.edition.year, month: 6 };
  return undefined;
}

/** A date inside the reporting window: a few days before the deadline. */
function reportDate(t: Template, p: Period | undefined): string {
  if (!p) return `${t.edition.year}年6月10日`;
  const due = deadlineOf(p, t.deadline);
  const end = periodRange(p).end;
  const d =
    p.cycle === "quarter" ? { ...due, day: Math.min(due.day - 5, end.day) } : { ...due, day: 1 };
  return dayZh(d);
}

/** Adjusts one row's values until every relation holds (a handful of passes suffices). */
function settle(t: TableTemplate, v: Map<string, number>, rand: () => number): void {
  const totals = new Set(
    t.relations.filter((r) => r.kind === "sum").map((r) => (r as { total: string }).total)
  );
  const get = (k: string) => v.get(k) ?? 0;
  for (let pass = 0; pass < 12; pass++) {
    let changed = false;
    const set = (k: string, x: number) => {
      if (v.has(k) && v.get(k) !== x) {
        v.set(k, x);
        changed = true;
      }
    };
    for (const r of t.relations) {
      if (!relationColumns(r).every((k) => v.has(k))) continue;
      // A correct sample sends no material, so it reports none (经验做法 > 0 calls for evidence).
      if (r.kind === "evidence") r.columns.forEach((k) => set(k, 0));
      else if (r.kind === "sum")
        set(
          r.total,
          r.parts.reduce((s, k) => s + get(k), 0)
        );
      else if (r.kind === "zero-implies-zero" && get(r.when) === 0)
        r.then.forEach((k) => set(k, 0));
      else if (r.kind === "zero-iff-zero" && (get(r.a) === 0) !== (get(r.b) === 0))
        set(r.b, get(r.a) === 0 ? 0 : 1 + Math.round(rand() * 40) / 10);
      else if (r.kind === "at-most") {
        const left = r.left.reduce((s, k) => s + get(k), 0);
        const right = r.right.reduce((s, k) => s + get(k), 0);
        if (left <= right) continue;
        // Raise a plain right-hand count (persons ≥ enterprises); never a total, which would break its sum.
        if (r.right.length === 1 && !totals.has(r.right[0])) set(r.right[0], left);
        else {
          let excess = left - right;
          for (const k of r.left) {
            const cut = Math.min(get(k), excess);
            set(k, get(k) - cut);
            excess -= cut;
          }
        }
      }
    }
    if (!changed) return;
  }
}

function fillTable(
  t: TableTemplate,
  layout: Layout,
  grid: Grid,
  rand: () => number,
  rowTypes: string[] | undefined,
  otherRows: "zero" | "blank"
): void {
  const info = getTableInfo(t.id)!;
  const labelCols = t.rowHeader === null ? 0 : 1;
  const per = Math.max(1, t.subRows?.length ?? 0);
  const bySlot = new Map<string, Map<string, number>>();
  info.slots.forEach((slot: RowSlot, i) => {
    const other = rowTypes !== undefined && !rowTypes.includes(slot.rowType);
    if (other && otherRows === "blank") return;
    const k = i % per;
    const values = new Map<string, number>();
    for (const leaf of info.leaves) {
      if (leaf.kind !== "number" || info.notApplicable(slot, leaf.key) || (leaf.perUnit && k > 0))
        continue;
      if (t.prefilled?.[slot.rowType]?.[leaf.key] !== undefined) continue;
      if (other) {
        values.set(leaf.key, 0);
        continue;
      }
      const big = leaf.basis?.kind === "base";
      const x = big ? 10 + Math.floor(rand() * 31) : Math.floor(rand() * 6);
      values.set(leaf.key, leaf.unit === "万元" ? Math.round(x * rand() * 100) / 100 : x);
    }
    settle(t, values, rand);
    bySlot.set(slot.key, values);
    for (const [key, x] of values)
      grid.values[layout.body.top + i][labelCols + info.leafByKey.get(key)!.index] = x;
  });
}

const HEADER_GAP = "      ";

/** The header line as a clerk fills it in. */
function headerLine(
  t: Template,
  place: "above" | "below",
  o: Required<Pick<FillOptions, "unit" | "filler" | "phone">>,
  date: string
): string {
  const value = {
    unit: o.unit,
    filler: o.filler,
    phone: o.phone,
    enterprise: o.unit,
    head: o.filler,
    date,
  } as const;
  return t.headerFields
    .filter((f) => f.place === place)
    .map((f) => headerFieldText(f, value[f.key]))
    .join(HEADER_GAP);
}

export function filledSheet(t: Template, options: FillOptions = {}): Filled {
  const rand = seeded(options.seed ?? 1);
  const layout = blankTemplate(t);
  const grid: Grid = {
    ...layout.grid,
    values: layout.grid.values.map((r) => [...r]),
    merges: layout.grid.merges,
  };
  const period = options.period ?? defaultPeriod(t);
  const who = {
    unit:
      options.unit ??
      (t.edition.issuer === "南安市" ? "金淘镇朴里村" : `${t.edition.issuer}应急管理局`),
    filler: options.filler ?? "林小红",
    phone: options.phone ?? "0595-86123456",
  };
  const date = reportDate(t, period);
  // Header lines sit right above the column header and right below the body (see blankTemplate).
  if (t.headerFields.some((f) => f.place === "above"))
    grid.values[layout.header.top - 1][0] = headerLine(t, "above", who, date);
  if (t.headerFields.some((f) => f.place === "below"))
    grid.values[layout.body.bottom + 1][0] = headerLine(t, "below", who, date);
  if (t.kind === "table") {
    const own = ownRow(t, typeFromName(who.unit, t));
    const rowTypes = options.rowTypes ?? (own ? [own.key] : undefined);
    fillTable(t, layout, grid, rand, rowTypes, options.otherRows ?? "zero");
  } else {
    const answer = t.columns.findIndex((c) => c.role === "answer");
    if (answer >= 0)
      t.items.forEach(
        (_, i) =>
          (grid.values[layout.body.top + i][answer] =
            rand() < 0.85 ? "无" : "台账更新不及时，已整改")
      );
  }
  return { layout, grid, period };
}
