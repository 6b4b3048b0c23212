/** A draft 单位名册 from the reports received, for a township that has none yet. */
import { unitOf } from "../units/names";
import { unitIdentity, unitNames } from "../units/match";
import { filledRowTypes } from "../units/rows";
import { typeFromName, unitTypeOfRow } from "../units/types";
import type { Source } from "./plan";
import type { RosterEntry } from "./roster";

/**
 * A draft roster from the reports received: each unit once, its type from the row it filled or its
 * name, its 联系人 and 联系电话 from the report's header line (填表人, 联系电话).
 */
export function draftRoster(sources: Source[]): RosterEntry[] {
  const entries: RosterEntry[] = [];
  // One unit however its reports wrote it (金淘镇朴里村, 朴里村委会): the first spelling.
  const identity = unitIdentity(unitNames([]), sources.map(unitOf));
  const seen = new Set<string>();
  for (const s of sources) {
    const rec = s.recognition;
    const unit = unitOf(s);
    const key = identity(unit);
    if (rec.kind !== "table" || !key || seen.has(key)) continue;
    seen.add(key);
    const rows = [...filledRowTypes(rec)];
    const type = s.lower
      ? undefined
      : rows.length === 1
        ? unitTypeOfRow(rows[0])
        : typeFromName(unit, rec.template);
    // Who filled it (填表人, 联系电话 of its header line) is whom a 催报 reaches.
    const field = (key: string) =>
      rec.headerFields.find((f) => f.key === key)?.value.trim() || undefined;
    entries.push({ unit, type, contact: field("filler"), phone: field("phone") });
  }
  return entries;
}
