/**
 * Matches a grid against a list template (回头看细则, 任务清单): the header row by its
 * column labels, then each fixed item by its text, wherever its row ended up.
 */
import type { ListTemplate } from "../templates/schema";
import { normalizeLabel } from "../text";
import type { SheetText } from "./sheet-text";

export interface ListMatch {
  template: ListTemplate;
  headerRow: number;
  /** Grid column of each list column found. */
  columns: Map<string, number>;
  /** Grid row of each item found. */
  rows: Map<string, number>;
  missingItems: string[];
  coverage: number;
  band: { top: number; bottom: number; left: number; right: number };
}

/** Items are compared without their numbering: clerks renumber, retype and trim them. */
const itemKey = (text: string) => normalizeLabel(text).replace(/^(\d+[.、]|[(]\d+[)])+/, "");
const PREFIX = 8;

const keysCache = new WeakMap<ListTemplate, { key: string; text: string }[]>();

function itemTexts(t: ListTemplate) {
  let keys = keysCache.get(t);
  if (!keys) {
    const itemCol = t.columns.find((c) => c.role === "item")!.key;
    keys = t.items.map((it) => ({ key: it.key, text: itemKey(it.cells[itemCol] ?? "") }));
    keysCache.set(t, keys);
  }
  return keys;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The item a row's text stands for: the same text, else the longest shared opening (items repeat, e.g. 开展标准化专项执法检查). */
function whichItem(
  text: string,
  items: { key: string; text: string }[],
  taken: Set<string>
): string | undefined {
  let best: { key: string; n: number } | undefined;
  for (const it of items) {
    if (taken.has(it.key)) continue;
    if (it.text === text) return it.key;
    const n = commonPrefix(it.text, text);
    if (n >= Math.min(PREFIX, it.text.length) && (!best || n > best.n)) best = { key: it.key, n };
  }
  return best?.key;
}

const labelsCache = new WeakMap<ListTemplate, { key: string; labels: string[] }[]>();

export function columnLabels(t: ListTemplate) {
  let out = labelsCache.get(t);
  if (!out) {
    out = t.columns.map((c) => ({
      key: c.key,
      labels: [c.label, ...c.aliases].map(normalizeLabel),
    }));
    labelsCache.set(t, out);
  }
  return out;
}

export function matchList(sheet: SheetText, t: ListTemplate): ListMatch | undefined {
  // The header row: the row where most column labels are found.
  const byRow = new Map<number, Map<string, number>>();
  for (const { row, col: c, text } of sheet.labels) {
    if (text.length > 20) continue;
    let columns = byRow.get(row);
    if (!columns) byRow.set(row, (columns = new Map()));
    for (const col of columnLabels(t))
      if (!columns.has(col.key) && col.labels.some((l) => sheet.score(text, l) >= 0.9))
        columns.set(col.key, c);
  }
  let best: { row: number; columns: Map<string, number> } | undefined;
  for (const [row, columns] of byRow)
    if (
      columns.size >= 2 &&
      (!best ||
        columns.size > best.columns.size ||
        (columns.size === best.columns.size && row < best.row))
    )
      best = { row, columns };
  if (!best) return undefined;
  const itemCol = t.columns.find((c) => c.role === "item")!;
  const col = best.columns.get(itemCol.key);
  if (col === undefined) return undefined;
  const items = itemTexts(t);
  const rows = new Map<string, number>();
  const taken = new Set<string>();
  let bottom = best.row;
  for (let r = best.row + 1; r < sheet.rows; r++) {
    const text = sheet.own(r, col);
    if (!text) continue;
    const key = whichItem(itemKey(text), items, taken);
    if (key) {
      taken.add(key);
      rows.set(key, r);
      bottom = r;
    }
  }
  const cols = [...best.columns.values()];
  return {
    template: t,
    headerRow: best.row,
    columns: best.columns,
    rows,
    missingItems: t.items.filter((it) => !rows.has(it.key)).map((it) => it.key),
    coverage: rows.size / t.items.length,
    band: { top: best.row, bottom, left: Math.min(...cols), right: Math.max(...cols) },
  };
}
