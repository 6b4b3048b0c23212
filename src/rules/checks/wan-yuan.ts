import type { Finding } from "../finding";
import type { TableRecognition } from "../recognize";
import type { RowSlot } from "../templates/catalog";
import { headerUnit, normalizeUnit } from "../units/names";
import { cellFinding, fmt } from "./context";
import { numberIn } from "./numeric";
import type { Rule } from "./rule";

/** Rows a township fills in 月报表 (安溪 乡镇, 晋江 县（市、区）). */
const TOWNSHIP_ROWS = new Set(["township", "county"]);

/**
 * From how many 万元 a figure reads as yuan (DOMAIN: third round): 1,000 from a village or a
 * department, 10,000 on a township's row, 100,000 on a county's. Who filled it is read from the
 * header's 填报单位 (a township or county sends its consolidated report in the same table), else
 * from the row.
 */
export function yuanBar(rec: TableRecognition, slot: RowSlot): number {
  const unit = normalizeUnit(headerUnit(rec));
  if (/(村|社区|委员会|居委会)$/.test(unit)) return 1_000;
  if (/(镇|乡|街道|街道办事处|园区|开发区|工业区)$/.test(unit)) return 10_000;
  if (/(县|市|区)$/.test(unit)) return 100_000;
  return TOWNSHIP_ROWS.has(slot.rowType) ? 10_000 : 1_000;
}

export const wanYuanRule: Rule = {
  id: "wan-yuan",
  category: "bound",
  severity: "warning",
  title: { zh: "金额疑似按元填写", en: "Amount looks like yuan" },
  description: {
    zh: "（万元）栏按万元填写：191000 元应填 19.1。村或单位填 1000 万元以上、乡镇一行 1 万万元以上、县（市、区）10 万万元以上时，多半是按元填了，请核实。",
    en: "（万元） columns are in 10k yuan: 191000 yuan is 19.1. From 1,000 (a village or department), 10,000 (a township's row) or 100,000 (a county's), the figure was most likely entered in yuan.",
  },
  examples: { good: "罚款金额 19.1（万元）", bad: "罚款金额 191000（按元填写）" },
  appliesTo: (t) =>
    t.kind === "table" &&
    t.columns.some(function money(c): boolean {
      return c.unit === "万元" || (c.children ?? []).some(money);
    }),
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    for (const { slot, column, cell, leaf, notApplicable } of ctx.entries) {
      if (leaf.unit !== "万元" || notApplicable) continue;
      const v = numberIn(cell);
      if (v === undefined || v < yuanBar(ctx.rec, slot)) continue;
      out.push(
        cellFinding(ctx, slot, column, {
          rule: this.id,
          category: this.category,
          severity: this.severity,
          message: `填的是 ${fmt(v)}：疑似按元填写（本栏单位为万元），${fmt(v)} 元应填 ${fmt(v / 10_000)}`,
          messageEn: `${fmt(v)} looks like yuan (this column is in 10k yuan): ${fmt(v)} yuan is ${fmt(v / 10_000)}`,
          source: ctx.source(),
        })
      );
    }
    return out;
  },
};
