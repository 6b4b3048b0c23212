/**
 * The ExcelApi 1.1 double (test/helpers/excel-1-1.ts) as a page script, in place of Office.js, for
 * test/lite/page.test.ts: the workbook comes from window.__srsSheets, the shown sheet from
 * window.__srsActive; the book and the double stay on window for the test to read.
 */
import { Book, MemoryStore } from "../helpers/excel-mock";
import { excel11 } from "../helpers/excel-1-1";
import type { Grid } from "../../src/rules/grid";

const w = window as unknown as Record<string, unknown> & {
  __srsSheets: Grid[];
  __srsActive: string;
};
// The double sizes requests with Node's Buffer.byteLength; the page has TextEncoder.
(globalThis as Record<string, unknown>).Buffer ??= {
  byteLength: (s: string) => new TextEncoder().encode(s).length,
};
const book = new Book();
for (const g of w.__srsSheets) book.load(g);
const double = excel11(book, new MemoryStore("{}", book));
double.active.key = w.__srsActive;
Object.assign(w, {
  Office: double.Office,
  Excel: double.Excel,
  __srsBook: book,
  __srsDouble: double,
});
