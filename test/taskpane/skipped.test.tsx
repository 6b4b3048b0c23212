/** Sheets the Office adapter could not read (a 20,000-row roster) are named in the pane with the reason. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

it("names each skipped sheet with its reason, beside the reports checked", async () => {
  const t = getTemplate("nanan-2026-quarterly-1")!;
  const book = new MemoryWorkbook([
    { ...filledSheet(t, { seed: 2, rowTypes: ["village"] }).grid, name: "1村" },
  ]);
  const read = book.readSheets.bind(book);
  book.readSheets = async () =>
    Object.assign(await read(), {
      skipped: [{ sheet: "花名册", reason: "内容过多（20000 行 × 8 列），不像报表，未检查" }],
    });
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} />
    </FluentProvider>
  );
  expect(
    await screen.findByText("“花名册”：内容过多（20000 行 × 8 列），不像报表，未检查")
  ).toBeInTheDocument();
});
