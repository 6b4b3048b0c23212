/**
 * =SRS.QTOTAL(): the sum, over every child sheet of the same template, of the cell
 * holding the same (unit type, column) as the caller. Found by recognition, so
 * children laid out differently still add up. Pure: the caller reads the workbook.
 */
import { isSummarySheet } from "./consolidate";
import { numericValue, readNumber } from "./number";
import { locateCell, type Recognition, type TableRecognition } from "./recognize";
import { normalizeLabel } from "./text";

export type FunctionResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A summary sheet (its title or name says 汇总) is never its own child. */
export function isSummary(rec: Recognition): boolean {
  return (
    /汇总/.test(rec.sheet) ||
    (rec.kind !== "none" && rec.title !== undefined && /汇总/.test(rec.title.text))
  );
}

/** The unit types a child filled in: rows holding at least one value. */
export function filledRowTypes(rec: TableRecognition): Set<string> {
  const out = new Set<string>();
  for (const [slotKey, r] of rec.match.rows) {
    const slot = rec.info.slots.find((s) => s.key === slotKey)!;
    const filled = [...rec.match.columns.entries()].some(
      ([key, c]) =>
        rec.info.leafByKey.get(key)!.kind === "number" &&
        readNumber(rec.grid.values[r]?.[c] ?? null).kind !== "blank"
    );
    if (filled) out.add(slot.rowType);
  }
  return out;
}

function rowTypeKey(rec: TableRecognition, label: string): string | undefined {
  const n = normalizeLabel(label);
  return rec.template.rows.find((r) =>
    [r.label, ...r.aliases, r.key].some((l) => normalizeLabel(l) === n)
  )?.key;
}

export function qtotal(
  recs: Recognition[],
  sheet: string,
  address: string,
  unitType?: string
): FunctionResult<number> {
  const at = locateCell(recs, sheet, address);
  if (!at) return { ok: false, message: "此单元格不在已识别的报表中" };
  if (!at.slot || !at.column) return { ok: false, message: "此单元格不是报表的数据格" };
  const { rec, slot, column } = at;
  const leaf = rec.info.leafByKey.get(column)!;
  if (leaf.kind !== "number") return { ok: false, message: "此列不是数字列" };
  const wanted = unitType ? rowTypeKey(rec, unitType) : undefined;
  if (unitType && !wanted) return { ok: false, message: `“${unitType}”不是本表的填报单位类型` };
  let sum = 0;
  for (const child of recs) {
    if (
      child.sheet === sheet ||
      child.kind !== "table" ||
      child.template.id !== rec.template.id ||
      isSummarySheet(child.sheet, child)
    )
      continue;
    if (wanted && !filledRowTypes(child).has(wanted)) continue;
    const r = child.match.rows.get(slot);
    const c = child.match.columns.get(column);
    if (r === undefined || c === undefined) continue;
    const v = child.grid.values[r]?.[c] ?? null;
    const n = numericValue(v);
    if (n === undefined && readNumber(v).kind === "text")
      return { ok: false, message: `工作表“${child.sheet}”的单元格不是数字：${String(v)}` };
    sum += n ?? 0;
  }
  // Sums of 万元 amounts must not show binary noise (0.1 + 0.2).
  return { ok: true, value: Math.round(sum * 1e6) / 1e6 };
}
