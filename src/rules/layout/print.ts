/**
 * How a form prints: the font, the size of each part, and row heights that fit the wrapped text.
 * Excel never auto-fits a merged cell (and LibreOffice keeps the height it is given), so the
 * height of every row is computed here from the text and the width it wraps in.
 */
import type { Grid, Merge } from "../grid";

/** 宋体 as the notice prints; LibreOffice on Linux substitutes a CJK font (Noto CJK) for it. */
export const FORM_FONT = { name: "宋体", family: 3, charset: 134 } as const;

export type Part = "title" | "line" | "header" | "body" | "notes";

/** Point sizes of the parts of a form. */
export const FORM_SIZES: Record<Part, number> = {
  title: 16,
  line: 10,
  header: 10,
  body: 10,
  notes: 9,
};

/**
 * How the cells of each part print: a table's cells (header, body) bordered, the title and the
 * header bold; a body column of text (a layout's topLeft columns: 汇总说明's) reads from its top left.
 */
export const FORM_STYLES: Record<
  Part | "text",
  { bold: boolean; horizontal: "left" | "center"; vertical: "top" | "center"; border: boolean }
> = {
  title: { bold: true, horizontal: "center", vertical: "center", border: false },
  line: { bold: false, horizontal: "left", vertical: "center", border: false },
  header: { bold: true, horizontal: "center", vertical: "center", border: true },
  body: { bold: false, horizontal: "center", vertical: "center", border: true },
  text: { bold: false, horizontal: "left", vertical: "top", border: true },
  notes: { bold: false, horizontal: "left", vertical: "top", border: false },
};

/** The grey of a cell the notice shades (not filled in). */
export const FORM_SHADE = "D9D9D9";

/** A4 landscape, one page wide, as many pages tall as it takes; margins in inches. */
export const FORM_PAGE = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
} as const;

/** The footer: page numbers (Excel's header/footer codes). */
export const FORM_FOOTER = "&C第 &P 页，共 &N 页";

/** The rows of a form, by part: the title row, header lines, column header, body, notes below. */
export interface FormRows {
  header: { top: number; bottom: number };
  body: { top: number; bottom: number };
}

export function partOf(rows: FormRows, row: number): Part {
  if (row === 0) return "title";
  if (row < rows.header.top) return "line";
  if (row <= rows.header.bottom) return "header";
  if (row <= rows.body.bottom) return "body";
  return "notes";
}

/** Width of a text in column-width units (the width of "0" in 11pt): a CJK character is two. */
function textUnits(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1.1;
  return (units * size) / 10.5;
}

/** Lines the text takes wrapped in a cell this many units wide. */
export function wrappedLines(text: string, width: number, size: number): number {
  const usable = Math.max(1, width - 1.2);
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line, size) / usable)), 0);
}

/** Points a row of this many lines needs (CJK fonts set lines at about 1.4 em). */
const heightFor = (lines: number, size: number) => Math.ceil(lines * size * 1.45 + 6);

/** Points a row needs for this text wrapped in this many units. */
export const textHeight = (text: string, width: number, size: number) =>
  heightFor(wrappedLines(text, width, size), size);

/**
 * Height in points of each row of the grid, every text wrapped in its merged width: a text
 * merged over several rows shares its height among them, what a row lacks split evenly.
 */
export function rowHeights(grid: Grid, widths: number[], rows: FormRows): number[] {
  const mergeAt = new Map<string, Merge>();
  for (const m of grid.merges) mergeAt.set(`${m.top},${m.left}`, m);
  const heights = grid.values.map((_, r) => heightFor(1, FORM_SIZES[partOf(rows, r)]));
  const tall: { m: Merge; need: number }[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const m = mergeAt.get(`${r},${c}`) ?? { top: r, left: c, bottom: r, right: c };
      let width = 0;
      for (let k = m.left; k <= m.right; k++) width += widths[k] ?? 9;
      const size = FORM_SIZES[partOf(rows, r)];
      const need = textHeight(String(v), width, size);
      if (m.bottom === m.top) heights[r] = Math.max(heights[r], need);
      else tall.push({ m, need });
    })
  );
  for (const { m, need } of tall) {
    let have = 0;
    for (let r = m.top; r <= m.bottom; r++) have += heights[r];
    const add = Math.ceil((need - have) / (m.bottom - m.top + 1));
    if (add > 0) for (let r = m.top; r <= m.bottom; r++) heights[r] += add;
  }
  return heights;
}

