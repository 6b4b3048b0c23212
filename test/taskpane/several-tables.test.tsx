/** The pane groups findings by sheet, then by table, when a sheet holds several report tables. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { toA1 } from "../../src/rules/grid";
import { recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { stacked } from "../helpers/combine";

it("one sheet holding 季报表（一） and （三）: one entry for the sheet, a section a table, each with its own finding", async () => {
  const q1 = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid;
  const q3 = filledSheet(getTemplate("nanan-2026-quarterly-3")!, { seed: 3 }).grid;
  const grid = { ...stacked(q1, q3, 1), name: "1村" };
  const [a, b] = recognizeSheet(grid) as TableRecognition[];
  // A blank in each table.
  const cellOf = (r: TableRecognition) => {
    const row = r.match.rows.get("village")!;
    const col = [...r.match.columns.values()][1];
    return { row, col, a1: toA1(grid, row, col) };
  };
  const [ca, cb] = [cellOf(a), cellOf(b)];
  grid.values[ca.row][ca.col] = null;
  grid.values[cb.row][cb.col] = null;
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={new MemoryWorkbook([grid])} />
    </FluentProvider>
  );
  const first = await screen.findByRole("region", { name: `1村 季报表（一） ${a.place.range}` });
  const second = screen.getByRole("region", { name: `1村 “九小场所”季报表（三） ${b.place.range}` });
  expect(within(first).getByRole("region", { name: `1村 季报表（一） ${a.place.range} 错误` })).toHaveTextContent(ca.a1);
  expect(within(second).getByRole("region", { name: `1村 “九小场所”季报表（三） ${b.place.range} 错误` })).toHaveTextContent(cb.a1);
  expect(within(first).queryByText(new RegExp(`^${cb.a1} `))).toBeNull();
  expect(screen.getByText(/1 个工作表，识别出 2 张报表；错误 2 条/)).toBeInTheDocument();
  // One entry for the sheet, naming both tables.
  expect(screen.getAllByText("季报表（一）、“九小场所”季报表（三）")).toHaveLength(1);
});
