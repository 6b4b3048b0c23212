/**
 * What the printed pages say of an incomplete total (DOMAIN, third round), from the plan's lines:
 * a line under each summary table ("本汇总不完整：缺报 2 个单位，3 份报表未汇总，详见汇总说明"),
 * emptied once a round is complete, and "未汇总：原因" at the top of every printed page of a copy
 * whose report was not summed. The copy's line is its page header, not a row: its cells stay where
 * the unit put them, so 退回's marks, its 审核说明 and the next round find them there.
 */
import type { Grid } from "../grid";
import { recognize, type TableRecognition } from "../recognize";
import { type Edit, freeRow, lineAcross } from "../stamp";
import type { TableTemplate } from "../templates/schema";
import { normalizeUnit } from "../units/names";
import { type ChildLine, type Status, STATUS_WORDS } from "./plan";
import type { Summary } from "./summary";

export const INCOMPLETE = "本汇总不完整：";
export const NOT_SUMMED = "未汇总：";

/**
 * Lines that may leave a unit's numbers out of the total. A duplicate, a replaced report and a
 * lower level's summary of units also sent directly are counted by another line; a list
 * (回头看细则) is never summed; a file unread or unrecognized may be any table's report.
 */
const SHORT = new Set<Status>(["errors", "wrong-row", "other-period", "no-template", "unreadable"]);

/** The line under a table's summary, "" when nothing is missing or left out. */
export function incompleteText(lines: ChildLine[], t: TableTemplate): string {
  const what = shortOf(lines, t);
  return what ? `${INCOMPLETE}${what}，详见汇总说明` : "";
}

/**
 * What leaves a table's total short: "缺报 2 个单位，3 份报表未汇总", "" when nothing. 缺报 counts
 * the units owing this table that did not send it (owed.ts): a unit that sent nothing, for the
 * tables it owes, and a unit that sent other tables but not this one.
 */
function shortOf(lines: ChildLine[], t: TableTemplate): string {
  const mine = (l: ChildLine) => l.table === "" || l.table === t.shortTitle;
  const summed = new Set(
    lines.filter((l) => l.status === "included" && l.table === t.shortTitle).map((l) => unitKey(l))
  );
  const owing = (l: ChildLine) =>
    l.status === "missing" &&
    (l.table ? l.table === t.shortTitle : !l.owes || l.owes.includes(t.shortTitle));
  const missing = new Set(lines.filter(owing).map((l) => unitKey(l))).size;
  const out = lines.filter(
    (l) =>
      (SHORT.has(l.status) || (l.short === "out" && l.status !== "included")) &&
      mine(l) &&
      !(unitKey(l) && summed.has(unitKey(l)))
  ).length;
  // A lower level's summary short of its own units leaves this total short of them too.
  const partial = lines.filter(
    (l) => l.short === "partial" && l.status === "included" && l.table === t.shortTitle
  ).length;
  const parts = [
    missing ? `缺报 ${missing} 个单位` : "",
    out ? `${out} 份报表未汇总` : "",
    partial ? `${partial} 份下级汇总表本身不完整` : "",
  ];
  return parts.filter(Boolean).join("，");
}

/**
 * 汇总说明's own line at its top, from the same counts as the summaries' lines: "本汇总不完整：缺报
 * 1 个单位，详见下表" (one table), or each table's ("季报表（二）缺报 1 个单位；…"); "" when complete.
 */
export function notesIncompleteText(lines: ChildLine[], tables: TableTemplate[]): string {
  const distinct = [...new Map(tables.map((t) => [t.id, t])).values()];
  const each = distinct.map((t) => ({ t, what: shortOf(lines, t) })).filter((x) => x.what);
  if (!each.length) return "";
  const what =
    distinct.length === 1 ? each[0].what : each.map((x) => `${x.t.shortTitle}${x.what}`).join("；");
  return `${INCOMPLETE}${what}，详见下表`;
}

/** A unit however its name was written (the plan's key), else its name normalized. */
const unitKey = (l: ChildLine) => l.key ?? normalizeUnit(l.unit);

const isIncomplete = (v: unknown) => typeof v === "string" && v.startsWith(INCOMPLETE);

/**
 * What a received summary's own line says of it ("缺报 1 个单位"), "" when it has none: a lower
 * level's total short of its units makes every total built on it short of them too.
 */
