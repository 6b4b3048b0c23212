/**
 * What a consolidation counts (#22 item 4), worked out once from its lines so 汇总说明, the CLI,
 * the pane and the page say the same: units (应报, 已报 and how each stands: 按时, 逾期, 日期不明,
 * 报表均未汇总; 缺报) and reports (未汇总). A unit is one however its name was written (the
 * line's key); a report naming no unit stands for a unit of its own; a file that could not be read
 * is a report not summed, of no unit known. A 细则 sent with a report (status attached) is neither
 * a unit nor a report: it counts for nothing.
 */
import { normalizeUnit } from "../units/names";

/** What a plan's line says of a unit (plan.ts ChildLine). */
export interface CountedLine {
  unit: string;
  origin: string;
  sheet: string;
  status: string;
  timeliness: string;
  /** The unit it counts as: its roster name, else its name's key; "" when it names none. */
  key?: string;
  /** The unit is in the roster. */
  listed?: boolean;
  /** The consolidating unit's own report received among its units': a report, no unit reporting to it. */
  own?: boolean;
  /** The table, "" when none is known (a 缺报 line of a unit that sent nothing names none). */
  table?: string;
  /** On the 缺报 line of a unit that sent nothing: the tables it owes. */
  owes?: string[];
}

/** 按时, 逾期, 日期不明 (summed, no date to judge by), 缺报, 报表均未汇总 (sent, nothing summed). */
export const UNIT_STATES = ["onTime", "late", "undated", "missing", "notSummed"] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export interface UnitStates {
  /** One entry a unit, in the order first listed. */
  units: { unit: string; state: UnitState; listed?: boolean }[];
  counts: Record<UnitState, number>;
}

/**
 * A unit's state from all its lines: a summed report decides it (逾期 if any summed one was
 * late), so an earlier report replaced by a later one does not make the unit 未汇总.
 */
export function unitStates(lines: readonly CountedLine[]): UnitStates {
  const byUnit = new Map<string, { unit: string; listed: boolean; lines: CountedLine[] }>();
  for (const l of lines) {
    if (l.status === "unreadable" || l.status === "attached" || l.own) continue;
    // A line not from a plan (a copy an earlier round set aside) is known by its name alone.
    const key = (l.key ?? normalizeUnit(l.unit)) || `file|${l.origin}|${l.sheet}`;
    const u = byUnit.get(key) ?? { unit: l.unit || l.origin || l.sheet, listed: false, lines: [] };
    u.lines.push(l);
    u.listed ||= !!l.listed;
    byUnit.set(key, u);
  }
  const units = [...byUnit.values()].map(({ unit, listed, lines: own }) => {
    const summed = own.filter((l) => l.status === "included");
    const state: UnitState = summed.length
      ? summed.some((l) => l.timeliness === "逾期")
        ? "late"
        : summed.some((l) => l.timeliness === "按时")
          ? "onTime"
          : "undated"
      : own.every((l) => l.status === "missing")
        ? "missing"
        : "notSummed";
    return { unit, state, ...(listed ? { listed } : {}) };
  });
  const counts = Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitState, number>;
  for (const u of units) counts[u.state]++;
  return { units, counts };
}

export interface Counts {
  /** Units expected: the roster's, else those known (that reported, or owe a table they did not send). */
  expected: number;
  /** Units that sent at least one report (the roster's and any other). */
  received: number;
  /** Of those, units the roster does not list (0 without a roster). */
  unlisted: number;
  /** Units by how their summed reports stand: by the deadline, after it, undated. */
  onTime: number;
  late: number;
  undated: number;
  /** Units that reported, none of their reports summed. */
  notSummed: number;
  /** Roster units that sent nothing. */
  missing: number;
  /** Reports (not units) not summed: excluded, or files that could not be read. */
  excluded: number;
  /** Reports (not units) owed and not sent: a 缺报 line a table, a unit that sent nothing for each table it owes. */
  absent: number;
}

export function countsOf(lines: readonly CountedLine[]): Counts {
  const { units, counts } = unitStates(lines);
  const reported = units.filter((u) => u.state !== "missing");
  const roster = units.some((u) => u.listed);
  return {
    // Without a roster, a unit known only by what it owes (its 细则 came, its table did not) is expected too.
    expected: roster ? units.filter((u) => u.listed).length : units.length,
    received: reported.length,
    unlisted: roster ? reported.filter((u) => !u.listed).length : 0,
    onTime: counts.onTime,
    late: counts.late,
    undated: counts.undated,
    notSummed: counts.notSummed,
    missing: counts.missing,
    excluded: lines.filter((l) => !["included", "missing", "attached"].includes(l.status)).length,
    absent: lines
      .filter((l) => l.status === "missing")
      .reduce((n, l) => n + (l.table ? 1 : (l.owes?.length ?? 0)), 0),
  };
}

/**
 * The one line every face shows: "单位：应报 12 个，已报 11 个（按时 8、逾期 2、报表均未汇总 1），
 * 缺报 1 个；报表：缺 4 份、未汇总 3 份". The states in brackets add up to 已报; 缺 counts the
 * reports owed and not sent, the missing unit's and those of units that sent only some.
 */
export function countsText(c: Counts): string {
  const states = [
    `按时 ${c.onTime}`,
    `逾期 ${c.late}`,
    ...(c.undated ? [`日期不明 ${c.undated}`] : []),
    ...(c.notSummed ? [`报表均未汇总 ${c.notSummed}`] : []),
  ];
  const unlisted = c.unlisted ? `；其中名册外 ${c.unlisted} 个` : "";
  return `单位：应报 ${c.expected} 个，已报 ${c.received} 个（${states.join("、")}${unlisted}），缺报 ${c.missing} 个；报表：${c.absent ? `缺 ${c.absent} 份、` : ""}未汇总 ${c.excluded} 份`;
}
