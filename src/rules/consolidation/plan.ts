/**
 * The consolidation plan: from every sheet a township (or county) received, decide for one
 * reporting period which sheet is each unit's report of each table, and why every other sheet is
 * not. `srs consolidate`, the pane's 汇总 and =SRS.QTOTAL() all carry out this one decision.
 *
 * In order, a sheet is: not a table we can sum → of another period → the same report again
 * (重复报送) → an earlier report of a unit that sent a later one (被替换) → a lower level's
 * summary whose units were also sent here directly → in the wrong unit-type row → holding data
 * errors; otherwise it is summed. Header problems (填表人 missing, no date) do not drop a unit's
 * numbers: the sheet is summed and the problem listed, and the run is not clean. A 细则 checklist
 * sent with a report (checklist.ts) is its unit's attachment: never a unit, never summed, and what
 * it lacks is a remark that leaves the run clean.
 */
import { checkRecognized } from "../check";
import { blankUnnotedRule } from "../checks/blank-unnoted";
import type { Finding } from "../finding";
import { applyExplanations, type Explanation } from "../review/explanations";
import { numericValue } from "../number";
import { type Grid, hiddenKind, hiddenWords } from "../grid";
import {
  compareDays,
  cycleOf,
  type Day,
  dayZh,
  deadlineOf,
  formatPeriod,
  type Period,
  periodCode,
} from "../period";
import type { Recognition, TableRecognition } from "../recognize";
import { reportDay, reportPeriod } from "../report-period";
import { ownCopy } from "../text";
import type { TableTemplate } from "../templates/schema";
import { type ChecklistBrief, checklistBrief, checklistReason, checklistRemark } from "./checklist";
import { type Counts, countsOf } from "./counts";
import { missingTables, owedBy, UNKNOWN_TYPE } from "./owed";
import { contactText, type Roster, type RosterEntry } from "./roster";

export type { Counts };
import { wrongRowRule } from "../checks/wrong-row";
import { isTownship, normalizeUnit, unitKey, unitOf } from "../units/names";
import { unitFromFileName, unitIdentity, unitNames } from "../units/match";
import { filledRowTypes } from "../units/rows";
import { rowKeyOf, type UnitType, unitTypeOf } from "../units/types";

export interface Source {
  /** The sheet's name in the consolidated workbook. */
  sheet: string;
  /** The file it came from ("" for a sheet that was already in the workbook). */
  origin: string;
  recognition: Recognition;
  /** A digest of the file's bytes: the same file sent twice. */
  fileHash?: string;
  /** Which of its file's tables this is (0-based): with fileHash, the same table of the same file. */
  part?: number;
  /** The file's own time (ms since 1970), to order two reports dated the same day. */
  fileTime?: number;
  /** The unit, when it is not read from the sheet (a lower level's unstamped summary). */
  unit?: string;
  /** The period, when the sheet does not say it (a lower level's summary: its 汇总说明 does). */
  period?: Period;
  /** A lower level's consolidated workbook: this is its summary, holding these units' reports. */
  lower?: { units: string[] };
  /** A lower level's summary that says itself incomplete: what its line says ("缺报 1 个单位"). */
  incomplete?: string;
  /** The unit's 审核说明 of its warnings (from its file's hidden sheet). */
  explanations?: Explanation[];
  /** What is wrong with it that does not keep it from being summed (a summary unlike its parts). */
  problems?: string[];
}

export type Status =
  | "included"
  | "duplicate"
  | "replaced"
  | "other-period"
  | "overlap"
  | "wrong-row"
  | "errors"
  | "attached"
  | "no-template"
  | "other-template"
  | "unreadable"
  | "missing";

/** The 状态 column of 汇总说明. */
export const STATUS_WORDS: Record<Status, string> = {
  included: "已汇总",
  duplicate: "重复报送",
  replaced: "被替换",
  "other-period": "报告期不符",
  overlap: "重复汇总",
  "wrong-row": "填错行",
  errors: "有错误",
  attached: "附件（不汇总）",
  "no-template": "未识别",
  "other-template": "不可汇总",
  unreadable: "无法读取",
  missing: "缺报",
};

