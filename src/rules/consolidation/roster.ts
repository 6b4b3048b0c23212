/**
 * The unit roster (单位名册): the units a township expects, one row each under a header row
 * 单位名称,单位类型 (optionally 联系人,联系电话). 缺报 is the roster minus the units received.
 * Kept in the workbook as a 单位名册 sheet, or given to the CLI as .xlsx or .csv.
 */
import type { Grid } from "../grid";
import { OWN_SHEETS } from "../own-sheets";
import { normalizeUnit } from "../units/names";
import { parseUnitType, type UnitType } from "../units/types";

export const ROSTER_HEADER = ["单位名称", "单位类型", "联系人", "联系电话"];
/** A county's roster has a few hundred units; a list past this is no roster (and would cost minutes). */
export const MAX_ROSTER_UNITS = 10_000;
export const TOO_MANY_UNITS = `单位名册超过 ${MAX_ROSTER_UNITS} 个单位，不像是一个乡镇或县的名册，请检查文件`;

export interface RosterEntry {
  unit: string;
  type?: UnitType;
  contact?: string;
  phone?: string;
}

export interface Roster {
  entries: RosterEntry[];
  /** normalized name → entry */
  byUnit: Map<string, RosterEntry>;
  /** The type the roster gives a unit, if it lists it with one. */
  typeOf(unit: string): UnitType | undefined;
}

export function makeRoster(entries: RosterEntry[]): Roster {
  const byUnit = new Map(entries.map((e) => [normalizeUnit(e.unit), e]));
  return { entries, byUnit, typeOf: (unit) => byUnit.get(normalizeUnit(unit))?.type };
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The roster on a sheet, or a one-line reason it is not one. */
export function rosterFromGrid(grid: Grid): Roster | { error: string } {
  const head = grid.values.findIndex((r) =>
    r.some((v) => text(v).replace(/\s+/g, "") === "单位名称")
  );
  if (head < 0) return { error: `“${grid.name}”没有“单位名称”表头行，不是单位名册` };
  const cols = grid.values[head].map((v) => text(v).replace(/\s+/g, ""));
  const at = (label: string) => cols.indexOf(label);
  const [name, type, contact, phone] = ROSTER_HEADER.map(at);
  if (type < 0) return { error: `单位名册缺少“单位类型”列` };
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  for (let r = head + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    const unit = text(row[name]);
    if (!unit) continue;
    const typeText = text(row[type]);
    const parsed = parseUnitType(typeText);
    if (typeText && !parsed)
      return {
        error: `单位名册第 ${r + 1} 行的单位类型“${typeText}”无法识别（应为村、镇直单位、乡镇、县直单位、市直单位或县（市、区））`,
      };
    const key = normalizeUnit(unit);
    if (seen.has(key)) continue;
    seen.add(key);
    if (entries.length === MAX_ROSTER_UNITS) return { error: TOO_MANY_UNITS };
    entries.push({
      unit,
      type: parsed,
      contact: contact >= 0 ? text(row[contact]) || undefined : undefined,
      phone: phone >= 0 ? text(row[phone]) || undefined : undefined,
    });
  }
  if (entries.length === 0) return { error: "单位名册中没有任何单位" };
  return makeRoster(entries);
}

/** The roster kept in the workbook (its 单位名册 sheet), if any and usable. */
export function workbookRoster(sheets: Grid[]): Roster | undefined {
  const g = sheets.find((s) => s.name === OWN_SHEETS.roster.name);
  const r = g ? rosterFromGrid(g) : undefined;
  return r && !("error" in r) ? r : undefined;
}

/** A CSV file's text (RFC 4180 quotes; a UTF-8 BOM is dropped) as a grid. */
export function csvGrid(name: string, csv: string): Grid {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === "，" || ch === "\t") (row.push(cell), (cell = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return { name, values: rows.map((r) => r.map((v) => v || null)), merges: [] };
}

/** The roster as a sheet (written by srs roster and the pane). */
export function rosterSheet(entries: RosterEntry[]): Grid {
  return {
    name: OWN_SHEETS.roster.name,
    values: [
      ROSTER_HEADER,
      ...entries.map((e) => [e.unit, e.type ?? "", e.contact ?? "", e.phone ?? ""]),
    ],
    merges: [],
  };
}
