import { NO_RESULT } from "../formula";
import { cellFinding } from "./context";
import { expectedTotal, sumWords } from "./identity";
import { meansNothing } from "./numeric";
import { isTable, type Rule } from "./rule";

export const notNumberRule: Rule = {
  id: "not-number",
  category: "not-number",
  severity: "error",
  title: { zh: "不是数字", en: "Not a number" },
  description: {
    zh: "数据格只能填数字。“无”“—”“/”等表示没有的，应填 0；其他文字应改为对应的数字。",
    en: "Data cells hold numbers only. Marks meaning none (无, —, /) become 0; other text must be replaced by the number.",
  },
  examples: { good: "0", bad: "无" },
  appliesTo: isTable,
  notesFor: (t) => (t.noBlankNote ? [t.noBlankNote] : []),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out = [];
    for (const { slot, column: key, cell: at, notApplicable } of ctx.entries) {
      if (at.number.kind !== "text") continue;
      // Not-applicable cells take the usual marks (/, —, 不适用); the notice's own label is unfilled (blank).
      if (notApplicable || ctx.rec.info.holdsLabel(slot, key, at.value)) continue;
      const text = at.number.text;
      const formula = text === NO_RESULT;
      const nothing = meansNothing(text);
      // A total whose parts are filled is their sum, whatever was written in it.
      const sum = formula ? undefined : expectedTotal(ctx, slot, key);
      const value = sum?.value ?? (nothing ? 0 : undefined);
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: formula
            ? "公式没有计算结果（保存文件的程序没有存下结果）：请在 Excel 或 WPS 中打开、保存后重发，或改为数字"
            : sum
              ? `填的是“${text}”，不是数字：按各部分之和应为 ${sumWords(sum)}`
              : nothing
                ? `填的是“${text}”，不是数字：若无应填写 0`
                : `填的是“${text}”，不是数字：请改为数字`,
          messageEn: formula
            ? "A formula saved without its result: open and save the file in Excel or WPS, or type the number"
            : sum
              ? `"${text}" is not a number: the sum of its parts is ${sum.value}`
              : nothing
                ? `"${text}" is not a number: write 0 for none`
                : `"${text}" is not a number`,
          source: ctx.source(ctx.template.noBlankNote),
          ...(value === undefined ? {} : { expected: value, fix: { cell: at.address, value } }),
        })
      );
    }
    return out;
  },
};
