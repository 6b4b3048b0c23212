import type { Finding } from "../finding";
import { getTemplate } from "../templates/catalog";
import { reportPeriod } from "../report-period";
import { tableContext, type TableContext } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";
import type { Recognition, TableRecognition } from "../recognize";

/** 月报表（一） columns that count each planned measure. */
const PROGRESS = {
  benchmark: {
    zh: "标杆企业",
    columns: ["bench.large", "bench.medium", "bench.small"],
    unit: "家",
  },
  certified: {
    zh: "评审达标企业",
    columns: ["certified.large", "certified.medium", "certified.small"],
    unit: "家",
  },
  posts: {
    zh: "示范岗位",
    columns: ["posts.party", "posts.youth", "posts.worker", "posts.women"],
    unit: "个",
  },
} as const;

function total(ctx: TableContext, columns: readonly string[]): number {
  let sum = 0;
  for (const slot of ctx.filledSlots)
    for (const k of columns) if (!ctx.notApplicable(slot, k)) sum += numericOf(ctx, slot, k) ?? 0;
  return sum;
}

export type Measure = keyof typeof PROGRESS;

/** One planned measure of a 月报表（一） against the year's target and the month's milestone. */
export interface Progress {
  measure: Measure;
  zh: string;
  unit: string;
  columns: readonly string[];
  /** The year's target: the 任务分解指导数 table's column summed. */
  annual: number;
  /** What the report counts so far. */
  done: number;
  /** The task list's latest milestone due by this month, if any. */
  milestone?: { month: number; percent: number; task: number };
  /** What the milestone asks for (0 without one). */
  needed: number;
}

/** The schedule rule's numbers (also drawn in 汇总): each measure against the plan at a month. */
export function planProgress(
  ctx: TableContext,
  targetsRec: TableRecognition,
  month: number
): Progress[] {
  const plan = getTemplate("jinjiang-2024-tasklist");
  const targets = tableContext(targetsRec, {});
  return (Object.entries(PROGRESS) as [Measure, (typeof PROGRESS)[Measure]][]).map(
    ([measure, p]) => {
      const milestone = (plan?.kind === "list" ? (plan.milestones ?? []) : [])
        .filter((m) => m.measure === measure && m.month <= month)
        .sort((a, b) => b.month - a.month)[0];
      const annual = targets.slots.reduce(
        (s, slot) => s + (numericOf(targets, slot, measure) ?? 0),
        0
      );
      return {
        measure,
        zh: p.zh,
        unit: p.unit,
        columns: p.columns,
        annual,
        done: total(ctx, p.columns),
        ...(milestone && {
          milestone: { month: milestone.month, percent: milestone.percent, task: milestone.task },
        }),
        needed: milestone ? Math.ceil((annual * milestone.percent) / 100) : 0,
      };
    }
  );
}

/** The 任务分解指导数 table among a workbook's recognitions: the year's targets. */
export const targetsOf = (workbook: readonly Recognition[] | undefined) =>
  workbook?.find(
    (r): r is TableRecognition => r.kind === "table" && r.template.id === "jinjiang-2024-targets"
  );

export const scheduleRule: Rule = {
  id: "schedule",
  category: "period",
  severity: "warning",
  title: { zh: "进度落后于任务清单", en: "Behind the task-list schedule" },
  description: {
    zh: "晋江：对照任务分解指导数和任务清单的节点（如 7 月底评审达标完成全年任务 60%），月报表（一）的标杆、评审达标、示范岗位进度落后时提示。",
    en: "Jinjiang: warns when 标杆, 评审达标 or 示范岗位 progress is behind the task list's milestone for the month.",
  },
  examples: {
    good: "7 月：全年评审达标任务 10 家，已达标 6 家",
    bad: "7 月：全年任务 10 家，仅达标 4 家",
  },
  appliesTo: (t) => t.id === "jinjiang-2024-monthly-1",
  readsWorkbook: true,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const targetsRec = targetsOf(ctx.options.workbook);
    const now = reportPeriod(ctx.rec, ctx.options.period);
    if (!targetsRec || !now || now.period.cycle !== "month") return [];
    const out: Finding[] = [];
    for (const p of planProgress(ctx, targetsRec, now.period.month)) {
      const { milestone, annual, needed, done } = p;
      if (!milestone || annual === 0 || done >= needed) continue;
      const first = ctx.filledSlots.map((s) => ctx.cell(s, p.columns[0])).find(Boolean);
      out.push({
        rule: this.id,
        category: this.category,
        severity: this.severity,
        sheet: ctx.rec.sheet,
        cell: first?.address ?? "",
        cells: ctx.filledSlots.flatMap((s) =>
          p.columns.map((k) => ctx.cell(s, k)?.address).filter((a): a is string => !!a)
        ),
        row: "",
        column: ctx.columnWords(p.columns[0]).split(" › ")[0],
        message: `${p.zh}进度落后：按任务清单第${milestone.task}项，${milestone.month}月底应完成全年任务的${milestone.percent}%（全年 ${annual} ${p.unit}，应至少 ${needed} ${p.unit}），目前为 ${done} ${p.unit}`,
        messageEn: `${p.measure} behind schedule: ${milestone.percent}% of ${annual} due by month ${milestone.month}, ${done} done`,
        source: `任务清单第${milestone.task}项`,
        expected: needed,
      });
    }
    return out;
  },
};
