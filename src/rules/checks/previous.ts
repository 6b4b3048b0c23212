/**
 * A sheet beside the same unit's previous report (--previous, the pane's 上期对比): each filled
 * row's numbers paired with last period's. The cumulative and jump rules and the 环比 table all
 * read these pairs, so they agree on what is compared.
 */
import { headerUnit } from "../units/names";
import { sameUnit } from "../units/match";
import type { Period } from "../period";
import { comparePeriods, periodRange } from "../period";
import type { Recognized, TableRecognition } from "../recognize";
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

/**
 * The earlier report a table is compared with: the latest report of an earlier period of the same
 * table by the same unit (header 填报单位). In last period's consolidated workbook that is the
 * unit's copy, and the summary only for the consolidating unit itself, whose unit it carries. A
 * report with no unit pairs only when it is that table's one candidate; another unit's never.
 */
export function previousReport<T extends { rec: Recognized }>(
  rec: TableRecognition,
  candidates: T[],
  period?: Period
): T | undefined {
  const now = reportPeriod(rec, period);
  if (!now) return undefined;
  const unit = headerUnit(rec);
  const sameTable = candidates.filter(
    (c) => c.rec.kind === "table" && c.rec.template.id === rec.template.id && c.rec !== rec
  );
  const lone = sameTable.length === 1;
  return sameTable
    .filter((c) => {
      const theirs = headerUnit(c.rec);
      return sameUnit(theirs, unit) || (lone && (!unit || !theirs));
    })
    .map((c) => ({ c, p: reportPeriod(c.rec) }))
    .filter((x) => x.p && comparePeriods(x.p.period, now.period) < 0)
    .sort((x, y) => comparePeriods(y.p!.period, x.p!.period))[0]?.c;
}

/**
 * A table the run was given earlier reports for (--previous) but none of them its unit's: said
 * once, so that no comparison is not taken for a clean one.
 */
export function noPreviousOfUnit(ctx: TableContext): boolean {
  const given = ctx.options.previous;
  if (!given?.length || !reportPeriod(ctx.rec, ctx.options.period)) return false;
  return !previousReport(
    ctx.rec,
    given.map((rec) => ({ rec })),
    ctx.options.period
  );
}

/** The pairs, when the run has an earlier report of the same table and unit; else undefined. */
export function withPrevious(ctx: TableContext): WithPrevious | undefined {
  if (!ctx.options.previous?.length) return undefined;
  const now = reportPeriod(ctx.rec, ctx.options.period);
  const prevRec = previousReport(
    ctx.rec,
    ctx.options.previous.map((rec) => ({ rec })),
    ctx.options.period
  )?.rec;
  if (!now || !prevRec || prevRec.kind !== "table") return undefined;
  const before = reportPeriod(prevRec);
  if (!before) return undefined;
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
