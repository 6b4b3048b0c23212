import { OfficeMockObject } from "office-addin-mock";
import { parseAreas, readAllSheets } from "../../src/workbook/office/read-sheets";

function sheetMock(name: string, values: unknown[][], mergedAddress: string | null) {
  const sheet = new OfficeMockObject({
    name,
    usedRange: {
      values,
      rowIndex: 2,
      columnIndex: 1,
      merged: { address: mergedAddress ?? "" },
      getMergedAreasOrNullObject() {
        return this.merged;
      },
    },
    getUsedRange() {
      return this.usedRange;
    },
  }) as any;
  // Office.js answers isNullObject without a load; the mock would ask for one.
  sheet.usedRange.merged.isNullObject = mergedAddress === null;
  return sheet;
}

function workbookMock(sheetCount: number) {
  const mock = new OfficeMockObject({ workbook: { worksheets: {} } }) as any;
  // office-addin-mock has no collections: give the worksheets their items by hand.
  const items = Array.from({ length: sheetCount }, (_, i) =>
    sheetMock(`${i + 1}村`, [["村", "", 3]], i % 2 ? "'x, y'!B3:C3" : null)
  );
  items.forEach((s, i) => {
    s.load("name");
    // Registered as children so that context.sync() reaches them, as it reaches the rest of the mock.
    mock.workbook.worksheets._properties.set(`item${i}`, s);
  });
  Object.assign(mock.workbook.worksheets, { items, load: () => undefined });
  return mock;
}

describe("Office adapter: readAllSheets", () => {
  it("reads 60 sheets in two requests", async () => {
    const context = workbookMock(60);
    const sync = jest.spyOn(context, "sync");
    const grids = await readAllSheets(context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(grids).toHaveLength(60);
    expect(grids[0]).toEqual({
      name: "1村",
      values: [["村", null, 3]],
      merges: [],
      origin: { row: 2, col: 1 },
    });
    expect(grids[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it("parses merged-area addresses, quoted sheet names included", () => {
    expect(parseAreas("Sheet1!A1:B2, 'a, b'!$C$3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});
