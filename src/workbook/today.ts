import type { Day } from "../rules/period";

/** Today on this computer's calendar (the rules take days as input; only the edges read the clock). */
export function today(): Day {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** "2026-12-01 20:30", local time: when the 汇总说明 was made. */
export function nowText(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
