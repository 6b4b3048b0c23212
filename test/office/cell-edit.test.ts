/**
 * A clerk typing in a cell: Excel refuses a batch then unless it asked to wait
 * (RunOptions.delayForCellEdit). Checks, QTOTAL's snapshot and the pane's actions wait or try
 * again; none fails for it.
 */
import { QTOTAL } from "../../src/functions/functions";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { officeSource } from "../../src/taskpane/office-source";
import { retry } from "../../src/workbook/office/run";
import { invalidateWorkbook } from "../../src/workbook/office/snapshot";
import { Book, excelContext, excelRun, MemoryStore } from "../helpers/excel-mock";

const t = getTemplate("nanan-2026-quarterly-1")!;

function workbook() {
  const summary = { ...blankTemplate(t).grid, name: "汇总" };
  summary.values[0][0] = `${t.title}（汇总）`;
  return new Book()
    .load(summary)
    .load({ ...filledSheet(t, { seed: 1, rowTypes: ["village"] }).grid, name: "1村" });
}

function install(book: Book, honoursDelay: boolean) {
  const excel = excelRun(book, { honoursDelay });
  Object.assign(globalThis, {
    Excel: { run: excel.run },
    Office: { context: { requirements: { isSetSupported: () => true } } },
    CustomFunctions: { Error: Error, ErrorCode: { invalidValue: "#VALUE!" } },
  });
  return excel;
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true)
  );
  for (let i = 0; i < 20; i++) await Promise.resolve();
  return done;
};

const row = blankTemplate(t).body.top + 2;
const wait = retry.wait;
afterEach(() => {
  retry.wait = wait;
  invalidateWorkbook();
});

it("the double refuses a batch during cell edit unless it was run with delayForCellEdit", async () => {
  const book = workbook().clone();
  book.startEdit();
  const { context } = excelContext(book);
  context.workbook.worksheets.load("items/name");
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
});

it("reads and QTOTAL wait for the clerk to leave the cell, on an Excel that delays batches", async () => {
  const book = workbook();
  const excel = install(book, true);
  book.startEdit();
  const read = officeSource(new MemoryStore()).readSheets();
  const total = QTOTAL(undefined, { address: `汇总!B${row}` } as CustomFunctions.Invocation);
  total.catch(() => undefined); // awaited below; a rejection is reported there
  expect(await settled(read)).toBe(false);
  book.endEdit();
  expect((await read).map((g) => g.name)).toEqual(["汇总", "1村"]);
  expect(typeof (await total)).toBe("number");
  expect(excel.runs.every((o) => o.delayForCellEdit)).toBe(true);
});

it("on an Excel that refuses instead, reads, fixes and QTOTAL are tried again until editing ends", async () => {
  const book = workbook();
  install(book, false);
  let waits = 0;
  retry.wait = async () => {
    if (++waits === 3) book.endEdit();
  };
  book.startEdit();
  const source = officeSource(new MemoryStore());
  expect((await source.readSheets()).map((g) => g.name)).toEqual(["汇总", "1村"]);
  expect(waits).toBe(3);

  book.startEdit();
  waits = 0;
  expect(await source.writeFixes([{ sheet: "1村", cell: "AD30", value: 0, expected: null }])).toBe(
    1
  );
  expect(book.value("1村", "AD30")).toBe(0);

  book.startEdit();
  waits = 0;
  const total = await QTOTAL(undefined, { address: `汇总!B${row}` } as CustomFunctions.Invocation);
  expect(typeof total).toBe("number");
});
