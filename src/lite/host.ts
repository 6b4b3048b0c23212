/** What the 兼容版's pane asks of Excel: ExcelApi 1.1 reads and writes (src/workbook/office-1-1). */
import type { Mark } from "../workbook/types";
import type { WorkbookRead } from "../workbook/office-1-1/read";

export interface LiteHost {
  read(): Promise<WorkbookRead>;
  select(sheet: string, cell: string): Promise<void>;
  highlight(marks: Mark[]): Promise<{ marked: number }>;
  clear(): Promise<{ restored: number; kept: string[] }>;
  hasHighlights(): boolean;
}
