/**
 * 上期对比: each unit's report (and the township's summary) beside the same unit's report of an
 * earlier period, found among the workbook's own sheets (a （上次） copy) or in a picked file (the
 * unit's last report, or last period's consolidated workbook). The 环比 figures come from the
 * pairs the period rules read, and the verdicts are those rules' findings (cumulative: a
 * cumulative column that went down is an error citing its basis; jump: more than 3× a warning).
 */
import { cumulativeRule } from "../checks/cumulative";
import { jumpRule } from "../checks/jump";
import { tableContext } from "../checks/context";
import { previousReport, withPrevious } from "../checks/previous";
import { headerUnit } from "../units/names";
import type { Finding } from "../finding";
import type { Period } from "../period";
import type { Recognized } from "../recognize";

export interface CompareRow {
  row: string;
  column: string;
  cell: string;
  before: number;
  now: number;
  /** now − before */
  change: number;
  /** now ÷ before, when before is not 0. */
  ratio?: number;
  /** The period rule's finding on this cell (cumulative went down, or a jump). */
  finding?: Finding;
}

export interface UnitComparison {
  sheet: string;
  unit: string;
  table: string;
  /** The earlier report compared with. */
  previous: { sheet: string; origin: string };
  before: Period;
  now: Period;
  rows: CompareRow[];
  findings: Finding[];
}

export interface Candidate {
  rec: Recognized;
  /** Where it comes from: "" for this workbook, else the picked file's name. */
  origin: string;
}

/**
 * For each current table sheet, the earlier report of the same table and unit among the
 * candidates (previousReport: the one pairing rule --previous uses too), compared. Sheets with
 * no earlier report are left out.
 */
export function compareWithPrevious(
  current: Recognized[],
  candidates: Candidate[],
  options: { period?: Period } = {}
): UnitComparison[] {
  const out: UnitComparison[] = [];
  for (const rec of current) {
    if (rec.kind !== "table") continue;
    const prev = previousReport(rec, candidates, options.period);
    if (!prev) continue;
    const ctx = tableContext(rec, {
      period: options.period,
      previous: [prev.rec],
    });
    const w = withPrevious(ctx);
    if (!w) continue;
    const findings = [cumulativeRule, jumpRule].flatMap((r) => r.check(ctx));
    out.push({
      sheet: rec.sheet,
      unit: headerUnit(rec),
      table: rec.template.shortTitle,
      previous: { sheet: prev.rec.sheet, origin: prev.origin },
      before: w.before,
      now: w.now,
      findings,
      rows: w.pairs.map((p) => {
        const cell = ctx.cell(p.slot, p.column)!.address;
        return {
          row: ctx.rowWords(p.slot),
          column: ctx.columnWords(p.column),
          cell,
          before: p.before,
          now: p.now,
          change: p.now - p.before,
          ...(p.before !== 0 ? { ratio: p.now / p.before } : {}),
          finding: findings.find((f) => f.cell === cell),
        };
      }),
    });
  }
  return out;
}

/** 环比 in words: "+4（+13.3%）", "−5（−16.7%）", "0", "+3（上期为 0）". */
export function changeText(r: CompareRow): string {
  const n = Math.round(r.change * 1e6) / 1e6;
  if (n === 0) return "0";
  const sign = n > 0 ? "+" : "−";
  const pct =
    r.ratio === undefined
      ? "上期为 0"
      : `${sign}${Math.abs(Math.round((r.ratio - 1) * 1000) / 10)}%`;
  return `${sign}${Math.abs(n)}（${pct}）`;
}
