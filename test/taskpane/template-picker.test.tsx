/**
 * 表样: a workbook with no report says so and offers the official blank tables; 插入表样 adds one
 * as a new sheet named by its short title (a second time with (2)), with the layout's values,
 * merged areas and column widths, written in one batch; the pane then recognizes it. In Excel
 * (the Office adapter over the host double) and in the browser page (MemoryWorkbook).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { columnLetters } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { getTemplate } from "../../src/rules/templates/catalog";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import type { WorkbookSource } from "../../src/taskpane/source";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";

const Q3 = getTemplate("nanan-2026-quarterly-3")!;
const budget = { name: "预算", values: [["项目", "金额"]], merges: [] };

function pane(source: WorkbookSource) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App source={source} />
    </FluentProvider>
  );
}

/** Picks 南安市“九小场所”季报表（三） and inserts it; waits for the pane to say so. */
async function insert(sheet: string) {
  const picker = await screen.findByRole("region", { name: "表样" });
  fireEvent.change(within(picker).getByRole("combobox"), { target: { value: Q3.id } });
  fireEvent.click(within(picker).getByRole("button", { name: "插入表样" }));
  expect(
    await screen.findByText(`已插入工作表“${sheet}”：官方空白表样，请在数据格中填写`)
  ).toBeInTheDocument();
}

it("in Excel: inserts the blank table with its values, merges and widths in one batch", async () => {
  const book = new Book().load(budget);
  const host = excelRun(book);
  Object.assign(globalThis, {
    Excel: { run: host.run },
    Office: {
      context: { requirements: { isSetSupported: () => true } },
      addin: { setStartupBehavior: async () => undefined },
      StartupBehavior: { load: "Load", none: "None" },
    },
  });
  // Edits are not followed here (the host double has no events): the pane checks after inserting.
  pane({ ...officeSource(new MemoryStore()), subscribe: () => () => undefined });
  expect(await screen.findByText(/没有识别出报表/)).toBeInTheDocument();
  await insert(Q3.shortTitle);
  const sheet = book.sheets.get(Q3.shortTitle)!;
  const layout = blankTemplate(Q3);
  layout.grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) expect(sheet.values.get(`${columnLetters(c)}${r + 1}`)).toBe(v);
    })
  );
  expect([...sheet.merges].sort()).toEqual(
    layout.grid.merges
      .map((m) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`)
      .sort()
  );
  // Widths in points: n characters are n × 7 + 5 pixels.
  expect(layout.widths.map((_, c) => sheet.widths.get(c))).toEqual(
    layout.widths.map((w) => (w * 7 + 5) * 0.75)
  );
  expect(await screen.findByText(/识别出 1 张报表/)).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "表样" })).toBeNull();
  expect(screen.queryByText(/没有识别出报表/)).toBeNull();
  expect([...book.sheets.keys()]).toEqual(["预算", Q3.shortTitle]);
});

it("in Excel, the sheet names are read, then everything is written in one request", async () => {
  const book = new Book().load(budget);
  const host = excelRun(book);
  Object.assign(globalThis, { Excel: { run: host.run } });
  const layout = blankTemplate(Q3);
  const name = await officeSource(new MemoryStore()).addSheet(
    { ...layout.grid, name: Q3.shortTitle },
    layout.widths
  );
  expect(name).toBe(Q3.shortTitle);
  expect(host.requests()).toBe(2);
});

it("in the browser page: the same sheet, named (2) when the name is taken", async () => {
  const book = new MemoryWorkbook([{ ...budget, name: Q3.shortTitle }]);
  pane(book);
  await insert(`${Q3.shortTitle}(2)`);
  expect(book.sheets.map((s) => s.name)).toEqual([Q3.shortTitle, `${Q3.shortTitle}(2)`]);
  expect(book.sheets[1].values).toEqual(blankTemplate(Q3).grid.values);
  expect(book.sheets[1].merges).toEqual(blankTemplate(Q3).grid.merges);
  // The table is recognized: its blanks are what is left to do.
  expect(await screen.findByText(/识别出 1 张报表/)).toBeInTheDocument();
});
