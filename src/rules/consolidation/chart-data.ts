/**
 * The numbers 汇总's milestone pictures show, worked out here so the pane only draws them: the
 * township's totals against the 晋江 task list's milestones (only where the workbook holds the
 * 任务分解指导数 table, the year's targets). Each unit's state is counts.ts's, as every face counts it.
 */
import { planProgress, type Progress, targetsOf } from "../checks/schedule";
import { tableContext } from "../checks/context";
import type { Grid } from "../grid";
import type { Period } from "../period";
import type { Recognition, TableRecognition } from "../recognize";
import { reportPeriod } from "../report-period";
import { readNotes } from "./notes";

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
