/**
 * Edits a few cells of a saved sheet's XML and leaves every other row and cell as it was: the one
 * way SRS writes into a user's own sheet part (stamped text, a marked copy's cell styles).
 */
import { columnLetters } from "../../rules/grid";

export class CellsNotWritable extends Error {}

/** A cell to write, 0-based from A1. */
export interface CellAt {
  row: number;
  col: number;
}

export const cellAddress = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
export const colOf = (letters: string) =>
  [...letters].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const ROW = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const rowOf = (attrs: string) => Number(/\sr="(\d+)"/.exec(attrs)?.[1] ?? NaN);

/**
 * The sheet XML with each edit's cell replaced by what `write` gives for it: `old` is the cell's
 * XML (undefined when the sheet has no such cell), `rowAttrs` its row's attributes ("" for a row
 * the sheet lacks). `p` is the sheet's namespace prefix, for the cell `write` returns.
 */
export function editSheetCells<E extends CellAt>(
  xml: string,
  edits: E[],
  write: (e: E, old: string | undefined, rowAttrs: string, p: string) => string
): string {
  const data = /<((?:\w+:)?)sheetData\b[^>]*?(\/>|>([\s\S]*?)<\/\1sheetData>)/.exec(xml);
  if (!data) throw new CellsNotWritable("工作表内容不完整");
  const p = data[1];
  const byRow = new Map<number, E[]>();
  for (const e of edits) byRow.set(e.row + 1, [...(byRow.get(e.row + 1) ?? []), e]);
  const rows: { n: number; text: string }[] = [];
  for (const m of (data[3] ?? "").matchAll(ROW)) {
    const n = rowOf(m[2]);
    // Rows and cells without their number are legal but never written by Excel or WPS.
    if (Number.isNaN(n)) throw new CellsNotWritable("工作表的行没有编号，无法只改其中几格");
    const want = byRow.get(n);
    if (!want) {
      rows.push({ n, text: m[0] });
      continue;
    }
    byRow.delete(n);
    const cells: { col: number; text: string }[] = [];
    for (const c of (m[3] ?? "").matchAll(CELL)) {
      const ref = /\sr="([A-Z]+)\d+"/.exec(c[2])?.[1];
      if (!ref) throw new CellsNotWritable("工作表的单元格没有编号，无法只改其中几格");
      cells.push({ col: colOf(ref), text: c[0] });
    }
    for (const e of want) {
      const at = cells.findIndex((c) => c.col >= e.col);
      const old = at >= 0 && cells[at].col === e.col ? cells[at].text : undefined;
      const text = write(e, old, m[2], p);
      if (old) cells[at].text = text;
      else cells.splice(at < 0 ? cells.length : at, 0, { col: e.col, text });
    }
    // spans is a hint of the row's cell range, which a new cell may pass.
    const attrs = m[2].replace(/\sspans="[^"]*"/, "");
    rows.push({ n, text: `<${p}row${attrs}>${cells.map((c) => c.text).join("")}</${p}row>` });
  }
  for (const [n, want] of byRow) {
    const cells = [...want].sort((a, b) => a.col - b.col).map((e) => write(e, undefined, "", p));
    rows.push({ n, text: `<${p}row r="${n}">${cells.join("")}</${p}row>` });
  }
  rows.sort((a, b) => a.n - b.n);
  const body = `<${p}sheetData>${rows.map((r) => r.text).join("")}</${p}sheetData>`;
  return xml.slice(0, data.index) + body + xml.slice(data.index + data[0].length);
}
