import type { Finding } from "../finding";
import { normalizeLabel } from "../text";
import { cellFinding } from "./context";
import type { Rule } from "./rule";

/** What clerks write in a cell that does not apply (DOMAIN: Not applicable decision). */
const NOT_APPLICABLE = /^([-—–─/／\\]+|不适用|无)$/;

export const notApplicableRule: Rule = {
  id: "not-applicable",
  category: "structure",
  severity: "warning",
  title: { zh: "不适用的格填了数", en: "Value in a cell that does not apply" },
  description: {
    zh: "月报表（一）中，企业数量和评审达标数量每类单位只填一次（第一行）；地标“达标不分级”只填在一级企业位置；标杆没有第三级。这些格应留空、填 0，或填“/”“—”“不适用”“无”。",
    en: "In 月报表（一）, per-unit columns are entered once (first sub-row), 地标 counts go in 一级, and 标杆 has no third level: these cells stay blank, 0, or a mark such as /, — or 不适用.",
  },
  examples: { good: "地标行的二级、三级企业留空", bad: "地标行的二级企业填 3" },
  appliesTo: (t) => t.kind === "table" && t.notApplicable.length > 0,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    const subRows = ctx.template.subRows ?? [];
    for (const { slot, column: key, cell: at, notApplicable } of ctx.entries) {
      if (!notApplicable) continue;
      // 0 however written: a 0 kept as text (a cell formatted 文本) or full-width is still 0.
      const n = at.number;
      if (n.kind === "blank" || ((n.kind === "number" || n.kind === "malformed") && n.value === 0))
        continue;
      // The notice's own label (an older layout prints it over 二级/三级) and the usual marks are fine.
      const labels = Object.values(subRows.find((s) => s.key === slot.subRow)?.labels ?? {});
      if (labels.some((l) => normalizeLabel(l) === normalizeLabel(at.value))) continue;
      if (at.number.kind === "text" && NOT_APPLICABLE.test(at.number.text.replace(/\s+/g, "")))
        continue;
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `此格不适用，应留空、填 0 或“/”，实为“${String(at.value)}”`,
          messageEn: `This cell does not apply: leave it blank, 0 or "/" (found "${String(at.value)}")`,
          source: ctx.source(ctx.leaf(key).basis?.note),
        })
      );
    }
    return out;
  },
};
