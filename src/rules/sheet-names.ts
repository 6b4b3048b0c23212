/** Worksheet names: what Excel allows, unique in a workbook, and quoted safely in formulas. */

/** Excel's rules: at most 31 characters, none of []:*?/\, not blank. */
export function cleanSheetName(name: string): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, "")
    .trim()
    .slice(0, 31);
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

/** Whether uniqueSheetName could have given `sheet` for `name`: the name itself, or it with (2), (3)… */
export function isNamedAfter(sheet: string, name: string): boolean {
  const base = cleanSheetName(name).toLowerCase();
  const s = sheet.toLowerCase();
  if (s === base) return true;
  const m = /\((\d+)\)$/.exec(s);
  return m !== null && s === `${base.slice(0, 31 - m[0].length)}${m[0]}`;
}

/** 'Sheet'!A1 with the name quoted and apostrophes doubled: '朴里 村(2)'!C7, 'it''s'!C7. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
