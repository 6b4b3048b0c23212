/** A draft 单位名册 from the reports received, for a township that has none yet. */
import { normalizeUnit, unitOf } from "../units/names";
import { filledRowTypes } from "../units/rows";
import { typeFromName, unitTypeOfRow } from "../units/types";
import type { Source } from "./plan";
import type { RosterEntry } from "./roster";

/** A draft roster from the reports received: each unit once, its type from the row it filled or its name. */
export function draftRoster(sources: Source[]): RosterEntry[] {
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    const rec = s.recognition;
    const unit = unitOf(s);
    if (rec.kind !== "table" || !unit || seen.has(normalizeUnit(unit))) continue;
    seen.add(normalizeUnit(unit));
    const rows = [...filledRowTypes(rec)];
    const type = s.lower
      ? undefined
      : rows.length === 1
        ? unitTypeOfRow(rows[0])
        : typeFromName(unit, rec.template);
    entries.push({ unit, type });
  }
  return entries;
}
