import type { Finding } from "../finding";
import type { RowSlot } from "../templates/catalog";
import { relationColumns } from "../templates/relations";
import type { Relation } from "../templates/schema";
import { cellFinding, fmt, type TableContext } from "./context";
import { numberIn, type Unusable, unusableWords, usable, zeroByFix } from "./numeric";
import type { Rule } from "./rule";

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const short = (ctx: TableContext, key: string) => ctx.leaf(key).path[ctx.leaf(key).path.length - 1];
const isUnusable = (v: number | Unusable): v is Unusable => typeof v !== "number";

/** A cell the relation can read: found on the sheet (a deleted column is a structure error) and applicable. */
const inTable = (ctx: TableContext, slot: RowSlot, k: string) =>
  ctx.cell(slot, k) !== undefined && !ctx.notApplicable(slot, k);

type Checked = Exclude<Relation, { kind: "at-most" } | { kind: "evidence" }>;

/** Does the relation hold for these values (in relationColumns order)? */
function holds(r: Checked, v: number[]): boolean {
  if (r.kind === "sum")
    return near(
      v[0],
      v.slice(1).reduce((a, b) => a + b, 0)
    );
  if (r.kind === "zero-implies-zero") return v[0] !== 0 || v.slice(1).every((x) => x === 0);
  return (v[0] === 0) === (v[1] === 0);
}

/**
 * The total a sum relation asks for in `column` of `slot`, when it is that relation's total and
 * every part is usable: what a blank or "无" total should hold (the blank and not-number rules' fix).
 */
export function expectedTotal(
  ctx: TableContext,
  slot: RowSlot,
  column: string
): { value: number; parts: number[] } | undefined {
  for (const r of ctx.template.relations) {
    if (r.kind !== "sum" || r.total !== column) continue;
    if (relationColumns(r).some((k) => !inTable(ctx, slot, k))) return undefined;
    const parts = r.parts.map((k) => usable(ctx, slot, k));
    if (parts.some(isUnusable)) return undefined;
    const value = (parts as number[]).reduce((a, b) => a + b, 0);
    return { value: Number(fmt(value)), parts: parts as number[] };
  }
  return undefined;
}

/** "总数应为 28（=3+3+22）": the sum in a reviewer's words. */
export const sumWords = (e: { value: number; parts: number[] }) =>
  `${fmt(e.value)}（=${e.parts.map(fmt).join("+")}）`;

export const identityRule: Rule = {
  id: "identity",
  category: "identity",
  severity: "error",
  title: { zh: "算式不符", en: "Totals do not add up" },
  description: {
    zh: "表内的算式必须成立：总数 = 规上 + 中等 + 小微；“九小场所”总数 = 九类之和；四色企业数量 = 红 + 橙 + 黄 + 蓝（每家企业只定一种颜色）；培训场次为 0 则参训数为 0；罚款企业数与金额同为 0 或同不为 0；兑现奖励企业数与资金同为 0 或同不为 0。算式中有空白、负数、非数字或非整数的格时，先改正这些格，再核对算式。",
    en: "In-table arithmetic must hold: totals equal their parts, four colours add up to the count, no sessions means no trainees, fines count and amount are zero together. A blank, negative, non-numeric or fractional part is corrected first.",
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
    const address = (slot: RowSlot, k: string) => ctx.cell(slot, k)!.address;
    for (const slot of ctx.slots)
      for (const r of ctx.template.relations) {
        if (r.kind === "at-most" || r.kind === "evidence") continue;
        const keys = relationColumns(r);
        if (keys.some((k) => !inTable(ctx, slot, k))) continue;
        const read = keys.map((k) => usable(ctx, slot, k));
        const cells = keys.map((k) => address(slot, k));
        // A total is never judged from parts that are themselves wrong: name them instead. A sum's
        // own total may be anything (blank and 无 totals are the blank and not-number rules').
        const wrong = read
          .filter(isUnusable)
          .filter((u) => r.kind !== "sum" || u.column !== r.total);
        if (wrong.length) {
          const all = read.filter(isUnusable);
          // Blanks (and 无) whose fix, 0, makes the relation hold reveal nothing once fixed.
          const asFixed = read.map((v) => (isUnusable(v) ? (zeroByFix(v) ? 0 : NaN) : v));
          if (all.every(zeroByFix) && holds(r, asFixed)) continue;
          const first = wrong
            .map((u) => `${short(ctx, u.column)}（${u.cell.address}：${unusableWords(u, ctx)}）`)
            .join("、");
          const at = r.kind === "sum" ? r.total : wrong[0].column;
          const what =
            r.kind === "sum"
              ? `${short(ctx, r.total)}是否等于${r.parts.map((k) => short(ctx, k)).join("+")}`
              : r.kind === "zero-implies-zero"
                ? `“${ctx.columnWords(r.when)}为 0 则${r.then.map((k) => short(ctx, k)).join("、")}为 0”`
                : `${ctx.columnWords(r.a)}与${short(ctx, r.b)}是否同为 0 或同不为 0`;
          out.push(
            cellFinding(ctx, slot, at, {
              ...base,
              cells,
              message: `请先改正${first}，才能核对${what}`,
              messageEn: `Correct ${wrong.map((u) => `${u.column} (${u.cell.address})`).join(", ")} first: until then ${keys[0]} cannot be checked`,
              source: ctx.source(r.kind === "sum" ? r.note : undefined),
            })
          );
          continue;
        }
        if (r.kind === "sum") {
          const total = numberIn(ctx.cell(slot, r.total));
          if (total === undefined) continue;
          const e = expectedTotal(ctx, slot, r.total)!;
          if (near(total, e.value)) continue;
          out.push(
            cellFinding(ctx, slot, r.total, {
              ...base,
              cells,
              message: `${short(ctx, r.total)}应为 ${sumWords(e)}，实为 ${fmt(total)}`,
              messageEn: `${r.total} should be ${fmt(e.value)} (=${e.parts.map(fmt).join("+")}), found ${fmt(total)}`,
              source: ctx.source(r.note),
              expected: e.value,
            })
          );
        } else if (r.kind === "zero-implies-zero") {
          const v = read as number[];
          if (v[0] !== 0) continue;
          r.then.forEach((k, i) => {
            if (v[i + 1] === 0) return;
            out.push(
              cellFinding(ctx, slot, k, {
                ...base,
                cells: [address(slot, r.when), address(slot, k)],
                message: `${ctx.columnWords(r.when)}为 0，${short(ctx, k)}应为 0，实为 ${fmt(v[i + 1])}`,
                messageEn: `${r.when} is 0, so ${k} should be 0, found ${fmt(v[i + 1])}`,
                source: ctx.source(),
                expected: 0,
              })
            );
          });
        } else {
          const v = read as number[];
          if (holds(r, v)) continue;
          const [zero, other] = v[0] === 0 ? [r.a, r.b] : [r.b, r.a];
          out.push(
            cellFinding(ctx, slot, other, {
              ...base,
              cells,
              message: `${ctx.columnWords(zero)}为 0，而${short(ctx, other)}为 ${fmt(v[0] === 0 ? v[1] : v[0])}：两者应同为 0 或同不为 0`,
              messageEn: `${zero} is 0 but ${other} is not: both are zero or neither is`,
              source: ctx.source(),
            })
          );
        }
      }
    return out;
  },
};
