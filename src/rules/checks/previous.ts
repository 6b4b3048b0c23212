/**
 * A sheet beside the same unit's previous report (--previous, the pane's 上期对比): each filled
 * row's numbers paired with last period's. The cumulative and jump rules and the 环比 table all
 * read these pairs, so they agree on what is compared.
 */
import type { Period } from "../period";
import { comparePeriods, periodRange } from "../period";
import { reportPeriod } from "../report-period";
import type { Basis } from "../templates/schema";
import type { RowSlot } from "../templates/catalog";
import { type TableContext, tableContext } from "./context";
import { numericOf } from "./numeric";

export interface PreviousPair {
  slot: RowSlot;
  column: string;
  basis?: Basis;
  before: number;
  now: number;
  /** A since-month column whose counting restarted after the previous report (a new year). */
  restarted: boolean;
}

export interface WithPrevious {
  /** The periods compared. */
  before: Period;
  now: Period;
  /** The previous report's sheet. */
  sheet: string;
  pairs: PreviousPair[];
}

/** The pairs, when the run has an earlier report of the same table; else undefined. */
export function withPrevious(ctx: TableContext): WithPrevious | undefined {
  if (!ctx.options.previous?.length) return undefined;
  const now = reportPeriod(ctx.rec, ctx.options.period);
  const prevRec = ctx.options.previous.find(
    (p) => p.kind === "table" && p.template.id === ctx.template.id
  );
  if (!now || !prevRec || prevRec.kind !== "table") return undefined;
  const before = reportPeriod(prevRec);
  if (!before || comparePeriods(before.period, now.period) >= 0) return undefined;
  const prev = tableContext(prevRec, {});
  const { start } = periodRange(before.period);
  const pairs: PreviousPair[] = [];
  for (const slot of ctx.filledSlots) {
    const prevSlot = prev.slots.find((s) => s.key === slot.key);
    if (!prevSlot) continue;
    for (const column of ctx.rec.match.columns.keys()) {
      const leaf = ctx.leaf(column);
      if (leaf.kind !== "number" || ctx.notApplicable(slot, column)) continue;
      const a = numericOf(prev, prevSlot, column);
      const b = numericOf(ctx, slot, column);
      if (a === undefined || b === undefined) continue;
      const basis = leaf.basis;
      let restarted = false;
      if (basis?.kind === "since") {
        const [sy, sm] = basis.since.split("-").map(Number);
        restarted = start.year * 12 + start.month < sy * 12 + sm;
      }
      pairs.push({ slot, column, basis, before: a, now: b, restarted });
    }
  }
  return { before: before.period, now: now.period, sheet: prevRec.sheet, pairs };
}
