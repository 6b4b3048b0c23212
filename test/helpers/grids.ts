/** Grid surgery for tests: what clerks do to official tables, done reproducibly. */
import type { CellValue, Grid, Merge } from "../../src/rules/grid";

export function clone(g: Grid): Grid {
  return { ...g, values: g.values.map((r) => [...r]), merges: g.merges.map((m) => ({ ...m })) };
}

/** The project's seeded generator (mulberry32), so a failing case reproduces. */
export { seeded as rng } from "../../src/rules/sample/filled";

export function setCell(g: Grid, row: number, col: number, v: CellValue): void {
  while (g.values.length <= row) g.values.push([]);
  const r = g.values[row];
  while (r.length < col) r.push(null);
  r[col] = v;
}

/** Moves the whole sheet down and right. */
export function shift(g: Grid, rows: number, cols: number): Grid {
  const out = clone(g);
  out.values = [
    ...Array.from({ length: rows }, () => []),
    ...out.values.map((r) => [...Array(cols).fill(null), ...r]),
  ];
  out.merges = out.merges.map((m) => ({
    top: m.top + rows,
    bottom: m.bottom + rows,
    left: m.left + cols,
    right: m.right + cols,
  }));
  return out;
}

/** Deletes rows [from, from+count). */
export function deleteRows(g: Grid, from: number, count = 1): Grid {
  const out = clone(g);
  out.values.splice(from, count);
  out.merges = out.merges
    .filter(
      (m) => m.bottom < from || m.top >= from + count || m.top < from || m.bottom >= from + count
    )
    .map((m) => adjust(m, from, count, "row"))
    .filter((m): m is Merge => m !== undefined);
  return out;
}

/** Deletes columns [from, from+count). */
export function deleteColumns(g: Grid, from: number, count = 1): Grid {
  const out = clone(g);
  out.values = out.values.map((r) => r.filter((_, c) => c < from || c >= from + count));
  out.merges = out.merges
    .map((m) => adjust(m, from, count, "col"))
    .filter((m): m is Merge => m !== undefined);
  return out;
}

function adjust(m: Merge, from: number, count: number, axis: "row" | "col"): Merge | undefined {
  const [lo, hi] = axis === "row" ? [m.top, m.bottom] : [m.left, m.right];
  const to = from + count - 1;
  const map = (i: number) => (i < from ? i : i > to ? i - count : undefined);
  let a = map(lo);
  let b = map(hi);
  if (a === undefined && b === undefined) {
    if (lo >= from && hi <= to) return undefined;
    a = from;
    b = hi - count;
  } else if (a === undefined) a = from;
  else if (b === undefined) b = from - 1;
  if (b! < a!) return undefined;
  return axis === "row" ? { ...m, top: a!, bottom: b! } : { ...m, left: a!, right: b! };
}

/** Applies f to every text cell within rows [top, bottom]. */
export function mapText(
  g: Grid,
  top: number,
  bottom: number,
  f: (s: string, row: number, col: number) => string
): Grid {
  const out = clone(g);
  for (let r = top; r <= bottom && r < out.values.length; r++)
    out.values[r] = out.values[r].map((v, c) => (typeof v === "string" ? f(v, r, c) : v));
  return out;
}

/** Word-paste damage: spaces and line breaks between characters, vertical or ASCII brackets. */
export function wordPaste(text: string, rand: () => number): string {
  let s = text.replace(/（/g, rand() < 0.5 ? "︵" : "(").replace(/）/g, rand() < 0.5 ? "︶" : ")");
  if (s.length > 1 && rand() < 0.6) s = [...s].join(rand() < 0.5 ? " " : "\n");
  else if (rand() < 0.5) s = ` ${s}\n`;
  return s;
}

/** Removes the unit in brackets from a label ("企业数量（家）" → "企业数量"). */
export const stripUnit = (text: string) => text.replace(/[（(︵][^（）()︵︶]*[）)︶]$/, "");

/** Drops merged areas inside rows [top, bottom], leaving values in their top-left cells. */
export function unmerge(g: Grid, top: number, bottom: number): Grid {
  const out = clone(g);
  out.merges = out.merges.filter((m) => m.bottom < top || m.top > bottom);
  return out;
}

/** Fills every blank cell of a rectangle with a number. */
export function fillNumbers(
  g: Grid,
  top: number,
  bottom: number,
  left: number,
  right: number,
  rand: () => number
): Grid {
  const out = clone(g);
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++)
      if ((out.values[r]?.[c] ?? null) === null) setCell(out, r, c, Math.floor(rand() * 50));
  return out;
}

/** Swaps two row blocks [a, a+n) and [b, b+n) (values only; merges inside the label column move along). */
export function swapRowBlocks(g: Grid, a: number, b: number, n: number): Grid {
  const out = clone(g);
  for (let i = 0; i < n; i++)
    [out.values[a + i], out.values[b + i]] = [out.values[b + i], out.values[a + i]];
  out.merges = out.merges.map((m) => {
    if (m.top >= a && m.bottom < a + n)
      return { ...m, top: m.top - a + b, bottom: m.bottom - a + b };
    if (m.top >= b && m.bottom < b + n)
      return { ...m, top: m.top - b + a, bottom: m.bottom - b + a };
    return m;
  });
  return out;
}

/** Inserts a row before `at`, holding `values`; merges below move down. */
export function insertRow(g: Grid, at: number, values: CellValue[]): Grid {
  const out = clone(g);
  out.values.splice(at, 0, [...values]);
  out.merges = out.merges.map((m) =>
    m.top >= at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m
  );
  return out;
}

/** Rows [from, to] pasted again right under themselves, `times` more times (their merges too). */
export function repeatRows(g: Grid, from: number, to: number, times = 1): Grid {
  const out = clone(g);
  const n = to - from + 1;
  const copy = out.values.slice(from, to + 1);
  const inside = out.merges.filter((m) => m.top >= from && m.bottom <= to);
  out.values.splice(
    to + 1,
    0,
    ...Array.from({ length: times }, () => copy.map((r) => [...r])).flat()
  );
  out.merges = [
    ...out.merges.map((m) =>
      m.top > to ? { ...m, top: m.top + n * times, bottom: m.bottom + n * times } : m
    ),
    ...Array.from({ length: times }, (_, k) =>
      inside.map((m) => ({ ...m, top: m.top + n * (k + 1), bottom: m.bottom + n * (k + 1) }))
    ).flat(),
  ];
  return out;
}
