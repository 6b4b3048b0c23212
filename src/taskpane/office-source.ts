/** The pane's workbook inside Excel. */
import { readAllSheets } from "../workbook/office/read-sheets";
import type { WorkbookSource } from "./source";

export const officeSource: WorkbookSource = {
  readSheets: () => Excel.run((context) => readAllSheets(context)),
  select: (sheet, cell) =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    }),
};
