/**
 * A name Excel accepts for a new sheet. uniqueSheetName (src/rules/sheet-names.ts) keeps to 31
 * characters without [ ] : * ? / \ and unique ignoring case; Excel also refuses a name that starts
 * or ends with an apostrophe, and "History", which it reserves.
 */
import { uniqueSheetName } from "../../rules/sheet-names";

export function excelSheetName(name: string, taken: Set<string>): string {
  const trim = (s: string) => s.replace(/^'+|'+$/g, "").trim();
  const unique = uniqueSheetName(trim(name) || "Sheet", new Set([...taken, "History"]));
  return trim(unique) === unique ? unique : excelSheetName(trim(unique), taken);
}
