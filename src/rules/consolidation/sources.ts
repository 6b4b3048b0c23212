/**
 * What counts as a received report: a file's recognized tables (one source a table, so a sheet
 * holding 季报表（一） and （三） gives both), or, when the file is a township's workbook, its
 * summaries alone, as that unit's report: one SRS consolidated (its 汇总说明 says so) or one made
 * by hand (a summary beside the units' sheets it was built from). Each summary is checked against
 * those sheets (received-summary.ts). Sheets already in a workbook being consolidated are sources
 * too, except SRS's own sheets and the copies kept aside.
 */
import { type Grid, toA1 } from "../grid";
import { readNumber } from "../number";
import { isOwnSheet, OWN_SHEETS } from "../own-sheets";
import { type Recognition, recognizeSheet, type TableRecognition } from "../recognize";
import { readExplanations } from "../review/explanations";
import { readNotes, type ReadNotes, tableKey } from "./notes";
import { headerUnit, isTownship } from "../units/names";
import { isPlan, type Source, STATUS_WORDS } from "./plan";
import { isChecklist } from "./checklist";
import { ownIncomplete } from "./incomplete";
import { summaryMismatch } from "./received-summary";

export interface ReceivedFile {
  origin: string;
  fileHash?: string;
  fileTime?: number;
}

export interface FileSheet {
  grid: Grid;
  recognition: Recognition;
}

/** A sheet inserted into a workbook keeps its name, or gets "name (2)" when the name is taken. */
const sameSheet = (inserted: string, name: string) =>
  inserted === name ||
  (inserted.startsWith(name) && /^ ?\(\d+\)$/.test(inserted.slice(name.length)));

/**
 * The one sheet of a file an explanation was written for: the sheet of that name, else the one
 * that name became on insertion ("朴里村 (2)"), when only one could be. Never a sibling sheet
 * ("Sheet1 (2)" beside "Sheet1" in the same file).
 */
function explainedSheet(written: string, names: string[]): string | undefined {
  if (names.includes(written)) return written;
  const renamed = names.filter((n) => sameSheet(n, written));
  return renamed.length === 1 ? renamed[0] : undefined;
}

/** A summary someone made by hand says so in its title or its sheet's name. */
const saysSummary = (r: TableRecognition) =>
  /汇总/.test(r.title?.text ?? "") || /汇总/.test(r.sheet);

/**
 * In a file made by hand, a table's summary and the units' tables it was built from: per table,
 * the one table whose title (or sheet) says 汇总, else the one whose 填报单位 is a township, beside
 * at least one other table of the same kind. Nothing when no table, or more than one, is such.
 */
function handSummaries(recs: Recognition[]): Map<TableRecognition, TableRecognition[]> {
  const byTemplate = new Map<string, TableRecognition[]>();
  for (const r of recs)
    if (r.kind === "table" && !isPlan(r))
      byTemplate.set(r.template.id, [...(byTemplate.get(r.template.id) ?? []), r]);
  const out = new Map<TableRecognition, TableRecognition[]>();
  for (const list of byTemplate.values()) {
    if (list.length < 2) continue;
    const titled = list.filter(saysSummary);
    const named = list.filter((r) => isTownship(headerUnit(r)));
    const [summary] = titled.length ? titled : named;
    if ((titled.length || named.length) === 1)
      out.set(
        summary,
        list.filter((r) => r !== summary)
      );
  }
  return out;
}

/**
 * A file's sheets that are reports, with what the plan must know of them. `township`: the file is a
 * township's workbook, its summaries alone its reports; its other sheets are never counted again.
 */
