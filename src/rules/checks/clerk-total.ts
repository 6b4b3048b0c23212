import type { Finding } from "../finding";
import { toA1 } from "../grid";
import { readNumber } from "../number";
import { fmt } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";

/** A 合计/小计 row the clerk added is no unit row (it would count twice); its sums are only checked. */
export const clerkTotalRule: Rule = {
  id: "clerk-total",
  category: "bound",
  severity: "warning",
  title: { zh: "自加合计行不符", en: "Added total row does not add up" },
  description: {
    zh: "表样没有合计行。填报人自己加的“合计”“小计”行不作为任何单位类型的数据，只核对它是否等于各单位类型行之和。",
    en: "The official table has no total row. A 合计/小计 row a clerk adds is no unit row; it is only checked against the sum of the unit rows.",
  },
  examples: { good: "镇直单位 3、村 5，合计 8", bad: "镇直单位 3、村 5，合计 9" },
  appliesTo: (t) => t.kind === "table" && t.rowHeader !== null && !t.subRows,
  check(ctx) {
    if (ctx.kind !== "table" || ctx.template.subRows) return [];
    const row = ctx.rec.match.stray.total;
    if (row === undefined) return [];
    const out: Finding[] = [];
    for (const [key, col] of ctx.rec.match.columns) {
      if (ctx.leaf(key).kind !== "number") continue;
      const total = readNumber(ctx.rec.grid.values[row]?.[col] ?? null);
      if (total.kind !== "number" && total.kind !== "malformed") continue;
      const sum = ctx.slots.reduce((a, s) => a + (numericOf(ctx, s, key) ?? 0), 0);
      if (Math.abs(sum - total.value) < 1e-6) continue;
      const cell = toA1(ctx.rec.grid, row, col);
      out.push({
        rule: this.id,
        category: this.category,
        severity: this.severity,
        sheet: ctx.rec.sheet,
        cell,
        cells: [cell, ...ctx.slots.map((s) => ctx.cell(s, key)!.address)],
        row: String(ctx.rec.grid.values[row]?.[ctx.rec.match.stray.labelCol ?? 0] ?? "合计"),
        column: ctx.columnWords(key),
        message: `自加的合计行为 ${fmt(total.value)}，但各单位类型行之和为 ${fmt(sum)}：合计行不计入汇总，请核实`,
        messageEn: `The added total row says ${fmt(total.value)} but the unit-type rows add up to ${fmt(sum)}; the total row is not consolidated`,
        source: `${ctx.source()}表样`,
        expected: sum,
      });
    }
    return out;
  },
};
