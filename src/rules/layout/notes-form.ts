/**
 * 汇总说明 (consolidation/notes.ts) as a printed form: its table is the first row of several
 * cells and the rows of its width below; the lines above and below span it and wrap.
 */
import type { Grid } from "../grid";
import type { Layout } from "./blank-template";
import { INCOMPLETE } from "../consolidation/incomplete";

const WIDTHS = [14, 8, 14, 16, 20, 8, 9, 48];

export function notesForm(grid: Grid): Layout {
  const cells = (r: number) => (grid.values[r] ?? []).filter((v) => v !== null && v !== "").length;
  const top = Math.max(
    0,
    grid.values.findIndex((_, r) => cells(r) > 1)
  );
  const width = grid.values[top]?.length || WIDTHS.length;
  let bottom = top;
  while ((grid.values[bottom + 1]?.length ?? 0) >= width) bottom++;
  // 本汇总不完整 (consolidation/incomplete.ts), printed bold and red like the summaries' line.
  const alert = grid.values.findIndex(
    (r, i) => i < top && typeof r[0] === "string" && r[0].startsWith(INCOMPLETE)
  );
  return {
    grid,
    ...(alert >= 0 && { alert }),
    shaded: [],
    header: { top, bottom: top, left: 0, right: width - 1 },
    body: { top: top + 1, bottom },
    widths: WIDTHS.slice(0, width),
    topLeft: WIDTHS.map((_, i) => i),
  };
}
