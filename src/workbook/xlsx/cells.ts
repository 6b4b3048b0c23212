/** exceljs cell values → the plain values the rules read. */
import type { CellValue as ExcelValue } from "exceljs";
import type { CellValue } from "../../rules/grid";

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function plainValue(v: ExcelValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((p) => p.text).join("");
    if ("error" in v) return v.error;
    if ("formula" in v || "sharedFormula" in v)
      return plainValue((v as { result?: ExcelValue }).result as ExcelValue);
    if ("hyperlink" in v)
      return typeof v.text === "string" ? v.text : plainValue(v.text as ExcelValue);
  }
  return String(v);
}
