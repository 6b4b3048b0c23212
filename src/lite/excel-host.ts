/**
 * The 兼容版 in Excel: each call one Excel.run through runExcel (which waits while the clerk
 * types in a cell), the marks' originals in the document's settings as the main pane keeps them.
 */
import { clear11, highlight11 } from "../workbook/office-1-1/highlight";
import { readWorkbook11, selectCell11 } from "../workbook/office-1-1/read";
import { hasHighlights } from "../workbook/office/highlight";
import { runExcel } from "../workbook/office/run";
import { officeDocumentStore } from "../workbook/office/store";
import type { LiteHost } from "./host";

export function excelHost(store = officeDocumentStore): LiteHost {
  return {
    read: () => runExcel((context) => readWorkbook11(context)),
    select: (sheet, cell) => runExcel((context) => selectCell11(context, sheet, cell)),
    highlight: (marks) => runExcel((context) => highlight11(context, marks, store)),
    clear: () => runExcel((context) => clear11(context, store)),
    hasHighlights: () => hasHighlights(store),
  };
}
