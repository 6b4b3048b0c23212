/**
 * Reads a data cell the way a careful reviewer would: a number, a blank, a number
 * written wrongly but readably (全角 ５, 1,200, 3家, a number stored as text), or text.
 */
import type { CellValue } from "./grid";

export type CellNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  /** Readable, but not a clean number: `value` is what it says, `why` how it was written. */
  | {
      kind: "malformed";
      value: number;
      why: "full-width" | "thousands" | "unit" | "text" | "date";
    }
  | { kind: "text"; text: string };

const MAX_NUMBER = 1e15;
const UNIT_SUFFIX = /(万元|人次|家次|场次|家|条|人|个|份|次|场|元)$/;

export function readNumber(v: CellValue): CellNumber {
  if (v === null) return { kind: "blank" };
  if (typeof v === "number")
    // No count is near 10^15; past that a sum would lose digits or become Infinity.
    return Number.isFinite(v) && Math.abs(v) < MAX_NUMBER
      ? { kind: "number", value: v }
      : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  const raw = v.trim();
  if (raw === "") return { kind: "blank" };
  const serial = dateSerial(raw);
  if (serial !== undefined) return { kind: "malformed", value: serial, why: "date" };
  const folded = raw.normalize("NFKC").replace(/\s+/g, "");
  let why: "full-width" | "thousands" | "unit" | "text" =
    folded !== raw.replace(/\s+/g, "") ? "full-width" : "text";
  let s = folded;
  if (UNIT_SUFFIX.test(s) && /\d/.test(s)) {
    s = s.replace(UNIT_SUFFIX, "");
    why = "unit";
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, "");
    if (why === "text") why = "thousands";
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) || Math.abs(Number(s)) >= MAX_NUMBER)
    return { kind: "text", text: raw };
  return { kind: "malformed", value: Number(s), why };
}

/** The numeric value of a cell, when it has one (blank counts as none). */
export function numericValue(v: CellValue): number | undefined {
  const n = readNumber(v);
  return n.kind === "number" || n.kind === "malformed" ? n.value : undefined;
}

/**
 * A number formatted as a date reaches us as the adapter's ISO day (2024-01-05). Its day count
 * from 1899-12-30 is the number Excel holds, as exceljs converted it (1900 calendar bug included).
 */
function dateSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30);
  return ms >= 0 ? ms / 86_400_000 : undefined;
}
