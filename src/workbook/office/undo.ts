/**
 * Which of the pane's actions clear the user's undo history in Excel, so the pane can say so
 * before it runs one. From [docs] "Undo capabilities with the Excel JavaScript API":
 * - Only a host that passes its check (isSetSupported("ExcelUndoApiAll", "1.0"); ExcelApi 1.20
 *   "adds undo support for Excel JavaScript APIs") keeps undo through an add-in's writes. On an
 *   older one (the perpetual Office 2016/2019 and builds before it) an add-in's writes clear it
 *   (office-js issue 3788: "most of the set operation of Excel API will disable undo/redo
 *   operation, it's a by-design behavior"; issue 2802, for a shared runtime like ours).
 * - Even there, the table's "unsupported APIs" clear it "starting from that API call": among
 *   those SRS calls, Worksheet.delete, WorksheetProtection.protect/unprotect and
 *   Workbook.insertWorksheetsFromBase64 everywhere, Worksheet.name and Worksheet.visibility on
 *   Windows and Mac (undo is kept for them on the web).
 * - Saving the document's settings clears it too (Office.context.document.settings.saveAsync:
 *   office-js issue 3141, open), and the settings hold what SRS must give back later: the fills
 *   under its marks, the cells its fixes replaced, the practice round, the profile.
 * Lifting a sheet's protection for a write (protection.ts) clears it as well; every action that
 * may lift one already clears it by its settings, except a sheet added, which is never protected.
 */
import type { UndoAction } from "../types";

export interface UndoHost {
  /** The host keeps undo through the add-in's writes ("Check for undo support"). */
  kept: boolean;
  /** Excel on the web, where Worksheet.visibility keeps it. */
  web: boolean;
}

export function undoHost(): UndoHost {
  return {
    kept: Office.context.requirements.isSetSupported("ExcelUndoApiAll", "1.0"),
    // Office.PlatformType.OfficeOnline's value, as Office.js sets the platform.
    web: String(Office.context.platform) === "OfficeOnline",
  };
}

export function clearsUndo(action: UndoAction, host: UndoHost): boolean {
  if (!host.kept) return true;
  switch (action) {
    // Worksheets.add, Range.values/numberFormat, merge, columnWidth, activate: none in the table;
    // nor Range.clear and values, which rewrite the 审核说明 sheet there in place.
    case "addSheet":
    case "explainInPlace":
      return false;
    // A new 审核说明 sheet is hidden: Worksheet.visibility.
    case "explainNew":
      return !host.web;
    // The settings (fixes, 撤销上次修改, marks, practice, profile); consolidation inserts
    // (insertWorksheetsFromBase64) and may delete and rename sheets.
    default:
      return true;
  }
}
