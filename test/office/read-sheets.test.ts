import { parseAreas, readAllSheets } from "../../src/workbook/office/read-sheets";
import { recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { officeWorkbook } from "../helpers/office-workbook";

describe("Office adapter: readAllSheets", () => {
  it("reads 60 sheets in two requests", async () => {
    const grids = Array.from({ length: 60 }, (_, i) => ({
      name: `${i + 1}村`,
      values: [["村", null, 3]],
      merges: i % 2 ? [{ top: 0, left: 0, bottom: 0, right: 1 }] : [],
    }));
    const context = officeWorkbook(grids);
    const sync = jest.spyOn(context, "sync");
    const read = await readAllSheets(context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read).toHaveLength(60);
    expect(read[0]).toEqual({
      name: "1村",
      values: [["村", null, 3]],
      merges: [],
      origin: { row: 0, col: 0 },
    });
    expect(read[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it("on an Excel without merged-area listing (before ExcelApi 1.13) reads values alone, and the report is still recognized", async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const sheet = { ...filledSheet(t, { seed: 3, rowTypes: ["village"] }).grid, name: "1村" };
    const context = officeWorkbook([sheet]);
    const [grid] = await readAllSheets(context, false);
    expect(grid.merges).toEqual([]);
    const filled = (g: typeof grid) => g.values.flat().filter((v) => v !== null && v !== undefined);
    expect(filled(grid)).toEqual(filled(sheet));
    expect(recognize(grid).template?.id).toBe(t.id);
  });

  it("parses merged-area addresses, quoted sheet names included", () => {
    expect(parseAreas("Sheet1!A1:B2, 'a, b'!$C$3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});
