import { cellFinding, fmt } from "./context";
import { MONEY_DECIMALS, numberIn, wholeEnough } from "./numeric";
import { isTable, type Rule } from "./rule";

export const notWholeRule: Rule = {
  id: "not-whole",
  category: "not-whole",
  severity: "error",
  title: { zh: "不是整数", en: "Not a whole number" },
  description: {
    zh: "家、条、人、人次、份、个、场次都应是整数；只有（万元）金额可以有小数，最多 4 位（精确到元）。",
    en: "Counts are whole numbers; only （万元） amounts may have decimals, at most four (one yuan).",
  },
  examples: { good: "企业数 3；金额 1.25 万元", bad: "企业数 2.5；金额 1.234567 万元" },
  appliesTo: isTable,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out = [];
    for (const { slot, column: key, cell, leaf } of ctx.entries) {
      const v = numberIn(cell);
      if (v === undefined || wholeEnough(v, leaf)) continue;
      const money = leaf.unit === "万元";
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: money
            ? `金额 ${fmt(v)} 万元的小数超过 ${MONEY_DECIMALS} 位：万元金额精确到元即可`
            : `填的是 ${fmt(v)}：${ctx.leaf(key).unit ?? "此列"}数应为整数`,
          messageEn: money
            ? `${fmt(v)} has more than ${MONEY_DECIMALS} decimals`
            : `${fmt(v)} is not a whole number`,
          source: ctx.source(),
        })
      );
    }
    return out;
  },
};
