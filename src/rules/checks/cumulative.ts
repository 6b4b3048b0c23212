import type { Finding } from "../finding";
import { comparePeriods, formatPeriod, periodRange } from "../period";
import { reportPeriod } from "../report-period";
import { cellFinding, fmt, tableContext } from "./context";
import { numericOf } from "./numeric";
import { flattenColumns } from "../templates/catalog";
import type { Rule } from "./rule";

export const cumulativeRule: Rule = {
  id: "cumulative",
  category: "period",
  severity: "error",
  title: { zh: "累计数减少", en: "Cumulative figure went down" },
  description: {
    zh: "“××年×月以来累计”的数只增不减：与同一单位上一期报表相比，2021年8月以来的累计数任何时候都不能减少；当年1月以来的累计数在同一年内不能减少，到次年1月重新累计。",
    en: "A figure cumulative since a fixed month never goes down from the unit's previous report; since-January figures restart each year.",
  },
  examples: { good: "上期 30，本期 34", bad: "上期 30，本期 25" },
  appliesTo: (t) => t.kind === "table" && (t.cycle === "quarter" || t.cycle === "month"),
  notesFor: (t) =>
    t.kind === "table"
      ? [
          ...new Set(
            flattenColumns(t.columns).flatMap((l) =>
              l.basis?.kind === "since" ? [l.basis.note] : []
            )
          ),
        ]
      : [],
  check(ctx) {
    if (ctx.kind !== "table" || !ctx.options.previous?.length) return [];
    const now = reportPeriod(ctx.rec, ctx.options.period);
    const prevRec = ctx.options.previous.find(
      (p) => p.kind === "table" && p.template.id === ctx.template.id
    );
    if (!now || !prevRec || prevRec.kind !== "table") return [];
    const before = reportPeriod(prevRec);
    if (!before || comparePeriods(before.period, now.period) >= 0) return [];
    const prev = tableContext(prevRec, {});
    const { start } = periodRange(before.period);
    const out: Finding[] = [];
    for (const slot of ctx.filledSlots) {
      const prevSlot = prev.slots.find((s) => s.key === slot.key);
      if (!prevSlot) continue;
      for (const key of ctx.rec.match.columns.keys()) {
        const basis = ctx.leaf(key).basis;
        if (basis?.kind !== "since") continue;
        // Counting restarted after the previous report (a since-January column in a new year): nothing to compare.
        const [sy, sm] = basis.since.split("-").map(Number);
        if (start.year * 12 + start.month < sy * 12 + sm) continue;
        const a = numericOf(prev, prevSlot, key);
        const b = numericOf(ctx, slot, key);
        if (a === undefined || b === undefined || b >= a) continue;
        out.push(
          cellFinding(ctx, slot, key, {
            rule: this.id,
            category: this.category,
            severity: this.severity,
            message: `${basis.since.replace(/^(\d{4})-0?(\d+)$/, "$1年$2月")}以来的累计数不应减少：上期（${formatPeriod(before.period)}）为 ${fmt(a)}，本期为 ${fmt(b)}`,
            messageEn: `Cumulative since ${basis.since}: ${fmt(a)} last period, ${fmt(b)} now`,
            source: ctx.source(basis.note),
            expected: a,
          })
        );
      }
    }
    return out;
  },
};
