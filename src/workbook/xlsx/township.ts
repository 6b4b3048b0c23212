/**
 * The township workbook (`srs consolidate`, and the page's 下载汇总工作簿), written directly as
 * its parts: a new workbook (new-workbook.ts), every sheet through sheet-xml.ts, packed once.
 * No exceljs: loading it was half of a small consolidation's time, and its cell model the most
 * memory a large one took (docs/PERFORMANCE.md).
 */
import type { DetailSheet, Summary } from "../../rules/consolidation/summary";
import type { Grid } from "../../rules/grid";
import { notesForm } from "../../rules/layout/notes-form";
import { addAddinReference } from "../addin-part";
import { newWorkbook } from "./new-workbook";
import { type Deflater, type Parts, zipParts } from "./parts";
import { addPlainSheets, type PlainSheet } from "./sheet-xml";

/**
 * The 明细 sheet: a row a child, each cell a reference to the child's cells (or its value alone);
 * a 明细 of the children's numbers holds the numbers.
 */
export function detailSheet(d: DetailSheet, values: boolean): PlainSheet {
  const top = d.head.length;
  const number = (c: { formula: string; value: number }) =>
    (values && c.formula) || (d.values && !isNaN(c.value)) ? c.value : null;
  const grid: Grid = {
    name: d.sheet,
    values: [...d.head, ...d.rows.map((row) => [row.unit, row.sheet, ...row.cells.map(number)])],
    merges: [],
  };
  const formulas = values
    ? []
    : d.rows.flatMap((row, i) =>
        row.cells.flatMap((c, j) =>
          c.formula ? [{ row: top + i, col: j + 2, formula: c.formula, value: c.value }] : []
        )
      );
  return { grid, formulas };
}

/** What a township workbook holds (`srs consolidate`, and the page's 下载汇总工作簿). */
export interface Township {
  summaries: Summary[];
  notes: Grid;
  /** 单位名册, when the consolidation had one. */
  roster?: Grid;
  /** The children's copies, each printed as a form. */
  copies: Grid[];
  /** A copy's page header's left section by its name, in Excel's codes ("未汇总：…", incomplete.ts). */
  headers?: ReadonlyMap<string, string>;
  /** Other sheets, plain (in the page: a sheet that is no report, SRS's hidden 审核说明). */
  others?: Grid[];
  /** Summaries and 明细 hold values alone, no formulas (`--values`). */
  values?: boolean;
  /** A native deflate to pack with (the CLI's), else fflate's. */
  deflater?: Deflater;
}

/**
 * The township workbook, the one way SRS writes it: each summary in its official layout with a
 * native SUM a cell (its value cached), 汇总说明 as a form, the roster, each 明细, then the copies;
 * carrying the add-in reference, so Excel with SRS installed opens its pane with it. `finish` may
 * change the parts last (hide a sheet).
 */
export function townshipXlsx(t: Township, finish?: (parts: Parts) => void): Promise<Uint8Array> {
  const values = t.values === true;
  const parts = newWorkbook();
  addPlainSheets(parts, [
    ...t.summaries.map((s) => summarySheet(s, values)),
    { grid: t.notes, layout: notesForm(t.notes) },
    ...(t.roster ? [{ grid: t.roster }] : []),
    ...t.summaries.flatMap((s) => (s.detail ? [detailSheet(s.detail, values)] : [])),
    ...t.copies.map((grid) => ({ grid, form: true, header: t.headers?.get(grid.name) })),
    ...(t.others ?? []).map((grid) => ({ grid })),
  ]);
  addAddinReference(parts);
  finish?.(parts);
  return Promise.resolve(zipParts(parts, t.deflater));
}

/** The summary in its official layout, each data cell a formula (its value cached), or the value alone. */
function summarySheet(s: Summary, values: boolean): PlainSheet {
  const grid = { ...s.layout.grid, name: s.sheet };
  if (!values) return { grid, layout: s.layout, formulas: s.cells };
  const filled = grid.values.map((r) => [...r]);
  for (const c of s.cells) (filled[c.row] ??= [])[c.col] = c.value;
  return {
    grid: { ...grid, values: filled },
    layout: { ...s.layout, grid: { ...grid, values: filled } },
  };
}