export interface ChildLine {
  unit: string;
  /** 村, 镇直单位 … (from the roster or the name), or "". */
  type: string;
  sheet: string;
  /** Where the table lies on a sheet holding several ("A12:AB19"): its line is its own. */
  place?: string;
  origin: string;
  /** The table's short title, or "". */
  table: string;
  status: Status;
  reason: string;
  /** What is wrong with a summed sheet (its header), listed but not dropping its numbers. */
  problems: string[];
  /**
   * What is wrong with a sheet that touches no summed number (a 细则 line left unanswered): named
   * wherever the line is, never making the run need review.
   */
  remarks?: string[];
  /** 按时 / 逾期 against the table's deadline, "" when unknown. */
  timeliness: "按时" | "逾期" | "";
  /** Warnings the unit explained (审核说明): "C7 …（已说明：…）". */
  explained?: string[];
  /** The unit it counts as (counts.ts): its roster name, else its name's key; "" for none. */
  key?: string;
  /** The unit is in the roster. */
  listed?: boolean;
  /** The consolidating unit's own (counts.ts): a report of it received, no unit of its own. */
  own?: boolean;
  /** Blank cells summed as 0 (a table whose notice asks for no 0: “回头看”统计表), by address. */
  zeros?: string[];
  /**
   * The total is short by this line though its status alone does not say so: a lower level's
   * summary left out whose other units were not received (out), or one summed that says itself
   * incomplete (partial).
   */
  short?: "out" | "partial";
  /** Who to call, on a 缺报 or 逾期 line: the roster's 联系人 and 联系电话, else the report's 填表人 and 联系电话. */
  contact?: string;
  /** On the 缺报 line of a unit that sent nothing: the tables it owes this round (owed.ts). */
  owes?: string[];
}

/** A file that could not be read at all. */
export interface UnreadableChild {
  origin: string;
  reason: string;
}

export interface PeriodChoice {
  period?: Period;
  from: "given" | "majority" | "unknown";
  /** Said in 汇总说明 when the period was inferred or is unknown. */
  remark: string;
}

export interface Plan<S = Source> {
  /** One line a source, then unreadable files, then roster units that sent nothing. */
  lines: ChildLine[];
  /** Template id → the sources summed, in order. */
  children: Map<string, S[]>;
  /** Template id → the period consolidated. */
  periods: Map<string, PeriodChoice>;
  counts: Counts;
  /** Every source summed without a problem, nothing unreadable, no roster unit missing. */
  clean: boolean;
  /** What the plan compared a unit's name by: one unit however it is written. */
  unitKey(name: string): string;
}

export interface PlanOptions {
  /** The period to consolidate (--period, the pane's period); else the children's own. */
  period?: Period;
  roster?: Roster;
  /**
   * The consolidating unit (--unit, the pane's profile, the summary's stamp): names are read
   * within it (金淘镇朴里村 is its 朴里村). Else the roster's township, if its names say one.
   */
  unit?: string;
  unreadable?: UnreadableChild[];
}

/** A plan's table (晋江 任务分解指导数): the targets reports are measured by, never summed. */
export const isPlan = (r: Recognition) => r.kind === "table" && r.template.cycle === "plan";

/**
 * The numbers a table holds, cell by cell (the plan puts the unit's key in front): two reports of
 * one unit with the same are one. A table with no unit is known by its whole sheet.
 */
function contentKey(rec: TableRecognition, unit: string): string {
  if (!unit) return JSON.stringify(rec.grid.values);
  const cells: (number | string | null)[] = [];
  for (const slot of rec.info.slots)
    for (const leaf of rec.info.leaves) {
      const r = rec.match.rows.get(slot.key);
      const c = rec.match.columns.get(leaf.key);
      const v = r === undefined || c === undefined ? null : (rec.grid.values[r]?.[c] ?? null);
      cells.push(numericValue(v) ?? (v === null ? null : String(v)));
    }
  return JSON.stringify(cells);
}

/**
 * What the plan weighs of a source, worked out once from its recognition (briefOf): who sent it,
 * from which file, what table, its period, its numbers' fingerprint, the rows it filled, its
 * errors. A caller consolidating thousands of files plans over these and lets each file's grid go
 * (srs consolidate); the pane and QTOTAL pass their sources and the plan briefs them itself.
 */
