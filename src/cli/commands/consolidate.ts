/** srs consolidate FILE... -o OUT.xlsx [--period P] [--roster 名册.xlsx|csv] [--unit 金淘镇] [--values] [--json] */
import { createHash } from "crypto";
import path from "path";
import type { Grid } from "../../rules/grid";
import type { Period } from "../../rules/period";
import { countsText } from "../../rules/consolidation/counts";
import { copyHeaders, headerCode, markIncomplete } from "../../rules/consolidation/incomplete";
import { notesGrid } from "../../rules/consolidation/notes";
import { OWN_SHEETS, reservedNames } from "../../rules/own-sheets";
import {
  type Brief,
  briefOf,
  type ChildLine,
  isPlan,
  lineText,
  planConsolidation,
  type Plan,
  remarkedText,
  type Source,
} from "../../rules/consolidation/plan";
import { unitOf } from "../../rules/units/names";
import { type Roster, rosterSheet } from "../../rules/consolidation/roster";
import {
  type Conversion,
  conversionWords,
  fileSources,
  textNumbers,
} from "../../rules/consolidation/sources";
import {
  childNumbers,
  MAX_COPIES,
  type NumberedChild,
  type Summary,
  summarize,
  summarizeNumbers,
} from "../../rules/consolidation/summary";
import { uniqueSheetName } from "../../rules/sheet-names";
import type { Recognition } from "../../rules/recognize";
import { nowText } from "../../workbook/today";
import { readGrids } from "../../workbook/xlsx/read";
import { townshipXlsx } from "../../workbook/xlsx/township";
import { nodeDeflater } from "../zlib";
import { readInputFile, writeAtomic } from "../io";
import { reason } from "./check";

/** No input could be read: nothing is written, and each file's reason is told. */
export class NothingReadable extends Error {
  constructor(public unreadable: { file: string; error: string }[]) {
    super("没有可读取的报表，未写出文件");
  }
}

/** Files were read, but nothing could be summed: nothing is written, and every file's status is told. */
export class NothingSummed extends Error {
  constructor(public plan: Plan<unknown>) {
    super("没有可以汇总的报表，未写出文件");
  }
}

export interface ConsolidateOptions {
  values?: boolean;
  period?: Period;
  roster?: Roster;
  /** The consolidating unit: its summaries' 填报单位 and the 汇总说明's title. */
  unit?: string;
  /** "2026-12-01 20:30": when the 汇总说明 says it was made. */
  made?: string;
}

/**
 * A received table as the run keeps it: the plan's brief, its numbers and its text-form numbers,
 * and, while the copies fit in the workbook (MAX_COPIES), its recognition and its sheet's grid.
 */
type Received = Brief & {
  numbers?: Float64Array;
  conversions: Conversion[];
  /** Where it lies in its file, for the 明细: 1村.xlsx, or 1村.xlsx › Sheet2!A12:AB19. */
  source: string;
  recognition?: Recognition;
  grid?: Grid;
};

/**
 * Reads the files one at a time into briefs (each file's grids let go once it is read), plans,
 * and writes the township workbook: the copies of every received table while there are at most
 * MAX_COPIES of them, else a 明细 of each summed report's numbers and file.
 */