export function fileSources(
  grids: Grid[],
  file: ReceivedFile
): { sources: (Source & { grid: Grid })[]; township: boolean } {
  const notes = readNotes(grids);
  // A practice sheet (培训) is no unit's report: a file of nothing else is no report at all.
  const practice = (g: Grid) => isOwnSheet(g, "practiceSheet");
  const recs = grids.flatMap((g): Recognition[] => (practice(g) ? [] : recognizeSheet(g)));
  if (recs.length === 0 && grids.length)
    recs.push({
      kind: "none",
      sheet: grids[0].name,
      grid: grids[0],
      template: null,
      candidates: [],
    });
  const base = { origin: file.origin, fileHash: file.fileHash, fileTime: file.fileTime };
  const stem = file.origin.replace(/\.[^.]+$/, "");
  // A summary is checked against the copies it came with; one sent without them (past
  // MAX_COPIES its numbers are in a 明细 instead) is summed as it stands.
  const summed = (r: TableRecognition, parts: TableRecognition[]) => {
    const differs = parts.length ? summaryMismatch(r, parts) : undefined;
    const incomplete = ownIncomplete(r);
    return { ...(differs && { problems: [differs] }), ...(incomplete && { incomplete }) };
  };
  if (notes) {
    // A township's consolidated workbook: its summaries are its reports; its copies of the
    // villages' sheets and its 汇总说明 are never counted again.
    const copies = recs.filter(
      (r): r is TableRecognition =>
        r.kind === "table" &&
        notes.rows.some(
          (x) =>
            x.status === STATUS_WORDS.included &&
            sameSheet(r.sheet, x.sheet) &&
            (!x.place || x.place === r.place.range)
        )
    );
    const sources = recs
      .filter(
        (r): r is TableRecognition =>
          notes.summaries.some((n) => sameSheet(r.sheet, n)) && r.kind === "table"
      )
      .map((r, part) => ({
        ...base,
        part,
        sheet: r.sheet,
        grid: r.grid,
        recognition: r,
        unit: headerUnit(r) || notes.unit || stem,
        lower: { units: notes.included },
        ...summed(
          r,
          copies.filter((c) => c.template.id === r.template.id)
        ),
      }));
    return { sources, township: true };
  }
  const hand = handSummaries(recs);
  if (hand.size) {
    // A township's workbook made by hand: each summary is its report, as an SRS-made one; the
    // units' sheets beside it are not counted again (a table no summary covers still is).
    const covered = new Set([...hand.values()].flat());
    const sources = recs
      .filter((r) => r.kind !== "none" && !covered.has(r as TableRecognition))
      .map((r, part) => {
        const parts = hand.get(r as TableRecognition);
        return {
          ...base,
          part,
          sheet: r.sheet,
          grid: r.grid,
          recognition: r,
          ...(parts && {
            unit: headerUnit(r) || stem,
            lower: { units: parts.map((p) => headerUnit(p)).filter(Boolean) },
            ...summed(r as TableRecognition, parts),
          }),
        };
      });
    return { sources, township: true };
  }
  const reports = recs.filter((r) => r.kind !== "none");
  // A file with no report at all is one line (未识别); empty helper sheets beside a report are not.
  const kept = reports.length ? reports : recs.slice(0, 1);
  // The unit's explanations of its warnings, each with the sheet it explains.
  const explained = readExplanations(grids)?.list ?? [];
  const names = grids.map((g) => g.name);
  return {
    sources: kept.map((r, part) => ({
      ...base,
      part,
      sheet: r.sheet,
      grid: r.grid,
      recognition: r,
      // The sheet may have taken another name when inserted ("朴里村 (2)").
      explanations: explained.filter((e) => explainedSheet(e.sheet, names) === r.sheet),
      // A summary sent on its own still says what it lacks.
      ...(r.kind === "table" && ownIncomplete(r) && { incomplete: ownIncomplete(r) }),
    })),
    township: false,
  };
}

const MISMATCH = /汇总表与其所附明细不符（[^（）]*）/;

/**
 * The sheets of a workbook being consolidated again (or read by QTOTAL) that are reports, and the
 * 细则 copies sent with them (their lines stay said round after round).
 */
export function workbookSources(recs: Recognition[], notes: ReadNotes | undefined): Source[] {
  return recs.flatMap((r): Source[] => {
    if (r.kind === "list" && isChecklist(r.template) && !isOwnSheet(r.grid, "practiceSheet")) {
      const row = notes?.rows.find((x) => x.sheet === r.sheet);
      return [{ sheet: r.sheet, origin: row?.origin ?? "", recognition: r }];
    }
    if (
      r.kind !== "table" ||
      isOwnSheet(r.grid, "practiceSheet") ||
      isPlan(r) || // the workbook's own plan (任务分解指导数) is what the reports are measured by
      r.sheet === notes?.sheet ||
      r.sheet === OWN_SHEETS.roster.name ||
      notes?.ours.has(r.sheet) ||
      isReplaced(r, notes)
    )
      return [];
    const row = notes?.rows.find(
      (x) => x.sheet === r.sheet && (!x.place || x.place === r.place.range)
    );
    // A summary made by hand in this workbook is no child; a lower level's summary imported by an
    // earlier round (listed in 汇总说明) still is, as that unit's report.
    if (!/汇总/.test(r.sheet) && !/汇总/.test(r.title?.text ?? ""))
      return [{ sheet: r.sheet, origin: row?.origin ?? "", recognition: r }];
    if (!row) return [];
    // Its units' tables went when it was imported: what they said of it stays said.
    const differs = MISMATCH.exec(row.note)?.[0];
    const incomplete = ownIncomplete(r);
    return [
      {
        sheet: r.sheet,
        origin: row.origin,
        recognition: r,
        unit: headerUnit(r) || row.unit,
        lower: { units: [] },
        ...(differs ? { problems: [differs] } : {}),
        ...(incomplete && { incomplete }),
      },
    ];
  });
}

/** A table 汇总说明 says was replaced: its whole sheet set aside, or its own line on a shared sheet. */
export const isReplaced = (r: Recognition, notes: ReadNotes | undefined) =>
  !!notes &&
  (notes.replaced.has(r.sheet) ||
    (r.kind !== "none" && notes.replacedTables.has(tableKey(r.sheet, r.place.range))));

export interface Conversion {
  row: number;
  col: number;
  /** A1 on the sheet. */
  cell: string;
  text: string;
  value: number;
}

/**
 * A child's data cells holding a number as text ('12, 1,200, ５, 3家): the consolidated copy holds
 * the number, so Excel's SUM, which skips text, gives what the summary shows.
 */
export function textNumbers(rec: TableRecognition): Conversion[] {
  const out: Conversion[] = [];
  for (const slot of rec.info.slots) {
    const r = rec.match.rows.get(slot.key);
    if (r === undefined) continue;
    for (const [key, c] of rec.match.columns) {
      if (rec.info.leafByKey.get(key)!.kind !== "number") continue;
      const v = rec.grid.values[r]?.[c] ?? null;
      const n = readNumber(v);
      if (n.kind === "malformed" || (n.kind === "number" && typeof v === "string"))
        out.push({ row: r, col: c, cell: toA1(rec.grid, r, c), text: String(v), value: n.value });
    }
  }
  return out;
}

export const conversionWords = (list: Conversion[]) =>
  list.map((x) => `${x.cell}“${x.text}”→${x.value}`);
