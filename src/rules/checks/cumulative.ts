import type { Finding } from "../finding";
import { formatPeriod } from "../period";
import { cellFinding, fmt } from "./context";
import { withPrevious } from "./previous";
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
    if (ctx.kind !== "table") return [];
    const w = withPrevious(ctx);
    if (!w) return [];
    const out: Finding[] = [];
    for (const p of w.pairs) {
      // Counting restarted after the previous report (a since-January column in a new year): nothing to compare.
      if (p.basis?.kind !== "since" || p.restarted || p.now >= p.before) continue;
      out.push(
        cellFinding(ctx, p.slot, p.column, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `${p.basis.since.replace(/^(\d{4})-0?(\d+)$/, "$1年$2月")}以来的累计数不应减少：上期（${formatPeriod(w.before)}）为 ${fmt(p.before)}，本期为 ${fmt(p.now)}`,
          messageEn: `Cumulative since ${p.basis.since}: ${fmt(p.before)} last period, ${fmt(p.now)} now`,
          source: ctx.source(p.basis.note),
          expected: p.before,
        })
      );
    }
    return out;
  },
};