export async function consolidateFiles(
  files: string[],
  out: string,
  options: ConsolidateOptions = {}
) {
  // Our own sheets' names are kept for them; a child named 汇总说明 becomes 汇总说明(2).
  const taken = reservedNames();
  const received: Received[] = [];
  const unreadable: { file: string; error: string }[] = [];
  let attached = true;
  let count = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    let fileTime: number;
    let grids: Grid[];
    try {
      ({ bytes, mtimeMs: fileTime } = readInputFile(file));
      grids = await readGrids(bytes, file);
    } catch (e) {
      unreadable.push({ file, error: reason(e) });
      continue;
    }
    const origin = path.basename(file);
    const { sources } = fileSources(grids, {
      origin,
      fileHash: createHash("sha256").update(bytes).digest("hex"),
      fileTime,
    });
    // A sheet holding several tables is one copy, each table a source on it.
    const copies = new Map<string, string>();
    for (const s of sources) {
      // Each copy is named after its unit, or its file (and sheet, when the file has several).
      const unit = unitOf(s);
      const stem = path.basename(file, path.extname(file));
      const sheet =
        copies.get(s.sheet) ??
        uniqueSheetName(unit || (grids.length > 1 ? `${stem}-${s.sheet}` : stem), taken);
      taken.add(sheet);
      copies.set(s.sheet, sheet);
      const grid = { ...s.grid, name: sheet };
      const rec = { ...s.recognition, sheet, grid } as Recognition;
      const table = rec.kind === "table" && !isPlan(rec) ? rec : undefined;
      const place = rec.kind !== "none" && rec.place.of > 1 ? `!${rec.place.range}` : "";
      received.push({
        ...briefOf({ ...s, sheet, recognition: rec }),
        numbers: table && childNumbers(table),
        conversions: table ? textNumbers(table) : [],
        source: grids.length > 1 || place ? `${origin} › ${s.sheet}${place}` : origin,
        ...(attached && { recognition: rec, grid }),
      });
    }
    // Past MAX_COPIES copies the workbook holds none: the grids go.
    count += copies.size;
    if (attached && count > MAX_COPIES) {
      attached = false;
      for (const r of received) {
        delete r.recognition;
        delete r.grid;
      }
    }
  }
  if (received.length === 0 && unreadable.length) throw new NothingReadable(unreadable);
  const plan = planConsolidation(received, {
    period: options.period,
    roster: options.roster,
    unit: options.unit,
    unreadable: unreadable.map((u) => ({ origin: path.basename(u.file), reason: u.error })),
  });
  if (plan.children.size === 0) throw new NothingSummed(plan);

  // The copies hold numbers where the children wrote them as text.
  const conversions = new Map<string, Conversion[]>();
  for (const list of plan.children.values())
    for (const c of list)
      if (c.conversions.length)
        conversions.set(c.sheet, [...(conversions.get(c.sheet) ?? []), ...c.conversions]);
  const summaries: Summary[] = [];
  for (const [id, children] of plan.children) {
    const t = children[0].template!;
    for (const n of [`${t.shortTitle}汇总`, `${t.shortTitle}汇总明细`]) taken.delete(n);
    const sheet = uniqueSheetName(`${t.shortTitle}汇总`, taken);
    taken.add(sheet);
    const detail = uniqueSheetName(`${t.shortTitle}汇总明细`, taken);
    const how = { period: plan.periods.get(id)?.period, unit: options.unit };
    const s = attached
      ? summarize(t, children as (Received & Source)[], sheet, detail, how)
      : summarizeNumbers(t, children as (Received & NumberedChild)[], sheet, detail, how);
    if (s.detail) taken.add(detail);
    summaries.push(s);
  }
  markIncomplete(summaries, plan.lines);
  const notes = notesGrid({
    plan,
    summaries,
    unit: options.unit ?? "",
    made: options.made ?? nowText(),
    conversions: new Map([...conversions].map(([k, v]) => [k, conversionWords(v)])),
    detached: !attached,
  });
  taken.delete(notes.name);
  taken.delete(OWN_SHEETS.roster.name);
  notes.name = uniqueSheetName(notes.name, taken);
  const copies = attached
    ? received.filter((s, i) => received.findIndex((x) => x.sheet === s.sheet) === i)
    : [];
  const bytes = await townshipXlsx({
    summaries,
    notes,
    roster: options.roster && {
      ...rosterSheet(options.roster.entries),
      name: uniqueSheetName(OWN_SHEETS.roster.name, taken),
    },
    copies: copies.map((s) => {
      const found = conversions.get(s.sheet);
      if (!found) return s.grid!;
      const values = s.grid!.values.map((r) => [...r]);
      for (const c of found) values[c.row][c.col] = c.value;
      return { ...s.grid!, values };
    }),
    headers: new Map([...copyHeaders(plan.lines)].map(([k, v]) => [k, headerCode(v)])),
    values: options.values,
    deflater: nodeDeflater,
  });
  await writeAtomic(out, bytes, files);
  return { plan, summaries, unreadable };
}