export function ownIncomplete(rec: TableRecognition): string {
  const z = rec.place.zone;
  for (let r = z.top; r <= Math.min(z.bottom, rec.grid.values.length - 1); r++)
    for (const [c, v] of (rec.grid.values[r] ?? []).entries())
      if (c >= z.left && c <= z.right && isIncomplete(v))
        return (v as string).slice(INCOMPLETE.length).replace(/[，,]?详见汇总说明[。.]?$/, "");
  return "";
}

/**
 * Where the line goes on a summary (a new one from its layout, or one already in the workbook):
 * where it was; else the row right under the table when empty (a summary SRS lays out keeps one);
 * else the first free row under everything in the table's zone. Undefined: nothing to change.
 */
export function incompleteEdit(rec: TableRecognition, text: string): Edit | undefined {
  const { grid, place } = rec;
  const z = place.zone;
  for (let r = z.top; r <= Math.min(z.bottom, grid.values.length - 1); r++) {
    const c = (grid.values[r] ?? []).findIndex((v, col) => col >= z.left && isIncomplete(v));
    if (c < 0) continue;
    return grid.values[r][c] === text
      ? undefined
      : { ...lineAcross(rec, { row: r, col: c }, text) };
  }
  if (!text) return undefined;
  const under = place.region.bottom + 1;
  const left = rec.match.band.left;
  const right = Math.max(left, rec.match.band.right);
  const empty =
    under <= z.bottom &&
    (grid.values[under] ?? []).every((v, c) => c < left || c > right || v === null || v === "") &&
    !grid.merges.some(
      (m) => m.top <= under && m.bottom >= under && m.right >= left && m.left <= right
    );
  const row = empty ? under : (freeRow(grid, rec, z) ?? freeRow(grid, rec, SHEET)!);
  return lineAcross(rec, { row, col: left }, text);
}

const SHEET = { top: 0, bottom: Infinity, left: 0, right: Infinity };

/**
 * Gives each summary its line: written into the layout of a summary laid out now (merged across
 * the table), and kept as `line` for a summary already in the workbook, whose host writes that cell.
 * @param existing the sheets there already, by name (summaries updated in place).
 */
export function markIncomplete(
  summaries: Summary[],
  lines: ChildLine[],
  existing: (sheet: string) => Grid | undefined = () => undefined
): void {
  for (const s of summaries) {
    const here = existing(s.sheet);
    const rec = recognize(here ?? s.layout.grid);
    if (rec.kind !== "table") continue;
    const edit = incompleteEdit(rec, incompleteText(lines, s.template));
    if (!edit) continue;
    if (here) {
      s.line = edit;
      continue;
    }
    const g = s.layout.grid;
    g.values[edit.row][edit.col] = edit.value;
    s.layout.alert = edit.row;
    g.merges.push({ top: edit.row, left: edit.col, bottom: edit.row, right: edit.across!.right });
  }
}

/** Header text past this is cut: Excel takes at most 255 characters a header, codes included. */
const HEADER_TEXT = 200;

/**
 * The page header of each copy this round decides: "未汇总：…" on a copy with a table not summed,
 * "" (taken off) on a copy all summed now that an earlier round marked (`before`: its 汇总说明
 * rows). Copies summed then and now are left alone: a header of the unit's own stays.
 */
export function copyHeaders(
  lines: ChildLine[],
  before: { sheet: string; status: string }[] = []
): Map<string, string> {
  const bySheet = new Map<string, ChildLine[]>();
  // A 细则's copy is never a report: no header of ours on it.
  for (const l of lines)
    if (l.sheet && l.status !== "missing" && l.status !== "attached")
      bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l]);
  const out = new Map<string, string>();
  for (const [sheet, list] of bySheet) {
    const left = list.filter((l) => l.status !== "included");
    const text = left
      .map(
        (l) =>
          `${left.length > 1 || list.length > 1 ? `${l.table}${l.place ? `（${l.place}）` : ""}` : ""}${STATUS_WORDS[l.status]}：${l.reason}`
      )
      .join("；");
    if (text) out.set(sheet, cut(`${NOT_SUMMED}${text}`));
    else if (before.some((b) => b.sheet === sheet && b.status !== STATUS_WORDS.included))
      out.set(sheet, "");
  }
  return out;
}

const cut = (text: string) =>
  [...text].length > HEADER_TEXT
    ? `${[...text].slice(0, HEADER_TEXT - 10).join("")}…（详见汇总说明）`
    : text;

/** A copy's left header section in Excel's header codes: bold, 14 pt, "&" doubled ("" none). */
export const headerCode = (text: string) => (text ? `&"-,Bold"&14${text.replace(/&/g, "&&")}` : "");
