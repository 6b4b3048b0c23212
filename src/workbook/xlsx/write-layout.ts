/** Writes blank official layouts as worksheets, styled and set up to print like the notice. */
import ExcelJS from "exceljs";
import { columnLetters } from "../../rules/grid";
import { blankTemplate, type Layout } from "../../rules/layout/blank-template";
import { type ConditionalMark, conditionalMarks, MARK_FILLS } from "../../rules/layout/conditional";
import { CLERK_MAY, unlockedCells } from "../../rules/layout/protection";
import { ownRowOnly } from "../../rules/layout/unit-rows";
import { type CellCheck, checkRanges, dataChecks } from "../../rules/layout/validation";
import type { Template } from "../../rules/templates/schema";
import {
  FORM_FONT,
  FORM_FOOTER,
  FORM_PAGE,
  FORM_SHADE,
  FORM_SIZES,
  FORM_STYLES,
  type Part,
  partOf,
  rowHeights,
  spanLines,
} from "../../rules/layout/print";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: `FF${FORM_SHADE}` },
};

const font = (part: Part): Partial<ExcelJS.Font> => ({
  ...FORM_FONT,
  size: FORM_SIZES[part],
  bold: FORM_STYLES[part].bold,
});

const align = (kind: Part | "text"): Partial<ExcelJS.Alignment> => ({
  horizontal: FORM_STYLES[kind].horizontal,
  vertical: FORM_STYLES[kind].vertical === "center" ? "middle" : "top",
  wrapText: true,
});

export function addLayoutSheet(
  wb: ExcelJS.Workbook,
  layout: Layout,
  name = layout.grid.name
): ExcelJS.Worksheet {
  const { grid, header } = layout;
  const { margins, ...page } = FORM_PAGE;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      ...page,
      margins,
      horizontalCentered: true,
      // The column header repeats on every printed page.
      printTitlesRow: `${header.top + 1}:${header.bottom + 1}`,
    },
    headerFooter: { oddFooter: FORM_FOOTER },
  });
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    })
  );
  // Lines not merged yet (a stamped 统计口径) span the table, to wrap within the printed width.
  const merges = [...grid.merges, ...spanLines(grid, { ...header, bottom: layout.body.bottom })];
  for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const heights = rowHeights({ ...grid, merges }, layout.widths, layout);
  heights.forEach((h, r) => (ws.getRow(r + 1).height = h));
  for (let r = 0; r < grid.values.length; r++) {
    const part = partOf(layout, r);
    const table = part === "header" || part === "body";
    // The title, header lines and notes span the table: their merged first cell carries the style.
    for (let c = header.left; c <= (table ? header.right : header.left); c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = font(part);
      cell.alignment = align(part === "body" && layout.topLeft.includes(c) ? "text" : part);
      if (FORM_STYLES[part].border) cell.border = BORDER;
    }
  }
  for (const s of layout.shaded) ws.getCell(s.row + 1, s.col + 1).fill = SHADE;
  return ws;
}

const at = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

/**
 * Data validation on a template's data cells (rules/layout/validation.ts): Excel, WPS and
 * LibreOffice refuse a wrong entry. One rule a rectangle, each cell in one (checkRanges): given
 * cell by cell, exceljs merged them into rectangles that overlapped.
 */
function addChecks(ws: ExcelJS.Worksheet, checks: CellCheck[]) {
  const list = (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const k of checkRanges(checks)) {
    const a = at(k.top, k.left);
    const ref = k.top === k.bottom && k.left === k.right ? a : `${a}:${at(k.bottom, k.right)}`;
    const common = {
      allowBlank: true,
      showInputMessage: true,
      prompt: k.message,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "填写有误",
      error: k.message,
    } as const;
    list.add(
      ref,
      k.decimals === 0
        ? { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [0] }
        : {
            ...common,
            type: "custom",
            // A number ≥ 0 with at most four decimals; relative to each cell of the range.
            formulae: [`AND(ISNUMBER(${a}),${a}>=0,ROUND(${a},4)=${a})`],
          }
    );
  }
}

/** Conditional formats (rules/layout/conditional.ts): blank data cells and broken identities show their fill. */
function addMarks(ws: ExcelJS.Worksheet, marks: ConditionalMark[]) {
  marks.forEach((m, i) => {
    const { top, left, bottom, right } = m.range;
    const argb = `FF${MARK_FILLS[m.kind]}`;
    ws.addConditionalFormatting({
      ref:
        top === bottom && left === right ? at(top, left) : `${at(top, left)}:${at(bottom, right)}`,
      rules: [
        {
          type: "expression",
          // A cell is never blank and broken at once: the order says nothing.
          priority: i + 1,
          formulae: [m.formula],
          // Readers differ on which colour a differential solid fill takes (fg or bg): both alike.
          style: {
            fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } },
          },
        },
      ],
    });
  });
}

/** Protection without a password (rules/layout/protection.ts): only the cells to fill are unlocked. */
function protect(ws: ExcelJS.Worksheet, cells: { row: number; col: number }[]) {
  for (const c of cells) ws.getCell(c.row + 1, c.col + 1).protection = { locked: false };
  // No password: exceljs writes no hash, so 撤销工作表保护 asks for none.
  void ws.protect("", { ...CLERK_MAY });
}

/**
 * Blank templates as a workbook, a sheet each, checking themselves while the clerk types. With
 * `ownRow` (a unit's type, 下发表样), a table's other rows hold 0, locked (layout/unit-rows.ts).
 */
export async function templatesToXlsx(templates: Template[], ownRow?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const t of templates) {
    const blank = blankTemplate(t);
    const layout =
      ownRow && t.kind === "table" && t.rows.some((r) => r.key === ownRow)
        ? ownRowOnly(t, blank, ownRow)
        : blank;
    const ws = addLayoutSheet(wb, layout);
    addChecks(ws, dataChecks(t, layout));
    addMarks(ws, conditionalMarks(t, layout));
    protect(ws, unlockedCells(t, layout));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function layoutsToXlsx(layouts: Layout[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const l of layouts) addLayoutSheet(wb, l);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
