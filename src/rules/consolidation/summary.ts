/**
 * The summary sheet of a table: each data cell the sum of the children's cells holding the same
 * (unit type, column), found by recognition so children laid out differently still add up, as a
 * native formula with its value. A formula stays within Excel's limits (255 arguments, 8,192
 * characters): when the children's references would not fit, each child's cells are gathered
 * on a 明细 sheet (one row a child) and the summary sums its columns. Past MAX_COPIES children
 * srs consolidate writes no copies: the 明细 rows hold the children's numbers themselves.
 */
import { type CellValue, columnLetters, type Grid, toA1 } from "../grid";
import { blankTemplate, type Layout } from "../layout/blank-template";
import { numericValue } from "../number";
import type { Period } from "../period";
import { recognize, type TableRecognition } from "../recognize";
import { sheetRef } from "../sheet-names";
import { type Edit, stampEdits } from "../stamp";
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
  /**
   * One row a child: its unit, its sheet (with `values`, its file), then one cell a summary
   * cell: a reference to the child's cells, or with `values` the number alone (NaN: it has none).
   */
  rows: { unit: string; sheet: string; cells: { formula: string; value: number }[] }[];
  /** The rows hold the children's numbers: their reports are not in the workbook (summarizeNumbers). */
  values?: boolean;
}

export interface Summary {
  template: TableTemplate;
  sheet: string;
  layout: Layout;
  cells: SummaryCell[];
  /** The children summed (with a 明细 of `values`, their sheets are not in the workbook). */
  children: { sheet: string; origin: string; unit?: string }[];
  detail?: DetailSheet;
  /** The line under the table on a summary already in the workbook (incomplete.ts): its host writes it. */
  line?: Edit;
}

/** Excel: at most 255 arguments a function, 8,192 characters a formula. */
export const MAX_ARGUMENTS = 255;
export const MAX_FORMULA = 8192;

/**
 * srs consolidate copies each received table into the workbook up to this many (a township);
 * past it (a county, a prefecture) the workbook holds summaries, 汇总说明 and a 明细 of each
 * report's numbers and file, so that LibreOffice and WPS open and recalculate it in seconds: a
 * workbook of 1,000 copies took LibreOffice 107 s (docs/PERFORMANCE.md). Excel's 255 arguments
 * of a SUM: up to here the summary refers to the copies' own cells.
 */
export const MAX_COPIES = 255;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A cell the summary sums: one (row slot, number column) of the template. */
export interface SummaryPlace {
  row: number;
  col: number;
  slot: string;
  column: string;
  /** Its words as the 明细's column header: 村 · 执法检查›企业数. */
  words: string;
}

const places = new Map<string, SummaryPlace[]>();

/** Every cell the summary of a table sums, in order: the 明细's columns follow it. */
export function summaryPlaces(t: TableTemplate): SummaryPlace[] {
  const known = places.get(t.id);
  if (known) return known;
  const info = getTableInfo(t.id)!;
  const body = blankTemplate(t).body.top;
  const labelCols = t.rowHeader === null ? 0 : 1;
  const per = Math.max(1, t.subRows?.length ?? 0);
  const out: SummaryPlace[] = [];
  info.slots.forEach((slot, i) => {
    for (const leaf of info.leaves)
      if (
        leaf.kind === "number" &&
        !info.notApplicable(slot, leaf.key) &&
        !(leaf.perUnit && i % per > 0)
      )
        out.push({
          row: body + i,
          col: labelCols + leaf.index,
          slot: slot.key,
          column: leaf.key,
          words: `${slotWords(slot)} · ${leaf.path.join("›")}`,
        });
  });
  places.set(t.id, out);
  return out;
}

/** A child's cells for a summary cell: every filled line of an unlabelled table (统计表) goes into its one row. */
function cellsOf(rec: TableRecognition, p: SummaryPlace): { cell: string; value: number }[] {
  const col = rec.match.columns.get(p.column);
  if (col === undefined) return [];
  const out: { cell: string; value: number }[] = [];
  for (const line of linesOf(rec.info, p.slot)) {
    const r = rec.match.rows.get(line.key);
    if (r !== undefined)
      out.push({
        cell: toA1(rec.grid, r, col),
        value: numericValue(rec.grid.values[r]?.[col] ?? null) ?? 0,
      });
  }
  return out;
}

/**
 * A child's number for each of the summary's cells (summaryPlaces), its lines added; NaN where it
 * has no such cell. What srs consolidate keeps of a child whose copy is not written.
 */
export function childNumbers(rec: TableRecognition): Float64Array {
  const list = summaryPlaces(rec.template);
  const out = new Float64Array(list.length);
  list.forEach((p, j) => {
    const cells = cellsOf(rec, p);
    out[j] = cells.length ? round(cells.reduce((a, c) => a + c.value, 0)) : NaN;
  });
  return out;
}

/**
 * The summary sheet: the official blank, titled as a summary, stamped with the period and unit,
 * with an empty row right under the table for the line saying it is incomplete (incomplete.ts).
 */
