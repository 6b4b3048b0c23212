/**
 * Which official table is this sheet, and where is each of its cells?
 * Every template is tried; the best match above the bar wins, and anything
 * below it is "no template" with the nearest candidates.
 */
import type { Finding } from "../finding";
import { fromA1, type Grid, gridCellOf, toA1 } from "../grid";
import {
  allTemplates,
  getTableInfo,
  type Leaf,
  type RowSlot,
  slotWords,
  type TableInfo,
} from "../templates/catalog";
import type { ListTemplate, TableTemplate, Template } from "../templates/schema";
import { normalizeLabel } from "../text";
import { isOwnNameRow } from "../units/own-name-row";
import { findHeaderFields, type HeaderFieldMatch } from "./header-fields";
import { columnLabels, type ListMatch, matchList } from "./list";
import { readSheetText, type SheetText } from "./sheet-text";
import { matchTable, tableLabels, type TableMatch } from "./table";

export type { HeaderFieldMatch, ListMatch, TableMatch };

export interface Candidate {
  id: string;
  title: string;
  confidence: number;
}

/** Where a table lies on its sheet, and which of the sheet's tables it is. */
export interface TablePlace {
  /** 1-based, top to bottom, then left to right. */
  index: number;
  /** How many tables the sheet holds. */
  of: number;
  /** Its header and body, A1: "A3:AB7". */
  range: string;
  region: Region;
  /**
   * The part of the sheet that is this table's own: up to the tables around it, their titles and
   * header lines included. Its stamped lines (报告期, 统计口径) are looked for and written here.
   */
  zone: Region;
}

export interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Base {
  sheet: string;
  grid: Grid;
  place: TablePlace;
  /** 0..1 */
  confidence: number;
  /** The title cell, when the clerk kept one. */
  title?: { cell: string; text: string };
  headerFields: HeaderFieldMatch[];
  /** `structure` findings: what the layout is missing. */
  findings: Finding[];
  /** Every template tried, best first. */
  candidates: Candidate[];
}

export interface TableRecognition extends Base {
  kind: "table";
  template: TableTemplate;
  info: TableInfo;
  match: TableMatch;
}

export interface ListRecognition extends Base {
  kind: "list";
  template: ListTemplate;
  match: ListMatch;
}

export interface NoRecognition extends Omit<
  Base,
  "confidence" | "headerFields" | "findings" | "place"
> {
  kind: "none";
  template: null;
}

export type Recognition = TableRecognition | ListRecognition | NoRecognition;
export type Recognized = TableRecognition | ListRecognition;

/** Finds the title above the table: a cell naming the table (季报表（一）…), preferring one naming the issuer too. */
function findTitle(sheet: SheetText, t: Template, above: number, zone?: Region) {
  const keywords = t.titleKeywords.map(normalizeLabel);
  const issuer = normalizeLabel(t.edition.issuer);
  let best: { row: number; col: number; score: number } | undefined;
  for (const { row, col, text } of sheet.labels) {
    if (row >= above || !keywords.some((k) => text.includes(k))) continue;
    if (zone && (row < zone.top || col < zone.left || col > zone.right)) continue;
    const score = text.includes(issuer) ? 1 : 0.6;
    if (!best || score > best.score) best = { row, col, score };
  }
  return best;
}

interface Scored {
  template: Template;
  confidence: number;
  accepted: boolean;
  table?: TableMatch;
  list?: ListMatch;
  title?: { row: number; col: number; score: number };
}

function scoreTable(sheet: SheetText, t: TableTemplate): Scored {
  const info = getTableInfo(t.id)!;
  const m = matchTable(sheet, info);
  if (!m) return { template: t, confidence: 0, accepted: false };
  const title = findTitle(sheet, t, m.band.top);
  const numeric = info.leaves.length;
  const needed = Math.min(numeric - 1, Math.max(3, Math.ceil(0.3 * numeric)));
  const hasRows = t.rowHeader === null ? m.rows.size > 0 : m.rowCoverage > 0;
  const confidence = 0.6 * m.coverage + 0.3 * m.rowCoverage + 0.1 * (title?.score ?? 0);
  return {
    template: t,
    confidence,
    accepted: m.columns.size >= needed && hasRows,
    table: m,
    title,
  };
}

