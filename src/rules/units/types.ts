/**
 * Unit types: the row of a table each kind of unit fills, from a roster's 单位类型 or, failing
 * that, from the unit's name (DOMAIN.md).
 */
import type { TableTemplate } from "../templates/schema";
import { normalizeUnit } from "./names";

/** The row labels a roster may give as 单位类型, by the template row keys they stand for. */
export const UNIT_TYPES = [
  "村",
  "镇直单位",
  "乡镇",
  "县直单位",
  "市直单位",
  "县（市、区）",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

const ROW_KEY: Record<UnitType, string> = {
  村: "village",
  镇直单位: "town-dept",
  乡镇: "township",
  县直单位: "county-dept",
  市直单位: "city-dept",
  "县（市、区）": "county",
};

/** A 单位类型 as clerks write it (县(市、区), 镇直部门 …) → the canonical one, or undefined. */
export function parseUnitType(text: string): UnitType | undefined {
  const s = text.normalize("NFKC").replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
  if (s === "村" || s === "村（社区）" || s === "社区") return "村";
  if (/^镇直/.test(s)) return "镇直单位";
  if (/^乡镇/.test(s)) return "乡镇";
  if (/^县直/.test(s)) return "县直单位";
  if (/^市直/.test(s)) return "市直单位";
  if (/^县（?市、?区）?$/.test(s)) return "县（市、区）";
  return undefined;
}

export const rowKeyOf = (type: UnitType) => ROW_KEY[type];
export const unitTypeOfRow = (rowKey: string) => UNIT_TYPES.find((t) => ROW_KEY[t] === rowKey);

/** A department's row (镇直单位, 县直单位, 市直单位), as against a place's (村, 乡镇, 县（市、区）). */
const isDeptRow = (rowKey: string) => rowKey.endsWith("-dept");

/** A village, community or township by its name: never a department. */
const PLACE = /(村|社区|镇|乡|街道|街道办事处)$/;

/**
 * The type a name implies (DOMAIN.md). In a table with a 村 row: …村/社区 are 村;
 * …所/站/办/中心/局/队/院/公司/委员会/办公室 are 镇直单位; a township (…镇/乡/街道) says nothing,
 * as it may send its consolidated report. In 月报表 a 市场监管所 may fill the 乡镇 row, so a
 * department's suffix says nothing there; but a village, community or township never fills the
 * department row (县直单位/市直单位): it is the table's other row.
 */
export function typeFromName(name: string, t: TableTemplate): UnitType | undefined {
  const n = normalizeUnit(name);
  if (!n) return undefined;
  if (t.rows.some((r) => r.key === "village")) {
    if (/(村|社区)$/.test(n)) return "村"; // 村委会, 居民委员会 … are folded to 村, 社区
    if (/(镇|乡|街道|街道办事处)$/.test(n)) return undefined;
    if (/(所|站|办|中心|局|队|院|公司|委员会|办公室)$/.test(n)) return "镇直单位";
    return undefined;
  }
  if (!PLACE.test(n)) return undefined;
  const place = t.rows.find((r) => !isDeptRow(r.key));
  return place && t.rows.some((r) => isDeptRow(r.key)) ? unitTypeOfRow(place.key) : undefined;
}

/** Where a unit's type may be known besides its name: a roster. */
export interface KnownTypes {
  typeOf(unit: string): UnitType | undefined;
}

/** A unit's type: the roster's, else what its name says, else undefined (DOMAIN.md). */
export const unitTypeOf = (
  unit: string,
  t: TableTemplate,
  known?: KnownTypes
): UnitType | undefined => known?.typeOf(unit) ?? typeFromName(unit, t);
