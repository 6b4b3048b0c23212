/**
 * Matches a grid against one table template: finds the header band wherever it is,
 * aligns the sheet's columns with the template's leaves (in order, tolerating deleted
 * groups, extra columns, typos and missing units), and finds each unit-type row by
 * its label (in any order, typos and aliases allowed).
 */
import {
  allTemplates,
  getTableInfo,
  type Leaf,
  type RowSlot,
  type TableInfo,
  withLines,
} from "../templates/catalog";
import { readNumber } from "../number";
import { normalizeLabel, withoutUnit } from "../text";
import { headerPath, isAutoName } from "./header-text";
import type { SheetText } from "./sheet-text";
import { isFooter, rowTypeScore, strayRows, type StrayRows } from "./unit-rows";
import { rowNamed } from "../units/own-name-row";

export interface TableMatch {
  info: TableInfo;
  /** Grid column of each matched leaf. */
  columns: Map<string, number>;
  /** Grid row of each found slot. */
  rows: Map<string, number>;
  missingLeaves: Leaf[];
  missingSlots: RowSlot[];
  band: { top: number; bottom: number; left: number; right: number };
  /** Share of the template's leaves found, 0..1. */
  coverage: number;
  /** Share of unit types found, 0..1. */
  rowCoverage: number;
  /** Body rows the unit rows leave out: the clerk's 合计 row, filled rows not read. */
  stray: StrayRows;
  /**
   * Unit rows found by the unit's own name in place of their label (朴里村 for 村): once the table
   * is built, only those naming the sheet's own unit (the rest are rows not read).
   */
  byName: NamedRow[];
}

/** A unit row labelled with a unit's name instead of its type. */
export interface NamedRow {
  /** The row's slot (its unit type's row key). */
  slot: string;
  row: number;
  /** The label as written. */
  label: string;
}

/** A row labelled with a unit's name ranks below any label naming a unit type, typos included. */
const NAMED_SCORE = 0.5;

/** How far below the header to look for unit-type rows. */
const ROW_SEARCH_DEPTH = 40;

interface LabelSets {
  exact: Set<string>;
  /** Each leaf's path, normalized. */
  leafPaths: string[][];
  /** Leaf indexes by normalized leaf label, with and without its unit. */
  leavesByLabel: Map<string, number[]>;
}

function labelSets(info: TableInfo): LabelSets {
  const exact = new Set<string>();
  for (const leaf of info.leaves)
    for (const l of leaf.path) {
      const n = normalizeLabel(l);
      exact.add(n);
      exact.add(withoutUnit(n));
    }
  if (info.template.rowHeader) exact.add(normalizeLabel(info.template.rowHeader));
  const leafPaths = info.leaves.map((l) => l.path.map(normalizeLabel));
  const leavesByLabel = new Map<string, number[]>();
  leafPaths.forEach((p, j) => {
    const label = p[p.length - 1];
    for (const k of new Set([label, withoutUnit(label)]))
      leavesByLabel.set(k, [...(leavesByLabel.get(k) ?? []), j]);
  });
  return { exact, leafPaths, leavesByLabel };
}

const setsCache = new WeakMap<TableInfo, LabelSets>();

function setsOf(info: TableInfo): LabelSets {
  let sets = setsCache.get(info);
  if (!sets) setsCache.set(info, (sets = labelSets(info)));
  return sets;
}

/** Every header label of the template, normalized (with and without units). */
export const tableLabels = (info: TableInfo): Set<string> => setsOf(info).exact;

let known: Set<string> | undefined;

/** Labels some template prints verbatim: such a label is no typo of another template's label. */
function knownLabels(): Set<string> {
  if (!known) {
    known = new Set();
    for (const t of allTemplates())
      if (t.kind === "table") for (const l of tableLabels(getTableInfo(t.id)!)) known.add(l);
  }
  return known;
}

const isKnown = (label: string) =>
  knownLabels().has(label) || knownLabels().has(withoutUnit(label));

/** The labels a header cell (or the merged area over it) spells: one, or a flattened path. */
const cellPath = (sheet: SheetText, row: number, col: number): string[] => {
  const raw = sheet.raw(row, col);
  return raw ? headerPath(raw, isKnown) : [];
};

/** Cells whose text (a flattened header's last part) is one of the template's header labels. */
function headerHits(sheet: SheetText, sets: LabelSets): { row: number; col: number }[] {
  return sheet.labels.filter(({ row, col, text }) => {
    if (sets.exact.has(text)) return true;
    const path = headerPath(sheet.grid.values[row][col] as string, isKnown);
    const leaf = path[path.length - 1] ?? "";
    return sets.exact.has(leaf) || sets.exact.has(withoutUnit(leaf));
  });
}

