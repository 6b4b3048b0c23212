/** The pane talks to a workbook only through this contract (Office.js in Excel, .xlsx in the browser). */
export { WORKBOOK_FILES } from "../workbook/types";
export type {
  CellWrite,
  ConsolidateOptions,
  Mark,
  Profile,
  ReceivedFile,
  WorkbookSource,
} from "../workbook/types";