function scoreList(sheet: SheetText, t: ListTemplate): Scored {
  const m = matchList(sheet, t);
  if (!m) return { template: t, confidence: 0, accepted: false };
  const title = findTitle(sheet, t, m.headerRow);
  const confidence =
    0.7 * m.coverage + 0.2 * (m.columns.size / t.columns.length) + 0.1 * (title?.score ?? 0);
  return {
    template: t,
    confidence,
    accepted: m.coverage >= 0.3 && m.rows.size >= 3,
    list: m,
    title,
  };
}

const pathText = (leaf: Leaf) => leaf.path.join("›");

function structureFindings(
  grid: Grid,
  t: TableTemplate,
  info: TableInfo,
  m: TableMatch,
  others: Region[]
): Finding[] {
  const out: Finding[] = [];
  const sheet = grid.name;
  const source = `${t.shortTitle}表样`;
  // Whole groups first, then single columns.
  const missing = new Set(m.missingLeaves.map((l) => l.key));
  const groups = new Map<string, Leaf[]>();
  for (const l of info.leaves) groups.set(l.path[0], [...(groups.get(l.path[0]) ?? []), l]);
  for (const [group, leaves] of groups) {
    const gone = leaves.filter((l) => missing.has(l.key));
    if (gone.length === 0) continue;
    const whole = gone.length === leaves.length && leaves.length > 1;
    const names = whole ? group : gone.map(pathText).join("、");
    out.push({
      rule: "structure/missing-columns",
      category: "structure",
      severity: "error",
      sheet,
      cell: "",
      cells: [],
      row: "",
      column: whole ? group : "",
      message: whole
        ? `表格缺少“${group}”整组（${leaves.length}列），请按${t.shortTitle}原表样补齐`
        : `表格缺少列：${names}，请按${t.shortTitle}原表样补齐`,
      messageEn: whole
        ? `The column group "${group}" (${leaves.length} columns) is missing; restore it as in the official ${t.shortTitle}`
        : `Missing columns: ${names}`,
      source,
    });
  }
  out.push(...unreadRowFindings(grid, t, m, others));
  const typesFound = new Set(info.slots.filter((s) => m.rows.has(s.key)).map((s) => s.rowType));
  const lostSubRows = m.missingSlots.filter((s: RowSlot) => s.subRow && typesFound.has(s.rowType));
  if (lostSubRows.length)
    out.push({
      rule: "structure/missing-rows",
      category: "structure",
      severity: "warning",
      sheet,
      cell: "",
      cells: [],
      row: "",
      column: "",
      message: `找不到以下分行：${lostSubRows.map(slotWords).join("、")}，请按原表样保留国标/省标/地标三行`,
      messageEn: `Sub-rows not found: ${lostSubRows.map((s) => s.key).join(", ")}`,
      source,
    });
  return out;
}

/** A filled row that is no unit row would be lost without a word (consolidation skips it); a row of another table on the sheet is that table's. */
function unreadRowFindings(
  grid: Grid,
  t: TableTemplate,
  m: TableMatch,
  others: Region[]
): Finding[] {
  const types = t.rows.map((r) => r.label).join("、");
  const col = m.stray.labelCol ?? m.band.left;
  const elsewhere = (row: number) =>
    others.some((o) => row >= o.top && row <= o.bottom && col <= o.right && m.band.right >= o.left);
  return m.stray.unread
    .filter((row) => !elsewhere(row))
    .map((row) => {
      const label = String(grid.values[row]?.[col] ?? "").trim();
      const cell = toA1(grid, row, col);
      return {
        rule: "structure/unread-row",
        category: "structure" as const,
        severity: "error" as const,
        sheet: grid.name,
        cell,
        cells: [cell],
        row: label,
        column: "",
        message: `第${cell.replace(/^\D+/, "")}行${label ? `“${label}”` : ""}填有数据，但不是本表的填报单位类型行（${types}），其数据不会被检查和汇总：请填在对应的单位类型行`,
        messageEn: `Row ${cell.replace(/^\D+/, "")}${label ? ` "${label}"` : ""} holds data but is no unit-type row of this table (${types}): it is neither checked nor consolidated`,
        source: `${t.shortTitle}表样`,
      };
    });
}

