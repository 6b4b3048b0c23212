import { cellFinding } from "./context";
import { isTable, type Rule } from "./rule";

const WHY: Record<"full-width" | "thousands" | "unit" | "text", { zh: string; en: string }> = {
  "full-width": { zh: "用了全角数字", en: "is written in full-width digits" },
  thousands: { zh: "带千位分隔符", en: "is written with a thousands separator" },
  unit: { zh: "带了单位", en: "is written with its unit" },
  text: { zh: "是存成文本的数字", en: "is a number stored as text" },
};

export const numberFormatRule: Rule = {
  id: "number-format",
  category: "number-format",
  severity: "warning",
  title: { zh: "数字写法不规范", en: "Number written wrongly" },
  description: {
    zh: "全角数字（５）、千位分隔符（1,200）、带单位（3家）或存成文本的数字，能读懂但不规范：SRS 汇总时按数字计，但 Excel 自己的求和会漏掉它们；建议改为数字格式（“全部改为数字”一次改完）。",
    en: "Full-width digits, thousands separators, units in the cell or numbers stored as text are readable: SRS counts them as numbers when consolidating, but Excel's own sums skip them. Better written as numbers (Change all to numbers does it at once).",
  },
  examples: { good: "1200", bad: "1,200 或 ５ 或 3家" },
  appliesTo: isTable,
  notesFor: (t) => (t.noBlankNote ? [t.noBlankNote] : []),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out = [];
    for (const { slot, column: key, cell: at, notApplicable } of ctx.entries) {
      // A cell that does not apply is never summed: not-applicable says what it should hold.
      if (at.number.kind !== "malformed" || notApplicable) continue;
      const { value, why } = at.number;
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          // The date itself is never shown: it is the 1900 calendar's reading, a day off for small numbers.
          message:
            why === "date"
              ? `此格是数字 ${value}，但单元格设成了日期格式（显示为日期）：请把格式改为“常规”或“数值”`
              : `“${String(at.value).trim()}”${WHY[why].zh}：按数字 ${value} 汇总；建议改为数字格式`,
          messageEn:
            why === "date"
              ? `This cell holds the number ${value} formatted as a date: use the General or Number format`
              : `"${String(at.value).trim()}" ${WHY[why].en}: summed as ${value}; better written as a number`,
          source: ctx.source(ctx.template.noBlankNote),
          expected: value,
          // The consolidation counts it already (DOMAIN): the fix writes the number it is read as. A
          // date-formatted number is that number already: only its format is wrong.
          ...(why === "date" ? {} : { fix: { cell: at.address, value } }),
        })
      );
    }
    return out;
  },
};
