/** Writes grids, summaries and layouts into one .xlsx. Text is always text: "=x" stays a string. */
import ExcelJS from "exceljs";
import { notesForm } from "../../rules/layout/notes-form";
import type { DetailSheet, Summary } from "../../rules/consolidation/summary";
import type { Grid } from "../../rules/grid";
import { addAddinReference } from "../addin-part";
import { addGridSheet } from "./grid-sheet";
import { type Parts, unzipParts, zipParts } from "./parts";
import { addPlainSheets, type PlainSheet } from "./sheet-xml";
import { addLayoutSheet } from "./write-layout";

export { addGridSheet };

/** The summary in its official layout, each data cell a formula (with its value cached), or the value alone. */
export function addSummarySheet(
  wb: ExcelJS.Workbook,
  s: Summary,
  values: boolean
): ExcelJS.Worksheet {
  const ws = addLayoutSheet(wb, s.layout, s.sheet);
  for (const c of s.cells)
    ws.getCell(c.row + 1, c.col + 1).value = values
      ? c.value
      : { formula: c.formula, result: c.value };
  return ws;
}

/** 汇总说明, printed as a form (notesForm): title and lines across the table, the table bordered. */
export function addNotesSheet(wb: ExcelJS.Workbook, notes: Grid): ExcelJS.Worksheet {
  return addLayoutSheet(wb, notesForm(notes));
}

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

/**
 * A workbook of the sheets `fill` adds (exceljs: styled, laid out), then the plain sheets: copies
 * of children and the 明细, thousands of rows for a large township, written directly as parts
 * (sheet-xml.ts: exceljs's cell model costs more than reading the children); `finish` may add
 * parts of its own. Packed once.
 */
export async function toXlsx(
  fill: (wb: ExcelJS.Workbook) => void,
  plain: PlainSheet[] = [],
  finish?: (parts: Parts) => void
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  fill(wb);
  // Stored, not deflated: the parts are deflated once, when the plain sheets are in.
  const parts = unzipParts(
    new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }))
  );
  addPlainSheets(parts, plain);
  finish?.(parts);
  return zipParts(parts);
}

/** What a township workbook holds (`srs consolidate`, and the page's 下载汇总工作簿). */
export interface Township {
  summaries: Summary[];
  notes: Grid;
  /** 单位名册, when the consolidation had one. */
  roster?: Grid;
  /** The children's copies, each printed as a form. */
  copies: Grid[];
  /** Other sheets, plain (in the page: a sheet that is no report, SRS's hidden 审核说明). */
  others?: Grid[];
  /** Summaries and 明细 hold values alone, no formulas (`--values`). */
  values?: boolean;
}

/**
 * The township workbook, the one way SRS writes it: each summary in its official layout with a
 * native SUM a cell (its value cached), 汇总说明 as a form, the roster, each 明细, then the copies;
 * carrying the add-in reference, so Excel with SRS installed opens its pane with it. `finish` may
 * change the parts last (hide a sheet).
 */
export function townshipXlsx(t: Township, finish?: (parts: Parts) => void): Promise<Uint8Array> {
  const values = t.values === true;
  return toXlsx(
    (wb) => {
      for (const s of t.summaries) addSummarySheet(wb, s, values);
      addNotesSheet(wb, t.notes);
      if (t.roster) addGridSheet(wb, t.roster);
    },
    [
      ...t.summaries.flatMap((s) => (s.detail ? [detailSheet(s.detail, values)] : [])),
      ...t.copies.map((grid) => ({ grid, form: true })),
      ...(t.others ?? []).map((grid) => ({ grid })),
    ],
    (parts) => {
      addAddinReference(parts);
      finish?.(parts);
    }
  );
}
