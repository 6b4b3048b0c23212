/**
 * Which row a unit filled (DOMAIN.md, third round): only non-zero numbers show it. 注10 asks for 0
 * in every cell with nothing to report, so a village writes 0 across the 镇直单位 row: that is
 * correct filling, never a report in that row. A unit's own row all 0 is still its report.
 */
import { readNumber } from "../number";
import type { TableRecognition } from "../recognize";
import type { RowSlot } from "../templates/catalog";
import type { TableTemplate } from "../templates/schema";
import { rowKeyOf, type UnitType } from "./types";

export interface NonZeroCell {
  slot: RowSlot;
  column: string;
  row: number;
  col: number;
}

/** Every data cell holding a number other than 0 (text numbers such as ５ or 3家 included). */
export function nonZeroCells(rec: TableRecognition): NonZeroCell[] {
  const out: NonZeroCell[] = [];
  for (const slot of rec.info.slots) {
    const row = rec.match.rows.get(slot.key);
    if (row === undefined) continue;
    for (const [column, col] of rec.match.columns) {
      // Cells that do not apply (they may carry the notice's own label, 达标不分级) say nothing.
      if (rec.info.leafByKey.get(column)!.kind !== "number" || rec.info.notApplicable(slot, column))
        continue;
      const n = readNumber(rec.grid.values[row]?.[col] ?? null);
      if ((n.kind === "number" || n.kind === "malformed") && n.value !== 0)
        out.push({ slot, column, row, col });
    }
  }
  // In reading order (the matched columns come in the alignment's order), as findings name them.
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The unit types a child filled in: rows holding at least one non-zero number. */
export const filledRowTypes = (rec: TableRecognition): Set<string> =>
  new Set(nonZeroCells(rec).map((c) => c.slot.rowType));

/** The table's row a unit of this type fills, if it has one. */
export const ownRow = (t: TableTemplate, type: UnitType | undefined) =>
  type ? t.rows.find((r) => r.key === rowKeyOf(type)) : undefined;

/**
 * Non-zero numbers in rows not the unit's own, by row key: 填错行. Empty when the type is unknown
 * or the table has no row for it (the question does not arise).
 */
export function wrongRows(
  rec: TableRecognition,
  type: UnitType | undefined
): Map<string, NonZeroCell[]> {
  const own = ownRow(rec.template, type);
  const out = new Map<string, NonZeroCell[]>();
  if (!own) return out;
  for (const c of nonZeroCells(rec))
    if (c.slot.rowType !== own.key)
      out.set(c.slot.rowType, [...(out.get(c.slot.rowType) ?? []), c]);
  return out;
}
