import type { Finding } from "../finding";
import type { RowSlot } from "../templates/catalog";
import { cellFinding, fmt, type TableContext } from "./context";
import { numericOf } from "./numeric";
import type { Rule } from "./rule";

/** The relation's cells as numbers, or undefined when one is missing, not applicable or not a number (other rules say so). */
function values(ctx: TableContext, slot: RowSlot, keys: string[]): number[] | undefined {
  const out: number[] = [];
  for (const k of keys) {
    if (ctx.notApplicable(slot, k)) return undefined;
    const v = numericOf(ctx, slot, k);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const short = (ctx: TableContext, key: string) => ctx.leaf(key).path[ctx.leaf(key).path.length - 1];

export const identityRule: Rule = {
  id: "identity",
  category: "identity",
  severity: "error",
  title: { zh: "算式不符", en: "Totals do not add up" },
  description: {
    zh: "表内的算式必须成立：总数 = 规上 + 中等 + 小微；“九小场所”总数 = 九类之和；四色企业数量 = 红 + 橙 + 黄 + 蓝（每家企业只定一种颜色）；培训场次为 0 则参训数为 0；罚款企业数与金额同为 0 或同不为 0；兑现奖励企业数与资金同为 0 或同不为 0。",
    en: "In-table arithmetic must hold: totals equal their parts, four colours add up to the count, no sessions means no trainees, fines count and amount are zero together.",
  },
  examples: {
    good: "总数 55 = 规上 20 + 中等 20 + 小微 15",
    bad: "总数 58，规上 20 + 中等 20 + 小微 15",
  },
  appliesTo: (t) =>
    t.kind === "table" && t.relations.some((r) => r.kind !== "at-most" && r.kind !== "evidence"),
  notesFor: (t) =>
    t.kind === "table"
      ? t.relations.flatMap((r) => (r.kind === "sum" && r.note ? [r.note] : []))
      : [],
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const out: Finding[] = [];
    const base = { rule: this.id, category: this.category, severity: this.severity };
    for (const slot of ctx.slots)
      for (const r of ctx.template.relations) {
        if (r.kind === "sum") {
          const v = values(ctx, slot, [r.total, ...r.parts]);
          if (!v) continue;
          const [total, ...parts] = v;
          const expected = parts.reduce((a, b) => a + b, 0);
          if (near(total, expected)) continue;
          const cells = [r.total, ...r.parts].map((k) => ctx.cell(slot, k)!.address);
          out.push(
            cellFinding(ctx, slot, r.total, {
              ...base,
              cells,
              message: `${short(ctx, r.total)}应为 ${fmt(expected)}（=${parts.map(fmt).join("+")}），实为 ${fmt(total)}`,
              messageEn: `${r.total} should be ${fmt(expected)} (=${parts.map(fmt).join("+")}), found ${fmt(total)}`,
              source: ctx.source(r.note),
              expected,
            })
          );
        } else if (r.kind === "zero-implies-zero") {
          const v = values(ctx, slot, [r.when, ...r.then]);
          if (!v || v[0] !== 0) continue;
          r.then.forEach((k, i) => {
            if (v[i + 1] === 0) return;
            out.push(
              cellFinding(ctx, slot, k, {
                ...base,
                cells: [ctx.cell(slot, r.when)!.address, ctx.cell(slot, k)!.address],
                message: `${ctx.columnWords(r.when)}为 0，${short(ctx, k)}应为 0，实为 ${fmt(v[i + 1])}`,
                messageEn: `${r.when} is 0, so ${k} should be 0, found ${fmt(v[i + 1])}`,
                source: ctx.source(),
                expected: 0,
              })
            );
          });
        } else if (r.kind === "zero-iff-zero") {
          const v = values(ctx, slot, [r.a, r.b]);
          if (!v || (v[0] === 0) === (v[1] === 0)) continue;
          const [zero, other] = v[0] === 0 ? [r.a, r.b] : [r.b, r.a];
          out.push(
            cellFinding(ctx, slot, other, {
              ...base,
              cells: [ctx.cell(slot, r.a)!.address, ctx.cell(slot, r.b)!.address],
              message: `${ctx.columnWords(zero)}为 0，而${short(ctx, other)}为 ${fmt(numericOf(ctx, slot, other)!)}：两者应同为 0 或同不为 0`,
              messageEn: `${zero} is 0 but ${other} is not: both are zero or neither is`,
              source: ctx.source(),
            })
          );
        }
      }
    return out;
  },
};
