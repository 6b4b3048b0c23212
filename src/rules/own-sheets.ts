/**
 * SRS's own sheets: what SRS writes into a workbook beside the reports. Every reader asks here
 * (checks skip the notes SRS keeps for itself, consolidation never takes one for a child, a
 * child's copy never takes one's name), so no reader imports the module that writes the sheet.
 * A sheet is known by the marker its owner writes into its first rows, never by its name, which a
 * user may change; only the 单位名册, the user's own list, is known by its name. The summaries and
 * 明细 are SRS's too, but a workbook's 汇总说明 lists them (consolidation/notes.ts).
 */
import type { CellValue, Grid } from "./grid";
import { recognizeSheet } from "./recognize";
import { allTemplates } from "./templates/catalog";

export interface OwnSheet {
  /** The name SRS gives it (a unique variant when a sheet of that name is there). */
  name: string;
  /** The text its title carries, found within the first `within` rows. */
  marker?: string;
  within: number;
  /** The exact header row under the marker's row, when the owner writes one there. */
  header?: readonly string[];
  /** A note SRS keeps for itself, never one of the workbook's sheets to check. */
  aside: boolean;
  /** The module that writes and reads it. */
  owner: string;
}

export const OWN_SHEETS = {
  notes: {
    name: "汇总说明",
    marker: "SRS-汇总说明/1",
    within: Infinity,
    aside: false,
    owner: "consolidation/notes.ts",
  },
  roster: { name: "单位名册", within: 0, aside: false, owner: "consolidation/roster.ts" },
  explanations: {
    name: "SRS审核说明",
    marker: "SRS-审核说明/1",
    within: 3,
    aside: true,
    owner: "review/explanations.ts",
  },
  problems: {
    name: "问题清单",
    marker: "SRS-问题清单/1",
    within: 2,
    header: ["单位", "表", "工作表", "单元格", "类别", "问题", "依据"],
    aside: true,
    owner: "review/problem-list.ts",
  },
  // A practice sheet (培训): a report with planted mistakes, checked like any report, never a
  // unit's report to sum or compare with (its title carries the marker).
  practiceSheet: {
    name: "练习",
    marker: "【培训练习表，不计入汇总】",
    within: 1,
    aside: false,
    owner: "sample/practice.ts",
  },
  practice: {
    name: "SRS练习",
    marker: "SRS-练习/1",
    within: 2,
    aside: true,
    owner: "sample/practice-record.ts",
  },
} satisfies Record<string, OwnSheet>;

export type OwnSheetKind = keyof typeof OWN_SHEETS;

const KINDS = Object.keys(OWN_SHEETS) as OwnSheetKind[];

/** The row of the sheet's first `within` rows carrying the marker, or -1. */
export function markerRow(g: Grid, kind: OwnSheetKind): number {
  const { marker, within } = OWN_SHEETS[kind] as OwnSheet;
  if (!marker) return -1;
  return g.values
    .slice(0, within)
    .findIndex((r) => r.some((v) => typeof v === "string" && v.includes(marker)));
}

const isHeader = (row: CellValue[] | undefined, header: readonly string[]) =>
  !!row &&
  row.length >= header.length &&
  row.every((v, c) =>
    c < header.length ? typeof v === "string" && v.trim() === header[c] : v === null || v === ""
  );

/**
 * Whether the sheet is SRS's own sheet of that kind: its marker, the header under it when the
 * owner writes one, and, for a sheet a report may share (a 问题清单 pasted above the corrected
 * report), no report table on it: such a sheet stays a report.
 */
export function isOwnSheet(g: Grid, kind: OwnSheetKind): boolean {
  const own = OWN_SHEETS[kind] as OwnSheet;
  if (!own.marker) return g.name === own.name;
  const at = markerRow(g, kind);
  if (at < 0) return false;
  if (!own.header) return true;
  return (
    isHeader(g.values[at + 1], own.header) && recognizeSheet(g).every((r) => r.kind === "none")
  );
}

/** A note SRS keeps for itself (审核说明, 问题清单, 练习): left out of every check. */
export const isAside = (g: Grid) =>
  KINDS.some((k) => (OWN_SHEETS[k] as OwnSheet).aside && isOwnSheet(g, k));

/** The names our own sheets take: a child's copy never takes one, whatever its unit is called. */
export function reservedNames(): Set<string> {
  const names: string[] = [
    OWN_SHEETS.notes.name,
    OWN_SHEETS.roster.name,
    OWN_SHEETS.explanations.name,
  ];
  for (const t of allTemplates())
    if (t.kind === "table") names.push(`${t.shortTitle}汇总`, `${t.shortTitle}汇总明细`);
  return new Set(names);
}
