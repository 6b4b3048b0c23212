/**
 * Requests and payload per operation, counted on the host double: a handful of requests
 * where one per cell would take thousands, none near Excel on the web's 5 MB limit.
 */
import { checkWorkbook, consolidate, highlight, qtotalWave } from "../helpers/office-ops";

const FIVE_MB = 5 * 1024 * 1024;

it.each([
  { name: "check a 60-sheet workbook", op: checkWorkbook, most: 2 },
  { name: "highlight 5,000 cells (with the document-settings save)", op: highlight, most: 4 },
  // 200 files of 40 KB: the sheet ids, two requests of files, two to read, one to write.
  { name: "consolidate 200 children", op: consolidate, most: 6 },
  { name: "a QTOTAL wave over 200 children", op: qtotalWave, most: 2 },
])(
  "$name: at most $most requests, each under 5 MB, a hundredth of one per cell",
  async ({ op, most }) => {
    const { ours, perCell } = await op();
    expect(ours.requests).toBeLessThanOrEqual(most);
    expect(ours.largest).toBeLessThan(FIVE_MB);
    expect(perCell.requests).toBeGreaterThanOrEqual(100 * ours.requests);
  }
);
