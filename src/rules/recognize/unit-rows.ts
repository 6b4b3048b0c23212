/**
 * Unit-type row labels as clerks write them: the label, an alias, a typo, or the label with a
 * suffix (镇直单位合计). A clerk's own 合计/小计 row is no unit row; it is remembered so it can be
 * checked against the unit rows, and any other filled row the table does not read is reported.
 */
import { readNumber } from "../number";
import type { TableInfo } from "../templates/catalog";
import { normalizeLabel } from "../text";
import type { SheetText } from "./sheet-text";

/** A row of the clerk's own totals. */
export const isTotalLabel = (text: string) => /^(总?合计|小计|总计|汇总|共计)$/.test(text);

/** Words a clerk appends to a unit-type label (镇直单位合计, 村数据). */
const SUFFIX = /(合计|小计|总计|汇总|数据|填报)$/;

/** How well a row label names a unit type, 0..1. */
export function rowTypeScore(sheet: SheetText, text: string, labels: string[]): number {
  if (isTotalLabel(text)) return 0;
  const bare = text.replace(SUFFIX, "");
  let best = 0;
  for (const l of labels) {
    const n = normalizeLabel(l);
    if (!n) continue;
    // Short labels (村) must match exactly; longer ones may carry a typo.
    const score = (s: string) => (n.length <= 2 ? (s === n ? 1 : 0) : sheet.score(s, n));
    const sc = Math.max(score(text), bare !== text && bare ? 0.9 * score(bare) : 0);
    if (sc > best) best = sc;
  }
  return best;
}

/** A line under the table that no data cell holds: a footer (填报人：…), a note (注…). */
export const isFooter = (v: unknown) =>
  typeof v === "string" && (/[:：]|^\s*注/.test(v) || v.trim().length >= 8);

export interface StrayRows {
  /** The column holding the unit-type labels. */
  labelCol?: number;
  /** The clerk's own 合计/小计 row. */
  total?: number;
  /** Rows holding data that are no unit row of the table: their numbers would be lost. */
  unread: number[];
}

/** Rows of the table's body the unit rows leave out, down to the footer or two empty rows. */
export function strayRows(
  sheet: SheetText,
  info: TableInfo,
  rows: Map<string, number>,
  columns: Map<string, number>,
  span: { top: number; bottom: number; left: number; labelCol: number }
): StrayRows {
  const numeric = [...columns]
    .filter(([key]) => info.leafByKey.get(key)?.kind === "number")
    .map(([, c]) => c);
  const taken = new Set(rows.values());
  const last = Math.max(...taken);
  const out: StrayRows = { labelCol: span.labelCol, unread: [] };
  let empty = 0;
  for (let r = span.top; r <= span.bottom; r++) {
    const values = sheet.grid.values[r] ?? [];
    if (values.slice(span.left, span.labelCol + 1).some(isFooter) && r > last) break;
    const filled = numeric.some((c) => readNumber(values[c] ?? null).kind !== "blank");
    empty = filled ? 0 : empty + 1;
    if (empty >= 2 && r > last) break;
    if (taken.has(r)) continue;
    if (out.total === undefined && isTotalLabel(sheet.label(r, span.labelCol))) out.total = r;
    else if (filled) out.unread.push(r);
  }
  return out;
}
