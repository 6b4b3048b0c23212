/**
 * =SRS.QTOTAL(): the sum, over the child sheets the consolidation plan sums for the caller's
 * table and period, of the cell holding the same (unit type, column) as the caller: the same
 * children as the summary's SUM, found by recognition, so children laid out differently still
 * add up. Pure: the caller reads the workbook.
 */
import { readNotes } from "./consolidation/notes";
import { type Plan, planConsolidation } from "./consolidation/plan";
import { workbookSources } from "./consolidation/sources";
import { workbookRoster } from "./consolidation/roster";
import { detailRows } from "./consolidation/summary";
import { numericValue, readNumber } from "./number";
import { type Period, periodCode } from "./period";
import { locateCell, type Recognition, type TableRecognition } from "./recognize";
import { reportPeriod } from "./report-period";
import { linesOf } from "./templates/catalog";
import { headerUnit } from "./units/names";
import { filledRowTypes } from "./units/rows";
import { normalizeLabel } from "./text";

export type FunctionResult<T> = { ok: true; value: T } | { ok: false; message: string };

function rowTypeKey(rec: TableRecognition, label: string): string | undefined {
  const n = normalizeLabel(label);
  return rec.template.rows.find((r) =>
    [r.label, ...r.aliases, r.key].some((l) => normalizeLabel(l) === n)
  )?.key;
}

// One plan per workbook snapshot, summary sheet and period: a wave of QTOTAL calls shares it.
const plans = new WeakMap<Recognition[], Map<string, Plan>>();

/**
 * The plan over the workbook for the summary `rec` (never its own child), for its stamped period,
 * names read within the consolidating unit as the round that wrote it read them.
 */
function workbookPlan(
  recs: Recognition[],
  rec: TableRecognition,
  period: Period | undefined
): Plan {
  const sheet = rec.sheet;
  const key = `${sheet}|${period ? periodCode(period) : ""}`;
  let byKey = plans.get(recs);
  if (!byKey) plans.set(recs, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    const grids = recs.map((r) => r.grid);
    const notes = readNotes(grids);
    const sources = workbookSources(recs, notes).filter((s) => s.sheet !== sheet);
    const unit = notes?.unit || headerUnit(rec) || undefined;
    plan = planConsolidation(sources, { period, roster: workbookRoster(grids), unit });
    byKey.set(key, plan);
  }
  return plan;
}

export function qtotal(
  recs: Recognition[],
  sheet: string,
  address: string,
  unitType?: string
): FunctionResult<number> {
  const at = locateCell(recs, sheet, address);
  if (!at) return { ok: false, message: "此单元格不在已识别的报表中" };
  if (!at.slot || !at.column) return { ok: false, message: "此单元格不是报表的数据格" };
  const { rec, slot, column } = at;
  const leaf = rec.info.leafByKey.get(column)!;
  if (leaf.kind !== "number") return { ok: false, message: "此列不是数字列" };
  const wanted = unitType ? rowTypeKey(rec, unitType) : undefined;
  if (unitType && !wanted) return { ok: false, message: `“${unitType}”不是本表的填报单位类型` };
  const numbers = readNotes(recs.map((r) => r.grid))?.numbers.get(rec.template.shortTitle);
  if (numbers) return detailSum(recs, numbers, rec, slot, column, wanted);
  const plan = workbookPlan(recs, rec, reportPeriod(rec)?.period);
  let sum = 0;
  for (const source of plan.children.get(rec.template.id) ?? []) {
    const child = source.recognition as TableRecognition;
    if (child.sheet === sheet) continue;
    if (wanted && !filledRowTypes(child).has(wanted)) continue;
    const c = child.match.columns.get(column);
    // Every filled line of an unlabelled table (统计表), as the summary's SUM has them.
    for (const line of linesOf(child.info, slot)) {
      const r = child.match.rows.get(line.key);
      if (r === undefined || c === undefined) continue;
      const v = child.grid.values[r]?.[c] ?? null;
      const n = numericValue(v);
      // The notice's own label ((达标不分级)) in a row the child left empty counts as nothing, as in SUM.
      if (
        n === undefined &&
        readNumber(v).kind === "text" &&
        !child.info.holdsLabel(line, column, v)
      )
        return { ok: false, message: `工作表“${child.sheet}”的单元格不是数字：${String(v)}` };
      sum += n ?? 0;
    }
  }
  return total(sum);
}

// Sums of 万元 amounts must not show binary noise (0.1 + 0.2).
const total = (sum: number): FunctionResult<number> => ({
  ok: true,
  value: Math.round(sum * 1e6) / 1e6,
});

/**
 * A workbook whose reports are not in it (srs consolidate past MAX_COPIES): its 明细 holds each
 * summed report's numbers, a column a summary cell, and the sum is that column's, as the SUM.
 */
function detailSum(
  recs: Recognition[],
  sheet: string,
  rec: TableRecognition,
  slot: string,
  column: string,
  wanted: string | undefined
): FunctionResult<number> {
  const grid = recs.find((r) => r.sheet === sheet)?.grid;
  if (!grid) return { ok: false, message: `找不到各单位的数字所在的工作表“${sheet}”` };
  const { places, rows } = detailRows(grid, rec.template);
  const j = places.findIndex((p) => p.slot === slot && p.column === column);
  const type = (p: { slot: string }) => rec.info.slots.find((s) => s.key === p.slot)?.rowType;
  let sum = 0;
  for (const row of rows) {
    // A report that filled the wanted type's row: a number other than 0 there.
    if (wanted && !places.some((p, k) => type(p) === wanted && (numericValue(row[k]) ?? 0) !== 0))
      continue;
    const v = row[j] ?? null;
    const n = numericValue(v);
    if (n === undefined && readNumber(v).kind === "text")
      return { ok: false, message: `工作表“${sheet}”的单元格不是数字：${String(v)}` };
    sum += n ?? 0;
  }
  return total(sum);
}