export interface Brief {
  sheet: string;
  origin: string;
  fileHash?: string;
  part?: number;
  fileTime?: number;
  /** The unit it reports for (unitOf). */
  unit: string;
  lower?: { units: string[] };
  incomplete?: string;
  problems?: string[];
  /** A sheet the workbook hides: every line about it says so. */
  visibility?: Grid["visibility"];
  /** The recognized table's short title; "" when the sheet is no report. */
  shortTitle: string;
  /** Where the table lies, when its sheet holds several ("A12:AB19"). */
  place?: string;
  /** A table of unit-type rows (a plan's targets too): what the unit's type is read against. */
  template?: TableTemplate;
  /** A table that may be summed (not a plan's targets): what the plan decides it by. */
  table?: TableBrief;
  /** A 细则 checklist, sent with its unit's report (checklist.ts). */
  checklist?: ChecklistBrief;
}

export interface TableBrief {
  /** Its own period (stamped, or from its date), else the one given with the source. */
  period?: Period;
  day?: Day;
  /** Its title's text: a summary someone made by hand says 汇总. */
  heading: string;
  /** Its numbers, cell by cell: two reports of one unit with the same are the same report. */
  content: string;
  /** The unit-type rows it filled. */
  filled: string[];
  /** Its header's 填表人 and 联系电话 (contactText). */
  contact: string;
  /** Its errors (checkRecognized). */
  errors: Finding[];
  /** Its warnings the unit explained (审核说明): "C7 …（已说明：…）". */
  explained: string[];
  /** Its blank cells summed as 0 (a table whose notice asks for no 0: “回头看”统计表). */
  zeros: string[];
}

export function briefOf(source: Source): Brief {
  const rec = source.recognition;
  const unit = ownCopy(unitOf(source));
  const { sheet, origin, fileHash, part, fileTime } = source;
  const lower = ownCopy(source.lower);
  const problems = ownCopy(source.problems);
  const brief: Brief = {
    ...{ sheet, origin, fileHash, part, fileTime, unit, lower, problems },
    shortTitle: "",
  };
  if (source.incomplete) brief.incomplete = ownCopy(source.incomplete);
  if (rec.grid.visibility) brief.visibility = rec.grid.visibility;
  if (rec.kind === "none") return brief;
  brief.shortTitle = rec.template.shortTitle;
  if (rec.place.of > 1) brief.place = rec.place.range;
  const checklist = checklistBrief(rec);
  if (checklist) {
    // Its template is the catalog's: shared, never copied.
    const { template, ...read } = checklist;
    brief.checklist = { ...ownCopy(read), template };
  }
  if (rec.kind !== "table") return brief;
  brief.template = rec.template;
  if (isPlan(rec)) return brief;
  const findings = checkRecognized(rec);
  // A source's explanations are its own, whatever name its copy took.
  const explanations = source.explanations?.map((e) => ({ ...e, sheet: rec.sheet }));
  brief.table = {
    period: reportPeriod(rec)?.period ?? source.period,
    day: reportDay(rec),
    heading: ownCopy(rec.title?.text ?? ""),
    content: contentKey(rec, unit),
    filled: [...filledRowTypes(rec)],
    contact: ownCopy(contactText(headerContact(rec))),
    // The row a unit filled is the plan's to decide, with the roster's type (wrong-row says it
    // at check time from the same decision).
    errors: ownCopy(findings.filter((f) => f.severity === "error" && f.rule !== wrongRowRule.id)),
    explained: ownCopy(
      applyExplanations(findings, explanations)
        .filter((f) => f.explained)
        .map((f) => `${f.cell} ${f.message}（已说明：${f.explained}）`)
    ),
    zeros: ownCopy(findings.filter((f) => f.rule === blankUnnotedRule.id).map((f) => f.cell)),
  };
  return brief;
}

const isBrief = (s: Source | Brief): s is Brief => "shortTitle" in s;

const headerContact = (rec: TableRecognition) => {
  const field = (key: string) =>
    rec.headerFields.find((f) => f.key === key)?.value.trim() || undefined;
  return { contact: field("filler"), phone: field("phone") };
};

const DATA_CATEGORIES_EXEMPT = new Set(["header", "period", "consolidation"]);

