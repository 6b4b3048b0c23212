/**
 * 填错行 at check time (DOMAIN.md, third round): a unit whose type is known (the roster, else its
 * name) and whose non-zero numbers sit in another unit type's row. Zeros there are 注10's filling,
 * never an error. Consolidation excludes such a report by the same decision (units/rows.ts).
 */
import { headerUnit } from "../units/names";
import { ownRow, wrongRows } from "../units/rows";
import { unitTypeOf } from "../units/types";
import type { Finding } from "../finding";
import { toA1 } from "../grid";
import type { Rule } from "./rule";

export const wrongRowRule: Rule = {
  id: "wrong-row",
  category: "structure",
  severity: "error",
  title: { zh: "数字填错了行", en: "Numbers in another unit type's row" },
  description: {
    zh: "村填“村”行，镇直单位填“镇直单位”行（月报表：县直、市直单位填各自的行，乡镇、村、社区、街道不填）。没有数字的那一行填 0 是对的；填了非零数字就是填错了行，汇总时不计入。单位类型按单位名册，没有名册时按名称（…村、…社区是村；…所、…站、…中心、…局等是镇直单位）。",
    en: "A village fills the 村 row, a department its own; 0 across the other row is correct, non-zero numbers there are in the wrong row and are not summed. The type comes from the roster, else the unit's name.",
  },
  examples: {
    good: "朴里村在“村”行填数字，“镇直单位”行全部填 0",
    bad: "朴里村把数字填在“镇直单位”行",
  },
  appliesTo: (t) => t.kind === "table" && t.rows.length > 1,
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const unit = headerUnit(ctx.rec);
    if (!unit) return [];
    const type = unitTypeOf(unit, ctx.template, ctx.options.roster);
    const own = ownRow(ctx.template, type);
    const out: Finding[] = [];
    for (const [rowKey, cells] of wrongRows(ctx.rec, type)) {
      const label = ctx.template.rows.find((r) => r.key === rowKey)!.label;
      const addresses = cells.map((c) => toA1(ctx.rec.grid, c.row, c.col));
      out.push({
        rule: this.id,
        category: this.category,
        severity: this.severity,
        sheet: ctx.rec.sheet,
        cell: addresses[0],
        cells: addresses,
        row: label,
        column: "",
        message: `${unit}是${type}，应填“${own!.label}”行，“${label}”行却有 ${cells.length} 个非零数字（${addresses.slice(0, 3).join("、")}${cells.length > 3 ? "等" : ""}）：请移到“${own!.label}”行，“${label}”行填 0`,
        messageEn: `${unit} (${type}) has non-zero numbers in the ${label} row: they belong in the ${own!.label} row; write 0 there`,
        source: ctx.source(),
      });
    }
    return out;
  },
};
