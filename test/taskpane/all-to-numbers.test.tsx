/**
 * 全部改为数字 (#23 item 4): a village that typed every number as text is told the truth (SRS sums
 * them as numbers; better stored as numbers) and changes them all at once — listed, confirmed,
 * undoable like the other fixes — in the page (MemoryWorkbook) and in Excel (the host double),
 * where a cell formatted as text (@) becomes General so the number stays a number.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { type Grid, toA1 } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import type { WorkbookSource } from "../../src/workbook/types";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";

/** A village's 季报表（一）, every number of its 村 row (7) typed as text ("12"). */
function typedAsText(): { grid: Grid; cells: Map<string, number> } {
  const grid = {
    ...filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid,
    name: "1村",
  };
  const cells = new Map<string, number>();
  const row = grid.values[6];
  row.forEach((v, c) => {
    if (typeof v !== "number") return;
    cells.set(toA1(grid, 6, c), v);
    row[c] = String(v);
  });
  return { grid, cells };
}

const findDialog = () => screen.findByRole("alertdialog", { hidden: true });

async function changeAll(n: number) {
  fireEvent.click(await screen.findByRole("button", { name: `全部改为数字（${n} 格）` }));
  const dialog = await findDialog();
  expect(dialog).toHaveTextContent(`将修改以下 ${n} 个单元格`);
  fireEvent.click(within(dialog).getByRole("button", { name: "修改", hidden: true }));
  expect(await screen.findByText(`已修改 ${n} 个单元格，并重新检查`)).toBeInTheDocument();
}

function render_(source: WorkbookSource) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={source} />
    </FluentProvider>
  );
}

it("in the page: the message is true, one action changes every one, undo gives the text back", async () => {
  const { grid, cells } = typedAsText();
  const [large, medium] = [cells.get("C7")!, cells.get("D7")!];
  const wide = String(large).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  grid.values[6][2] = wide;
  grid.values[6][3] = `${medium}家`;
  const book = new MemoryWorkbook([grid]);
  render_(book);
  const warnings = await screen.findByRole("region", { name: "1村 提示" });
  expect(
    within(warnings).getAllByText(/是存成文本的数字：按数字 \d+ 汇总；建议改为数字格式/).length
  ).toBeGreaterThan(20);
  expect(
    within(warnings).getByText(`“${wide}”用了全角数字：按数字 ${large} 汇总；建议改为数字格式`)
  ).toBeInTheDocument();
  expect(screen.queryByText(/漏算/)).toBeNull();
  const n = within(warnings).getAllByRole("listitem").length;
  fireEvent.click(await screen.findByRole("button", { name: `全部改为数字（${n} 格）` }));
  const dialog = await findDialog();
  expect(dialog).toHaveTextContent(`1村!C7：“${wide}” → ${large}`);
  expect(dialog).toHaveTextContent(`1村!D7：“${medium}家” → ${medium}`);
  fireEvent.click(within(dialog).getByRole("button", { name: "修改", hidden: true }));
  expect(await screen.findByText(`已修改 ${n} 个单元格，并重新检查`)).toBeInTheDocument();
  expect(await screen.findByText("未发现问题")).toBeInTheDocument();
  expect(book.getCell("1村", "C7")).toBe(large);
  expect(book.getCell("1村", "D7")).toBe(medium);
  expect(grid.values[6].slice(1, 28).every((v) => typeof v === "number" || v === null)).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: `撤销上次修改（${n} 格）` }));
  expect(await screen.findByText(`已恢复 ${n} 个单元格修改前的内容`)).toBeInTheDocument();
  expect(book.getCell("1村", "C7")).toBe(wide);
});

it("in Excel (host double): text-formatted cells become numbers in General, and undo restores both", async () => {
  const { grid, cells } = typedAsText();
  const book = new Book().load(grid);
  for (const cell of cells.keys()) book.sheets.get("1村")!.formats.set(cell, "@");
  Object.assign(globalThis, {
    Excel: { run: excelRun(book).run },
    Office: {
      context: { requirements: { isSetSupported: () => true } },
      addin: { setStartupBehavior: async () => undefined },
      StartupBehavior: { load: "Load", none: "None" },
    },
  });
  render_({ ...officeSource(new MemoryStore()), subscribe: () => () => undefined });
  await changeAll(cells.size);
  for (const [cell, v] of cells) {
    expect([cell, book.value("1村", cell)]).toEqual([cell, v]);
    expect([cell, book.format("1村", cell)]).toEqual([cell, "General"]);
  }
  fireEvent.click(screen.getByRole("button", { name: `撤销上次修改（${cells.size} 格）` }));
  // Giving the cells back clears Excel's undo history too: the pane asks first (undo.test.tsx).
  const dialog = (await screen.findByText("会清空 Excel 的“撤销”记录")).closest(
    "[role=alertdialog]"
  ) as HTMLElement;
  fireEvent.click(within(dialog).getByRole("button", { name: "继续", hidden: true }));
  await waitFor(() => expect(book.value("1村", "B7")).toBe(String(cells.get("B7"))));
  for (const [cell, v] of cells) {
    expect([cell, book.value("1村", cell)]).toEqual([cell, String(v)]);
    expect([cell, book.format("1村", cell)]).toEqual([cell, "@"]);
  }
});
