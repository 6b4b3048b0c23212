import type { Finding } from "../finding";
import { cellFinding } from "./context";
import type { Rule } from "./rule";

export const notApplicableRule: Rule = {
  id: "not-applicable",
  category: "structure",
  severity: "warning",
  title: { zh: "不适用的格填了数", en: "Value in a cell that does not apply" },
  description: {
    zh: "月报表（一）中，企业数量和评审达标数量每类单位只填一次（第一行）；地标“达标不分级”只填在一级企业位置；标杆没有第三级。这些格应留空或填 0。",
    en: "In 月报表（一）, per-unit columns are entered once (first sub-row), 地标 counts go in 一级, and 标杆 has no third level: these cells stay blank or 0.",
  },
  examples: { good: "地标行的二级、三级企业留空", bad: "地标行的二级企业填 3" },
  appliesTo: (t) => t.kind === "table" && t.notApplicable.length > 0,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    const subRows = ctx.template.subRows ?? [];
    for (const { slot, column: key, cell: at, notApplicable } of ctx.entries) {
      if (!notApplicable) continue;
      const printed = subRows.find((s) => s.key === slot.subRow)?.labels[key];
      if (at.number.kind === "blank" || (at.number.kind === "number" && at.number.value === 0))
        continue;
      if (
        printed !== undefined &&
        String(at.value).replace(/\s/g, "") === printed.replace(/\s/g, "")
      )
        continue;
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `此格不适用，应留空或填 0，实为“${String(at.value)}”`,
          messageEn: `This cell does not apply: leave it blank or 0 (found "${String(at.value)}")`,
          source: ctx.source(ctx.leaf(key).basis?.note),
        })
      );
    }
    return out;
  },
};