function choosePeriod(
  given: Period | undefined,
  cycle: Period["cycle"] | undefined,
  known: Period[]
): PeriodChoice {
  if (!cycle) return { from: "unknown", remark: "" };
  if (given && given.cycle === cycle) return { period: given, from: "given", remark: "" };
  const counts = new Map<string, { p: Period; n: number }>();
  for (const p of known) {
    const k = periodCode(p);
    counts.set(k, { p, n: (counts.get(k)?.n ?? 0) + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (ranked.length === 0)
    return {
      from: "unknown",
      remark: "报告期无法确定：各单位都没有报告期或完整的填报日期，请指定报告期",
    };
  if (ranked.length > 1 && ranked[0].n === ranked[1].n)
    return {
      from: "unknown",
      remark: `报告期无法确定：${ranked.map((x) => `${formatPeriod(x.p)} ${x.n} 份`).join("、")}，请指定报告期`,
    };
  return {
    period: ranked[0].p,
    from: "majority",
    remark: `报告期按多数单位的填报日期推定为${formatPeriod(ranked[0].p)}`,
  };
}

interface Work<S> {
  source: S;
  /** What the plan weighs of it. */
  brief: Brief;
  line: ChildLine;
  /** Set for a table that may be summed. */
  table?: TableBrief;
  unit: string;
  key: string;
  day?: Day;
  order: number;
}

/**
 * The plan over the sources received: each a Source (its recognition, briefed here) or a Brief
 * (briefOf, by a caller that let the grid go); the children it gives are the objects passed in.
 */
export function planConsolidation<S extends Source | Brief = Source>(
  sources: S[],
  options: PlanOptions = {}
): Plan<S> {
  const { roster, unreadable = [] } = options;
  // One unit however it is written: matched to the roster (names, 别名), else compared by key.
  const entries = roster?.entries ?? [];
  const names = unitNames(entries, options.unit ?? roster?.township ?? "");
  const known = {
    typeOf: (name: string) => {
      const found = names.find(name);
      return found.length === 1 ? found[0].type : undefined;
    },
  };
  const works: Work<S>[] = sources.map((source, order) => {
    const brief = isBrief(source) ? source : briefOf(source);
    // A header with no 填报单位: the unit its file's name gives, said so (the header finding stays).
    const named = brief.unit || !brief.table ? "" : unitFromFileName(brief.origin, names, entries);
    const unit = brief.unit || named;
    const type = brief.template ? unitTypeOf(unit, brief.template, known) : undefined;
    const line: ChildLine = {
      unit,
      type: type ?? "",
      sheet: brief.sheet,
      ...(brief.place ? { place: brief.place } : {}),
      origin: brief.origin,
      table: brief.shortTitle,
      status: "included",
      reason: "",
      problems: [
        ...(named ? [`按文件名认作${named}，请核对填报单位`] : []),
        ...(brief.problems ?? []),
      ],
      timeliness: "",
    };
    // Its own units missing are missing from every total it goes into.
    if (brief.incomplete) {
      line.problems.push(`${unit || "该单位"}的汇总表本身不完整：${brief.incomplete}`);
      line.short = "partial";
    }
    const w: Work<S> = { source, brief, line, unit, key: "", order };
    if (!brief.shortTitle)
      Object.assign(line, { status: "no-template", reason: "未识别为任何报表" });
    else if (brief.checklist) {
      const remark = checklistRemark(brief.shortTitle, brief.checklist);
      Object.assign(line, {
        status: "attached",
        reason: checklistReason(brief.shortTitle, brief.checklist),
        ...(remark && { remarks: [remark] }),
      });
    } else if (!brief.table)
      Object.assign(line, {
        status: "other-template",
        reason: `是${brief.shortTitle}，不是可汇总的统计表`,
      });
    else {
      w.table = brief.table;
      w.day = brief.table.day;
    }
    return w;
  });
  // One unit however it is written, among every name received (a lower level's units too).
  const identity = unitIdentity(names, [
    ...works.map((w) => w.unit),
    ...works.flatMap((w) => w.brief.lower?.units ?? []),
  ]);
  for (const w of works) w.key = identity(w.unit);
  const tables = works.filter((w) => w.table);
  attachToUnits(works, (origin) => unitFromFileName(origin, names, entries), identity);
  const byTemplate = new Map<string, Work<S>[]>();
  for (const w of tables)
    byTemplate.set(w.brief.template!.id, [...(byTemplate.get(w.brief.template!.id) ?? []), w]);

  const periods = new Map<string, PeriodChoice>();
  const children = new Map<string, S[]>();
  for (const [id, list] of byTemplate) {
    const t = list[0].brief.template!;
    const own = (w: Work<S>) => w.table!.period;
    const choice = choosePeriod(
      options.period,
      cycleOf(t),
      list.map(own).filter((p): p is Period => p !== undefined)
    );
    periods.set(id, choice);
    const live = (w: Work<S>) => w.line.status === "included";
    const exclude = (w: Work<S>, status: Status, reason: string) =>
      Object.assign(w.line, { status, reason });

    // The period: another period's report (last quarter's summary too) is never summed.
    if (choice.period)
      for (const w of list) {
        const p = own(w);
        if (!p) w.line.problems.push("无法确定报告期（没有报告期，也没有完整的填报日期）");
        else if (periodCode(p) !== periodCode(choice.period))
          exclude(
            w,
            "other-period",
            `报告期是${formatPeriod(p)}，本次汇总${formatPeriod(choice.period)}`
          );
      }
    else if (choice.remark) for (const w of list) w.line.problems.push(choice.remark);

    // A lone summary (its title says 汇总, or a township's report of a table with a 村 row) is that
    // unit's report one level up, like a township workbook's (DOMAIN.md, third round), unless its
    // unit reported directly too, or its units did: summed with them it would count them twice.
    const hasVillages = t.rows.some((r) => r.key === "village");
    const lone = (w: Work<S>) =>
      !w.brief.lower && (/汇总/.test(w.table!.heading) || (hasVillages && isTownship(w.unit)));
    const units = list.filter((x) => live(x) && !x.brief.lower && !lone(x));
    for (const w of list.filter((x) => live(x) && lone(x))) {
      const under = units.filter(
        (x) => unitKey(x.unit, w.unit) !== normalizeUnit(x.unit) || names.isWithin(w.unit)
      );
      const same = units.find((x) => x.key === w.key);
      if (!w.key)
        exclude(
          w,
          "overlap",
          "标题含“汇总”，像是一份汇总表，却没有填报单位：为免重复计算未计入（若确是单位的报表，请填写填报单位、改正标题后重发）"
        );
      else if (same)
        exclude(
          w,
          "overlap",
          `${w.unit}另有直接报送的${t.shortTitle}（${describe(same)}），这份汇总表不再计入，以免重复计算`
        );
      else if (under.length) {
        exclude(
          w,
          "overlap",
          `像是${w.unit}的汇总表，而其中的${under
            .slice(0, 5)
            .map((x) => x.unit)
            .join("、")}${under.length > 5 ? "等" : ""}已逐一报送：为免重复计算未计入`
        );
        // Which of its units it held is not known: those not sent one by one may be left out.
        w.line.short = "out";
      }
    }

    // The same report twice: the same table of the same file received twice, or the same unit
    // with the same numbers. Two tables inside one file are never the same file twice.
    const seen = new Map<string, Work<S>>();
    for (const w of list.filter(live)) {
      const { fileHash, part } = w.brief;
      const keys = [fileHash && `file|${fileHash}|${part ?? 0}`, `${w.key}|${w.table!.content}`];
      const first = keys.map((k) => k && seen.get(k)).find(Boolean);
      if (first) exclude(w, "duplicate", `与${describe(first)}内容相同，只计一次`);
      else for (const k of keys) if (k) seen.set(k, w);
    }

    // A unit's later report replaces its earlier one: by the header date, then the file's time.
    const byUnit = new Map<string, Work<S>[]>();
    for (const w of list.filter(live))
      if (w.key) byUnit.set(w.key, [...(byUnit.get(w.key) ?? []), w]);
    for (const group of byUnit.values()) {
      if (group.length < 2) continue;
      // A report the workbook hides never replaces one the township can see.
      const ranked = [...group].sort((a, b) => Number(hid(a)) - Number(hid(b)) || later(a, b));
      const [winner, next] = ranked;
      if (byOrderOnly(winner, next))
        winner.line.problems.push(
          `${winner.unit}报送了 ${group.length} 份${t.shortTitle}，无法按日期判断先后，按收到的顺序取最后一份`
        );
      // One file holding two of a unit's tables with different numbers is no later report.
      const together = ranked.slice(1).filter((w) => sameFile(w, winner));
      if (together.length && !byOrderOnly(winner, next))
        winner.line.problems.push(
          `同一文件中有${winner.unit}的 ${together.length + 1} 份${t.shortTitle}，数字不同，只计了填报日期最晚的一份，请核对`
        );
      for (const w of ranked.slice(1))
        exclude(
          w,
          "replaced",
          hid(w) && !hid(winner)
            ? `在${hiddenKind(w.brief)}的工作表中，同一单位有可见的报表${describe(winner)}，以可见的为准`
            : `被${describe(winner)}替换（同一单位的较新报表）${hiddenWords(w.brief)}`
        );
    }

    // A lower level's summary holds its units' reports: if any of them was sent here too, it
    // would be counted twice.
    const direct = new Set(list.filter((w) => live(w) && !w.brief.lower).map((w) => w.key));
    for (const w of list.filter((x) => live(x) && x.brief.lower)) {
      const both = w.brief.lower!.units.filter((u) => direct.has(identity(u)));
      if (!both.length) continue;
      // Its units not sent here are then in no total: the total is short of them.
      const rest = w.brief.lower!.units.filter((u) => !direct.has(identity(u)));
      const named = (us: string[]) => `${us.slice(0, 5).join("、")}${us.length > 5 ? "等" : ""}`;
      exclude(
        w,
        "overlap",
        `其中的${named(both)}已直接报送，不能再计入这份汇总表${rest.length ? `；其余的${named(rest)}因此未计入总数（请只收${w.unit || "该单位"}的汇总表，或请其余单位也直接报送）` : ""}`
      );
      if (rest.length) w.line.short = "out";
    }

    // A unit fills its own type's row: non-zero numbers in another are 填错行 (0 across it is
    // 注10's filling, units/rows.ts).
    for (const w of list.filter((x) => live(x) && !x.brief.lower)) {
      const type = w.line.type as UnitType | "";
      const row = type ? t.rows.find((r) => r.key === rowKeyOf(type)) : undefined;
      if (!row) continue;
      const filled = w.table!.filled;
      const wrong = filled.filter((k) => k !== row.key);
      if (wrong.length) {
        const labels = wrong.map((k) => `“${t.rows.find((r) => r.key === k)!.label}”`).join("、");
        exclude(
          w,
          "wrong-row",
          `${w.unit || "该单位"}是${type}，数字却填在${labels}行（应填“${row.label}”行）`
        );
      }
    }

    // Data errors drop the sheet; header and period findings are listed, the numbers kept.
    for (const w of list.filter(live)) {
      const errors = w.table!.errors.filter((f) => !DATA_CATEGORIES_EXEMPT.has(f.category));
      if (errors.length)
        exclude(
          w,
          "errors",
          `还有 ${errors.length} 条错误未改正：${errors[0].message}${errors.length > 1 ? " 等" : ""}`
        );
      else {
        w.line.problems.push(...w.table!.errors.map((f) => f.message));
        if (w.table!.explained.length) w.line.explained = w.table!.explained;
        if (w.table!.zeros.length) w.line.zeros = w.table!.zeros;
      }
    }

    for (const w of list) {
      if (live(w) && !w.line.reason) w.line.reason = t.shortTitle;
      if (w.day && choice.period)
        w.line.timeliness =
          compareDays(w.day, deadlineOf(choice.period, t.deadline)) <= 0 ? "按时" : "逾期";
    }
    const summed = list.filter(live).map((w) => w.source);
    if (summed.length) children.set(id, summed);
  }

  // A report on a sheet the workbook hides is named so in its line, whatever became of it.
  for (const w of works.filter(hid)) {
    const g = w.brief;
    if (w.line.status === "included")
      w.line.problems.push(
        `报表在${hiddenKind(g)}的工作表中，打开文件时看不到${g.visibility === "veryHidden" ? "（只有宏能让它显示）" : ""}，请核对`
      );
    else if (w.line.status !== "replaced") w.line.reason += hiddenWords(g); // replaced: said above
  }

  // This round's tables (a report of this period came): what each unit known this round owes (owed.ts).
  const roundTables = [...byTemplate.values()]
    .filter((list) => list.some((w) => w.line.status !== "other-period"))
    .map((list) => list[0].brief.template!);
  const typeIn = (unit: string, t: TableTemplate) => unitTypeOf(unit, t, known);
  // Units received, and roster units that sent nothing.
  const lines = works.map((w) => w.line);
  for (const u of unreadable)
    lines.push({
      unit: "",
      type: "",
      sheet: "",
      origin: u.origin,
      table: "",
      status: "unreadable",
      reason: u.reason,
      problems: [],
      timeliness: "",
    });
  // Each line's unit, as the counts count it: one however its name was written.
  for (const w of works) {
    w.line.key = w.key;
    if (names.isWithin(w.unit)) w.line.own = true;
    if (roster && w.key && names.find(w.unit).length === 1) w.line.listed = true;
  }
  if (roster) {
    const reported = new Set<RosterEntry>();
    for (const w of works) {
      const found = w.key ? names.find(w.unit) : [];
      if (found.length === 1) reported.add(found[0]);
      if (w.line.status !== "included") continue;
      if (!w.key) w.line.problems.push("没有填报单位，无法对照单位名册");
      else if (found.length === 0) w.line.problems.push("不在单位名册中（名称不符或名册漏列）");
      else if (found.length > 1)
        w.line.problems.push(
          `“${w.unit}”可能是单位名册中的${found.map((e) => e.unit).join("、")}，无法确定是哪一个，未算作其中任何一个已报（请在名册“别名”列写明，或改正填报单位）`
        );
    }
    for (const e of roster.entries) {
      if (reported.has(e)) continue;
      // A unit owing none of this round's tables (a 镇直单位 when only 季报表（三） came) is not missing.
      const owed = owedBy(e.unit, roundTables, typeIn);
      if (roundTables.length && !owed.titles.length) continue;
      lines.push({
        unit: e.unit,
        type: e.type ?? "",
        sheet: "",
        origin: "",
        table: "",
        status: "missing",
        reason: `单位名册中有、本次没有报送${owed.unknown ? `；${UNKNOWN_TYPE}` : ""}`,
        problems: [],
        timeliness: "",
        key: identity(e.unit),
        listed: true,
        ...(contactText(e) && { contact: contactText(e) }),
        ...(roundTables.length > 0 && { owes: owed.titles }),
      });
    }
  }
  // Units that sent some of this round's tables but not all they owe: a line a table.
  lines.push(
    ...missingTables(
      roundTables,
      works.flatMap((w) => {
        // The consolidating unit's own report (counts.ts `own`) is no unit owing tables to it. A
        // unit that sent only its 细则 still owes the report they go with.
        const template = w.table ? w.brief.template : w.brief.checklist?.template;
        if (!template || !w.key || names.isWithin(w.unit)) return [];
        const found = roster ? names.find(w.unit) : [];
        const entry = found.length === 1 ? found[0] : undefined;
        return [
          {
            key: w.key,
            unit: entry?.unit ?? w.unit,
            template,
            status: w.line.status,
            contact: contactText(entry) || (w.table?.contact ?? ""),
            listed: Boolean(entry),
          },
        ];
      }),
      typeIn
    )
  );
  for (const w of works)
    if (w.line.timeliness === "逾期") {
      const found = roster ? names.find(w.unit) : [];
      const contact = contactText(found.length === 1 ? found[0] : undefined) || w.table?.contact;
      if (contact) w.line.contact = contact;
    }
  const counts = countsOf(lines);
  const clean = isClean(lines);
  return { lines, children, periods, counts, clean, unitKey: identity };
}

/**
 * Every report summed without a problem, nothing unreadable, no unit missing: what makes a run
 * clean (srs consolidate's exit 0, 汇总说明's 结论, the pane's and the page's message). A 细则's
 * remarks touch no summed number and leave it clean.
 */
export const isClean = (lines: readonly ChildLine[]) =>
  lines.some((l) => l.status === "included") &&
  lines.every(
    (l) => (l.status === "included" || l.status === "attached") && l.problems.length === 0
  );

/**
 * A checklist's unit (checklist.ts): that of the reports received in the same file, when they are
 * one unit's; else the one its file's name gives (朴里村-回头看细则.xlsx), written as that unit's
 * report writes it when one came; else none.
 */
function attachToUnits<S>(
  works: Work<S>[],
  fromFileName: (origin: string) => string,
  keyOf: (unit: string) => string
) {
  // Indexed once: a county's thousands of files each bring their 细则.
  const byFile = new Map<string, Work<S>[]>();
  const byKey = new Map<string, Work<S>>();
  for (const w of works)
    if (w.table && w.key) {
      const f = fileOf(w);
      if (f) byFile.set(f, [...(byFile.get(f) ?? []), w]);
      if (!byKey.has(w.key)) byKey.set(w.key, w);
    }
  for (const w of works) {
    if (!w.brief.checklist || w.unit) continue;
    const inFile = byFile.get(fileOf(w)) ?? [];
    const units = new Set(inFile.map((x) => x.key));
    const named = units.size ? "" : fromFileName(w.brief.origin);
    const report = units.size === 1 ? inFile[0] : named ? byKey.get(keyOf(named)) : undefined;
    const unit = report?.unit ?? named;
    if (!unit) continue;
    w.unit = w.line.unit = unit;
    w.key = keyOf(unit);
    if (report) w.line.type = report.line.type;
  }
}

/** The file a source came in: its bytes' digest, else (none known) its name; "" for neither. */
const fileOf = (w: Work<unknown>) =>
  w.brief.fileHash ?? (w.brief.origin ? `name|${w.brief.origin}` : "");

/** Whether the workbook hides the report's sheet. */
const hid = <S>(w: Work<S>) => Boolean(w.brief.visibility);

/** Later first: by header date, then the file's time, then the order received. */
function later(a: Work<unknown>, b: Work<unknown>): number {
  if (a.day && b.day) {
    const d = compareDays(b.day, a.day);
    if (d !== 0) return d;
  }
  const ta = a.brief.fileTime;
  const tb = b.brief.fileTime;
  if (ta !== undefined && tb !== undefined && ta !== tb) return tb - ta;
  return b.order - a.order;
}

/** Two tables of one received file: on one sheet, or of the same file's bytes. */
const sameFile = (a: Work<unknown>, b: Work<unknown>) =>
  a.brief.sheet === b.brief.sheet ||
  (a.brief.fileHash !== undefined && a.brief.fileHash === b.brief.fileHash);

/** Whether only the order received tells two reports apart. */
function byOrderOnly(a: Work<unknown>, b: Work<unknown>): boolean {
  const sameDay = !a.day || !b.day || compareDays(a.day, b.day) === 0;
  const ta = a.brief.fileTime;
  const tb = b.brief.fileTime;
  return sameDay && (ta === undefined || tb === undefined || ta === tb);
}

function describe(w: Work<unknown>): string {
  const name = w.brief.origin ? `“${w.brief.origin}”` : `工作表“${w.brief.sheet}”`;
  return w.day ? `${name}（${dayZh(w.day)}）` : name;
}

/**
 * Ready-made text for a line: "朴里村：已汇总", "朴里村（1村.xlsx）：被…替换" or
 * "朴里村：缺报（季报表（二））：已报送季报表（一），未报送本表".
 */
export function lineText(l: ChildLine): string {
  const who = l.unit || l.sheet || l.origin || "（未知单位）";
  const stem = l.origin.replace(/\.[^.]*$/, "");
  const from = l.origin && l.origin !== who && stem !== who ? `（${l.origin}）` : "";
  const what =
    l.status === "included"
      ? `${STATUS_WORDS.included}${l.table ? ` ${l.table}` : ""}`
      : `${STATUS_WORDS[l.status]}${l.status === "missing" && l.table ? `（${l.table}）` : ""}：${l.reason}`;
  const problems = l.problems.length ? `；问题：${l.problems.join("；")}` : "";
  const late = l.timeliness === "逾期" ? "；逾期" : "";
  const reach = l.contact ? `；${l.contact}` : "";
  return `${who}${from}：${what}${late}${problems}${remarksText(l, "；")}${explainedText(l, "；")}${reach}`;
}

/** "提示：…" of a line's remarks (a 细则 line left unanswered), "" when none. */
export const remarksText = (l: ChildLine, lead = "") =>
  l.remarks?.length ? `${lead}提示：${l.remarks.join("；")}` : "";

/**
 * The units whose lines carry remarks, said once: "另有提示（不影响汇总数）：岭兜村的细则有未作答的
 * 条目", "" when none. 汇总说明's 结论, the CLI and the pane end with it.
 */
export function remarkedText(lines: readonly ChildLine[]): string {
  const units = [...new Set(lines.filter((l) => l.remarks?.length).map((l) => l.unit || l.origin))];
  return units.length
    ? `另有提示（不影响汇总数）：${units.slice(0, 10).join("、")}${units.length > 10 ? ` 等 ${units.length} 个单位` : ""}的细则有未作答的条目`
    : "";
}

/** "已说明的提示：C7 …（已说明：…）", for 汇总说明 and the list of units; "" when none. */
export function explainedText(l: ChildLine, lead = ""): string {
  return l.explained?.length ? `${lead}已说明的提示：${l.explained.join("；")}` : "";
}
