/**
 * One budget per file, counted as it is read. Every route that opens a workbook (srs check,
 * consolidate, stamp, return, roster, distribute's roster, the page, the pane's import) goes
 * through sniff.ts, which counts what the file makes a reader build and refuses it, with one zh
 * line, the moment a count passes its bound: so a file gets the same verdict on every route, and
 * no parser (ours or exceljs) is handed more than this. Excel's own limits where Excel has one.
 * A reader of another format (.xls) counts against the same bounds with the same words.
 */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

const MB = 1024 * 1024;

export const LIMITS = {
  /** A file as received: a report is a few hundred KB. */
  fileBytes: 50 * MB,
  /** All of its parts unpacked. */
  unpackedBytes: 200 * MB,
  /** One part unpacked (a sheet, styles, shared strings…): 1,048,576 rows are ~40 MB. */
  partBytes: 20 * MB,
  /** Excel's grid. */
  maxRow: 1_048_576,
  maxCol: 16_384,
  /** Excel: 32,767 characters a cell, counted as characters (a character reference is one). */
  cellChars: 32_767,
  /** Excel: 64,000 cell formats a workbook. */
  cellFormats: 64_000,
  /** Merged areas on one sheet. */
  merges: 5_000,
  // Counted across the file, each sheet as often as the workbook lists it (400 sheet entries
  // pointing at one part are 400 sheets read).
  sheets: 5_000,
  rows: 200_000,
  cells: 500_000,
  /** Cells covered by merged areas (each is a cell a reader fills in). */
  mergedCells: 1_000_000,
  /**
   * The grid a reader lays out: each sheet's rows down to its last, each row as wide as its last
   * cell, columns up to the last one given a width.
   */
  area: 5_000_000,
  /** Text as the cells show it: a shared string counts at every cell that shows it. */
  text: 10_000_000,
  /** Distinct shared strings. */
  strings: 1_000_000,
  /** XML elements in the worksheets, each as often as it is read. */
  elements: 2_000_000,
  /** XML elements in every other part (styles, shared strings, drawings, comments…): each an object to exceljs. */
  otherElements: 1_000_000,
};

export type Counted =
  | "sheets"
  | "rows"
  | "cells"
  | "mergedCells"
  | "area"
  | "text"
  | "strings"
  | "elements"
  | "otherElements"
  | "cellFormats";

const REGION = "请只保留报表所在的区域后再试";
const HOSTILE = "不像是一份报表（可能已损坏或被恶意构造）";

/** The one line each bound gives, whichever route or format passed it. */
export const REASONS: Record<Counted | "cellChars" | "structure", string> = {
  sheets: `工作簿的工作表超过 ${LIMITS.sheets} 个，${HOSTILE}`,
  rows: `工作表行数远超一份报表，${REGION}`,
  cells: `工作表单元格数远超一份报表，${REGION}`,
  mergedCells: `合并单元格过多或范围过大，${HOSTILE}`,
  area: `工作表的范围远超一份报表（内容散布到很远的行和列），${REGION}`,
  text: `工作簿的文字总量远超一份报表（如一段长文字被大量单元格引用），${HOSTILE}`,
  strings: `工作簿的文字条目远超一份报表，${HOSTILE}`,
  elements: `文件的内容条目远超一份报表，${HOSTILE}`,
  otherElements: `文件的内容条目远超一份报表，${HOSTILE}`,
  cellFormats: `单元格格式超过 ${LIMITS.cellFormats} 种（Excel 的上限），${HOSTILE}`,
  cellChars: `有单元格的文字超过 ${LIMITS.cellChars} 个字符（Excel 的上限），不像是一份报表`,
  structure: `工作表结构超出范围，${HOSTILE}`,
};

/** What one file has used so far; `take` refuses the file once a count passes its bound. */
export class FileBudget {
  private used: Partial<Record<Counted, number>> = {};

  take(kind: Counted, n = 1): void {
    const now = (this.used[kind] ?? 0) + n;
    this.used[kind] = now;
    if (now > LIMITS[kind]) throw new UnreadableFile(REASONS[kind]);
  }
}
