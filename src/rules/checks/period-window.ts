import type { Finding } from "../finding";
import { compareDays, dayZh, deadlineOf, formatPeriod, periodRange } from "../period";
import { reportDay, reportPeriod } from "../report-period";
import type { Rule } from "./rule";

export const periodWindowRule: Rule = {
  id: "period-window",
  category: "period",
  severity: "error",
  title: { zh: "填报日期与报告期不符", en: "Date outside the reporting window" },
  description: {
    zh: "填报日期应在报告期内、截止日之前：南安季报表每季度末月29日前报送；安溪、晋江月报表每月3日前报送上月情况。早于报告期是错误，过了截止日给出提示。",
    en: "The report's date lies inside its period, before the deadline; before the period is an error, after the deadline a warning.",
  },
  examples: { good: "2026年第4季度，12月20日填报", bad: "2026年第4季度，9月20日填报" },
  appliesTo: (t) => t.cycle === "quarter" || t.cycle === "month",
  notesFor: (t) => (t.deadline ? [t.deadline.note] : []),
  check(ctx) {
    const rec = ctx.rec;
    const day = reportDay(rec);
    const p = reportPeriod(rec, ctx.options.period);
    if (!day || !p) return [];
    const date = rec.headerFields.find((h) => h.key === "date")!;
    const { start } = periodRange(p.period);
    const due = deadlineOf(p.period, rec.template.deadline);
    const base = {
      rule: this.id,
      category: this.category,
      sheet: rec.sheet,
      cell: date.valueCell,
      cells: [date.valueCell],
      row: "",
      column: "",
    };
    const note = rec.template.deadline?.note;
    const out: Finding[] = [];
    if (compareDays(day, start) < 0)
      out.push({
        ...base,
        severity: "error",
        message: `填报日期 ${dayZh(day)} 早于报告期（${formatPeriod(p.period)}，自 ${dayZh(start)} 起）`,
        messageEn: `Dated ${dayZh(day)}, before the period ${formatPeriod(p.period)} begins`,
        source: ctx.source(note),
      });
    else if (compareDays(day, due) > 0)
      out.push({
        ...base,
        severity: "warning",
        message: `填报日期 ${dayZh(day)} 已过${formatPeriod(p.period)}的上报截止日 ${dayZh(due)}`,
        messageEn: `Dated after the deadline ${dayZh(due)}`,
        source: ctx.source(note),
      });
    return out;
  },
};