/** How many of a template's header labels the sheet holds verbatim, and out of how many. */
function labelHits(sheet: SheetText, t: Template): { hits: number; of: number } {
  const labels =
    t.kind === "table"
      ? tableLabels(getTableInfo(t.id)!)
      : new Set(columnLabels(t).flatMap((c) => c.labels));
  let hits = 0;
  for (const l of labels) if (sheet.texts.has(l)) hits++;
  return { hits, of: labels.size };
}

/** Only templates sharing enough labels with the sheet are matched in full; the rest rank by their share. */
const PRESCREEN_MIN = 2;
const PRESCREEN_SHARE = 0.6;

/** Every template ranked against a sheet, accepted ones first, best first. */
function rank(sheet: SheetText, templates: Template[]): Scored[] {
  const hits = templates.map((t) => labelHits(sheet, t));
  const most = Math.max(0, ...hits.map((h) => h.hits));
  return templates
    .map((t, i): Scored =>
      hits[i].hits >= PRESCREEN_MIN && hits[i].hits >= PRESCREEN_SHARE * most
        ? t.kind === "table"
          ? scoreTable(sheet, t)
          : scoreList(sheet, t)
        : { template: t, confidence: (0.3 * hits[i].hits) / hits[i].of, accepted: false }
    )
    .sort((a, b) => Number(b.accepted) - Number(a.accepted) || b.confidence - a.confidence);
}

const candidatesOf = (scored: Scored[]): Candidate[] =>
  scored
    .filter((s) => s.confidence > 0)
    .map((s) => ({
      id: s.template.id,
      title: s.template.title,
      confidence: Math.round(s.confidence * 1000) / 1000,
    }));

/** The cells a found table takes: its header band, its rows (the clerk's 合计 too) and its label column. */
function regionOf(s: Scored): Region {
  if (s.list) return s.list.band;
  const m = s.table!;
  const rows = [...m.rows.values(), ...(m.stray.total === undefined ? [] : [m.stray.total])];
  return {
    top: m.band.top,
    bottom: Math.max(m.band.bottom, ...rows),
    left: Math.min(m.band.left, m.stray.labelCol ?? m.band.left),
    right: m.band.right,
  };
}

