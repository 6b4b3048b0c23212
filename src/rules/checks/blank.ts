import type { RowSlot } from "../templates/catalog";
import { cellFinding, type TableContext } from "./context";
import { expectedTotal, sumWords } from "./identity";
import { isTable, type Rule } from "./rule";

export const blankRule: Rule = {
  id: "blank",
  category: "blank",
  severity: "error",
  title: { zh: "空白格", en: "Blank cell" },
  description: {
    zh: "表格不应有空白处，若无则应填写0。单位没有填报的那一类行（如村填报时的“镇直单位”行）整行留空不算。",
    en: "No data cell may be blank: write 0 where there is nothing. A unit-type row left entirely empty (not this unit's) is exempt.",
  },
  examples: { good: "没有红色风险企业，填 0", bad: "没有红色风险企业，留空" },
  appliesTo: (t) => isTable(t) && t.noBlankNote !== undefined,
  notesFor: (t) => (t.noBlankNote ? [t.noBlankNote] : []),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out = [];
    const filled = new Set(ctx.filledSlots);
    for (const { slot, column: key, cell: at, notApplicable } of ctx.entries) {
      if (notApplicable || !filled.has(slot)) continue;
      if (ctx.rec.info.holdsLabel(slot, key, at.value)) {
        out.push(labelLeft(ctx, slot, key, String(at.value)));
        continue;
      }
      if (at.number.kind !== "blank") continue;
      // A total whose parts are filled is their sum, not 0.
      const sum = expectedTotal(ctx, slot, key);
      const value = sum?.value ?? 0;
      out.push(
        cellFinding(ctx, slot, key, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: value
            ? `此格为空白：表格不应有空白处，按各部分之和应为 ${sumWords(sum!)}`
            : "此格为空白：表格不应有空白处，若无则应填写 0",
          messageEn: value
            ? `Blank cell: the sum of its parts is ${value}`
            : "Blank cell: write 0 where there is nothing",
          source: ctx.source(ctx.template.noBlankNote),
          expected: value,
          fix: { cell: at.address, value },
        })
      );
    }
    return out;
  },
};

/** The notice's own words (（达标不分级）) still in the cell where the count goes: unfilled (DOMAIN decision). */
function labelLeft(ctx: TableContext, slot: RowSlot, key: string, label: string) {
  const note = ctx.template.subRows?.find((s) => s.key === slot.subRow)?.note;
  const why = note ? `（注${note}：${ctx.template.notes[String(note)] ?? ""}）` : "";
  const what = `${ctx.rowWords(slot)}的“${ctx.columnWords(key)}”`;
  return cellFinding(ctx, slot, key, {
    rule: blankRule.id,
    category: blankRule.category,
    severity: blankRule.severity,
    message: `此格仍是表样文字“${label}”，尚未填写：应填${what}${why}，若无则填写 0`,
    messageEn: `This cell still holds the printed "${label}": enter the ${slot.key} ${key} count here (0 if none)`,
    source: ctx.source(note ?? ctx.template.noBlankNote),
  });
}
