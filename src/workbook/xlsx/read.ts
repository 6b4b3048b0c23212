/** Reads an .xlsx into grids, one per worksheet. */
import ExcelJS from "exceljs";
import type { Grid, Merge } from "../../rules/grid";
import { fromA1 } from "../../rules/grid";
import { plainValue } from "./cells";
import { sniffWorkbook, UnreadableFile } from "./sniff";

function parseRange(range: string): Merge {
  const [a, b = a] = range.split(":");
  const p = fromA1(a);
  const q = fromA1(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: Grid["values"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: Grid["values"][number] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      out[colNumber - 1] = plainValue(cell.value);
    });
    values[rowNumber - 1] = Array.from(out, (v) => (v === undefined ? null : v));
  });
  const dense = Array.from(values, (r) => r ?? []);
  const merges = (ws.model.merges ?? []).map(parseRange);
  return { name: ws.name, values: dense, merges };
}

export async function loadWorkbook(
  buf: Uint8Array,
  name = "workbook.xlsx"
): Promise<ExcelJS.Workbook> {
  sniffWorkbook(buf, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile("文件已损坏或不是完整的 .xlsx 工作簿，无法读取");
  }
  return wb;
}

export async function readGrids(buf: Uint8Array, name?: string): Promise<Grid[]> {
  const wb = await loadWorkbook(buf, name);
  return wb.worksheets.map(worksheetToGrid);
}
