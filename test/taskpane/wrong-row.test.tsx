/**
 * 填错行 at check time, on every face (#22): a village whose non-zero numbers sit in the 镇直单位
 * row (0 across its own 村 row) gets the error in `srs check` (text and exit 1), in the pane in
 * Excel (the host double) and on the page (MemoryWorkbook); a village that writes 0 across the
 * 镇直单位 row, as 注10 asks, gets nothing anywhere.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";

const t = getTemplate("nanan-2026-quarterly-1")!;
const village = (rowTypes: string[]): Grid => ({
  ...filledSheet(t, { seed: 3, unit: "金淘镇朴里村", rowTypes }).grid,
  name: "朴里村",
});
const WRONG = /金淘镇朴里村是村，应填“村”行，“镇直单位”行却有 \d+ 个非零数字/;

async function cli(grid: Grid) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "srs-wrong-row-")), "朴里村.xlsx");
  writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, grid)));
  let out = "";
  const code = await main(["check", file], (s) => (out += s + "\n"));
  return { code, out };
}

function inExcel(grid: Grid) {
  const book = new Book().load(grid);
  Object.assign(globalThis, {
    Excel: { run: excelRun(book).run },
    Office: {
      context: { requirements: { isSetSupported: () => true } },
      addin: { setStartupBehavior: async () => undefined },
      StartupBehavior: { load: "Load", none: "None" },
    },
  });
  return { ...officeSource(new MemoryStore()), subscribe: () => () => undefined };
}

const pane = (source: Parameters<typeof App>[0]["source"]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={source} />
    </FluentProvider>
  );

describe("a village's numbers in the 镇直单位 row", () => {
  it("srs check: an error, exit 1", async () => {
    const { code, out } = await cli(village(["town-dept"]));
    expect(out).toMatch(WRONG);
    // The cells named in reading order, from the row's first.
    expect(out).toMatch(/非零数字（B6、C6、D6等）/);
    expect(code).toBe(1);
  });

  it("the pane in Excel: the error", async () => {
    pane(inExcel(village(["town-dept"])));
    expect(await screen.findByText(WRONG)).toBeInTheDocument();
  });

  it("the page: the error", async () => {
    pane(new MemoryWorkbook([village(["town-dept"])]));
    expect(await screen.findByText(WRONG)).toBeInTheDocument();
  });
});

describe("a village that writes 0 across the 镇直单位 row", () => {
  it("srs check: nothing, exit 0", async () => {
    const { code, out } = await cli(village(["village"]));
    expect(out).toMatch(/未发现问题/);
    expect(out).not.toMatch(WRONG);
    expect(code).toBe(0);
  });

  it("the pane in Excel and the page: 未发现问题", async () => {
    for (const source of [
      inExcel(village(["village"])),
      new MemoryWorkbook([village(["village"])]),
    ]) {
      const { unmount } = pane(source);
      expect(await screen.findByText(/未发现问题/)).toBeInTheDocument();
      expect(screen.queryByText(WRONG)).toBeNull();
      unmount();
    }
  });
});