export type Consolidated = Awaited<ReturnType<typeof consolidateFiles>>;

/** 0 when every file was summed cleanly and no roster unit is missing; 1 otherwise; 2 when a file could not be read. */
export const consolidateExit = (plan: Plan<unknown>, unreadable: unknown[]) =>
  unreadable.length ? 2 : plan.clean ? 0 : 1;

const summaryJson = (s: Summary) => ({
  sheet: s.sheet,
  template: { id: s.template.id, title: s.template.title },
  children: s.children.map((c) => c.sheet),
  detail: s.detail?.sheet,
});

export function consolidateJson(
  r: { plan: Plan<unknown>; summaries?: Summary[]; unreadable: { file: string; error: string }[] },
  out: string | null
) {
  return {
    output: out,
    clean: r.plan.clean,
    periods: Object.fromEntries(
      [...r.plan.periods].map(([id, p]) => [
        id,
        { period: p.period, from: p.from, remark: p.remark },
      ])
    ),
    counts: r.plan.counts,
    summaries: (r.summaries ?? []).map(summaryJson),
    children: r.plan.lines,
    unreadable: r.unreadable,
  };
}

/** Children named on the summary's line. */
const SHOWN = 30;

export function consolidateText(
  r: { plan: Plan<unknown>; summaries?: Summary[]; unreadable: { file: string; error: string }[] },
  out: string | null
): string {
  const c = r.plan.counts;
  const lines = [out ? `已写出 ${out}` : "没有可以汇总的报表，未写出文件"];
  for (const s of r.summaries ?? []) {
    // A county's thousands of units are in 汇总说明 and the 明细, not on the screen.
    const names = s.children.slice(0, SHOWN).map((x) => (s.detail?.values ? x.unit : x.sheet));
    const more = s.children.length > SHOWN ? "等" : "";
    lines.push(
      `  ${s.sheet}：汇总了 ${s.children.length} 份（${names.join("、")}${more}）${s.detail ? `，各单位数字见“${s.detail.sheet}”` : ""}`
    );
  }
  for (const p of new Set([...r.plan.periods.values()].map((x) => x.remark).filter(Boolean)))
    lines.push(`  注意：${p}`);
  lines.push(`  ${countsText(c)}`);
  // A unit's explained warnings (审核说明) are shown too: the reviewer reads its reasons here.
  const notClean = (l: ChildLine) =>
    l.status !== "included" ||
    l.problems.length > 0 ||
    Boolean(l.remarks?.length) ||
    Boolean(l.explained?.length) ||
    l.timeliness === "逾期";
  // Unreadable files are told below, with their full path.
  for (const l of r.plan.lines.filter((x) => notClean(x) && x.status !== "unreadable"))
    lines.push(`  ${lineText(l)}`);
  lines.push(...unreadableLines(r.unreadable));
  const remarked = remarkedText(r.plan.lines);
  if (out)
    lines.push(
      r.plan.clean && !r.unreadable.length
        ? remarked
          ? `  全部报表已汇总，无缺报；${remarked}，见上面各行和“汇总说明”。`
          : "  全部报表已汇总，无缺报、无问题。"
        : "  汇总结果需要核对：见上面各行和“汇总说明”。"
    );
  return lines.join("\n");
}

export const unreadableLines = (files: { file: string; error: string }[]) =>
  files.map((u) => `  无法读取：${u.file}：${u.error}`);
