/**
 * The unit roster (单位名册): the units a township expects, one row each under a header row
 * 单位名称,单位类型 (optionally 联系人,联系电话 and 别名: other names a unit's reports may carry).
 * 缺报 is the roster minus the units received. Kept in the workbook as a 单位名册 sheet, or given
 * to the CLI as .xlsx or .csv. Names are matched as units/match.ts says.
 */
import type { Grid } from "../grid";
import { OWN_SHEETS } from "../own-sheets";
import { unitKey } from "../units/names";
import { rosterTownship, unitNames } from "../units/match";
import { parseUnitType, type UnitType } from "../units/types";

export const ROSTER_HEADER = ["单位名称", "单位类型", "联系人", "联系电话", "别名"];
/** A county's roster has a few hundred units; a list past this is no roster (and would cost minutes). */
export const MAX_ROSTER_UNITS = 10_000;
export const TOO_MANY_UNITS = `单位名册超过 ${MAX_ROSTER_UNITS} 个单位，不像是一个乡镇或县的名册，请检查文件`;

export interface RosterEntry {
  unit: string;
  type?: UnitType;
  contact?: string;
  phone?: string;
  /** Other names the unit's reports may carry (别名): 朴里, 朴里村两委. */
  aliases?: string[];
}

export interface Roster {
  entries: RosterEntry[];
  /** The township (or county) its units belong to, when their names say so: 金淘镇. */
  township: string;
  /** The type the roster gives a unit, if it lists it (once) with one. */
  typeOf(unit: string): UnitType | undefined;
}

export function makeRoster(entries: RosterEntry[]): Roster {
  const township = rosterTownship(entries);
  const names = unitNames(entries, township);
  return {
    entries,
    township,
    typeOf: (unit) => {
      const found = names.find(unit);
      return found.length === 1 ? found[0].type : undefined;
    },
  };
}

/** 别名 as written in one cell: 朴里、朴里村两委 (、，,;；/ or spaces between). */
const aliasList = (s: string) => s.split(/[、，,;；/|\s]+/).filter(Boolean);

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The roster on a sheet, or a one-line reason it is not one. */
export function rosterFromGrid(grid: Grid): Roster | { error: string } {
  const head = grid.values.findIndex((r) =>
    r.some((v) => text(v).replace(/\s+/g, "") === "单位名称")
  );
  if (head < 0) return { error: `“${grid.name}”没有“单位名称”表头行，不是单位名册` };
  const cols = grid.values[head].map((v) => text(v).replace(/\s+/g, ""));
  const at = (label: string) => cols.indexOf(label);
  const [name, type, contact, phone, alias] = ROSTER_HEADER.map(at);
  if (type < 0) return { error: `单位名册缺少“单位类型”列` };
  const entries: RosterEntry[] = [];
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
    if (entries.length === MAX_ROSTER_UNITS) return { error: TOO_MANY_UNITS };
    const aliases = alias >= 0 ? aliasList(text(row[alias])) : [];
    entries.push({
      unit,
      type: parsed,
      contact: contact >= 0 ? text(row[contact]) || undefined : undefined,
      phone: phone >= 0 ? text(row[phone]) || undefined : undefined,
      ...(aliases.length ? { aliases } : {}),
    });
  }
  if (entries.length === 0) return { error: "单位名册中没有任何单位" };
  // A unit listed twice (金淘镇朴里村 and 朴里村委会) is one: its first row.
  const township = rosterTownship(entries);
  const seen = new Set<string>();
  return makeRoster(
    entries.filter((e) => {
      const key = unitKey(e.unit, township);
      return !seen.has(key) && !!seen.add(key);
    })
  );
}

/** Who to call about a unit: "联系人：张三，13905951234" ("" when neither is known). */
export const contactText = (e: { contact?: string; phone?: string } | undefined) =>
  [e?.contact ? `联系人：${e.contact}` : "", e?.phone ? `电话：${e.phone}` : ""]
    .filter(Boolean)
    .join("，");

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
      ...entries.map((e) => [
        e.unit,
        e.type ?? "",
        e.contact ?? "",
        e.phone ?? "",
        (e.aliases ?? []).join("、"),
      ]),
    ],
    merges: [],
  };
}
