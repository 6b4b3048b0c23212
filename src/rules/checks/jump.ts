import type { Finding } from "../finding";
import { formatPeriod } from "../period";
import { cellFinding, fmt } from "./context";
import { headerUnit } from "../units/names";
import { noPreviousOfUnit, withPrevious } from "./previous";
import type { Rule } from "./rule";

/** More than this many times last period's figure is worth a look (a typo, a wrong unit, 万 for 元). */
export const JUMP_RATIO = 3;

export const jumpRule: Rule = {
  id: "jump",
  category: "period",
  severity: "warning",
  title: { zh: "比上期猛增", en: "Jump from last period" },
  description: {
    zh: `与同一单位上一期报表相比，某项数字增加到上期的 ${JUMP_RATIO} 倍以上：不一定错，但常是多打了一位数或填错了列，请核实。`,
    en: `A figure more than ${JUMP_RATIO}× the unit's previous report: often a typo or the wrong column.`,
  },
  examples: { good: "上期 30，本期 34", bad: "上期 30，本期 300" },
  appliesTo: (t) => t.kind === "table" && (t.cycle === "quarter" || t.cycle === "month"),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    if (noPreviousOfUnit(ctx)) {
      // Said once a table (here, as the period rule that warns): never compared with another unit.
      const unit = headerUnit(ctx.rec);
      return [
        {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          sheet: ctx.rec.sheet,
          cell: "",
          cells: [],
          row: "",
          column: "",
          message: `未与上期比较：上期报表中没有${unit ? `本单位（${unit}）` : "本单位"}更早的${ctx.template.shortTitle}`,
          messageEn: `Not compared with last period: the previous file has no earlier ${ctx.template.shortTitle} of ${unit || "this unit"}`,
          source: ctx.source(),
        },
      ];
    }
    const w = withPrevious(ctx);
    if (!w) return [];
    const out: Finding[] = [];
    for (const p of w.pairs) {
      if (p.restarted || p.before <= 0 || p.now <= JUMP_RATIO * p.before) continue;
      out.push(
        cellFinding(ctx, p.slot, p.column, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `比上期（${formatPeriod(w.before)}）的 ${fmt(p.before)} 增加到 ${fmt(p.now)}，是上期的 ${fmt(Math.round((p.now / p.before) * 10) / 10)} 倍，请核实`,
          messageEn: `${fmt(p.now)} is ${fmt(Math.round((p.now / p.before) * 10) / 10)}× last period's ${fmt(p.before)}`,
          source: ctx.source(p.basis?.note),
        })
      );
    }
    return out;
  },
};
