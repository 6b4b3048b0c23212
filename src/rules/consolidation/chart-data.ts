/**
 * The numbers 汇总's pictures show, worked out here so the pane only draws them: each unit's
 * state after a consolidation, and the township's totals against the 晋江 task list's milestones
 * (only where the workbook holds the 任务分解指导数 table, the year's targets).
 */
import { planProgress, type Progress, targetsOf } from "../checks/schedule";
import { tableContext } from "../checks/context";
import type { Grid } from "../grid";
import type { Period } from "../period";
import type { Recognition, TableRecognition } from "../recognize";
import { reportPeriod } from "../report-period";
import { readNotes } from "./notes";
import type { ChildLine } from "./plan";
import { normalizeUnit } from "../units/names";

/** 按时, 逾期, 日期不明 (summed, no date to judge by), 缺报, 未汇总 (sent, nothing summed). */
export const UNIT_STATES = ["onTime", "late", "undated", "missing", "notSummed"] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export interface UnitStates {
  /** One entry a unit (a file with no unit stands for itself), in the order first listed. */
  units: { unit: string; state: UnitState }[];
  counts: Record<UnitState, number>;
}

/**
 * A unit's state from all its lines: a summed report decides it (逾期 if any summed one was
 * late), so an earlier report replaced by a later one does not make the unit 未汇总.
 */
export function unitStates(lines: readonly ChildLine[]): UnitStates {
  const byUnit = new Map<string, { unit: string; lines: ChildLine[] }>();
  for (const l of lines) {
    const name = l.unit || l.origin || l.sheet;
    const key = normalizeUnit(l.unit) || `file|${l.origin}|${l.sheet}`;
    const u = byUnit.get(key) ?? { unit: name, lines: [] };
    u.lines.push(l);
    byUnit.set(key, u);
  }
  const units = [...byUnit.values()].map(({ unit, lines: own }) => {
    const summed = own.filter((l) => l.status === "included");
    const state: UnitState = summed.length
      ? summed.some((l) => l.timeliness === "逾期")
        ? "late"
        : summed.some((l) => l.timeliness === "按时")
          ? "onTime"
          : "undated"
      : own.every((l) => l.status === "missing")
        ? "missing"
        : "notSummed";
    return { unit, state };
  });
  const counts = Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitState, number>;
  for (const u of units) counts[u.state]++;
  return { units, counts };
}

export interface Milestones {
  /** The month the summary reports (its milestones are those due by then). */
  month: number;
  sheet: string;
  measures: Progress[];
}

/**
 * The consolidated 月报表（一）'s totals against the year's targets and the milestone due by its
 * month: undefined without a consolidation (汇总说明), its 月报表（一） summary, or a target table.
 */
export function milestones(
  grids: readonly Grid[],
  recognitions: readonly Recognition[],
  period?: Period
): Milestones | undefined {
  const targets = targetsOf(recognitions);
  const notes = readNotes([...grids]);
  if (!targets || !notes) return undefined;
  const summary = recognitions.find(
    (r): r is TableRecognition =>
      r.kind === "table" &&
      r.template.id === "jinjiang-2024-monthly-1" &&
      notes.summaries.includes(r.sheet)
  );
  const now = summary && reportPeriod(summary, period);
  if (!summary || !now || now.period.cycle !== "month") return undefined;
  const measures = planProgress(tableContext(summary, {}), targets, now.period.month);
  return measures.some((m) => m.annual > 0)
    ? { month: now.period.month, sheet: summary.sheet, measures }
    : undefined;
}
