/** Writes grids, summaries and layouts into one .xlsx. Text is always text: "=x" stays a string. */
import ExcelJS from "exceljs";
import type { DetailSheet, Summary } from "../../rules/consolidation/summary";
import type { Grid } from "../../rules/grid";
import { gridSheetXml, withSheets } from "./sheet-xml";
import { addLayoutSheet } from "./write-layout";

/** A plain copy of a sheet: values and merged areas. */
export function addGridSheet(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.name);
  const o = grid.origin ?? { row: 0, col: 0 };
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      // exceljs treats only { formula } objects as formulas: a child's "=…" text is written as text.
      if (v !== null) ws.getCell(r + o.row + 1, c + o.col + 1).value = v;
    })
  );
  for (const m of grid.merges)
    ws.mergeCells(m.top + o.row + 1, m.left + o.col + 1, m.bottom + o.row + 1, m.right + o.col + 1);
  return ws;
}

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

/** 汇总说明, in widths that print: the title bold, the long 说明 column wrapped. */
export function addNotesSheet(wb: ExcelJS.Workbook, notes: Grid): ExcelJS.Worksheet {
  const ws = addGridSheet(wb, notes);
  [16, 10, 14, 18, 22, 10, 9, 70].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { vertical: "top", wrapText: i === 7 };
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return ws;
}

/** The 明细 sheet: a row a child, each cell a reference to the child's cell (or its value alone). */
export function addDetailSheet(
  wb: ExcelJS.Workbook,
  d: DetailSheet,
  values: boolean
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(d.sheet);
  d.head.forEach((row, r) =>
    row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v))
  );
  d.rows.forEach((row, i) => {
    const r = d.head.length + i + 1;
    ws.getCell(r, 1).value = row.unit;
    ws.getCell(r, 2).value = row.sheet;
    row.cells.forEach((cell, j) => {
      if (cell.formula)
        ws.getCell(r, j + 3).value = values
          ? cell.value
          : { formula: cell.formula, result: cell.value };
    });
  });
  return ws;
}

/** A workbook of the sheets `fill` adds, then `copies`: plain copies of grids (values and merges). */
export async function toXlsx(
  fill: (wb: ExcelJS.Workbook) => void,
  copies: Grid[] = []
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  fill(wb);
  // Stored, not deflated: the parts are packed once, by zlib, when the copies are put in after
  // (written directly, sheet-xml.ts: exceljs's cell model costs more than reading the children).
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  return withSheets(
    bytes,
    copies.map((g) => ({ name: g.name, xml: gridSheetXml(g) }))
  );
}
