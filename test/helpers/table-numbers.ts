/** A recognized table's numbers, keyed so two tables of one template compare cell by cell. */
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import { recognize, type TableRecognition } from "../../src/rules/recognize";

/**
 * slot|leaf → value of the sheet's (first) table, read the way a reviewer would: its number
 * columns (not a label column such as 评级), a blank or text cell as 0.
 */
export function tableNumbers(grid: Grid): Map<string, number> {
  const rec = recognize(grid) as TableRecognition;
  const out = new Map<string, number>();
  for (const [slot, r] of rec.match.rows)
    for (const [leaf, c] of rec.match.columns)
      if (rec.info.leafByKey.get(leaf)?.kind === "number")
        out.set(`${slot}|${leaf}`, numericValue(grid.values[r]?.[c] ?? null) ?? 0);
  return out;
}
