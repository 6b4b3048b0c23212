/**
 * Reporting periods: a quarter (南安 季报表) or a month (安溪/晋江 月报表), their
 * deadlines (注: 每季度末月29日前 / 每月3日前) and reporting windows.
 */
import type { Deadline, Template } from "./templates/schema";

export type Period =
  | { cycle: "quarter"; year: number; quarter: number }
  | { cycle: "month"; year: number; month: number };

/** A calendar day, no time zone games. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
export const dayText = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const dayZh = (d: Day) => `${d.year}年${d.month}月${d.day}日`;
const dayNumber = (d: Day) => Date.UTC(d.year, d.month - 1, d.day) / 86400000;
export const compareDays = (a: Day, b: Day) => dayNumber(a) - dayNumber(b);

export function parseDay(text: string): Day | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day ? d : undefined;
}

/** An Excel date serial (days since 1899-12-30) as a calendar day. */
export function dayOfSerial(serial: number): Day {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026Q4", "2026-Q4", "2026年第4季度", "2026年四季度" · "2024-05", "2024年5月". */
export function parsePeriod(text: string): Period | undefined {
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  const zhNum: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
  let m = /^(\d{4})(?:-?Q|年第?)([1-4一二三四])(?:季度)?$/i.exec(s);
  if (m) return { cycle: "quarter", year: +m[1], quarter: zhNum[m[2]] ?? +m[2] };
  m = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { cycle: "month", year: +m[1], month: +m[2] };
  return undefined;
}

export function formatPeriod(p: Period): string {
  return p.cycle === "quarter" ? `${p.year}年第${p.quarter}季度` : `${p.year}年${p.month}月`;
}

export function periodCode(p: Period): string {
  return p.cycle === "quarter" ? `${p.year}Q${p.quarter}` : `${p.year}-${pad(p.month)}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of the period. */
export function periodRange(p: Period): { start: Day; end: Day } {
  const [m1, m2] = p.cycle === "quarter" ? [p.quarter * 3 - 2, p.quarter * 3] : [p.month, p.month];
  return {
    start: { year: p.year, month: m1, day: 1 },
    end: { year: p.year, month: m2, day: lastDayOfMonth(p.year, m2) },
  };
}

/** When the report of period p is due. */
export function deadlineOf(p: Period, d: Deadline | undefined): Day {
  if (p.cycle === "quarter") return { year: p.year, month: p.quarter * 3, day: d?.day ?? 29 };
  const next =
    p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
  return { ...next, day: d?.day ?? 3 };
}

/** The period a report dated `d` belongs to: the quarter it falls in; for months, the month before when dated up to the deadline day. */
export function periodOfDay(d: Day, cycle: Period["cycle"], deadline?: Deadline): Period {
  if (cycle === "quarter") return { cycle, year: d.year, quarter: Math.ceil(d.month / 3) };
  if (d.day <= (deadline?.day ?? 3))
    return d.month === 1
      ? { cycle, year: d.year - 1, month: 12 }
      : { cycle, year: d.year, month: d.month - 1 };
  return { cycle, year: d.year, month: d.month };
}

export function cycleOf(t: Template): Period["cycle"] | undefined {
  return t.cycle === "quarter" || t.cycle === "month" ? t.cycle : undefined;
}

/** Periods in order: negative when a is earlier. */
export function comparePeriods(a: Period, b: Period): number {
  return compareDays(periodRange(a).start, periodRange(b).start);
}
