/** An office-addin-mock workbook holding the given sheets, for reading through the Office adapter. */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetters, type Grid } from "../../src/rules/grid";

function sheetMock(grid: Grid) {
  const merged = grid.merges
    .map(
      (m) =>
        `'${grid.name}'!${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`
    )
    .join(", ");
  const width = Math.max(1, ...grid.values.map((r) => r.length));
  const sheet = new OfficeMockObject({
    name: grid.name,
    usedRange: {
      // Excel pads the used range and gives "" for empty cells.
      values: grid.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "")),
      rowIndex: 0,
      columnIndex: 0,
      merged: { address: merged },
      getMergedAreasOrNullObject() {
        return this.merged;
      },
    },
    getUsedRange() {
      return this.usedRange;
    },
  }) as any;
  // Office.js answers isNullObject without a load; the mock would ask for one.
  sheet.usedRange.merged.isNullObject = merged === "";
  sheet.load("name");
  return sheet;
}

export function officeWorkbook(grids: Grid[]) {
  const context = new OfficeMockObject({ workbook: { worksheets: {} } }) as any;
  // office-addin-mock has no collections: the worksheets get their items by hand, registered
  // as children so that context.sync() reaches them as it reaches the rest of the mock.
  const items = grids.map(sheetMock);
  items.forEach((s, i) => context.workbook.worksheets._properties.set(`item${i}`, s));
  Object.assign(context.workbook.worksheets, { items, load: () => undefined });
  return context as Excel.RequestContext;
}
