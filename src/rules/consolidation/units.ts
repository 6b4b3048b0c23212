/**
 * Units: how a unit's name is compared (DOMAIN.md: NFKC, spaces, （盖章） removed) and which row
 * of a table its type fills, from a roster or, failing that, from its name.
 */
import type { Recognition } from "../recognize";
import type { TableTemplate } from "../templates/schema";

/** The 填报单位 a sheet's header gives, or "". */
export const headerUnit = (r: Recognition): string =>
  r.kind === "none" ? "" : (r.headerFields.find((h) => h.key === "unit")?.value ?? "").trim();

/** 金淘镇 朴里村（盖章） → 金淘镇朴里村: the form names are compared in. */
export function normalizeUnit(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[(（][^()（）]*(盖章|公章|章)[^()（）]*[)）]$/, "")
    .replace(/[:：]$/, "");
}

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

/**
 * The type a name implies (DOMAIN.md: …村/社区 are 村; …所/站/办/中心/局/队/院/公司 are 镇直单位),
 * only for tables with a 村 row: in 月报表 a 市场监管所 may fill the 乡镇 row, so there a name
 * says nothing and only the roster does.
 */
export function typeFromName(name: string, t: TableTemplate): UnitType | undefined {
  if (!t.rows.some((r) => r.key === "village")) return undefined;
  const n = normalizeUnit(name);
  if (/(村|社区|村委会|居委会)$/.test(n)) return "村";
  if (/(所|站|办|中心|局|队|院|公司|委员会|办公室)$/.test(n)) return "镇直单位";
  return undefined;
}
