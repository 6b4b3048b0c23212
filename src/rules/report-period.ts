/** Which period a recognized report is for: as given, as stamped on the sheet (报告期：…), or from its date. */
import { cycleOf, type Day, parseDay, parsePeriod, type Period, periodOfDay } from "./period";
import type { Recognized } from "./recognize";

const STAMP = /报告期\s*[:：]\s*(\S+)/;

/** The period line a stamp wrote, if any, in the table's own part of the sheet: its cell and period. */
export function findPeriodStamp(
  rec: Recognized
): { row: number; col: number; period: Period } | undefined {
  const values = rec.grid.values;
  const z = rec.place.zone;
  for (let r = z.top; r < Math.min(values.length, z.bottom + 1); r++)
    for (let c = z.left; c < Math.min(values[r].length, z.right + 1); c++) {
      const v = values[r][c];
      if (typeof v !== "string" || !v.includes("报告期")) continue;
      const m = STAMP.exec(v);
      const period = m ? parsePeriod(m[1]) : undefined;
      if (period) return { row: r, col: c, period };
    }
  return undefined;
}

/** The report's date, when the date field is filled in completely. */
export function reportDay(rec: Recognized): Day | undefined {
  const f = rec.headerFields.find((h) => h.key === "date");
  const d = f?.date;
  if (d?.year && d.month && d.day) return parseDay(`${d.year}-${d.month}-${d.day}`);
  return f?.value ? parseDay(f.value) : undefined;
}

export function reportPeriod(
  rec: Recognized,
  given?: Period
): { period: Period; from: "given" | "stamp" | "date" } | undefined {
  const cycle = cycleOf(rec.template);
  if (!cycle) return undefined;
  if (given) return { period: given, from: "given" };
  const stamp = findPeriodStamp(rec);
  if (stamp) return { period: stamp.period, from: "stamp" };
  const day = reportDay(rec);
  return day ? { period: periodOfDay(day, cycle, rec.template.deadline), from: "date" } : undefined;
}
