/**
 * The pane's workbook inside WPS 表格 (a WPS 加载项): the same contract as Excel's
 * (taskpane/office-source.ts), over WPS's synchronous object model, `window.Application`.
 * What the pane keeps in the workbook goes into its custom document properties (properties.ts);
 * the workbook's application events (wps-jsapi ApiEvent: SheetChange, SheetActivate,
 * WorkbookOpen, WindowActivate, NewWorkbook, SheetSelectionChange) tell the pane to check again.
 */
import { recognize } from "../../rules/recognize";
import type { Grid } from "../../rules/grid";
import { cleanRound } from "../../rules/sample/practice-record";
import { uniqueSheetName } from "../../rules/sheet-names";
import { keepLocalProfile, localProfile } from "../local-profile";
import { type DocumentStore, keepBounded } from "../store";
import type { Profile, WorkbookSource } from "../types";
import { consolidateInWps } from "./consolidate";
import type { EtApplication, EtWorkbook } from "./et";
import { writeExplanations } from "./explanations";
import { clearHighlights, hasHighlights, highlightCells } from "./highlight";
import { AUTOSHOW, propertyStore } from "./properties";
import { areaOf, readSheets, sheetsOf } from "./read";
import { lastFixes, undoFixes, writeFixes } from "./values";
import { addSheet, setColumnWidths, writeGrid } from "./write";
import { columnLetters } from "../../rules/grid";

const PROFILE = "srs.profile";
const PRACTICE = "srs.practice";

/** Events after which the pane checks again, and the one after which it explains the selection. */
const CHANGED = ["SheetChange", "SheetActivate", "WorkbookOpen", "WindowActivate", "NewWorkbook"];
const SELECTED = "SheetSelectionChange";

function bookOf(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error("没有打开的工作簿");
  return book;
}

/**
 * A workbook holding a report SRS recognizes opens the pane when it is next opened (the entry
 * page looks for AUTOSHOW on WorkbookOpen): Excel's Office.addin.setStartupBehavior, for WPS.
 */
function showWithWorkbook(store: DocumentStore, grids: Grid[]): void {
  if (store.get(AUTOSHOW) || !grids.some((g) => recognize(g).kind !== "none")) return;
  try {
    store.set(AUTOSHOW, true);
  } catch {
    // Never in the way of a check: asked again after the next one.
  }
}

export function wpsSource(
  app: EtApplication,
  store: DocumentStore = propertyStore(() => app.ActiveWorkbook)
): WorkbookSource {
  return {
    readSheets: async () => {
      const grids = readSheets(bookOf(app));
      showWithWorkbook(store, grids);
      return grids;
    },
    select: async (sheet, cell) => {
      const ws = bookOf(app).Worksheets.Item(sheet);
      ws.Activate(); // a range is selected on the active sheet only
      ws.Range(cell).Select();
    },
    highlight: (marks) => highlightCells(bookOf(app), marks, store),
    clearHighlights: () => clearHighlights(bookOf(app), store),
    hasHighlights: () => hasHighlights(store),
    writeFixes: (writes) => writeFixes(bookOf(app), writes, store),
    undoFixes: () => undoFixes(bookOf(app), store),
    lastFixes: () => lastFixes(store),
    activeCell: async () => {
      const sheet = app.ActiveSheet;
      const cell = app.ActiveCell;
      if (!sheet || !cell) return undefined;
      const a = areaOf(cell.Address(false, false));
      return { sheet: sheet.Name, cell: `${columnLetters(a.left)}${a.top + 1}` };
    },
    subscribe(on) {
      const changed = () => on.changed();
      const selected = () => on.selected();
      for (const name of CHANGED) app.ApiEvent.AddApiEventListener(name, changed);
      app.ApiEvent.AddApiEventListener(SELECTED, selected);
      return () => {
        for (const name of CHANGED) app.ApiEvent.RemoveApiEventListener(name, changed);
        app.ApiEvent.RemoveApiEventListener(SELECTED, selected);
      };
    },
    addSheet: async (grid, widths) => {
      const book = bookOf(app);
      const name = uniqueSheetName(grid.name, new Set(sheetsOf(book).map((s) => s.Name)));
      const ws = addSheet(book, name); // and active, as Excel activates a new sheet
      writeGrid(ws, grid);
      if (widths) setColumnWidths(ws, widths);
      return name;
    },
    writeExplanations: async (list, existing) => writeExplanations(app, existing, list),
    consolidate: (files, options) => consolidateInWps(app, files, options),
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
