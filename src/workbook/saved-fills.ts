/**
 * What highlighting keeps in the document: each marked cell's original fill and the mark put
 * over it. Document settings are small, a check can flag thousands of cells and a child's sheet
 * can give each cell a fill of its own, so they are stored compactly and bounded: each distinct
 * fill once as a short string, then per sheet the cells sharing a fill and mark as A1 ranges
 * ("B7:F9"). A record past RECORD_LIMIT is refused before any cell is painted.
 */
import { columnLetters, fromA1 } from "../rules/grid";
import { keepBounded, type DocumentStore } from "./store";

const KEY = "srs.highlights.v3";
/** Records written before fills were packed into strings and cells into ranges. */
const KEY_V2 = "srs.highlights.v2";

export interface SavedFill {
  color: string;
  pattern: string;
  patternColor: string;
  /** Theme tints (-1 darkest … 1 lightest), absent in records made before they were kept. */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/**
 * sheet → cell → the original fill and the colour we put over it. A sheet is keyed by its id,
 * which stays through renames (records made before ids were kept are keyed by name).
 */
export type Saved = Map<string, Map<string, { fill: SavedFill; mark: string }>>;

interface Stored {
  /** Packed fills (packFill). */
  fills: string[];
  marks: string[];
  /** sheet → [fill index, mark index, "A1,B2:C9,…"] */
  sheets: Record<string, [number, number, string][]>;
}

interface StoredV2 {
  fills: SavedFill[];
  marks: string[];
  sheets: Record<string, [number, number, string][]>;
}

/** "#92D050" for a plain solid fill; pattern, pattern colour and tints only when they differ. */
function packFill(f: SavedFill): string {
  const parts = [
    f.color,
    f.pattern === "Solid" ? "" : f.pattern,
    f.patternColor === "#000000" ? "" : f.patternColor,
    f.tintAndShade ? String(f.tintAndShade) : "",
    f.patternTintAndShade ? String(f.patternTintAndShade) : "",
  ];
  return parts.join("|").replace(/\|+$/, "");
}

function unpackFill(s: string): SavedFill {
  const [color, pattern, patternColor, tint, patternTint] = String(s).split("|");
  return {
    color,
    pattern: pattern || "Solid",
    patternColor: patternColor || "#000000",
    tintAndShade: Number(tint) || 0,
    patternTintAndShade: Number(patternTint) || 0,
  };
}

/**
 * The cells as A1 ranges: runs along each row, and runs with the same columns on consecutive rows
 * joined into one rectangle.
 */
export function packCells(cells: string[]): string {
  const rows = new Map<number, number[]>();
  for (const c of cells) {
    const { row, col } = fromA1(c);
    rows.get(row)?.push(col) ?? rows.set(row, [col]);
  }
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(row)!.sort((a, b) => a - b);
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const r = open.get(key);
      if (r && r.bottom === row - 1) r.bottom = row;
      else {
        if (r) done.push(r);
        open.set(key, { top: row, bottom: row, left: cols[i], right: cols[j] });
      }
      i = j + 1;
    }
  }
  const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  return [...done, ...open.values()]
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((r) =>
      r.top === r.bottom && r.left === r.right
        ? a1(r.top, r.left)
        : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`
    )
    .join(",");
}

/** What a record may expand to: more cells than any check marks means it is not ours. */
const MAX_CELLS = 2_000_000;

/** Each cell of the ranges, stopping at the budget (a record in a crafted file could claim a whole sheet). */
function unpackCells(list: string, budget: { left: number }): string[] {
  const out: string[] = [];
  for (const range of String(list).split(",")) {
    const [a, b = a] = range.split(":");
    let from, to;
    try {
      from = fromA1(a);
      to = fromA1(b);
    } catch {
      continue;
    }
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.col; c <= to.col; c++) {
        if (budget.left-- <= 0) return out;
        out.push(`${columnLetters(c)}${r + 1}`);
      }
  }
  return out;
}

export function loadSaved(store: DocumentStore): Saved {
  const saved: Saved = new Map();
  const v3 = store.get<Stored>(KEY);
  const v2 = v3 ? undefined : store.get<StoredV2>(KEY_V2);
  const stored = v3 ?? v2;
  const fill = (i: number) => (v3 ? unpackFill(v3.fills[i]) : v2!.fills[i]);
  const budget = { left: MAX_CELLS };
  for (const [sheet, groups] of Object.entries(stored?.sheets ?? {})) {
    const cells = new Map<string, { fill: SavedFill; mark: string }>();
    for (const [f, mark, list] of groups) {
      const original = fill(f);
      for (const cell of unpackCells(list, budget))
        cells.set(cell, { fill: original, mark: stored!.marks[mark] });
    }
    saved.set(sheet, cells);
  }
  return saved;
}

/**
 * Keeps `saved` in the document (nothing at all once it is empty) and saves the document's
 * settings; refuses, changing nothing, a record past the document's bound.
 */
export async function storeSaved(store: DocumentStore, saved: Saved): Promise<void> {
  const fills: string[] = [];
  const marks: string[] = [];
  const index = (list: string[], key: string) => {
    const i = list.indexOf(key);
    return i >= 0 ? i : list.push(key) - 1;
  };
  const fillIndex = new Map<string, number>();
  const sheets: Stored["sheets"] = {};
  for (const [sheet, cells] of saved) {
    const groups = new Map<string, string[]>();
    for (const [cell, { fill, mark }] of cells) {
      const packed = packFill(fill);
      let f = fillIndex.get(packed);
      if (f === undefined) fillIndex.set(packed, (f = fills.push(packed) - 1));
      const key = `${f},${index(marks, mark)}`;
      groups.get(key)?.push(cell) ?? groups.set(key, [cell]);
    }
    if (groups.size)
      sheets[sheet] = [...groups].map(([key, list]) => {
        const [f, mark] = key.split(",").map(Number);
        return [f, mark, packCells(list)];
      });
  }
  if (Object.keys(sheets).length)
    keepBounded(
      store,
      KEY,
      { fills, marks, sheets } satisfies Stored,
      (kb, limit) =>
        `要标出的单元格太多、原有底色各不相同，工作簿设置里存不下它们的原样（约 ${kb} KB，上限 ${limit} KB）：请分几个工作表检查并标出`
    );
  else store.remove(KEY);
  store.remove(KEY_V2);
  await store.save();
}
