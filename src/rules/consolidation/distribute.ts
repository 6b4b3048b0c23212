/**
 * 下发表样 (srs distribute): which blank table each roster unit gets for a period, the file it is
 * written to (单位-表名-期间.xlsx) and the header stamped on it (填报单位, 报告期, 统计口径), so
 * the file a unit sends back is recognized and matched to it at once.
 */
import { blankTemplate } from "../layout/blank-template";
import { cycleOf, formatPeriod, type Period } from "../period";
import { recognize } from "../recognize";
import { fileStem } from "../file-names";
import { type Edit, stampEdits } from "../stamp";
import { allTemplates, getTemplate } from "../templates/catalog";
import type { TableTemplate } from "../templates/schema";
import type { Roster, RosterEntry } from "./roster";
import { ownRow } from "../units/rows";
import { typeFromName } from "../units/types";

export interface Copy {
  unit: string;
  template: TableTemplate;
  /** The file name, unique in the folder (case-insensitively, as Windows compares), none there before. */
  file: string;
  /** The row the unit fills, when its type is known: the other rows come with 0, locked. */
  row?: string;
}

export interface Distribution {
  copies: Copy[];
  /** Roster units no table chosen has a row for (a 镇直单位 and 季报表（三）, which has only 村). */
  skipped: { unit: string; reason: string }[];
}

const cycleWords = (c: Period["cycle"]) => (c === "quarter" ? "季报表" : "月报表");
const periodHint = (c: Period["cycle"]) =>
  c === "quarter" ? "季度，如 2026Q4" : "月份，如 2024-05";

/**
 * The tables to send: the one asked for; else every table of the period's cycle (季度 → the 季报表,
 * 月份 → the 月报表) when one edition has them, or a reason naming the ids to choose from.
 */
export function distributionTemplates(
  period: Period,
  id?: string
): { templates: TableTemplate[] } | { error: string } {
  if (id !== undefined) {
    const t = getTemplate(id);
    if (!t) return { error: `没有编号为 ${id} 的模板（编号见 srs templates）` };
    const cycle = cycleOf(t);
    if (t.kind !== "table" || !cycle)
      return { error: `${t.shortTitle}不是季报表或月报表，不按报告期下发` };
    if (cycle !== period.cycle)
      return { error: `${t.shortTitle}是${cycleWords(cycle)}，报告期应写成${periodHint(cycle)}` };
    return { templates: [t] };
  }
  const periodic = allTemplates().filter(
    (t): t is TableTemplate => t.kind === "table" && cycleOf(t) === period.cycle
  );
  const editions = new Set(periodic.map((t) => `${t.edition.issuer}${t.edition.year}`));
  if (editions.size !== 1)
    return {
      error: `${cycleWords(period.cycle)}有${editions.size}个版本，请用 --template 指定：${periodic.map((t) => t.id).join("、")}`,
    };
  return { templates: periodic };
}

/** Whether the table has a row for the unit's type (from the roster, else its name; unknown fits all). */
function fits(e: RosterEntry, t: TableTemplate): boolean {
  const type = e.type ?? typeFromName(e.unit, t);
  return !type || ownRow(t, type) !== undefined;
}

/**
 * Which units get which tables, under which file names: unique among themselves
 * (case-insensitively, as Windows compares) and, by `exists`, against the files already there.
 */
export function planDistribution(
  roster: Roster,
  period: Period,
  templates: TableTemplate[],
  exists: (file: string) => boolean = () => false
): Distribution {
  const copies: Copy[] = [];
  const skipped: Distribution["skipped"] = [];
  const taken = new Set<string>();
  for (const e of roster.entries) {
    const mine = templates.filter((t) => fits(e, t));
    if (mine.length === 0)
      skipped.push({
        unit: e.unit,
        reason: `${templates.map((t) => t.shortTitle).join("、")}没有“${e.type ?? typeFromName(e.unit, templates[0])}”行`,
      });
    for (const t of mine) {
      const stem = `${fileStem(e.unit)}-${fileStem(t.shortTitle)}-${formatPeriod(period)}`;
      let file = `${stem}.xlsx`;
      for (let i = 2; taken.has(file.toLowerCase()) || exists(file); i++)
        file = `${stem}(${i}).xlsx`;
      taken.add(file.toLowerCase());
      const row = ownRow(t, e.type ?? typeFromName(e.unit, t))?.key;
      copies.push({ unit: e.unit, template: t, file, ...(row ? { row } : {}) });
    }
  }
  return { copies, skipped };
}

/** The blank table's sheet and the edits stamping the unit and period on it, as srs stamp would. */
export function blankStamp(t: TableTemplate, unit: string, period: Period) {
  const layout = blankTemplate(t);
  const rec = recognize(layout.grid);
  const edits: Edit[] = rec.kind === "table" ? stampEdits(rec, { period, profile: { unit } }) : [];
  return { sheet: layout.grid.name, edits };
}
