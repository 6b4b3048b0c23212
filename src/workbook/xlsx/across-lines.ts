/**
 * A stamped line across the table (统计口径) in a saved sheet's own XML: merged over the table's
 * width, wrapped in 宋体, its row tall enough. Nothing else of the sheet changes; a line whose
 * cells are already merged otherwise, or hold something, is left unmerged rather than hide a value.
 */
import { columnLetters } from "../../rules/grid";
import { FORM_SIZES } from "../../rules/layout/print";
import { addCellStyle, partStyle } from "./cell-styles";
import type { Parts } from "./parts";

export interface AcrossLine {
  row: number;
  col: number;
  right: number;
  height: number;
}

const ref = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
const colOf = (letters: string) =>
  [...letters].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * A cell style of a printed form, added to styles.xml once (its index): a wrapped 宋体 line
 * (top-left, no border), a table cell (centred, wrapped, thin border), or the title (centred, bold).
 */
export const formStyle = (
  parts: Parts,
  kind: "line" | "cell" | "title" = "line"
): number | undefined =>
  addCellStyle(
    parts,
    kind === "title"
      ? partStyle("title")
      : kind === "line"
        ? { size: FORM_SIZES.line, horizontal: "left", vertical: "top" }
        : { size: FORM_SIZES.line, horizontal: "center", vertical: "center", border: true }
  );

// Where <mergeCells> goes when a sheet has none: before the first of these (ECMA-376 order).
const AFTER_MERGES =
  /<(?:\w+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

/** The sheet XML with each line merged, styled and its row's height set. */
export function setAcrossLines(
  xml: string,
  lines: AcrossLine[],
  style: number | undefined
): string {
  const p = /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? "";
  const merges = [
    ...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g),
  ].map((m) => ({
    top: +m[2] - 1,
    left: colOf(m[1]),
    bottom: +(m[4] ?? m[2]) - 1,
    right: colOf(m[3] ?? m[1]),
  }));
  const add: string[] = [];
  for (const l of lines) {
    const row = new RegExp(
      `<${p}row\\b([^>]*?\\sr="${l.row + 1}"[^>]*?)(/?)>([\\s\\S]*?)(?=</${p}row>|$)`
    ).exec(xml);
    if (!row) continue;
    let cells = row[3];
    const filled = [
      ...cells.matchAll(
        /<(?:\w+:)?c\b[^>]*\sr="([A-Z]+)\d+"[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
      ),
    ].filter(
      (c) =>
        colOf(c[1]) > l.col &&
        colOf(c[1]) <= l.right &&
        /<(?:\w+:)?[vt]\b|<(?:\w+:)?f\b/.test(c[2] ?? "")
    );
    const overlap = merges.find(
      (m) => m.top <= l.row && m.bottom >= l.row && m.left <= l.right && m.right >= l.col
    );
    const same =
      overlap && overlap.top === l.row && overlap.bottom === l.row && overlap.left === l.col;
    if (!overlap && filled.length === 0 && l.right > l.col) {
      // Two tables' lines in one cell: the first merge stands.
      merges.push({ top: l.row, left: l.col, bottom: l.row, right: l.right });
      add.push(`<${p}mergeCell ref="${ref(l.row, l.col)}:${ref(l.row, l.right)}"/>`);
    }
    if (style !== undefined && (same || !overlap))
      cells = cells.replace(
        new RegExp(`<${p}c\\b([^>]*?\\sr="${ref(l.row, l.col)}")([^>]*?)(/?)>`),
        (_, head: string, rest: string, close: string) =>
          `<${p}c${head}${rest.replace(/\ss="\d+"/, "")} s="${style}"${close}>`
      );
    const attrs =
      row[1].replace(/\s(?:ht|customHeight)="[^"]*"/g, "") + ` ht="${l.height}" customHeight="1"`;
    xml =
      xml.slice(0, row.index) +
      `<${p}row${attrs}${row[2]}>${cells}` +
      xml.slice(row.index + row[0].length);
  }
  if (add.length === 0) return xml;
  const block = /<((?:\w+:)?)mergeCells\b([^>]*)>([\s\S]*?)<\/\1mergeCells>/.exec(xml);
  if (block) {
    const n = merges.length;
    const attrs = /\scount="/.test(block[2])
      ? block[2].replace(/\scount="\d*"/, ` count="${n}"`)
      : block[2];
    return xml.replace(
      block[0],
      `<${p}mergeCells${attrs}>${block[3]}${add.join("")}</${p}mergeCells>`
    );
  }
  const at = AFTER_MERGES.exec(xml)!;
  return (
    xml.slice(0, at.index) +
    `<${p}mergeCells count="${add.length}">${add.join("")}</${p}mergeCells>` +
    xml.slice(at.index)
  );
}
