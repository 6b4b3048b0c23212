/** Worksheet names: what Excel allows, unique in a workbook, and quoted safely in formulas. */

/**
 * Excel's rules: at most 31 characters, none of []:*?/\, no control character (a unit name with a
 * line break made every summary formula #NAME?), no apostrophe first or last, not "History"
 * (reserved), not blank.
 */
export function cleanSheetName(name: string): string {
  const s = name
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[[\]:*?/\\]/g, "")
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s.toLowerCase() === "history") return "History(2)";
  return s || "Sheet";
}

/** The name, or the name with (2), (3)… when taken (case-insensitively, as Excel compares). */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = cleanSheetName(name);
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const n = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}

/** 'Sheet'!A1 with the name quoted and apostrophes doubled: '朴里 村(2)'!C7, 'it''s'!C7. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
