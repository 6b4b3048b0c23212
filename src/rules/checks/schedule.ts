import type { Finding } from "../finding";
import { getTemplate } from "../templates/catalog";
import { reportPeriod } from "../report-period";
import { tableContext, type TableContext } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";

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
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const targetsRec = ctx.options.workbook?.find(
      (r) => r.kind === "table" && r.template.id === "jinjiang-2024-targets"
    );
    const plan = getTemplate("jinjiang-2024-tasklist");
    const now = reportPeriod(ctx.rec, ctx.options.period);
    if (
      !targetsRec ||
      targetsRec.kind !== "table" ||
      plan?.kind !== "list" ||
      !now ||
      now.period.cycle !== "month"
    )
      return [];
    const targets = tableContext(targetsRec, {});
    const month = now.period.month;
    const out: Finding[] = [];
    for (const [measure, p] of Object.entries(PROGRESS) as [
      keyof typeof PROGRESS,
      (typeof PROGRESS)[keyof typeof PROGRESS],
    ][]) {
      const milestone = (plan.milestones ?? [])
        .filter((m) => m.measure === measure && m.month <= month)
        .sort((a, b) => b.month - a.month)[0];
      if (!milestone) continue;
      const annual = targets.slots.reduce(
        (s, slot) => s + (numericOf(targets, slot, measure) ?? 0),
        0
      );
      const needed = Math.ceil((annual * milestone.percent) / 100);
      const done = total(ctx, p.columns);
      if (annual === 0 || done >= needed) continue;
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
        messageEn: `${measure} behind schedule: ${milestone.percent}% of ${annual} due by month ${milestone.month}, ${done} done`,
        source: `任务清单第${milestone.task}项`,
        expected: needed,
      });
    }
    return out;
  },
};
