/**
 * Writes text or numbers into a few cells of a saved .xlsx and leaves every other part and cell as
 * it was: srs stamp through exceljs lost the user's external links (=[1]Sheet1!A1 became #NAME?)
 * and HYPERLINK formulas. Text is written as an inline string, so no text turns into a number or
 * a date; a number as a number (srs check --fix). Each cell keeps its style.
 */
import { formStyle, setAcrossLines } from "./across-lines";
import {
  dropCalcChain,
  type Parts,
  partText,
  setPartText,
  sheetParts,
  unzipParts,
  xmlEncode,
  zipParts,
} from "./parts";
import { type CellAt, cellAddress, CellsNotWritable, editSheetCells } from "./sheet-cells";

export interface TextEdit {
  sheet: string;
  /** 0-based, from A1. */
  row: number;
  col: number;
  value: string;
  /** A line across the table: merged to this column, wrapped, its row this tall (points). */
  across?: { right: number; height: number };
}

/** Each sheet's part, in turn with its edits; the package packed again. */
function editSheets<E extends { sheet: string }>(
  xlsx: Uint8Array,
  edits: E[],
  edit: (parts: Parts, part: string, edits: E[]) => void
): Uint8Array {
  const parts = unzipParts(xlsx);
  const where = new Map(sheetParts(parts).map((s) => [s.name, s.part]));
  for (const sheet of new Set(edits.map((e) => e.sheet))) {
    const part = where.get(sheet);
    if (!part) throw new CellsNotWritable(`找不到工作表“${sheet}”的内容`);
    edit(
      parts,
      part,
      edits.filter((e) => e.sheet === sheet)
    );
  }
  return zipParts(parts);
}

export function writeTextCells(xlsx: Uint8Array, edits: TextEdit[]): Uint8Array {
  let formulaGone = false;
  let style: number | null | undefined;
  return editSheets(xlsx, edits, (parts, part, mine) => {
    const r = setCells(partText(parts, part)!, mine);
    const lines = mine.flatMap((e) => (e.across ? [{ row: e.row, col: e.col, ...e.across }] : []));
    if (lines.length) style ??= formStyle(parts) ?? null;
    setPartText(
      parts,
      part,
      lines.length ? setAcrossLines(r.xml, lines, style ?? undefined) : r.xml
    );
    if (r.formulaGone && !formulaGone) dropCalcChain(parts);
    formulaGone ||= r.formulaGone;
  });
}

export interface NumberEdit extends CellAt {
  sheet: string;
  value: number;
}

/**
 * Writes numbers over what a few cells hold (a number stored as text, 无, a blank), each cell
 * keeping its style; a cell holding a formula is left as it is and given back in `kept`.
 */
export function writeNumberCells(
  xlsx: Uint8Array,
  edits: NumberEdit[]
): { xlsx: Uint8Array; kept: NumberEdit[] } {
  const kept: NumberEdit[] = [];
  const out = editSheets(xlsx, edits, (parts, part, mine) =>
    setPartText(
      parts,
      part,
      editSheetCells(partText(parts, part)!, mine, (e, old, rowAttrs, p) => {
        if (old && /<(?:\w+:)?f\b/.test(old)) {
          kept.push(e);
          return old;
        }
        // A cell the sheet had keeps its style; a new one takes its row's, when the row has one.
        const style = old
          ? (/\ss="\d+"/.exec(old)?.[0] ?? "")
          : /\scustomFormat="(1|true)"/.test(rowAttrs)
            ? (/\ss="\d+"/.exec(rowAttrs)?.[0] ?? "")
            : "";
        return `<${p}c r="${cellAddress(e.row, e.col)}"${style}><${p}v>${e.value}</${p}v></${p}c>`;
      })
    )
  );
  return { xlsx: out, kept };
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
