/**
 * Consolidation inside a workbook (the task pane): given every sheet after the received files
 * were inserted, carry out the plan there: name each inserted sheet after its unit, set aside a
 * replaced copy as "…（上次）" (its earlier backup goes), drop an inserted duplicate and a lower
 * level's copies and 汇总说明, write the numbers of text-form cells into the copies, and write or
 * update the summaries, 明细 and 汇总说明. Re-running updates in place.
 */
import type { Grid } from "../grid";
import type { Period } from "../period";
import { type Recognition, recognizeSheet, type TableRecognition } from "../recognize";
import { cleanSheetName, cut, uniqueSheetName } from "../sheet-names";
import { type Explanation, readExplanations } from "../review/explanations";
import { isOwnSheet, OWN_SHEETS, reservedNames } from "../own-sheets";
import { copyHeaders, markIncomplete } from "./incomplete";
import { notesGrid, readNotes } from "./notes";
import { headerUnit } from "../units/names";
import { type ChildLine, planConsolidation, type Source, type UnreadableChild } from "./plan";
import { workbookRoster } from "./roster";
import {
  type Conversion,
  conversionWords,
  fileSources,
  isReplaced,
  textNumbers,
  workbookSources,
} from "./sources";
import { type Summary, summarize } from "./summary";

export interface InsertedFile {
  /** The file's name. */
  origin: string;
  /** The names its sheets were given on insertion. */
  sheets: string[];
  fileTime?: number;
  fileHash?: string;
}

export interface WorkbookPlanOptions {
  period?: Period;
  /** The consolidating unit (the pane's profile). */
  unit?: string;
  unreadable?: UnreadableChild[];
  /** "2026-12-01 20:30" */
  made: string;
}

export interface WorkbookPlan {
  /** Sheets to delete first: earlier backups, inserted duplicates, a lower level's extra sheets, old 明细. */
  deletions: string[];
  /** The copy a unit's newer report replaces → its backup name (renamed before the new copy takes its name). */
  backups: Map<string, string>;
  /** Inserted sheet → its new name. */
  renames: Map<string, string>;
  /** Text-form numbers to write as numbers, by final sheet name. */
  conversions: Map<string, Conversion[]>;
  summaries: Summary[];
  /** Summary sheets that exist already (updated in place). */
  existingSummaries: Set<string>;
  notes: Grid;
  /** Each copy's page header this round sets ("未汇总：…") or takes off (""), by final sheet name. */
  headers: Map<string, string>;
  /** The workbook's 审核说明 after the round (its own and the units'), when there are any. */
  explanations?: { existing?: string; list: Explanation[] };
  lines: ChildLine[];
  clean: boolean;
}

const BACKUP = "（上次）";

/** The name the copy a newer report replaces is kept under: 金淘镇朴里村（上次）. */
export const backupName = (sheet: string) =>
  `${cut(cleanSheetName(sheet), 31 - BACKUP.length)}${BACKUP}`;

/** Why a workbook srs consolidate wrote without copies (past MAX_COPIES) takes no more reports. */
export const detachedRefusal = (details: string[]) =>
  `这份汇总工作簿没有附各单位的报表（各单位的数字在${details.map((d) => `“${d}”`).join("、")}），不能在其中追加汇总：请把全部报表文件一起用 srs consolidate 重新汇总。刚插入的工作表没有汇总，可以删除。`;

