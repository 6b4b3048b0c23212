/** Several report tables on one sheet, as clerks paste them: one under the other, or side by side. */
import type { CellValue, Grid } from "../../src/rules/grid";

const width = (g: Grid) =>
  Math.max(0, ...g.values.map((r) => r.length), ...g.merges.map((m) => m.right + 1));

/** `b` pasted `gap` empty rows under `a`. */
export function stacked(a: Grid, b: Grid, gap = 1, name = a.name): Grid {
  const at = a.values.length + gap;
  return {
    name,
    values: [
      ...a.values.map((r) => [...r]),
      ...Array.from({ length: gap }, (): CellValue[] => []),
      ...b.values.map((r) => [...r]),
    ],
    merges: [
      ...a.merges.map((m) => ({ ...m })),
      ...b.merges.map((m) => ({ ...m, top: m.top + at, bottom: m.bottom + at })),
    ],
  };
}

/** `b` pasted `gap` empty columns right of `a`. */
export function beside(a: Grid, b: Grid, gap = 1, name = a.name): Grid {
  const at = width(a) + gap;
  const rows = Math.max(a.values.length, b.values.length);
  const values = Array.from({ length: rows }, (_, r) => {
    const left: CellValue[] = [...(a.values[r] ?? [])];
    while (left.length < at) left.push(null);
    return [...left, ...(b.values[r] ?? [])];
  });
  return {
    name,
    values,
    merges: [
      ...a.merges.map((m) => ({ ...m })),
      ...b.merges.map((m) => ({ ...m, left: m.left + at, right: m.right + at })),
    ],
  };
}

/** Only the table itself (header and data rows), as when a clerk copies the table and not its title or notes. */
export function tableOnly(g: Grid, top: number, bottom: number): Grid {
  return {
    name: g.name,
    values: g.values.slice(top, bottom + 1).map((r) => [...r]),
    merges: g.merges
      .filter((m) => m.top >= top && m.bottom <= bottom)
      .map((m) => ({ ...m, top: m.top - top, bottom: m.bottom - top })),
  };
}

/** Every number of a grid moved by `by`, so two planted tables' markers differ. */
export function offsetNumbers(g: Grid, by: number): Grid {
  return { ...g, values: g.values.map((r) => r.map((v) => (typeof v === "number" ? v + by : v))) };
}
