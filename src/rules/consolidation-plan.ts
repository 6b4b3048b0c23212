/**
 * Consolidation inside a workbook (the task pane): given every sheet after the children's files
 * were inserted, decide the renames (each child after its unit, unique), which earlier copies of a
 * re-imported unit are kept as backups, and the summary and 汇总说明 to write. Re-running updates
 * in place.
 */
import { checkRecognized } from "./check";
import {
  type Child,
  type Consolidation,
  consolidate,
  isSummarySheet,
  NOTES_SHEET,
  previousUnits,
  type UnreadableChild,
} from "./consolidate";
import type { Grid } from "./grid";
import { recognize } from "./recognize";
import { cleanSheetName, isNamedAfter, uniqueSheetName } from "./sheet-names";

export interface Plan {
  /** Backups of an earlier round that give way to this round's (deleted first). */
  deletions: string[];
  /** The copy a unit's new file replaces → its backup name (renamed before the new copy takes its name). */
  backups: Map<string, string>;
  /** Inserted sheet → its new name. */
  renames: Map<string, string>;
  consolidation: Consolidation;
  /** Summary sheets that exist already (updated in place) by name. */
  existingSummaries: Set<string>;
}

const BACKUP = "（上次）";

/** The name the copy a re-import replaces is kept under: 金淘镇朴里村（上次）. */
export const backupName = (sheet: string) =>
  `${cleanSheetName(sheet).slice(0, 31 - BACKUP.length)}${BACKUP}`;

const BACKUP_NAME = new RegExp(`${BACKUP}(\\(\\d+\\))?$`);

/** A kept earlier copy (made unique with (2)… if need be): never a child, never summed. */
export const isBackup = (sheet: string) => BACKUP_NAME.test(sheet);

export function planConsolidation(
  sheets: Grid[],
  inserted: string[],
  origins: Map<string, string>,
  unreadable: UnreadableChild[] = []
): Plan {
  const fresh = new Set(inserted);
  const recs = new Map(sheets.map((g) => [g.name, recognize(g)]));
  const unitOf = (name: string) => {
    const r = recs.get(name)!;
    return r.kind === "none" ? "" : (r.headerFields.find((h) => h.key === "unit")?.value ?? "");
  };
  const notes = sheets.find((g) => g.name === NOTES_SHEET);
  const keep = sheets.filter((g) => !fresh.has(g.name) && g.name !== NOTES_SHEET);
  const summaries = new Set(
    keep.filter((g) => isSummarySheet(g.name, recs.get(g.name)!)).map((g) => g.name)
  );
  // A unit's table imported again replaces the earlier copy of that same table: same unit, same
  // template, under the name it was given then. Any other sheet, whatever its name, stays. The
  // earlier copy is kept as "…（上次）" (edits made in it are not lost) until the next re-import.
  const report = (name: string) => {
    const t = recs.get(name)!.template;
    const unit = unitOf(name);
    return t && unit ? `${t.id}|${unit}` : "";
  };
  const incoming = new Set(inserted.map(report).filter(Boolean));
  const replaced = keep
    .filter(
      (g) =>
        !summaries.has(g.name) &&
        !isBackup(g.name) &&
        incoming.has(report(g.name)) &&
        isNamedAfter(g.name, unitOf(g.name))
    )
    .map((g) => g.name);
  // The backup an earlier round kept of the same table gives way to this round's.
  const deletions = keep
    .filter(
      (g) =>
        isBackup(g.name) &&
        replaced.some((r) => report(r) === report(g.name) && isNamedAfter(g.name, backupName(r)))
    )
    .map((g) => g.name);
  const taken = new Set(
    keep.map((g) => g.name).filter((n) => !deletions.includes(n) && !replaced.includes(n))
  );
  const backups = new Map<string, string>();
  for (const r of replaced) {
    const name = uniqueSheetName(backupName(r), taken);
    taken.add(name);
    backups.set(r, name);
  }
  const units = new Map(inserted.map((n) => [n, unitOf(n)]));
  const renames = new Map<string, string>();
  for (const n of inserted) {
    const name = uniqueSheetName(units.get(n) || n, taken);
    taken.add(name);
    renames.set(n, name);
  }
  const children: Child[] = [];
  for (const g of sheets) {
    if (g.name === NOTES_SHEET || summaries.has(g.name) || backups.has(g.name) || isBackup(g.name))
      continue;
    const sheet = renames.get(g.name) ?? g.name;
    const r = recs.get(g.name)!;
    const recognition = { ...r, sheet, grid: { ...g, name: sheet } };
    children.push({
      sheet,
      origin: origins.get(g.name) ?? "",
      unit: unitOf(g.name),
      recognition,
      findings: recognition.kind === "none" ? [] : checkRecognized(recognition),
    });
  }
  const consolidation = consolidate(children, {
    previous: notes ? previousUnits(notes) : [],
    summaryName: (t) => {
      const name = `${t.shortTitle}汇总`;
      if (summaries.has(name)) return name; // updated in place
      const unique = uniqueSheetName(name, taken);
      taken.add(unique);
      return unique;
    },
    unreadable,
  });
  return { deletions, backups, renames, consolidation, existingSummaries: summaries };
}
