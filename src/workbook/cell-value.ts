/** A cell value from a host (Excel, WPS) as the rules read it. */
import type { CellValue } from "../rules/grid";

/**
 * Whether a number format shows a date: y or d, or m away from h and s (m is minutes in
 * "h:mm"), once quoted text ("年"), escaped characters and [brackets] (colours, locales,
 * [DBNum1]) are set aside. "General", "0.00" and "@" are not dates.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (bare === "general" || bare === "@") return false;
  return /[yd]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** The date serial (days since 1899-12-30) as ISO text, the way the .xlsx adapter gives dates. */
function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000))
    .toISOString()
    .slice(0, 10);
}

/**
 * A cell as the rules read it. Excel's Range.values and WPS's Range.Value2 give a date as its
 * serial number; its number format tells it is a date, read then as ISO text like the .xlsx adapter.
 */
export const plain = (v: unknown, format?: unknown): CellValue =>
  v === "" || v === null || v === undefined
    ? null
    : typeof v === "number"
      ? typeof format === "string" && isDateFormat(format)
        ? isoOfSerial(v)
        : v
      : typeof v === "boolean"
        ? v
        : String(v);

/**
 * Text that Excel or WPS would read as a formula, a number or a date when it is written into a
 * cell (as if typed), quoted so it stays text.
 */
export function asCellInput(v: CellValue): string | number | boolean {
  if (v === null) return "";
  return typeof v === "string" && looksTyped(v) ? `'${v}` : v;
}

const looksTyped = (s: string) =>
  /^[=+\-@']/.test(s) ||
  /^\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?\s*$/i.test(s) ||
  /^\s*\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?\s*$/.test(s) ||
  /^(true|false)$/i.test(s.trim());
