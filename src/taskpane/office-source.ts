/**
 * The pane's workbook inside Excel: every call one Excel.run, batched (see src/workbook/office),
 * waiting for the clerk to finish typing in a cell (runExcel).
 */
import { childFiles, toBase64 } from "../workbook/office/child-files";
import { consolidateInExcel } from "../workbook/office/consolidate";
import { writeExplanations } from "../workbook/office/explanations";
import { workbookFile } from "../workbook/office/file";
import { setColumnWidths, writeGrid } from "../workbook/office/write-grid";
import { uniqueSheetName } from "../rules/sheet-names";
import type { Grid } from "../rules/grid";
import { recognize } from "../rules/recognize";
import {
  clearHighlights,
  hasHighlights,
  highlightCells,
  marksRecorded,
} from "../workbook/office/highlight";
import { mergesSupported, readAllSheets } from "../workbook/office/read-sheets";
import { invalidateWorkbook } from "../workbook/office/snapshot";
import { officeDocumentStore } from "../workbook/office/store";
import { type DocumentStore, keepBounded } from "../workbook/store";
import { cleanRound } from "../rules/sample/practice-record";
import { lastFixes, undoFixes, writeFixes } from "../workbook/office/values";
import { runExcel } from "../workbook/office/run";
import { clearsUndo, undoHost } from "../workbook/office/undo";
import { keepLocalProfile, localProfile } from "../workbook/local-profile";
import type { Profile } from "../workbook/types";
import type { WorkbookSource } from "./source";

/** getRanges, getCellProperties, fill patterns and workbook-level events. */
export const REQUIRED_API = "1.9";

export function hostSupported(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_API);
}

const PROFILE = "srs.profile";
/** The training round (rules/sample/practice-record.ts), in the document's settings. */
const PRACTICE = "srs.practice";

let loadsWithWorkbook = false;

/**
 * A workbook holding a report SRS recognizes loads the add-in when it is next opened
 * (Office.addin.setStartupBehavior, SharedRuntime 1.1: stored in the document), so recognition
 * and =SRS.* are ready before the pane is opened. Asked once a session.
 */
export function loadWithWorkbook(grids: Grid[]): void {
  if (loadsWithWorkbook || !Office.context.requirements.isSetSupported("SharedRuntime", "1.1"))
    return;
  if (!grids.some((g) => recognize(g).kind !== "none")) return;
  loadsWithWorkbook = true;
  // Never in the way of a check: a host that refuses is asked again after the next one.
  Promise.resolve()
    .then(() => Office.addin.setStartupBehavior(Office.StartupBehavior.load))
    .catch(() => (loadsWithWorkbook = false));
}

export function officeSource(store: DocumentStore = officeDocumentStore): WorkbookSource {
  return {
    readSheets: async () => {
      const grids = await runExcel((context) => readAllSheets(context, mergesSupported()));
      loadWithWorkbook(grids);
      return grids;
    },
    select: (sheet, cell) =>
      runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    highlight: (marks) => runExcel((context) => highlightCells(context, marks, store)),
    clearHighlights: () => runExcel((context) => clearHighlights(context, store)),
    hasHighlights: () => hasHighlights(store),
    marksKept: (marks) => runExcel((context) => marksRecorded(context, marks, store)),
    writeFixes: (writes) => runExcel((context) => writeFixes(context, writes, store)),
    undoFixes: () => runExcel((context) => undoFixes(context, store)),
    lastFixes: () => lastFixes(store),
    activeCell: () =>
      runExcel(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        await context.sync();
        const at = cell.address.lastIndexOf("!");
        return {
          sheet: cell.address
            .slice(0, at)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'"),
          cell: cell.address.slice(at + 1),
        };
      }),
    subscribe(on) {
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
      void Excel.run({ delayForCellEdit: true }, async (context) => {
        const sheets = context.workbook.worksheets;
        handlers.push(
          sheets.onChanged.add(async () => {
            invalidateWorkbook();
            on.changed();
          }),
          sheets.onActivated.add(async () => on.changed()),
          sheets.onSelectionChanged.add(async () => on.selected())
        );
        await context.sync();
      });
      return () =>
        void Promise.all(
          handlers.map((h) =>
            Excel.run(h.context, async (context) => {
              h.remove();
              await context.sync();
            })
          )
        );
    },
    addSheet: (grid, widths) =>
      runExcel(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = uniqueSheetName(grid.name, new Set(sheets.items.map((s) => s.name)));
        const ws = sheets.add(name);
        writeGrid(ws, grid);
        if (widths) setColumnWidths(ws, widths);
        ws.activate();
        await context.sync();
        return name;
      }),
    writeExplanations: (list, existing) =>
      runExcel((context) => writeExplanations(context, existing, list)),
    consolidate: (files, options) => {
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13"))
        return Promise.reject(
          new Error(
            "导入工作表需要 ExcelApi 1.13（Microsoft 365、Excel 2021 及以上或 Excel 网页版）"
          )
        );
      return childFiles(files).then(({ ready, unreadable }) =>
        runExcel((context) => consolidateInExcel(context, ready, unreadable, options), false)
      );
    },
    // The whole workbook: the marked copy keeps the unit's sheet alone.
    sheetsFile: () => workbookFile(),
    clearsUndo: (action) => clearsUndo(action, undoHost()),
    // [d.ts] Excel.createWorkbook (ExcelApi 1.8, under the 1.9 the pane needs): "Creates and
    // opens a new workbook", on Windows, Mac and the web alike; a blob download in the pane does
    // nothing in Excel for Mac.
    openCopy: (bytes) =>
      Excel.createWorkbook(toBase64(bytes)).catch((e: unknown) => {
        const code = (e as { code?: unknown } | undefined)?.code;
        throw new Error(
          `Excel 未能把标注副本打开为新工作簿${typeof code === "string" ? `（${code}）` : ""}：请再试一次，或在网页版中退回并下载`
        );
      }),
    loadPractice: () => cleanRound(store.get(PRACTICE)),
    async savePractice(p) {
      keepBounded(
        store,
        PRACTICE,
        p,
        (kb, limit) => `练习记录太大（${kb} KB，上限 ${limit} KB），未保存`
      );
      await store.save();
    },
    loadProfile: () => store.get<Profile>(PROFILE) ?? localProfile(),
    async saveProfile(p) {
      store.set(PROFILE, p);
      await store.save();
      keepLocalProfile(p);
    },
  };
}
