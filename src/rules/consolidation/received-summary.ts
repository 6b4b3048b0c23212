/**
 * A township's workbook received one level up (DOMAIN.md, third round): its summary is that
 * township's report and is summed as it stands, whether SRS made the workbook or a clerk did. When
 * the summary no longer equals the sum of the units' tables it came with (a SUM replaced by a typed
 * number, a total someone made by hand), the reviewer is told which cells differ. The sum is the
 * summary's own arithmetic (summary.ts): the same (unit type, column) of every part, every filled
 * line of an unlabelled table into its one row.
 */
import { toA1 } from "../grid";
import { numericValue } from "../number";
import type { TableRecognition } from "../recognize";
import { getTableInfo, linesOf } from "../templates/catalog";

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const SHOWN = 5;

/** "汇总表与其所附明细不符（K7：39，明细合计 33）", or undefined when every cell agrees. */
export function summaryMismatch(
  summary: TableRecognition,
  parts: TableRecognition[]
): string | undefined {
  const t = summary.template;
  const info = getTableInfo(t.id)!;
  const per = Math.max(1, t.subRows?.length ?? 0);
  const found: string[] = [];
  info.slots.forEach((slot, i) => {
    const row = summary.match.rows.get(slot.key);
    if (row === undefined) return;
    for (const leaf of info.leaves) {
      const col = summary.match.columns.get(leaf.key);
      if (
        col === undefined ||
        leaf.kind !== "number" ||
        info.notApplicable(slot, leaf.key) ||
        (leaf.perUnit && i % per > 0)
      )
        continue;
      let sum = 0;
      for (const p of parts) {
        const c = p.match.columns.get(leaf.key);
        for (const line of linesOf(p.info, slot.key)) {
          const r = p.match.rows.get(line.key);
          if (r !== undefined && c !== undefined)
            sum += numericValue(p.grid.values[r]?.[c] ?? null) ?? 0;
        }
      }
      const shown = numericValue(summary.grid.values[row]?.[col] ?? null) ?? 0;
      if (Math.abs(shown - sum) > 1e-6)
        found.push(`${toA1(summary.grid, row, col)}：${round(shown)}，明细合计 ${round(sum)}`);
    }
  });
  if (!found.length) return undefined;
  const more = found.length > SHOWN ? `等 ${found.length} 格` : "";
  return `汇总表与其所附明细不符（${found.slice(0, SHOWN).join("；")}${more}）`;
}
