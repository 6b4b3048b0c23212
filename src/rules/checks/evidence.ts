import type { Finding } from "../finding";
import { cellFinding, fmt } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";

export const evidenceRule: Rule = {
  id: "evidence",
  category: "bound",
  severity: "warning",
  title: { zh: "需附佐证材料", en: "Supporting material needed" },
  description: {
    zh: "“回头看”统计表注：总结好的经验、做法和建立工作机制，需同步提供佐证材料。填了数就要一并报送材料。",
    en: "Reported practices and mechanisms must be sent with supporting material.",
  },
  examples: { good: "经验做法 2 条，附 2 份材料", bad: "经验做法 2 条，无材料" },
  appliesTo: (t) => t.kind === "table" && t.relations.some((r) => r.kind === "evidence"),
  notesFor: (t) =>
    t.kind === "table" ? t.relations.flatMap((r) => (r.kind === "evidence" ? [r.note] : [])) : [],
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    for (const r of ctx.template.relations) {
      if (r.kind !== "evidence") continue;
      for (const slot of ctx.slots)
        for (const key of r.columns) {
          const v = numericOf(ctx, slot, key);
          if (v === undefined || v <= 0) continue;
          out.push(
            cellFinding(ctx, slot, key, {
              rule: this.id,
              category: this.category,
              severity: this.severity,
              message: `${ctx.columnWords(key)}填了 ${fmt(v)}：需同步提供佐证材料`,
              messageEn: `${key} is ${fmt(v)}: send supporting material with it`,
              source: ctx.source(r.note),
            })
          );
        }
    }
    return out;
  },
};
