/**
 * Finds the header fields printed around a table (填报单位（盖章）：… 填表人：… 联系电话：… 年 月 日),
 * whether they share one cell, as in the notice, or sit in cells of their own.
 */
import { type CellValue, cellAt, type Grid, gridCellOf, mergeAt, toA1 } from "../grid";
import { dayOfSerial, dayText } from "../period";
import type { HeaderField } from "../templates/schema";

export interface HeaderFieldMatch {
  key: HeaderField["key"];
  /** Cell holding the label. */
  labelCell: string;
  /** Cell holding the value: the label cell itself when written inline. */
  valueCell: string;
  /** The value as written, trimmed; "" when empty. */
  value: string;
  /** For the date field: the parts that were filled in. */
  date?: { year?: number; month?: number; day?: number };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const BRACKETS: Record<string, string> = {
  "（": "[（(︵]",
  "）": "[）)︶]",
  "(": "[（(︵]",
  ")": "[）)︶]",
};

function labelPattern(label: string): string {
  return [...label.replace(/\s+/g, "")]
    .map((ch) => BRACKETS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s*");
}

/**
 * "2026年 12 月 20 日", "  年  月  日", "2026-12-20", "2026/12/20", "2026年12月20号", and the way
 * official papers date themselves, "二〇二六年十二月二十日" (read on the text as dateText gives it).
 */
const DATE_RE =
  /([\d〇零一二三四五六七八九]{4})?\s*年\s*([\d一二三四五六七八九十]{1,3})?\s*月\s*([\d一二三四五六七八九十]{1,3})?\s*[日号]|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;

/**
 * Full-width digits and letters as ASCII (２０２６年１２月２０日, typed with a Chinese input method),
 * one character for one so positions found in it are positions in the cell's text.
 */
const dateText = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 2026, 二〇二六 (digit by digit), 12, 十二, 二十五 (with 十). */
function numberOf(s?: string): number | undefined {
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes("十")) return Number([...s].map((ch) => DIGIT[ch] ?? NaN).join(""));
  const [tens, ones] = s.split("十");
  const n = (tens ? (DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (DIGIT[ones] ?? NaN) : 0);
  return Number.isNaN(n) ? undefined : n;
}

function parseDate(text: string): HeaderFieldMatch["date"] | undefined {
  const m = DATE_RE.exec(dateText(text));
  if (!m) return undefined;
  return m[4]
    ? { year: numberOf(m[4]), month: numberOf(m[5]), day: numberOf(m[6]) }
    : { year: numberOf(m[1]), month: numberOf(m[2]), day: numberOf(m[3]) };
}

/**
 * A date cell whose number format the reader did not take for a date (a built-in Chinese format
 * such as 2026年12月20日, id 31 or 57) reaches us as its serial: 2000-01-01 to 2099-12-31.
 */
const isDateSerial = (v: CellValue): v is number =>
  typeof v === "number" && v >= 36526 && v < 73051;

/** A cell as a field's value: a date serial as its day (2026-12-20) for the date field. */
const valueOf = (v: CellValue, date: boolean): string =>
  date && isDateSerial(v) ? dayText(dayOfSerial(v)) : v === null ? "" : String(v).trim();

/** A stamped period (报告期：2026年第4季度) ends the value before it. */
const PERIOD_LINE = /\s*报告期\s*[:：].*$/;

interface Hit {
  field: HeaderField;
  start: number;
  end: number;
}

const patterns = new WeakMap<HeaderField, RegExp[]>();

/** A field's labels as patterns, longest first ("填报单位（盖章）" before "填报单位"); built once. */
function patternsOf(field: HeaderField): RegExp[] {
  let p = patterns.get(field);
  if (!p) {
    p = [field.label, ...field.aliases]
      .filter((l) => l !== "年 月 日")
      .sort((a, b) => b.length - a.length)
      .map((l) => new RegExp(`${labelPattern(l)}\\s*[:：]?`));
    patterns.set(field, p);
  }
  return p;
}

function hitsIn(text: string, fields: HeaderField[]): Hit[] {
  const hits: Hit[] = [];
  for (const field of fields) {
    let found: Hit | undefined;
    for (const re of patternsOf(field)) {
      const m = re.exec(text);
      if (m) {
        found = { field, start: m.index, end: m.index + m[0].length };
        break;
      }
    }
    if (!found && field.key === "date") {
      const m = DATE_RE.exec(dateText(text));
      if (m) found = { field, start: m.index, end: m.index };
    }
    const f = found;
    if (f && !hits.some((h) => f.start >= h.start && f.start < Math.max(h.end, h.start + 1)))
      hits.push(f);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * @param exclude the table body (header band and data rows), where no field is looked for.
 * @param within where the table's fields may be, when other tables share the sheet.
 */
export function findHeaderFields(
  grid: Grid,
  fields: HeaderField[],
  exclude: Box,
  within: Box = { top: 0, bottom: Infinity, left: 0, right: Infinity }
): HeaderFieldMatch[] {
  const out = new Map<string, HeaderFieldMatch>();
  const last = Math.min(grid.values.length - 1, within.bottom);
  // Nearest the table first: above it upwards, below it downwards (another table's footer or
  // notes may lie further off, between two tables pasted on one sheet).
  const order: number[] = [];
  for (let r = Math.min(exclude.top - 1, last); r >= within.top; r--) order.push(r);
  for (let r = Math.max(exclude.top, within.top); r <= last; r++) order.push(r);
  for (const r of order) {
    const row = grid.values[r] ?? [];
    for (let c = within.left; c < Math.min(row.length, within.right + 1); c++) {
      if (r >= exclude.top && r <= exclude.bottom && c >= exclude.left && c <= exclude.right)
        continue;
      const v = row[c];
      // A note (注：1.各填报单位…) names fields without holding them.
      if (typeof v !== "string" || v.length > 300 || /^\s*注/.test(v)) continue;
      const wanted = fields.filter(
        (f) => !out.has(f.key) && (f.place === "above" ? r < exclude.top : r > exclude.bottom)
      );
      if (wanted.length === 0) continue;
      const hits = hitsIn(v, wanted);
      hits.forEach((h, i) => {
        // A date found by its shape (年 月 日) has an empty label: its text is the value.
        let value = v
          .slice(h.end, i + 1 < hits.length ? hits[i + 1].start : v.length)
          .replace(PERIOD_LINE, "")
          .trim();
        let valueCell = toA1(grid, r, c);
        // "填表人：" alone in its cell: the value is in a cell to its right.
        if (!value && hits.length === 1) {
          const next = valueAfter(grid, r, c, h.field, fields, within.right);
          if (next) ({ cell: valueCell, value } = next);
        }
        const match: HeaderFieldMatch = {
          key: h.field.key,
          labelCell: toA1(grid, r, c),
          valueCell,
          value,
        };
        if (h.field.key === "date") match.date = parseDate(value) ?? {};
        out.set(h.field.key, match);
      });
    }
  }
  const date = fields.find((f) => f.key === "date");
  if (date && !out.has("date")) {
    const found = dateCellBeside(grid, date, [...out.values()], exclude, within);
    if (found) out.set("date", found);
  }
  return fields.map((f) => out.get(f.key)).filter((m): m is HeaderFieldMatch => m !== undefined);
}

/**
 * The value of a label standing alone in its cell: the first filled cell to its right, past the
 * label's merged area and up to two empty cells, unless that is another field's label (a date's
 * text is the date field's value, not a label). The cell right after the label when none.
 */
function valueAfter(
  grid: Grid,
  r: number,
  c: number,
  field: HeaderField,
  fields: HeaderField[],
  right: number
): { cell: string; value: string } | undefined {
  const date = field.key === "date";
  const merge = mergeAt(grid, r, c);
  const first = (merge?.left === c ? merge.right : c) + 1;
  const last = Math.min(right, first + 2, (grid.values[r]?.length ?? 0) - 1);
  for (let col = c + 1; col <= last; col++) {
    const v = cellAt(grid, r, col);
    if (v === null || (typeof v === "string" && !v.trim())) continue;
    const labels =
      typeof v === "string"
        ? hitsIn(v, fields).filter((x) => !(date && x.field.key === "date" && x.start === x.end))
        : [];
    if (labels.length) break;
    return { cell: toA1(grid, r, col), value: valueOf(v, date) };
  }
  return first <= right ? { cell: toA1(grid, r, first), value: "" } : undefined;
}

/**
 * A date cell with no label (the notice prints only "年 月 日") whose format the reader did not
 * take for a date: a serial in the header line, beside the fields found there.
 */
function dateCellBeside(
  grid: Grid,
  field: HeaderField,
  found: HeaderFieldMatch[],
  exclude: Box,
  within: Box
): HeaderFieldMatch | undefined {
  const rows = new Set(found.map((m) => gridCellOf(grid, m.labelCell).row));
  for (const r of rows) {
    if (field.place === "above" ? r >= exclude.top : r <= exclude.bottom) continue;
    const row = grid.values[r] ?? [];
    for (let c = within.left; c < Math.min(row.length, within.right + 1); c++) {
      if (!isDateSerial(row[c])) continue;
      const value = valueOf(row[c], true);
      const cell = toA1(grid, r, c);
      return { key: "date", labelCell: cell, valueCell: cell, value, date: parseDate(value) };
    }
  }
  return undefined;
}
