import type { Finding } from "../finding";
import { cellFinding, fmt } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";

export const boundRule: Rule = {
  id: "bound",
  category: "bound",
  severity: "warning",
  title: { zh: "数值可疑", en: "Implausible value" },
  description: {
    zh: "不一定错，但需要核实：各项企业数不超过企业底数总数；整改数不超过发现（自查）数；兑现奖励企业数不超过企业数量；签订承诺书数不超过函告数；人员数不少于企业数；创建自评与提升自评之和不超过总数。",
    en: "Not certainly wrong, but worth a look: counts within the base total, rectified ≤ found, pledges ≤ letters, persons ≥ enterprises.",
  },
  examples: { good: "自查隐患 12 条，整改 10 条", bad: "自查隐患 10 条，整改 12 条" },
  appliesTo: (t) => t.kind === "table" && t.relations.some((r) => r.kind === "at-most"),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    for (const slot of ctx.slots)
      for (const r of ctx.template.relations) {
        if (r.kind !== "at-most") continue;
        const keys = [...r.left, ...r.right];
        if (keys.some((k) => ctx.notApplicable(slot, k))) continue;
        const v = keys.map((k) => numericOf(ctx, slot, k));
        if (v.some((x) => x === undefined)) continue;
        const left = (v.slice(0, r.left.length) as number[]).reduce((a, b) => a + b, 0);
        const right = (v.slice(r.left.length) as number[]).reduce((a, b) => a + b, 0);
        if (left <= right + 1e-9) continue;
        const words = (ks: string[]) => ks.map((k) => ctx.columnWords(k)).join(" + ");
        out.push(
          cellFinding(ctx, slot, r.left[0], {
            rule: this.id,
            category: this.category,
            severity: this.severity,
            cells: keys.map((k) => ctx.cell(slot, k)!.address),
            message: `${words(r.left)}（${fmt(left)}）多于${words(r.right)}（${fmt(right)}），请核实`,
            messageEn: `${r.left.join(" + ")} (${fmt(left)}) exceeds ${r.right.join(" + ")} (${fmt(right)})`,
            source: ctx.source(),
          })
        );
      }
    return out;
  },
};
