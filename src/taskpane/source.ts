/** What the pane needs from a workbook, whether it lives in Excel (Office.js) or in a browser (.xlsx). */
import type { Grid } from "../rules/grid";

export interface WorkbookSource {
  /** Every sheet's values and merged areas. */
  readSheets(): Promise<Grid[]>;
  /** Selects a cell and brings it into view. */
  select(sheet: string, cell: string): Promise<void>;
}
