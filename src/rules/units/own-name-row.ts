/**
 * A unit that writes its own name where the table prints its unit type (A7 朴里村 for 村, 金淘镇
 * 应急管理站 for 镇直单位): the row is its report, read as that type's row, when the name is the
 * sheet's own unit and the table has that type's row. Recognition finds such a row (recognize/
 * table.ts) and keeps it only when `isOwnNameRow` says so; a name that is not the sheet's unit, or
 * a table naming several units of one type row by row, stays a row not read (a loud error).
 */
import type { TableTemplate } from "../templates/schema";
import { sameUnit } from "./match";
import { rowKeyOf, typeFromName } from "./types";

/**
 * The row a label stands for when it names a unit instead of its type: the row of the type the
 * name says (DOMAIN: …村/社区 are 村, …所/站/中心… 镇直单位; 月报表: a township the 乡镇 row), if
 * the table has it. A header or footer line (填报单位：…) names no row.
 */
export function rowNamed(label: string, t: TableTemplate): string | undefined {
  if (/[:：]/.test(label)) return undefined;
  const type = typeFromName(label, t);
  const key = type && rowKeyOf(type);
  return key && t.rows.some((r) => r.key === key) ? key : undefined;
}

/**
 * Whether a row labelled with a unit's name is the sheet's own unit's row: the name is the unit its
 * header gives (or the sheet's name), and no other row of the table names a unit of that type.
 * @param own the sheet's 填报单位 and its name
 * @param others the labels of the table's other rows holding data
 */
export function isOwnNameRow(
  label: string,
  t: TableTemplate,
  own: string[],
  others: string[]
): boolean {
  const key = rowNamed(label, t);
  return (
    !!key &&
    own.some((o) => o.trim() !== "" && sameUnit(o, label)) &&
    !others.some((l) => rowNamed(l, t) === key)
  );
}
