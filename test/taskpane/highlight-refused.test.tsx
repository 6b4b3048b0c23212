/**
 * Highlights follow the findings on their own (a fixed cell loses its mark): in Excel, on a sheet
 * protected with a password since they were painted, that is refused, and the pane says why in
 * its error bar, in one line, the marks left as they were.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import { passwordReason } from "../../src/workbook/refusals";
import { MARK_COLORS } from "../../src/workbook/types";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";

/**
 * The pane in Excel (the host double) over one village sheet "1村" whose G7 (in no sum) says 无; `before`
 * changes the book first. Edits are not followed here (the double has no events): 重新检查 checks again.
 */
function paneOver(before: (book: Book) => void = () => undefined): Book {
  const grid = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid;
  const book = new Book().load({ ...grid, name: "1村" });
  book.sheets.get("1村")!.values.set("G7", "无");
  before(book);
  Object.assign(globalThis, {
    Excel: { run: excelRun(book).run },
    Office: {
      context: { requirements: { isSetSupported: () => true } },
      addin: { setStartupBehavior: async () => undefined },
      StartupBehavior: { load: "Load", none: "None" },
    },
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={{ ...officeSource(new MemoryStore()), subscribe: () => () => undefined }} />
    </FluentProvider>
  );
  return book;
}

/** 标出问题格, gone on past the question whether to clear Excel's undo history (undo.test.tsx). */
async function highlight() {
  fireEvent.click(await screen.findByRole("button", { name: "标出问题格" }));
  const dialog = (await screen.findByText("会清空 Excel 的“撤销”记录")).closest("[role=alertdialog]") as HTMLElement;
  fireEvent.click(within(dialog).getByRole("button", { name: "继续", hidden: true }));
}

it("a password on the marked sheet: the zh line in the error bar, the marks as they were", async () => {
  const book = paneOver();
  await highlight();
  await screen.findByText(/已标出 1 个/);
  expect(book.fill("1村", "G7").color).toBe(MARK_COLORS.error);
  // The clerk protects the sheet with a password, then leaves F7 blank too.
  book.protect("1村", {}, "密码");
  book.sheets.get("1村")!.values.delete("F7");
  fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
  expect(await screen.findByText(passwordReason("1村"))).toBeInTheDocument();
  expect(book.fill("1村", "G7").color).toBe(MARK_COLORS.error);
  expect(book.fill("1村", "F7").color).not.toBe(MARK_COLORS.error);
});

it("标出问题格 refused by a password: the reason is an alert in the error bar, not a success notice", async () => {
  const book = paneOver((b) => b.protect("1村", {}, "密码"));
  await highlight();
  expect(await screen.findByRole("alert")).toHaveTextContent(passwordReason("1村"));
  expect(screen.queryByText(/已标出/)).toBeNull();
  expect(book.fill("1村", "G7").color).not.toBe(MARK_COLORS.error);
});
