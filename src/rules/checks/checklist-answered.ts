import type { Finding } from "../finding";
import { toA1 } from "../grid";
import type { Rule } from "./rule";

export const checklistAnsweredRule: Rule = {
  id: "checklist-answered",
  category: "blank",
  severity: "error",
  title: { zh: "细则未作答", en: "Checklist item not answered" },
  description: {
    zh: "“回头看”细则的每一条都要在“存在问题”栏作答，没有问题的填“无”。",
    en: "Every checklist line needs an answer under 存在问题 (无 when there is none).",
  },
  examples: { good: "存在问题：无", bad: "存在问题：（空）" },
  appliesTo: (t) => t.kind === "list" && t.columns.some((c) => c.role === "answer"),
  check(ctx) {
    if (ctx.kind !== "list") return [];
    const { rec, template } = ctx;
    const answer = template.columns.find((c) => c.role === "answer")!;
    const col = rec.match.columns.get(answer.key);
    if (col === undefined) return [];
    const item = template.columns.find((c) => c.role === "item")!;
    const out: Finding[] = [];
    for (const it of template.items) {
      const row = rec.match.rows.get(it.key);
      if (row === undefined) continue;
      const v = rec.grid.values[row]?.[col] ?? null;
      if (v !== null && String(v).trim() !== "") continue;
      const address = toA1(rec.grid, row, col);
      const text = it.cells[item.key] ?? "";
      out.push({
        rule: this.id,
        category: this.category,
        severity: this.severity,
        sheet: rec.sheet,
        cell: address,
        cells: [address],
        row: text.length > 30 ? `${text.slice(0, 30)}…` : text,
        column: answer.label,
        message: "这一条细则未作答：没有问题的请填“无”",
        messageEn: "Not answered: write 无 when there is no problem",
        source: ctx.source(1),
      });
    }
    return out;
  },
};
