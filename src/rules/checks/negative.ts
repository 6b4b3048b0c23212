import { numberIn } from "./numeric";
import { cellFinding, fmt } from "./context";
import { isTable, type Rule } from "./rule";

export const negativeRule: Rule = {
  id: "negative",
  category: "negative",
  severity: "error",
  title: { zh: "负数", en: "Negative number" },
  description: {
    zh: "家数、条数、人数、金额都不会是负数。",
    en: "Counts and amounts are never negative.",
  },
  examples: { good: "3", bad: "-3" },
  appliesTo: isTable,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out = [];
    for (const { slot, column: key, cell } of ctx.entries) {
      const v = numberIn(cell);
      if (v === undefined || v >= 0) continue;
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `填的是负数 ${fmt(v)}：数量和金额不能为负`,
          messageEn: `Negative value ${fmt(v)}`,
          source: ctx.source(),
        })
      );
    }
    return out;
  },
};
