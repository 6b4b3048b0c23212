/** Small constructors that keep the template data files readable. */
import type { Basis, ColumnNode, HeaderField, Relation, Unit } from "./schema";

type Extra = Pick<ColumnNode, "basis" | "kind" | "perUnit">;

export function leaf(key: string, label: string, unit?: Unit, extra: Extra = {}): ColumnNode {
  return { key, label, ...(unit ? { unit } : {}), ...extra };
}

export function group(
  label: string,
  children: ColumnNode[],
  extra: Pick<ColumnNode, "basis" | "unit"> = {}
): ColumnNode {
  return { label, ...extra, children };
}

export const since = (ym: string, note: number): Basis => ({ kind: "since", since: ym, note });
export const baseYear = (year: number, note: number): Basis => ({ kind: "base", year, note });

/** 填报单位（盖章）… 填表人… 联系电话… 年 月 日, printed above the table. */
export const STANDARD_HEADER: HeaderField[] = [
  { key: "unit", label: "填报单位（盖章）", aliases: ["填报单位"], place: "above" },
  { key: "filler", label: "填表人", aliases: ["填报人"], place: "above" },
  { key: "phone", label: "联系电话", aliases: ["电话"], place: "above" },
  { key: "date", label: "年 月 日", aliases: ["填报时间", "填报日期", "日期"], place: "above" },
];

/** Splits a printed 注 paragraph "注：1.…；2.…。" into numbered notes. */
export function splitNotes(paragraph: string): Record<string, string> {
  const body = paragraph.replace(/^注[:：]\s*/, "");
  const out: Record<string, string> = {};
  const re = /(?:^|[；;。]\s*)(\d+)\.\s*/g;
  const marks: { n: string; start: number; end: number }[] = [];
  for (let m = re.exec(body); m; m = re.exec(body))
    marks.push({ n: m[1], start: m.index, end: m.index + m[0].length });
  if (marks.length === 0) return { "1": body.trim() };
  marks.forEach((mk, i) => {
    const text = body.slice(mk.end, i + 1 < marks.length ? marks[i + 1].start + 1 : body.length);
    out[mk.n] = text.replace(/[；;]$/, "").trim();
  });
  return out;
}

export const sum = (total: string, parts: string[], note?: number): Relation => ({
  kind: "sum",
  total,
  parts,
  ...(note ? { note } : {}),
});
export const zeroImpliesZero = (when: string, ...then: string[]): Relation => ({
  kind: "zero-implies-zero",
  when,
  then,
});
export const zeroIffZero = (a: string, b: string): Relation => ({ kind: "zero-iff-zero", a, b });
export const atMost = (left: string | string[], right: string | string[]): Relation => ({
  kind: "at-most",
  left: typeof left === "string" ? [left] : left,
  right: typeof right === "string" ? [right] : right,
});
/** Each of these counts is at most the base total of the same row. */
export const withinBase = (base: string, keys: string[]): Relation[] =>
  keys.map((k) => atMost(k, base));
