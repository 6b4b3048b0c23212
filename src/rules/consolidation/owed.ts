/**
 * Which tables a unit owes this round, and the 缺报 lines for those it did not send: a village
 * that sent 季报表（一） and （三） but not （二） leaves the （二） total short as surely as a village
 * that sent nothing. For every table summed this round, every unit known this round (a report of
 * this period in the same series, or the roster) whose type has a row in that table and which did
 * not send it is missing it. A unit whose type is unknown owes every table, and its line says so.
 * The plan (plan.ts) adds these lines; incomplete.ts, counts.ts, notes.ts and reminder.ts read them.
 */
import type { TableTemplate, Template } from "../templates/schema";
import { isTownship } from "../units/names";
import { rowKeyOf, type UnitType, unitTypeOfRow } from "../units/types";

/** A report received, as the plan saw it. */
export interface ReceivedTable {
  /** The unit it counts as (the plan's key: one however its name was written); "" for none. */
  key: string;
  /** The unit's name: the roster's when listed, else as written. */
  unit: string;
  /** Its table, or the 细则 sent with it (a unit that sent only those owes the table). */
  template: Template;
  /** The plan's status for it (plan.ts Status). */
  status: string;
  /** Who to call: the roster's 联系人 and 联系电话, else the report's 填表人 and 联系电话. */
  contact: string;
  /** The unit is in the roster: it owes this round's tables whatever else it sent. */
  listed: boolean;
}

/** A 缺报 line of the plan (plan.ts ChildLine), for a unit missing one table. */
export interface MissingTableLine {
  unit: string;
  type: string;
  sheet: "";
  origin: "";
  table: string;
  status: "missing";
  reason: string;
  problems: string[];
  timeliness: "";
  key: string;
  listed?: boolean;
  contact?: string;
}

/** Said of a unit whose type neither the roster nor its name tells. */
export const UNKNOWN_TYPE =
  "单位类型不明，按应报计（若该单位不填这张表，请在单位名册“单位类型”列写明）";

/** A series of tables reported together: one issuer's edition and cycle (南安 2026 季报表). */
const seriesOf = (t: Pick<Template, "edition" | "cycle">) =>
  `${t.edition.issuer}|${t.edition.year}|${t.cycle}`;

/**
 * Whether a unit of this type (undefined: unknown) owes table `t`, and whether that rests on
 * not knowing its type. A table of no unit-type rows (“回头看”统计表) is owed by every unit; a
 * township (乡镇, or named …镇/乡/街道 where the table has a 村 row) owes a table of 村 rows, its
 * consolidated report one level up.
 */
export function owes(
  unit: string,
  type: UnitType | undefined,
  t: TableTemplate
): { owed: boolean; unknown: boolean } {
  const rows = t.rows.map((r) => r.key);
  if (!rows.some((k) => unitTypeOfRow(k))) return { owed: true, unknown: false };
  const villages = rows.includes("village");
  if (type)
    return { owed: rows.includes(rowKeyOf(type)) || (type === "乡镇" && villages), unknown: false };
  if (villages && isTownship(unit)) return { owed: true, unknown: false };
  return { owed: true, unknown: true };
}

/**
 * The 缺报 lines of units that sent some reports this round but not every table they owe: one a
 * unit and table, in the order the units were first received, tables in catalog order.
 * A report of another period does not count as sent, nor make its unit known this round; a
 * summary left out as 重复汇总 counts as sent (its units' reports stand for it) but makes no
 * unit known: its unit is the township's own summary.
 * @param tables the tables summed this round
 * @param typeIn a unit's type in a table (roster, else name; units/types.ts unitTypeOf)
 */