/**
 * The densest cluster of hit rows (header rows lie within two rows of each other; a data row or a
 * second row-header label between them starts another table's header). A header copied again
 * right under itself (clerks paste the header rows twice above the data) is one header.
 */
function bandOf(sheet: SheetText, hits: { row: number; col: number }[], rowHeader: string) {
  const byRow = new Map<number, number>();
  for (const h of hits) byRow.set(h.row, (byRow.get(h.row) ?? 0) + 1);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const heads = new Set(
    rowHeader ? hits.filter((h) => sheet.own(h.row, h.col) === rowHeader).map((h) => h.row) : []
  );
  const numbersBetween = (a: number, b: number) => {
    for (let r = a + 1; r < b; r++)
      if ((sheet.grid.values[r] ?? []).some((v) => typeof v === "number")) return true;
    return false;
  };
  // Each cluster remembers its last copy, which the next cluster may repeat.
  const clusters: {
    top: number;
    bottom: number;
    n: number;
    copy: { top: number; bottom: number };
  }[] = [];
  let start = 0;
  let headSeen = heads.has(rows[0]);
  for (let i = 0; i <= rows.length; i++) {
    const next =
      i > start &&
      i < rows.length &&
      (rows[i] - rows[i - 1] > 2 ||
        (headSeen && heads.has(rows[i])) ||
        numbersBetween(rows[i - 1], rows[i]));
    if (i < rows.length && !next && i > start) headSeen ||= heads.has(rows[i]);
    if (i === rows.length || next) {
      const n = rows.slice(start, i).reduce((s, r) => s + (byRow.get(r) ?? 0), 0);
      const copy = { top: rows[start], bottom: rows[i - 1] };
      const last = clusters[clusters.length - 1];
      if (last && repeats(sheet, last.copy, copy))
        clusters[clusters.length - 1] = { ...last, bottom: copy.bottom, n: last.n + n, copy };
      else clusters.push({ ...copy, n, copy });
      start = i;
      headSeen = heads.has(rows[i]);
    }
  }
  let best: { top: number; bottom: number; n: number } | undefined;
  for (const c of clusters) if (!best || c.n > best.n) best = c;
  if (!best) return undefined;
  const inRows = hits.filter((h) => h.row >= best!.top && h.row <= best!.bottom);
  const { from, to, floor } = widestRun(sheet, inRows, best, rowHeader);
  const inBand = inRows.filter((h) => h.col >= from && h.col <= to);
  return {
    band: {
      top: Math.min(...inBand.map((h) => h.row)),
      bottom: Math.max(...inBand.map((h) => h.row)),
      left: from,
      right: to,
    },
    floor,
  };
}

/** A row holding only an Excel Table's names for blank header cells (列1, Column2…). */
function autoNamesRow(sheet: SheetText, r: number, right: number): boolean {
  let names = 0;
  for (const v of (sheet.grid.values[r] ?? []).slice(0, right + 1)) {
    if (v === null || v === "") continue;
    if (typeof v !== "string" || !isAutoName(normalizeLabel(v))) return false;
    names++;
  }
  return names > 0;
}

/** A row's text, cell by cell (merged areas filled): two rows reading alike are a copy. */
const rowText = (sheet: SheetText, r: number) =>
  Array.from({ length: sheet.cols }, (_, c) => sheet.at(r, c)).join("\u0001");

/**
 * Is header `b` a copy of header `a` just above it: the same rows reading alike, with nothing
 * between them but empty rows or copies of the lines right above `a` (its title, header line)?
 */
function repeats(
  sheet: SheetText,
  a: { top: number; bottom: number },
  b: { top: number; bottom: number }
): boolean {
  if (b.bottom - b.top !== a.bottom - a.top || b.top - a.bottom > 3) return false;
  for (let k = 0; k <= a.bottom - a.top; k++)
    if (rowText(sheet, a.top + k) !== rowText(sheet, b.top + k)) return false;
  const above = new Set([1, 2, 3].map((k) => (a.top - k >= 0 ? rowText(sheet, a.top - k) : "")));
  for (let r = a.bottom + 1; r < b.top; r++) {
    const text = rowText(sheet, r);
    const empty = (sheet.grid.values[r] ?? []).every((v) => v === null || v === "");
    if (!empty && !above.has(text)) return false;
  }
  return true;
}

/**
 * Tables side by side share header rows: the band's hit columns are cut where an empty column
 * runs down from the header, or where a second row-header label (填报单位类型) starts a table,
 * and the run holding most hits is the table. `floor` is where that run's table may begin.
 */