/** The grid with a found table's cells emptied, so the next search sees only what is left. */
function without(grid: Grid, r: Region): Grid {
  return {
    ...grid,
    values: grid.values.map((row, i) =>
      i < r.top || i > r.bottom ? row : row.map((v, c) => (c >= r.left && c <= r.right ? null : v))
    ),
    merges: grid.merges.filter(
      (m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right
    ),
  };
}

/**
 * Where a table's title and header fields may be: up to the tables above and below it (in its
 * columns) and beside it (in its rows), so two tables pasted on one sheet keep their own.
 */
function zoneOf(r: Region, others: Region[]): Region {
  const zone = { top: 0, bottom: Infinity, left: 0, right: Infinity };
  for (const o of others) {
    const cols = o.left <= r.right && o.right >= r.left;
    const rows = o.top <= r.bottom && o.bottom >= r.top;
    if (cols && o.bottom < r.top) zone.top = Math.max(zone.top, o.bottom + 1);
    if (cols && o.top > r.bottom) zone.bottom = Math.min(zone.bottom, o.top - 1);
    if (rows && o.right < r.left) zone.left = Math.max(zone.left, o.right + 1);
    if (rows && o.left > r.right) zone.right = Math.min(zone.right, o.left - 1);
  }
  return zone;
}

/** At most this many tables are looked for on one sheet. */
const MAX_TABLES = 8;

/**
 * Every report table on a sheet (clerks paste 季报表（一） and （三） side by side or one under the
 * other): the best table is taken, its cells set aside, and the rest searched again. Tables come
 * top to bottom, then left to right; a sheet with none gives one "no template" with the nearest.
 */
export function recognizeSheet(grid: Grid, templates: Template[] = allTemplates()): Recognition[] {
  const found: { best: Scored; region: Region; candidates: Candidate[] }[] = [];
  let first: Candidate[] = [];
  let whole: SheetText | undefined;
  let rest = grid;
  for (let pass = 0; pass < MAX_TABLES; pass++) {
    const text = readSheetText(rest);
    whole ??= text;
    const scored = rank(text, templates);
    const candidates = candidatesOf(scored);
    if (pass === 0) first = candidates;
    const best = scored[0];
    if (!best?.accepted) break;
    const region = regionOf(best);
    found.push({ best, region, candidates });
    rest = without(rest, region);
  }
  if (found.length === 0)
    return [{ kind: "none", sheet: grid.name, grid, template: null, candidates: first }];
  found.sort((a, b) => a.region.top - b.region.top || a.region.left - b.region.left);
  const recs = found.map((f, i) =>
    build(
      grid,
      whole!,
      f.best,
      f.candidates,
      {
        index: i + 1,
        of: found.length,
        region: f.region,
        range: rangeOf(grid, f.region),
        zone: { top: 0, bottom: Infinity, left: 0, right: Infinity },
      },
      found.filter((o) => o !== f).map((o) => o.region)
    )
  );
  if (recs.length > 1) {
    const boxes = recs.map(occupied);
    for (const [i, r] of recs.entries())
      r.place.zone = zoneOf(
        boxes[i],
        boxes.filter((_, j) => j !== i)
      );
  }
  return recs;
}

/** The cells a table takes, its title and header lines above it included. */
function occupied(rec: Recognized): Region {
  const r = { ...rec.place.region };
  for (const a of [rec.title?.cell, ...rec.headerFields.map((f) => f.labelCell)])
    if (a) r.top = Math.min(r.top, gridCellOf(rec.grid, a).row);
  return r;
}

/** The sheet's first table (or "no template"); see recognizeSheet for all of them. */
export const recognize = (grid: Grid, templates?: Template[]): Recognition =>
  recognizeSheet(grid, templates)[0];

const rangeOf = (grid: Grid, r: Region) =>
  `${toA1(grid, r.top, r.left)}:${toA1(grid, r.bottom, r.right)}`;

function build(
  grid: Grid,
  sheet: SheetText,
  best: Scored,
  candidates: Candidate[],
  place: TablePlace,
  others: Region[]
): Recognized {
  const zone = zoneOf(place.region, others);
  const top = best.table?.band.top ?? best.list!.headerRow;
  const found = others.length ? findTitle(sheet, best.template, top, zone) : best.title;
  const title = found
    ? { cell: toA1(grid, found.row, found.col), text: String(grid.values[found.row][found.col]) }
    : undefined;
  const common = {
    sheet: grid.name,
    grid,
    confidence: Math.round(best.confidence * 1000) / 1000,
    title,
    candidates,
    place,
  };
  if (best.table) {
    const t = best.template as TableTemplate;
    const lastRow = Math.max(best.table.band.bottom, ...best.table.rows.values());
    const band = best.table.band;
    const body = { top: band.top, bottom: lastRow, left: band.left, right: band.right };
    const headerFields = findHeaderFields(grid, t.headerFields, body, zone);
    const m = ownNamedRows(grid, t, best.table, headerFields);
    return {
      ...common,
      kind: "table",
      template: t,
      info: m.info,
      match: m,
      headerFields,
      findings: structureFindings(grid, t, m.info, m, others),
    };
  }
  const t = best.template as ListTemplate;
  const m = best.list!;
  return {
    ...common,
    kind: "list",
    template: t,
    match: m,
    headerFields: findHeaderFields(grid, t.headerFields, m.band, zone),
    findings: [],
  };
}

/**
 * A unit row found by a unit's name in place of its label stays only when it names the sheet's own
 * unit, its 填报单位 or the sheet's name (units/own-name-row.ts); any other is a row not read.
 */
function ownNamedRows(
  grid: Grid,
  t: TableTemplate,
  m: TableMatch,
  headerFields: HeaderFieldMatch[]
): TableMatch {
  if (!m.byName.length) return m;
  const own = [headerFields.find((f) => f.key === "unit")?.value ?? "", grid.name];
  const col = m.stray.labelCol ?? m.band.left;
  const labelOf = (row: number) => String(grid.values[row]?.[col] ?? "").trim();
  const filled = [...m.stray.unread, ...m.byName.map((n) => n.row)];
  const others = (row: number) => filled.filter((r) => r !== row).map(labelOf);
  const byName = m.byName.filter((n) => isOwnNameRow(n.label, t, own, others(n.row)));
  if (byName.length === m.byName.length) return m;
  const rows = new Map(m.rows);
  const back = m.byName.filter((n) => !byName.includes(n));
  for (const n of back) rows.delete(n.slot);
  const types = new Set(m.info.slots.filter((s) => rows.has(s.key)).map((s) => s.rowType));
  return {
    ...m,
    rows,
    byName,
    missingSlots: m.info.slots.filter((s) => !rows.has(s.key)),
    rowCoverage: types.size / t.rows.length,
    stray: {
      ...m.stray,
      unread: [...m.stray.unread, ...back.map((n) => n.row)].sort((a, b) => a - b),
    },
  };
}

/** The A1 address of (row slot, column key) in a recognized table, if both were found. */
export function cellAddress(
  rec: TableRecognition,
  slot: string,
  column: string
): string | undefined {
  const r = rec.match.rows.get(slot);
  const c = rec.match.columns.get(column);
  return r === undefined || c === undefined ? undefined : toA1(rec.grid, r, c);
}

/** The inverse of cellAddress: which row slot and column key a cell holds, in its recognized table. */
export function locateCell(recs: Recognition[], sheet: string, address: string) {
  const { row, col } = fromA1(address.replace(/^.*!/, ""));
  const on = recs.filter((r) => r.sheet === sheet);
  // With several tables on the sheet, the one whose cells hold the address.
  const rec =
    on.find((r) => {
      if (r.kind === "none") return false;
      const o = r.grid.origin ?? { row: 0, col: 0 };
      const g = r.place.region;
      const [y, x] = [row - o.row, col - o.col];
      return y >= g.top && y <= g.bottom && x >= g.left && x <= g.right;
    }) ?? on[0];
  if (!rec || rec.kind !== "table") return undefined;
  const o = rec.grid.origin ?? { row: 0, col: 0 };
  const slot = [...rec.match.rows.entries()].find(([, r]) => r === row - o.row)?.[0];
  const column = [...rec.match.columns.entries()].find(([, c]) => c === col - o.col)?.[0];
  return { rec, slot, column };
}

/** Every (row slot, column) of a recognized table with its A1 address: "village|base.total" → "B7". */
export function addressMap(rec: TableRecognition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const slot of rec.info.slots)
    for (const leaf of rec.info.leaves) {
      const a = cellAddress(rec, slot.key, leaf.key);
      if (a) out[`${slot.key}|${leaf.key}`] = a;
    }
  return out;
}