export function missingTables(
  tables: TableTemplate[],
  received: ReceivedTable[],
  typeIn: (unit: string, t: TableTemplate) => UnitType | undefined
): MissingTableLine[] {
  const units = new Map<string, Known>();
  // Tables a unit sent only for another period: its line says so.
  const stale = new Set(
    received.filter((r) => r.status === "other-period").map((r) => `${r.key}|${r.template.id}`)
  );
  for (const r of received) {
    if (!r.key || r.status === "other-period") continue;
    const u: Known = units.get(r.key) ?? {
      ...{ unit: r.unit, contact: "", listed: false },
      ...{ sent: new Set<string>(), series: new Set<string>(), titles: [] },
    };
    units.set(r.key, u);
    u.contact ||= r.contact;
    u.listed ||= r.listed;
    if (!u.sent.has(r.template.id)) u.titles.push(r.template.shortTitle);
    u.sent.add(r.template.id);
    if (r.status !== "overlap") u.series.add(seriesOf(r.template));
  }
  // A listed unit known only by another period's reports owes this round's tables all the same.
  for (const r of received)
    if (r.key && r.listed && !units.has(r.key))
      units.set(r.key, {
        ...{ unit: r.unit, contact: r.contact, listed: true },
        ...{ sent: new Set<string>(), series: new Set<string>(), titles: [] },
      });
  const ordered = [...new Map(tables.map((t) => [t.id, t])).values()].sort((a, b) =>
    a.id.localeCompare(b.id)
  );
  const lines: MissingTableLine[] = [];
  for (const [key, u] of units)
    for (const t of ordered) {
      if (u.sent.has(t.id) || !(u.listed || u.series.has(seriesOf(t)))) continue;
      const type = typeIn(u.unit, t);
      const { owed, unknown } = owes(u.unit, type, t);
      if (!owed) continue;
      const sent = [
        u.titles.length ? `已报送${u.titles.join("、")}` : "",
        stale.has(`${key}|${t.id}`) ? "收到的本表不是本期的（见“报告期不符”一行）" : "未报送本表",
      ]
        .filter(Boolean)
        .join("，");
      lines.push({
        unit: u.unit,
        type: type ?? "",
        sheet: "",
        origin: "",
        table: t.shortTitle,
        status: "missing",
        reason: unknown ? `${sent}；${UNKNOWN_TYPE}` : sent,
        problems: [],
        timeliness: "",
        key,
        ...(u.listed && { listed: true }),
        ...(u.contact && { contact: u.contact }),
      });
    }
  return lines;
}

interface Known {
  unit: string;
  contact: string;
  listed: boolean;
  /** Template ids sent, and their series. */
  sent: Set<string>;
  series: Set<string>;
  /** Short titles sent, in order. */
  titles: string[];
}

/**
 * The tables a roster unit that sent nothing owes this round (short titles), and whether that
 * rests on not knowing its type.
 */
export function owedBy(
  unit: string,
  tables: TableTemplate[],
  typeIn: (unit: string, t: TableTemplate) => UnitType | undefined
): { titles: string[]; unknown: boolean } {
  const titles: string[] = [];
  let unknown = false;
  for (const t of [...new Map(tables.map((x) => [x.id, x])).values()].sort((a, b) =>
    a.id.localeCompare(b.id)
  )) {
    const o = owes(unit, typeIn(unit, t), t);
    if (o.owed) titles.push(t.shortTitle);
    unknown ||= o.unknown;
  }
  return { titles, unknown };
}

/** What a 缺报 line says of its unit (plan.ts ChildLine). */
interface MissingLine {
  unit: string;
  status: string;
  table: string;
  key?: string;
  owes?: string[];
  contact?: string;
}

/**
 * Each unit missing reports, with the tables it did not send ("" when it owes the round's tables
 * but none is known), in the order first listed: the units 汇总说明's 结论 and 催报 name.
 */
export function missingByUnit(
  lines: readonly MissingLine[]
): { unit: string; tables: string[]; sentNothing: boolean; contact?: string }[] {
  const out = new Map<
    string,
    { unit: string; tables: string[]; sentNothing: boolean; contact?: string }
  >();
  for (const l of lines) {
    if (l.status !== "missing") continue;
    const key = l.key || l.unit;
    const u = out.get(key) ?? { unit: l.unit, tables: [], sentNothing: !l.table };
    u.tables.push(...(l.table ? [l.table] : (l.owes ?? [])));
    if (!u.contact && l.contact) u.contact = l.contact;
    out.set(key, u);
  }
  return [...out.values()];
}

/** Units named in a sentence: "岭兜村（季报表（二））、深垵村（未报送）", at most `shown` of them. */
export function missingText(lines: readonly MissingLine[], shown = 10): string {
  const units = missingByUnit(lines);
  const named = units
    .slice(0, shown)
    .map((u) => `${u.unit}（${u.sentNothing ? "未报送" : `缺${u.tables.join("、")}`}）`);
  return `${named.join("、")}${units.length > shown ? ` 等 ${units.length} 个单位` : ""}`;
}
