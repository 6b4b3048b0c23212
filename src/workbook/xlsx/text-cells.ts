/**
 * Writes text into a few cells of a saved .xlsx and leaves every other part and cell as it was:
 * srs stamp through exceljs lost the user's external links (=[1]Sheet1!A1 became #NAME?) and
 * HYPERLINK formulas. Each cell is written as an inline string, so no text turns into a number or
 * a date, and keeps its style.
 */
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
import { cellAddress, CellsNotWritable, editSheetCells } from "./sheet-cells";

export interface TextEdit {
  sheet: string;
  /** 0-based, from A1. */
  row: number;
  col: number;
  value: string;
  /** A line across the table: merged to this column, wrapped, its row this tall (points). */
  across?: { right: number; height: number };
}

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

function setCells(xml: string, edits: TextEdit[]) {
  let formulaGone = false;
  const out = editSheetCells(xml, edits, (e, old, _, p) => {
    if (old && /<(?:\w+:)?f\b[^>]*\bref="/.test(old))
      throw new CellsNotWritable(
        `${cellAddress(e.row, e.col)} 是一组共享公式的首格，请先在 Excel 中改为普通内容`
      );
    if (old && /<(?:\w+:)?f\b/.test(old)) formulaGone = true;
    const style = old ? (/\ss="\d+"/.exec(old)?.[0] ?? "") : "";
    return `<${p}c r="${cellAddress(e.row, e.col)}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlEncode(e.value)}</${p}t></${p}is></${p}c>`;
  });
  return { xml: out, formulaGone };
}
