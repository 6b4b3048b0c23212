/** =SRS.PERIOD(), =SRS.DEADLINE(), =SRS.SINCE(): pure answers from the recognized workbook. */
import { basisText } from "./basis";
import {
  type Day,
  dayOfSerial,
  dayZh,
  deadlineOf,
  formatPeriod,
  parseDay,
  parsePeriod,
  type Period,
  periodOfDay,
} from "./period";
import type { FunctionResult } from "./qtotal";
import { locateCell, type Recognition } from "./recognize";
import type { Template } from "./templates/schema";

/** An Excel date serial (days since 1899-12-30) or a date in text, as a calendar day. */
export function dayOf(input: number | string | null | undefined, today: Day): Day | undefined {
  // null: the argument was omitted (Excel passes omitted optional arguments as null).
  if (input === undefined || input === null || input === "") return today;
  return typeof input === "number" ? dayOfSerial(input) : parseDay(input);
}

function templateAt(recs: Recognition[], sheet: string): Template | undefined {
  const rec = recs.find((r) => r.sheet === sheet);
  return rec && rec.kind !== "none" ? rec.template : undefined;
}

/** The reporting period a date falls in, in the cycle of the caller's template (quarters by default). */
export function periodText(
  recs: Recognition[],
  sheet: string,
  date: number | string | null | undefined,
  today: Day
): FunctionResult<string> {
  const day = dayOf(date, today);
  if (!day) return { ok: false, message: `无法识别日期“${String(date)}”` };
  const t = templateAt(recs, sheet);
  const cycle = t?.cycle === "month" ? "month" : "quarter";
  return { ok: true, value: formatPeriod(periodOfDay(day, cycle, t?.deadline)) };
}

/** When the report of a period is due, by the caller's template's note. */
export function deadlineText(
  recs: Recognition[],
  sheet: string,
  period: string | undefined,
  today: Day
): FunctionResult<string> {
  const t = templateAt(recs, sheet);
  const cycle = t?.cycle === "month" ? "month" : "quarter";
  const p: Period | undefined = period
    ? parsePeriod(period)
    : periodOfDay(today, cycle, t?.deadline);
  if (!p) return { ok: false, message: `无法识别报告期“${period}”：季度写 2026Q4，月份写 2024-05` };
  return { ok: true, value: dayZh(deadlineOf(p, p.cycle === t?.cycle ? t?.deadline : undefined)) };
}

/** The counting basis of the caller's column ("2021年8月以来累计"). */
export function sinceText(
  recs: Recognition[],
  sheet: string,
  address: string
): FunctionResult<string> {
  const at = locateCell(recs, sheet, address);
  if (!at) return { ok: false, message: "此单元格不在已识别的报表中" };
  const basis = at.column ? at.rec.info.leafByKey.get(at.column)!.basis : undefined;
  return basis
    ? { ok: true, value: basisText(basis) }
    : { ok: false, message: "此列没有统计口径（不是报表的数据列）" };
}
