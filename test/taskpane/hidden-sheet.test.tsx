/** A report on a sheet the workbook hides is named as hidden in the pane, as in every CLI line (#26 item 6). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

it("names a hidden and a very hidden report's sheet as such; the visible one carries no such word", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const report = (name: string, seed: number) => ({
    ...filledSheet(t, { seed, rowTypes: ["village"] }).grid,
    name,
  });
  const book = new MemoryWorkbook([
    report("1村", 2),
    { ...report("2村", 3), visibility: "hidden" },
    { ...report("3村", 4), visibility: "veryHidden" },
    { name: "备注", values: [["说明"]], merges: [], visibility: "veryHidden" },
  ]);
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} />
    </FluentProvider>
  );
  const header = async (sheet: string) =>
    (await screen.findByText(sheet, { selector: "strong" })).parentElement!;
  expect(within(await header("2村")).getByText("隐藏的工作表")).toBeInTheDocument();
  expect(within(await header("3村")).getByText("深度隐藏的工作表")).toBeInTheDocument();
  expect(within(await header("1村")).queryByText(/隐藏/)).toBeNull();
  expect(await screen.findByText("备注（深度隐藏的工作表）：未识别为任何报表")).toBeInTheDocument();
});