function summaryLayout(t: TableTemplate, options: SummaryOptions): Layout {
  const layout = blankTemplate(t);
  layout.grid.values[0][0] = `${t.title}（汇总）`;
  const under = layout.body.bottom + 1;
  layout.grid.values.splice(
    under,
    0,
    layout.grid.values[0].map(() => null)
  );
  for (const m of layout.grid.merges)
    if (m.top >= under) {
      m.top++;
      m.bottom++;
    }
  if (options.period || options.unit) {
    const rec = recognize(layout.grid);
    // A table with no period (回头看统计表) still gets its 填报单位.
    if (rec.kind === "table")
      for (const e of stampEdits(rec, { period: options.period, profile: { unit: options.unit } }))
        (layout.grid.values[e.row] ??= [])[e.col] = e.value;
  }
  return layout;
}

const HEAD = 2;

/** A summary cell with the children's cells it adds; child: which of them (two tables on one sheet are two). */
interface Slot extends SummaryPlace {
  refs: { child: number; sheet: string; cell: string; value: number }[];
}

/** Each summary cell the sum of its 明细 column: rows HEAD+1 … HEAD+n. */
const columnSums = (
  used: SummaryPlace[],
  detail: string,
  n: number,
  value: (j: number) => number
) =>
  used.map((p, j) => {
    const col = columnLetters(2 + j);
    return {
      row: p.row,
      col: p.col,
      formula: `SUM(${sheetRef(detail, `${col}${HEAD + 1}:${col}${HEAD + n}`)})`,
      value: round(value(j)),
    };
  });

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
  const layout = summaryLayout(t, options);
  const slots: Slot[] = [];
  for (const p of summaryPlaces(t)) {
    const refs: Slot["refs"] = [];
    for (const [child, c] of children.entries())
      for (const x of cellsOf(c.recognition as TableRecognition, p))
        refs.push({ child, sheet: c.sheet, ...x });
    if (refs.length) slots.push({ ...p, refs });
  }
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
  // A child's several lines (统计表) add up in its one cell.
  const rows: DetailSheet["rows"] = children.map((c, i) => ({
    unit: unitOf(c),
    sheet: c.sheet,
    cells: slots.map((s) => {
      const own = s.refs.filter((r) => r.child === i);
      return {
        formula: own.map((r) => sheetRef(r.sheet, r.cell)).join("+"),
        value: round(own.reduce((a, r) => a + r.value, 0)),
      };
    }),
  }));
  const detail: DetailSheet = {
    sheet: detailName,
    head: [
      [`${t.shortTitle}汇总明细：每行一个单位，“${sheet}”各格是本表对应列之和`],
      ["填报单位", "工作表", ...slots.map((s) => s.words)],
    ],
    rows,
  };
  const cells = columnSums(slots, detailName, children.length, (j) => value(slots[j]));
  return { template: t, sheet, layout, children, cells, detail };
}

/** A child whose report is not written into the workbook: its numbers (childNumbers) and where it came from. */
export interface NumberedChild {
  sheet: string;
  origin: string;
  unit: string;
  /** Where its table is, for the reviewer: 1村.xlsx, or 1村.xlsx › Sheet2!A12:AB19. */
  source: string;
  numbers: Float64Array;
}

/**
 * The summary of children whose reports are not in the workbook (too many to attach): a 明细
 * row a child holding its numbers and its file, each summary cell its column's SUM.
 */
export function summarizeNumbers(
  t: TableTemplate,
  children: NumberedChild[],
  sheet: string,
  detailName: string,
  options: SummaryOptions = {}
): Summary {
  const all = summaryPlaces(t);
  // A cell no child has (none matched its row or column) is left blank, as summarize leaves it.
  const kept = all.flatMap((_, j) => (children.some((c) => !isNaN(c.numbers[j])) ? [j] : []));
  const used = kept.map((j) => all[j]);
  const rows: DetailSheet["rows"] = children.map((c) => ({
    unit: c.unit,
    sheet: c.source,
    cells: kept.map((j) => ({ formula: "", value: c.numbers[j] })),
  }));
  const detail: DetailSheet = {
    sheet: detailName,
    values: true,
    head: [
      [
        `${t.shortTitle}汇总明细：每行一份已汇总的报表（数值；报表本身未附在本工作簿，见“来源文件”），“${sheet}”各格是本表对应列之和`,
      ],
      ["填报单位", "来源文件", ...used.map((p) => p.words)],
    ],
    rows,
  };
  const total = (j: number) =>
    children.reduce((a, c) => a + (isNaN(c.numbers[kept[j]]) ? 0 : c.numbers[kept[j]]), 0);
  const cells = columnSums(used, detailName, children.length, total);
  return { template: t, sheet, layout: summaryLayout(t, options), children, cells, detail };
}

/**
 * A 明细 of numbers (summarizeNumbers) read back: every summary place of the table, and a row a
 * child holding its cell for each place (null where the 明细 has no such column).
 */
export function detailRows(
  grid: Grid,
  t: TableTemplate
): { places: SummaryPlace[]; rows: CellValue[][] } {
  const head = grid.values[HEAD - 1] ?? [];
  const places = summaryPlaces(t);
  const cols = places.map((p) => head.indexOf(p.words));
  return {
    places,
    rows: grid.values.slice(HEAD).map((r) => cols.map((c) => (c < 0 ? null : (r[c] ?? null)))),
  };
}

/** The 明细 sheet as a plain grid of values (the demo's in-memory workbook). */
export function detailValues(d: DetailSheet): Grid {
  return {
    name: d.sheet,
    values: [...d.head, ...d.rows.map((r) => [r.unit, r.sheet, ...r.cells.map((c) => c.value)])],
    merges: [],
  };
}