/**
 * Lines above and below the table that are not merged yet (a stamped 统计口径, 汇总说明's
 * counts): each spans the table, so it wraps within the printed width.
 */
export function spanLines(
  grid: Grid,
  table: { top: number; bottom: number; left: number; right: number }
): Merge[] {
  const merged = new Set(grid.merges.map((m) => m.top));
  return grid.values.flatMap((row, r) => {
    if ((r >= table.top && r <= table.bottom) || merged.has(r)) return [];
    const filled = row.flatMap((v, c) => (v === null || v === "" ? [] : [c]));
    return filled.length === 1 && filled[0] === table.left && table.right > table.left
      ? [{ top: r, left: table.left, bottom: r, right: table.right }]
      : [];
  });
}

/** How a copy of a filled sheet prints: column widths from its text, row heights, its lines. */
export interface CopyForm {
  widths: number[];
  heights: number[];
  /** Rows of one text (title, header lines, notes): printed as lines, not bordered cells. */
  lines: Set<number>;
  /** The title: the first line, above the table, printed centred and bold. */
  title?: number;
  /** Merged areas the lines take across the table. */
  spans: Merge[];
}

/**
 * A child's sheet printed as a form. Its own widths and heights are kept (its own formatting, even
 * where a wrapped text would need a taller row); any other column is as wide as its unmerged text
 * (6–14), any other row fits its text.
 */
export function copyForm(grid: Grid): CopyForm {
  const across = new Set<string>();
  for (const m of grid.merges)
    if (m.right > m.left) for (let r = m.top; r <= m.bottom; r++) across.add(`${r},${m.left}`);
  const widths: number[] = [];
  const single = new Set<number>();
  const table: number[] = [];
  grid.values.forEach((row, r) => {
    let filled = 0;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      filled++;
      const units = typeof v === "string" && !across.has(`${r},${c}`) ? textUnits(v, 10) + 1.5 : 6;
      widths[c] = Math.max(widths[c] ?? 6, Math.min(14, units));
    });
    if (filled === 1 && typeof row.find((v) => v !== null && v !== "") === "string") single.add(r);
    else if (filled > 1) table.push(r);
  });
  // A row inside the table is a table row, bordered, even with its label alone (the unit type
  // a village did not fill, left empty): only the rows above and below it are lines.
  const lines = new Set([...single].filter((r) => !(r > table[0] && r < table[table.length - 1])));
  const first = grid.values.findIndex((row) => row.some((v) => v !== null && v !== ""));
  const title = lines.has(first) && first < (table[0] ?? Infinity) ? first : undefined;
  const cols = Math.max(0, ...grid.values.map((r) => r.length));
  const full = Array.from(
    { length: cols },
    (_, c) => grid.widths?.[c] ?? Math.ceil(widths[c] ?? 6)
  );
  // A line wraps across the table, merged over the empty cells beside it: text running past
  // the table would widen what prints.
  const spans = spanLines(grid, { top: -1, bottom: -1, left: 0, right: cols - 1 }).filter((m) =>
    lines.has(m.top)
  );
  const fit = rowHeights({ ...grid, merges: [...grid.merges, ...spans] }, full, {
    header: { top: 0, bottom: -1 },
    body: { top: 0, bottom: grid.values.length },
  });
  const heights = fit.map((h, r) => grid.heights?.[r] ?? h);
  return { widths: full, heights, lines, spans, title };
}