function widestRun(
  sheet: SheetText,
  hits: { row: number; col: number }[],
  rows: { top: number; bottom: number },
  rowHeader: string
) {
  const count = new Map<number, number>();
  for (const h of hits) count.set(h.col, (count.get(h.col) ?? 0) + 1);
  const cols = [...count.keys()].sort((a, b) => a - b);
  const depth = Math.min(sheet.rows - 1, rows.bottom + 3);
  const empty = (c: number) => {
    for (let r = rows.top; r <= depth; r++) {
      const v = sheet.grid.values[r]?.[c];
      if ((v !== null && v !== undefined && v !== "") || sheet.covered(r, c)) return false;
    }
    return true;
  };
  const startsTable = (c: number) => {
    if (!rowHeader) return false;
    for (let r = rows.top; r <= rows.bottom; r++) if (sheet.at(r, c) === rowHeader) return true;
    return false;
  };
  let best = { from: cols[0], to: cols[0], floor: 0, n: -1 };
  let run = { from: cols[0], floor: 0, n: 0 };
  for (let i = 0; i <= cols.length; i++) {
    let cut = i === cols.length;
    let floor = 0;
    if (!cut && i > 0) {
      if (startsTable(cols[i])) [cut, floor] = [true, cols[i]];
      else
        for (let c = cols[i - 1] + 1; c < cols[i] && !cut; c++)
          if (empty(c)) [cut, floor] = [true, c + 1];
    }
    if (cut) {
      if (run.n > best.n) best = { from: run.from, to: cols[i - 1], floor: run.floor, n: run.n };
      if (i < cols.length) run = { from: cols[i], floor, n: 0 };
    }
    if (i < cols.length) run.n += count.get(cols[i])!;
  }
  return best;
}

/** The first row below the band that reads as another header (three labels some template prints in its columns). */
function nextHeader(sheet: SheetText, band: TableMatch["band"]): number {
  const byRow = new Map<number, number>();
  for (const { row, col, text } of sheet.labels) {
    if (row <= band.bottom || col < band.left || col > band.right) continue;
    const path = isKnown(text)
      ? [text]
      : headerPath(sheet.grid.values[row][col] as string, isKnown);
    if (!isKnown(path[path.length - 1])) continue;
    const n = (byRow.get(row) ?? 0) + 1;
    if (n >= 3) return row;
    byRow.set(row, n);
  }
  return Infinity;
}

/**
 * The distinct labels stacked above a column inside the header band, top to bottom (flattened
 * ones split); a header copied twice reads as its last copy, the leaf last.
 */
function columnPath(sheet: SheetText, col: number, top: number, bottom: number): string[] {
  const path: string[] = [];
  for (let r = top; r <= bottom; r++)
    for (const t of cellPath(sheet, r, col)) {
      if (path[path.length - 1] === t) continue;
      const seen = path.indexOf(t);
      if (seen >= 0) path.splice(seen, 1);
      path.push(t);
    }
  return path;
}

/** Does a sheet text name this group? Equal, equal without units, or (for unknown texts only) a near typo. */
function namesGroup(sheet: SheetText, text: string, group: string): boolean {
  if (text === group || withoutUnit(text) === withoutUnit(group)) return true;
  const known = knownLabels();
  return !known.has(text) && !known.has(withoutUnit(text)) && sheet.score(text, group) > 0.8;
}

function pathScore(sheet: SheetText, colPath: string[], leafPath: string[]): number {
  if (colPath.length === 0) return 0;
  const s = sheet.score(colPath[colPath.length - 1], leafPath[leafPath.length - 1]);
  if (s === 0) return 0;
  let bonus = 0;
  for (let i = 0; i < colPath.length - 1; i++) {
    // A text above the leaf either names one of its groups (good) or another group (bad).
    let own = false;
    for (let g = 0; g < leafPath.length - 1 && !own; g++)
      own = namesGroup(sheet, colPath[i], leafPath[g]);
    bonus += own ? 0.5 : -0.4;
  }
  return Math.max(0.05, s + bonus);
}

