import { cellFinding } from "./context";
import type { Rule } from "./rule";

/**
 * A blank cell in a filled row of a report whose notice prints no no-blank note (“回头看”统计表):
 * a warning, counted as 0 by consolidation and listed in 汇总说明 (DOMAIN: third round).
 */
export const blankUnnotedRule: Rule = {
  id: "blank-unnoted",
  category: "blank",
  severity: "warning",
  title: { zh: "空白格（按 0 计）", en: "Blank cell (counted as 0)" },
  description: {
    zh: "“回头看”统计表没有印“不应有空白”的表下注，但已填的数据行中的空白格在汇总时按 0 计：若无请填 0。整行空着的数据行不算。",
    en: "The notice prints no no-blank note for this table, but a blank cell in a filled row is counted as 0 when consolidated: write 0 where there is nothing. An entirely empty row is exempt.",
  },
  examples: { good: "没有曝光案例，填 0", bad: "没有曝光案例，留空" },
  appliesTo: (t) => t.kind === "table" && t.noBlankNote === undefined && t.cycle !== "plan",
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const filled = new Set(ctx.filledSlots);
    return ctx.entries
      .filter((e) => !e.notApplicable && filled.has(e.slot) && e.cell.number.kind === "blank")
      .map(({ slot, column, cell }) =>
        cellFinding(ctx, slot, column, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: "此格为空白：若无请填 0（汇总时按 0 计）",
          messageEn: "Blank cell: write 0 if there is nothing (consolidation counts it as 0)",
          source: ctx.source(),
          expected: 0,
          fix: { cell: cell.address, value: 0 },
        })
      );
  },
};
