/** Writes blank official layouts as worksheets, styled like the notice. */
import ExcelJS from "exceljs";
import type { Layout } from "../../rules/layout/blank-template";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const FONT = "宋体";

export function addLayoutSheet(
  wb: ExcelJS.Workbook,
  layout: Layout,
  name = layout.grid.name
): ExcelJS.Worksheet {
  // Printed like the notice: A4 landscape, one page wide.
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const { grid, header, body } = layout;
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    })
  );
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  ws.getRow(1).height = 36;
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  for (let r = header.top; r <= body.bottom; r++)
    for (let c = header.left; c <= header.right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10, bold: r <= header.bottom };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  for (const s of layout.shaded) ws.getCell(s.row + 1, s.col + 1).fill = SHADE;
  for (let r = body.bottom + 1; r < grid.values.length; r++) {
    const cell = ws.getCell(r + 1, 1);
    cell.font = { name: FONT, size: 9 };
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r + 1).height = 60;
  }
  if (header.top > 1) ws.getCell(header.top, 1).font = { name: FONT, size: 10 };
  return ws;
}

export async function layoutsToXlsx(layouts: Layout[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const l of layouts) addLayoutSheet(wb, l);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
