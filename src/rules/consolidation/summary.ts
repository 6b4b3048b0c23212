/**
 * The summary sheet of a table: each data cell the sum of the children's cells holding the same
 * (unit type, column), found by recognition so children laid out differently still add up, as a
 * native formula with its value. A formula stays within Excel's limits (255 arguments, 8,192
 * characters): when the children's references would not fit, each child's cells are gathered
 * on a 明细 sheet (one row a child) and the summary sums its columns.
 */
import { columnLetters, type Grid, toA1 } from "../grid";
import { blankTemplate, type Layout } from "../layout/blank-template";
import { numericValue } from "../number";
import type { Period } from "../period";
import { recognize, type TableRecognition } from "../recognize";
import { sheetRef } from "../sheet-names";
import { stampEdits } from "../stamp";
import { getTableInfo, linesOf, slotWords } from "../templates/catalog";
import type { TableTemplate } from "../templates/schema";
import { unitOf } from "../units/names";
import type { Source } from "./plan";

export interface SummaryCell {
  row: number;
  col: number;
  /** Excel formula without "=": SUM('1村'!C7,'2村'!D8). */
  formula: string;
  value: number;
}

/** Each child's cells, one row a child, when the summary's formulas would pass Excel's limits. */
export interface DetailSheet {
  sheet: string;
  /** Title and header rows (plain values). */
  head: (string | null)[][];
  /** One row a child: its unit, its sheet, then one reference a summary cell. */
  rows: { unit: string; sheet: string; cells: { formula: string; value: number }[] }[];
}

export interface Summary {
  template: TableTemplate;
  sheet: string;
  layout: Layout;
  cells: SummaryCell[];
  children: Source[];
  detail?: DetailSheet;
}

/** Excel: at most 255 arguments a function, 8,192 characters a formula. */
export const MAX_ARGUMENTS = 255;
export const MAX_FORMULA = 8192;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

interface Slot {
  row: number;
  col: number;
  words: string;
  /** child: which of the children (two tables on one sheet are two children). */
  refs: { child: number; sheet: string; cell: string; value: number }[];
}

export interface SummaryOptions {
  period?: Period;
  /** The consolidating unit (金淘镇): its summary's 填报单位, its report one level up. */
  unit?: string;
}

export function summarize(
  t: TableTemplate,
  children: Source[],
  sheet: string,
  detailName: string,
  options: SummaryOptions = {}
): Summary {
  const info = getTableInfo(t.id)!;
  const layout = blankTemplate(t);
  layout.grid.values[0][0] = `${t.title}（汇总）`;
  if (options.period || options.unit) {
    const rec = recognize(layout.grid);
    if (rec.kind === "table" && options.period)
      for (const e of stampEdits(rec, { period: options.period, profile: { unit: options.unit } }))
        (layout.grid.values[e.row] ??= [])[e.col] = e.value;
  }
  const labelCols = t.rowHeader === null ? 0 : 1;
  const per = Math.max(1, t.subRows?.length ?? 0);
  const slots: Slot[] = [];
  info.slots.forEach((slot, i) => {
    for (const leaf of info.leaves) {
      if (
        leaf.kind !== "number" ||
        info.notApplicable(slot, leaf.key) ||
        (leaf.perUnit && i % per > 0)
      )
        continue;
      const refs: Slot["refs"] = [];
      for (const [child, c] of children.entries()) {
        const rec = c.recognition as TableRecognition;
        const col = rec.match.columns.get(leaf.key);
        // Every filled line of an unlabelled table (统计表) goes into its one row.
        for (const line of linesOf(rec.info, slot.key)) {
          const r = rec.match.rows.get(line.key);
          if (r === undefined || col === undefined) continue;
          refs.push({
            child,
            sheet: c.sheet,
            cell: toA1(rec.grid, r, col),
            value: numericValue(rec.grid.values[r]?.[col] ?? null) ?? 0,
          });
        }
      }
      if (refs.length)
        slots.push({
          row: layout.body.top + i,
          col: labelCols + leaf.index,
          words: `${slotWords(slot)} · ${leaf.path.join("›")}`,
          refs,
        });
    }
  });
  const direct = slots.map((s) => `SUM(${s.refs.map((r) => sheetRef(r.sheet, r.cell)).join(",")})`);
  const fits = slots.every(
    (s, i) => s.refs.length <= MAX_ARGUMENTS && direct[i].length + 1 <= MAX_FORMULA
  );
  const value = (s: Slot) => round(s.refs.reduce((a, r) => a + r.value, 0));
  if (fits)
    return {
      template: t,
      sheet,
      layout,
      children,
      cells: slots.map((s, i) => ({ row: s.row, col: s.col, formula: direct[i], value: value(s) })),
    };

  // Too many children for one formula: a row a child on the 明细 sheet, a column a summary cell.
  const HEAD = 2;
  const last = HEAD + children.length;
  const rows: DetailSheet["rows"] = children.map((c) => ({
    unit: unitOf(c),
    sheet: c.sheet,
    cells: slots.map(() => ({ formula: "", value: 0 })),
  }));
  slots.forEach((s, j) => {
    for (const r of s.refs)
      rows[r.child].cells[j] = { formula: sheetRef(r.sheet, r.cell), value: r.value };
  });
  const detail: DetailSheet = {
    sheet: detailName,
    head: [
      [`${t.shortTitle}汇总明细：每行一个单位，“${sheet}”各格是本表对应列之和`],
      ["填报单位", "工作表", ...slots.map((s) => s.words)],
    ],
    rows,
  };
  const cells = slots.map((s, j) => {
    const col = columnLetters(2 + j);
    return {
      row: s.row,
      col: s.col,
      formula: `SUM(${sheetRef(detailName, `${col}${HEAD + 1}:${col}${last}`)})`,
      value: value(s),
    };
  });
  return { template: t, sheet, layout, children, cells, detail };
}

/** The 明细 sheet as a plain grid of values (the demo's in-memory workbook). */
export function detailValues(d: DetailSheet): Grid {
  return {
    name: d.sheet,
    values: [...d.head, ...d.rows.map((r) => [r.unit, r.sheet, ...r.cells.map((c) => c.value)])],
    merges: [],
  };
}
