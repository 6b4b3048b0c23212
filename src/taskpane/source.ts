/** The pane talks to a workbook only through this contract (Office.js in Excel, .xlsx in the browser). */
export type { CellWrite, Mark, Profile, WorkbookSource } from "../workbook/types";
