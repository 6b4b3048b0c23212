/** Worksheet names: what Excel allows, unique in a workbook, and quoted safely in formulas. */
import { cutWithin } from "./file-names";

/**
 * Excel's rules: at most 31 characters (cut between characters, never inside one), none of
 * []:*?/\, no control character (a unit name with a line break made every summary formula
 * #NAME?) nor format character (bidi overrides, zero-width spaces), no apostrophe first or last, not "History" (reserved), not blank.
 */
export function cleanSheetName(name: string): string {
  const s = cut(
    name
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
      // Bidi overrides make a name read backwards; zero-width characters hide in it.
      .replace(/\p{Cf}+/gu, "")
      .replace(/[[\]:*?/\\]/g, "")
      .trim(),
    31
  )
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s.toLowerCase() === "history") return "History(2)";
  return s || "Sheet";
}

/** At most `n` UTF-16 units, cut between characters (never inside an emoji or its joiners). */
export const cut = (s: string, n: number): string => cutWithin(s, n, (t) => t.length);

/** The name, or the name with (2), (3)… when taken (case-insensitively, as Excel compares). */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = cleanSheetName(name);
  // Called once a child over a thousand children: the set is walked only for a name with
  // letters that have a case (a 村 name has none, so only itself can match it).
  const isTaken = (n: string) => {
    if (taken.has(n)) return true;
    const lower = n.toLowerCase();
    if (lower === n.toUpperCase()) return false;
    for (const t of taken) if (t.toLowerCase() === lower) return true;
    return false;
  };
  if (!isTaken(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const n = `${cut(base, 31 - suffix.length)}${suffix}`;
    if (!isTaken(n)) return n;
  }
}

/** 'Sheet'!A1 with the name quoted and apostrophes doubled: '朴里 村(2)'!C7, 'it''s'!C7. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
