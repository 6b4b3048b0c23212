/**
 * What highlighting keeps in the document: each marked cell's original fill and the mark put
 * over it. Document settings are small and a check can flag thousands of cells, so they are
 * stored grouped: each distinct fill and mark once, then per sheet the cells sharing both —
 * about 5 bytes a cell instead of 90.
 */
import type { DocumentStore } from "./store";

const KEY = "srs.highlights.v2";

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
  fills: SavedFill[];
  marks: string[];
  /** sheet → [fill index, mark index, "A1,B2,…"] */
  sheets: Record<string, [number, number, string][]>;
}

export function loadSaved(store: DocumentStore): Saved {
  const stored = store.get<Stored>(KEY);
  const saved: Saved = new Map();
  for (const [sheet, groups] of Object.entries(stored?.sheets ?? {})) {
    const cells = new Map<string, { fill: SavedFill; mark: string }>();
    for (const [fill, mark, list] of groups)
      for (const cell of list.split(","))
        cells.set(cell, { fill: stored!.fills[fill], mark: stored!.marks[mark] });
    saved.set(sheet, cells);
  }
  return saved;
}

/** Keeps `saved` in the document (nothing at all once it is empty) and saves the document's settings. */
export async function storeSaved(store: DocumentStore, saved: Saved): Promise<void> {
  const fills: string[] = [];
  const marks: string[] = [];
  const index = (list: string[], key: string) => {
    const i = list.indexOf(key);
    return i >= 0 ? i : list.push(key) - 1;
  };
  const sheets: Stored["sheets"] = {};
  for (const [sheet, cells] of saved) {
    const groups = new Map<string, string[]>();
    for (const [cell, { fill, mark }] of cells) {
      const key = `${index(fills, JSON.stringify(fill))},${index(marks, mark)}`;
      const list = groups.get(key);
      if (list) list.push(cell);
      else groups.set(key, [cell]);
    }
    if (groups.size)
      sheets[sheet] = [...groups].map(([key, list]) => {
        const [fill, mark] = key.split(",").map(Number);
        return [fill, mark, list.join(",")];
      });
  }
  if (Object.keys(sheets).length)
    store.set(KEY, { fills: fills.map((f) => JSON.parse(f)), marks, sheets } satisfies Stored);
  else store.remove(KEY);
  await store.save();
}