/** Order-preserving alignment of sheet columns to template leaves maximizing the match score. */
function alignColumns(
  sheet: SheetText,
  paths: { col: number; path: string[] }[],
  sets: LabelSets
): Map<number, number> {
  const { leafPaths, leavesByLabel } = sets;
  const n = paths.length;
  const m = leafPaths.length;
  const known = knownLabels();
  // Match scores, column i × leaf j. A column whose label names some leaves exactly is scored
  // against those only; a label another template prints names none of ours; only unknown labels
  // (typos) are compared fuzzily with every leaf.
  const S = new Float64Array(n * m);
  paths.forEach(({ path }, i) => {
    const label = path[path.length - 1];
    const bare = withoutUnit(label);
    const exact = [...(leavesByLabel.get(label) ?? []), ...(leavesByLabel.get(bare) ?? [])];
    const candidates =
      exact.length || known.has(label) || known.has(bare) ? exact : leafPaths.map((_, j) => j);
    for (const j of candidates) S[i * m + j] = pathScore(sheet, path, leafPaths[j]);
  });
  const w = m + 1;
  const f = new Float64Array((n + 1) * w);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const sc = S[(i - 1) * m + (j - 1)];
      const diag = sc > 0 ? f[(i - 1) * w + j - 1] + sc : 0;
      f[i * w + j] = Math.max(f[(i - 1) * w + j], f[i * w + j - 1], diag);
    }
  const out = new Map<number, number>();
  for (let i = n, j = m; i > 0 && j > 0;) {
    const sc = S[(i - 1) * m + (j - 1)];
    if (sc > 0 && f[i * w + j] === f[(i - 1) * w + j - 1] + sc) {
      out.set(j - 1, paths[i - 1].col);
      i--;
      j--;
    } else if (f[i * w + j] === f[(i - 1) * w + j]) i--;
    else j--;
  }
  return out;
}

/**
 * An unlabelled table's data rows: the first row under the header, then the rows the notice
 * prints and any filled rows after them, up to an empty row or a footer line.
 */
function unlabelledRows(
  sheet: SheetText,
  band: TableMatch["band"],
  columns: Map<string, number>,
  printed: number,
  lastRow: number
): number[] {
  const cols = [...columns.values()];
  const filled = (r: number) =>
    cols.some((c) => readNumber(sheet.grid.values[r]?.[c] ?? null).kind !== "blank");
  if (band.bottom + 1 > lastRow) return [];
  const out = [band.bottom + 1];
  for (let r = band.bottom + 2; r <= lastRow; r++) {
    const row = sheet.grid.values[r] ?? [];
    if (row.slice(band.left, band.right + 1).some(isFooter)) break;
    if (!filled(r) && out.length >= printed) break;
    out.push(r);
  }
  // Empty rows past the printed ones are no lines.
  while (out.length > printed && !filled(out[out.length - 1])) out.pop();
  return out;
}

