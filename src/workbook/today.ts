import type { Day } from "../rules/period";

/** Today on this computer's calendar (the rules take days as input; only the edges read the clock). */
export function today(): Day {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}
