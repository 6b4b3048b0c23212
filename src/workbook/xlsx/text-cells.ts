/**
 * Writes text into a few cells of a saved .xlsx and leaves every other part and cell as it was:
 * srs stamp through exceljs lost the user's external links (=[1]Sheet1!A1 became #NAME?) and
 * HYPERLINK formulas. Each cell is written as an inline string, so no text turns into a number or
 * a date, and keeps its style.
 */
import { columnLetters } from "../../rules/grid";
import { formStyle, setAcrossLines } from "./across-lines";
import {
  dropCalcChain,
  partText,
  setPartText,
  sheetParts,
  unzipParts,
  xmlEncode,
  zipParts,
} from "./parts";

export interface TextEdit {
  sheet: string;
  /** 0-based, from A1. */
  row: number;
  col: number;
  value: string;
  /** A line across the table: merged to this column, wrapped, its row this tall (points). */
  across?: { right: number; height: number };
}

const cellAddress = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

export class CellsNotWritable extends Error {}

export function writeTextCells(xlsx: Uint8Array, edits: TextEdit[]): Uint8Array {
  const parts = unzipParts(xlsx);
  const where = new Map(sheetParts(parts).map((s) => [s.name, s.part]));
  let formulaGone = false;
  let style: number | null | undefined;
  for (const sheet of new Set(edits.map((e) => e.sheet))) {
    const part = where.get(sheet);
    if (!part) throw new CellsNotWritable(`找不到工作表“${sheet}”的内容`);
    const r = setCells(
      partText(parts, part)!,
      edits.filter((e) => e.sheet === sheet)
    );
    const lines = edits.flatMap((e) =>
      e.sheet === sheet && e.across ? [{ row: e.row, col: e.col, ...e.across }] : []
    );
    if (lines.length) style ??= formStyle(parts) ?? null;
    setPartText(
      parts,
      part,
      lines.length ? setAcrossLines(r.xml, lines, style ?? undefined) : r.xml
    );
    formulaGone ||= r.formulaGone;
  }
  if (formulaGone) dropCalcChain(parts);
  return zipParts(parts);
}

const ROW = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const rowOf = (attrs: string) => Number(/\sr="(\d+)"/.exec(attrs)?.[1] ?? NaN);

function setCells(xml: string, edits: TextEdit[]) {
  const data = /<((?:\w+:)?)sheetData\b[^>]*?(\/>|>([\s\S]*?)<\/\1sheetData>)/.exec(xml);
  if (!data) throw new CellsNotWritable("工作表内容不完整");
  const p = data[1];
  const byRow = new Map<number, TextEdit[]>();
  for (const e of edits) byRow.set(e.row + 1, [...(byRow.get(e.row + 1) ?? []), e]);
  let formulaGone = false;
  const cell = (e: TextEdit, style: string) =>
    `<${p}c r="${cellAddress(e.row, e.col)}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlEncode(e.value)}</${p}t></${p}is></${p}c>`;
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
      cells.push({
        col: [...ref].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1,
        text: c[0],
      });
    }
    for (const e of want) {
      const at = cells.findIndex((c) => c.col >= e.col);
      const old = at >= 0 && cells[at].col === e.col ? cells[at].text : undefined;
      if (old && /<(?:\w+:)?f\b[^>]*\bref="/.test(old))
        throw new CellsNotWritable(
          `${cellAddress(e.row, e.col)} 是一组共享公式的首格，请先在 Excel 中改为普通内容`
        );
      if (old && /<(?:\w+:)?f\b/.test(old)) formulaGone = true;
      const style = old ? (/\ss="\d+"/.exec(old)?.[0] ?? "") : "";
      const text = cell(e, style);
      if (old) cells[at].text = text;
      else cells.splice(at < 0 ? cells.length : at, 0, { col: e.col, text });
    }
    // spans is a hint of the row's cell range, which a new cell may pass.
    const attrs = m[2].replace(/\sspans="[^"]*"/, "");
    rows.push({ n, text: `<${p}row${attrs}>${cells.map((c) => c.text).join("")}</${p}row>` });
  }
  for (const [n, want] of byRow) {
    const cells = [...want].sort((a, b) => a.col - b.col).map((e) => cell(e, ""));
    rows.push({ n, text: `<${p}row r="${n}">${cells.join("")}</${p}row>` });
  }
  rows.sort((a, b) => a.n - b.n);
  const body = `<${p}sheetData>${rows.map((r) => r.text).join("")}</${p}sheetData>`;
  return {
    xml: xml.slice(0, data.index) + body + xml.slice(data.index + data[0].length),
    formulaGone,
  };
}