/** Finds each unit type's row (and its sub-rows) below the header band. */
function findRows(
  sheet: SheetText,
  info: TableInfo,
  band: TableMatch["band"],
  columns: Map<string, number>,
  floor: number
) {
  const t = info.template;
  const rows = new Map<string, number>();
  const firstDataCol = Math.min(...[...columns.values()], band.right + 1);
  // Down to another table's header at most (tables pasted one under the other).
  const lastRow = Math.min(
    sheet.rows - 1,
    band.bottom + ROW_SEARCH_DEPTH,
    nextHeader(sheet, band) - 1
  );
  if (t.rowHeader === null) {
    const lines = unlabelledRows(sheet, band, columns, t.blankRows ?? t.rows.length, lastRow);
    t.rows.forEach((r, i) => {
      if (lines[i] !== undefined) rows.set(r.key, lines[i]);
    });
    // Further rows (统计表's second printed row, or more) are lines of the last row type.
    const last = t.rows[t.rows.length - 1].key;
    lines
      .slice(t.rows.length)
      .forEach((row, i) => rows.set(`${last}#${t.rows.length + i + 1}`, row));
    return { rows };
  }
  // The label column: where the row header sits, else whichever column left of the data holds most labels.
  const candidates: { row: number; col: number; type: string; score: number; named?: true }[] = [];
  const numeric = [...columns]
    .filter(([key]) => info.leafByKey.get(key)?.kind === "number")
    .map(([, c]) => c);
  const holdsData = (r: number) =>
    numeric.some((c) => readNumber(sheet.grid.values[r]?.[c] ?? null).kind !== "blank");
  for (let r = band.bottom + 1; r <= lastRow; r++)
    for (let c = floor; c < firstDataCol; c++) {
      if (sheet.covered(r, c)) continue;
      const text = sheet.label(r, c);
      if (!text) continue;
      const before = candidates.length;
      for (const rt of t.rows) {
        const sc = rowTypeScore(sheet, text, [rt.label, ...rt.aliases]);
        if (sc > 0) candidates.push({ row: r, col: c, type: rt.key, score: sc });
      }
      // A unit's own name where its type's label belongs (朴里村 for 村): below any label, and
      // kept only if it is the sheet's own unit (index.ts, units/own-name-row.ts).
      const named =
        candidates.length === before && !t.subRows
          ? rowNamed(String(sheet.grid.values[r]?.[c] ?? ""), t)
          : undefined;
      if (named && holdsData(r))
        candidates.push({ row: r, col: c, type: named, score: NAMED_SCORE, named: true });
    }
  // Rows naming several units of one type (SRS's 明细, a list village by village) are no unit's
  // own report: a type is read by name only where a single row names it (units/own-name-row.ts).
  const namedType = (x: { col: number; type: string }) => `${x.col}:${x.type}`;
  const naming = new Map<string, number>();
  for (const x of candidates)
    if (x.named) naming.set(namedType(x), (naming.get(namedType(x)) ?? 0) + 1);
  const kept = candidates.filter((x) => !x.named || naming.get(namedType(x)) === 1);
  const byCol = new Map<number, number>();
  for (const cand of kept) byCol.set(cand.col, (byCol.get(cand.col) ?? 0) + cand.score);
  const labelCol = [...byCol.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  if (labelCol === undefined) return { rows };
  const found = new Map<string, number>();
  const byName: NamedRow[] = [];
  for (const cand of kept.filter((x) => x.col === labelCol).sort((a, b) => b.score - a.score))
    if (!found.has(cand.type) && ![...found.values()].includes(cand.row)) {
      found.set(cand.type, cand.row);
      if (cand.named)
        byName.push({
          slot: cand.type,
          row: cand.row,
          label: String(sheet.grid.values[cand.row]?.[labelCol] ?? "").trim(),
        });
    }
  const starts = [...found.values()].sort((a, b) => a - b);
  for (const [type, start] of found) {
    if (!t.subRows) {
      rows.set(type, start);
      continue;
    }
    // A block of sub-rows: named by a label column (国标/省标/地标) when present, else by order.
    const next = starts.find((s) => s > start) ?? lastRow + 1;
    const block = Array.from(
      { length: Math.min(next - start, t.subRows.length + 2) },
      (_, i) => start + i
    );
    const named = new Map<string, number>();
    for (const sub of t.subRows)
      for (const [col, text] of Object.entries(sub.labels)) {
        const c = columns.get(col);
        if (c === undefined) continue;
        const r = block.find(
          (row) => sheet.at(row, c) === normalizeLabel(text) && ![...named.values()].includes(row)
        );
        if (r !== undefined && !named.has(sub.key)) named.set(sub.key, r);
      }
    t.subRows.forEach((sub, i) => {
      const r = named.get(sub.key) ?? (named.size === 0 ? block[i] : undefined);
      if (r !== undefined && r <= lastRow) rows.set(`${type}.${sub.key}`, r);
    });
  }
  const stray =
    rows.size > 0
      ? strayRows(sheet, info, rows, columns, {
          top: band.bottom + 1,
          bottom: lastRow,
          left: Math.min(band.left, labelCol),
          labelCol,
        })
      : undefined;
  return { rows, stray, byName };
}

export function matchTable(sheet: SheetText, info: TableInfo): TableMatch | undefined {
  const sets = setsOf(info);
  const hits = headerHits(sheet, sets);
  if (hits.length < 3) return undefined;
  const found = bandOf(sheet, hits, normalizeLabel(info.template.rowHeader ?? ""));
  if (!found) return undefined;
  const { band, floor } = found;
  // A Table made over the data with "has headers" off put its names (列1…) under the header.
  while (autoNamesRow(sheet, band.bottom + 1, band.right)) band.bottom++;
  const paths: { col: number; path: string[] }[] = [];
  for (let c = band.left; c <= band.right; c++) {
    const path = columnPath(sheet, c, band.top, band.bottom);
    if (path.length) paths.push({ col: c, path });
  }
  const aligned = alignColumns(sheet, paths, sets);
  const columns = new Map<string, number>();
  for (const [j, col] of aligned) columns.set(info.leaves[j].key, col);
  const { rows, stray = { unread: [] }, byName = [] } = findRows(sheet, info, band, columns, floor);
  const lines = [...rows.keys()].filter((k) => k.includes("#")).length;
  const missingLeaves = info.leaves.filter((l) => !columns.has(l.key));
  const missingSlots = info.slots.filter((s) => !rows.has(s.key));
  const typesFound = new Set(info.slots.filter((s) => rows.has(s.key)).map((s) => s.rowType));
  return {
    info: withLines(info, 1 + lines),
    columns,
    rows,
    missingLeaves,
    missingSlots,
    band,
    coverage: columns.size / info.leaves.length,
    rowCoverage: typesFound.size / info.template.rows.length,
    stray,
    byName,
  };
}