export function planWorkbook(
  sheets: Grid[],
  inserted: InsertedFile[],
  options: WorkbookPlanOptions
): WorkbookPlan {
  const fresh = new Set(inserted.flatMap((f) => f.sheets));
  const before = sheets.filter((g) => !fresh.has(g.name));
  const notes = readNotes(before);
  // Its reports are not in it, only their numbers: a summary made here would leave them out.
  if (notes?.numbers.size) throw new Error(detachedRefusal([...notes.numbers.values()]));
  const tables = before.flatMap((g) => recognizeSheet(g));
  // A sheet by its first table: what our own sheets and kept copies are known by.
  const recs = new Map<string, Recognition>();
  for (const r of tables) if (!recs.has(r.sheet)) recs.set(r.sheet, r);
  const deletions: string[] = [];
  const existing = workbookSources(tables, notes);

  // The inserted files: their reports, or a township workbook's summaries (its other sheets go).
  const incoming: Source[] = [];
  const arriving: Explanation[] = [];
  for (const f of inserted) {
    const grids = f.sheets.map((n) => sheets.find((g) => g.name === n)!).filter(Boolean);
    const { sources, township } = fileSources(grids, f);
    if (township) deletions.push(...f.sheets.filter((n) => !sources.some((s) => s.sheet === n)));
    // A unit's 审核说明 sheet: its explanations join the workbook's own (and its line in 汇总说明),
    // the sheet goes.
    const explained = readExplanations(grids);
    if (explained && !township) {
      deletions.push(explained.sheet);
      for (const x of sources)
        arriving.push(...(x.explanations ?? []).map((e) => ({ ...e, sheet: x.sheet })));
    }
    // A corrected report sent back with the 问题清单 we marked it with: the list goes.
    deletions.push(...grids.filter((g) => isOwnSheet(g, "problems")).map((g) => g.name));
    incoming.push(...sources);
  }
  const roster = workbookRoster(before);
  const plan = planConsolidation([...existing, ...incoming], {
    period: options.period,
    roster,
    unit: options.unit || notes?.unit || undefined,
    unreadable: options.unreadable,
  });

  const taken = new Set(before.map((g) => g.name));
  // Each table's own line (a sheet may hold several): the plan's lines start with its sources.
  const lineOf = new Map([...existing, ...incoming].map((s, i) => [s, plan.lines[i]]));
  const replaced = (s: Source) => lineOf.get(s)!.status === "replaced";
  const keyOf = (rec: Recognition, unit: string) =>
    rec.kind === "none" ? "" : `${rec.template.id}|${plan.unitKey(unit)}`;

  // The backup an earlier round kept of a unit's table replaced now gives way (when every table
  // on it is such a one).
  const replacedNow = new Set(
    existing.filter(replaced).map((s) => keyOf(s.recognition, lineOf.get(s)!.unit))
  );
  for (const old of notes?.replaced ?? []) {
    const onIt = tables.filter((r) => r.sheet === old && r.kind !== "none");
    if (onIt.length && onIt.every((r) => replacedNow.has(keyOf(r, headerUnit(r))))) {
      deletions.push(old);
      taken.delete(old);
    }
  }
  // A copy already here is set aside only when every table still counted on it is replaced; a
  // replaced table beside a current one stays, excluded by its own line in 汇总说明.
  const backups = new Map<string, string>();
  for (const s of existing) {
    if (!replaced(s) || backups.has(s.sheet)) continue;
    if (existing.some((o) => o.sheet === s.sheet && !replaced(o))) continue;
    taken.delete(s.sheet);
    const name = uniqueSheetName(backupName(s.sheet), taken);
    taken.add(name);
    backups.set(s.sheet, name);
  }
  // An inserted duplicate is our own import of a report already here: it goes.
  // (A sheet of several tables goes only when each of them is a duplicate.)
  const linesOf = (sheet: string) => plan.lines.filter((l) => l.sheet === sheet);
  for (const s of incoming)
    if (
      !s.lower &&
      !deletions.includes(s.sheet) &&
      linesOf(s.sheet).every((l) => l.status === "duplicate")
    )
      deletions.push(s.sheet);
  const renames = new Map<string, string>();
  // A copy never takes a name our own sheets use, whatever its unit is called.
  const reserved = reservedNames();
  for (const s of incoming) {
    // A sheet holding several tables is one sheet: renamed once.
    if (deletions.includes(s.sheet) || renames.has(s.sheet)) continue;
    // A 细则 copy is marked so: its unit's own name is for its report, whichever came first.
    const l = lineOf.get(s)!;
    const base = l.status === "attached" && l.unit ? `${l.unit}-细则` : l.unit || s.sheet;
    const name = uniqueSheetName(base, new Set([...taken, ...reserved]));
    taken.add(name);
    renames.set(s.sheet, name);
  }
  for (const n of fresh)
    if (!renames.has(n) && !deletions.includes(n)) {
      // An inserted sheet that is no report (an empty Sheet2 beside one): left under its name.
      taken.add(n);
    }
  const finalName = (sheet: string) => backups.get(sheet) ?? renames.get(sheet) ?? sheet;
  for (const l of plan.lines)
    if (l.sheet) l.sheet = deletions.includes(l.sheet) ? "" : finalName(l.sheet);

  // Our own sheets: summaries are updated in place, 明细 rewritten.
  const existingSummaries = new Set<string>();
  const byTemplate = new Map<string, string>();
  for (const name of notes?.summaries ?? []) {
    const r = recs.get(name);
    if (r && r.kind === "table") byTemplate.set(r.template.id, name);
  }
  for (const name of notes?.ours ?? [])
    if (!notes?.summaries.includes(name) && recs.has(name)) {
      deletions.push(name);
      taken.delete(name);
    }
  const conversions = new Map<string, Conversion[]>();
  const summaries: Summary[] = [];
  for (const [id, children] of plan.children) {
    const renamed = children.map((c) => {
      const sheet = finalName(c.sheet);
      const rec = c.recognition as TableRecognition;
      const list = textNumbers(rec);
      if (list.length) conversions.set(sheet, [...(conversions.get(sheet) ?? []), ...list]);
      return { ...c, sheet, recognition: { ...rec, sheet, grid: { ...rec.grid, name: sheet } } };
    });
    const t = (renamed[0].recognition as TableRecognition).template;
    let sheet = byTemplate.get(id);
    if (sheet) existingSummaries.add(sheet);
    else {
      sheet = uniqueSheetName(`${t.shortTitle}汇总`, taken);
      taken.add(sheet);
    }
    const detail = uniqueSheetName(`${t.shortTitle}汇总明细`, taken);
    const s = summarize(t, renamed, sheet, detail, {
      period: plan.periods.get(id)?.period,
      unit: options.unit,
    });
    if (s.detail) taken.add(detail);
    summaries.push(s);
  }
  // Tables replaced by earlier rounds stay listed, each by its own line, so they are never
  // taken for reports (a sheet set aside now takes its tables' lines along).
  const kept: ChildLine[] = tables
    .filter((r) => isReplaced(r, notes) && !deletions.includes(r.sheet))
    .map((r) => {
      const place = r.kind !== "none" && r.place.of > 1 ? r.place.range : undefined;
      const row = notes!.rows.find((x) => x.sheet === r.sheet && x.place === place);
      return {
        unit: headerUnit(r),
        type: "",
        sheet: finalName(r.sheet),
        ...(place ? { place } : {}),
        origin: row?.origin ?? notes!.rows.find((x) => x.sheet === r.sheet)?.origin ?? "",
        table: r.kind === "none" ? "" : r.template.shortTitle,
        status: "replaced",
        reason: "上次汇总时被较新的报表替换，保留备查，不计入",
        problems: [],
        timeliness: "",
      };
    });
  const lines = [...plan.lines, ...kept];
  markIncomplete(summaries, lines, (name) =>
    existingSummaries.has(name) ? before.find((g) => g.name === name) : undefined
  );
  // A header an earlier round set comes off once the copy is summed; a copy just inserted has none of ours.
  const arrived = new Set(renames.values());
  const headers = copyHeaders(
    lines,
    (notes?.rows ?? []).filter((r) => !arrived.has(r.sheet))
  );
  const notesGridOut = notesGrid({
    plan: { ...plan, lines },
    summaries,
    unit: options.unit ?? notes?.unit ?? "",
    made: options.made,
    conversions: new Map([...conversions].map(([k, v]) => [k, conversionWords(v)])),
  });
  notesGridOut.name = notes?.sheet ?? uniqueSheetName(OWN_SHEETS.notes.name, taken);
  // The workbook's 审核说明 follow their sheets' new names; those of deleted sheets go.
  const own = readExplanations(before);
  const explanations =
    arriving.length || own
      ? {
          existing: own?.sheet,
          list: [...(own?.list ?? []), ...arriving]
            .filter((e) => !deletions.includes(e.sheet))
            .map((e) => ({ ...e, sheet: finalName(e.sheet) })),
        }
      : undefined;
  return {
    explanations,
    headers,
    deletions,
    backups,
    renames,
    conversions,
    summaries,
    existingSummaries,
    notes: notesGridOut,
    lines: plan.lines,
    clean: plan.clean,
  };
}
