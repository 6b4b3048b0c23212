/**
 * A big workbook's first check: the pane shows the first sheets' findings while the rest are
 * checked, says how far it is (正在检查 x / n 个工作表), and gives no count of the whole until every
 * sheet is checked.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor } from "@testing-library/react";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { App, SHEETS_PER_STEP } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

const SHEETS = 14;
const filled = (i: number) =>
  filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: i + 1, rowTypes: ["village"] }).grid;
const village = (i: number): Grid => {
  const g = filled(i);
  g.values[6][5] = "无"; // F7 (in no sum): one finding each
  return { ...g, name: `${i + 1}村` };
};

const sheetNames = () => screen.queryAllByText(/^\d+村$/).map((e) => e.textContent);
const progress = () => screen.queryByText(/^正在检查 \d+ \/ \d+ 个工作表$/)?.textContent;
const summary = () => screen.queryByText(/识别出/)?.textContent;

/** What the pane shows after every change to the page, from now on. */
function everyLook<T>(look: () => T): { seen: T[]; stop: () => void } {
  const seen: T[] = [];
  const observer = new MutationObserver(() => seen.push(look()));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

it("shows the first sheets' findings with its progress, then every sheet and the summary", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={new MemoryWorkbook(Array.from({ length: SHEETS }, (_, i) => village(i)))} />
    </FluentProvider>
  );
  // The first step on screen: its sheets, how far the check is, no summary yet.
  await waitFor(() => expect(sheetNames().length).toBeGreaterThan(0));
  expect(progress()).toBe(`正在检查 ${SHEETS_PER_STEP} / ${SHEETS} 个工作表`);
  expect(sheetNames()).toEqual(Array.from({ length: SHEETS_PER_STEP }, (_, i) => `${i + 1}村`));
  expect(screen.getAllByText(/填的是“无”/)).toHaveLength(SHEETS_PER_STEP);
  expect(screen.queryByText(/识别出/)).toBeNull();
  expect(screen.queryByRole("button", { name: "标出问题格" })).toBeNull();
  // Until the last step, never a count of the whole; the progress goes up to it.
  const looks = everyLook(() => ({ progress: progress(), summary: summary() }));
  await waitFor(() => expect(summary()).toBeDefined(), { timeout: 10_000 });
  looks.stop();
  expect(looks.seen.filter((l) => l.progress && l.summary)).toEqual([]);
  expect(new Set(looks.seen.map((l) => l.progress).filter(Boolean))).toEqual(
    new Set([`正在检查 12 / ${SHEETS} 个工作表`])
  );
  expect(screen.getByText(`${SHEETS} 个工作表，识别出 ${SHEETS} 张报表；错误 ${SHEETS} 条，提示 0 条`)).toBeInTheDocument();
  expect(progress()).toBeUndefined();
  await waitFor(() => expect(sheetNames()).toHaveLength(SHEETS));
  expect(sheetNames()).toEqual(Array.from({ length: SHEETS }, (_, i) => `${i + 1}村`));
  expect(screen.getAllByText(/填的是“无”/)).toHaveLength(SHEETS);
});

it("checking again keeps the findings shown until the new ones are all in", async () => {
  const book = new MemoryWorkbook(Array.from({ length: SHEETS }, (_, i) => village(i)));
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} />
    </FluentProvider>
  );
  await screen.findByText(/识别出 14 张报表；错误 14 条/);
  await waitFor(() => expect(sheetNames()).toHaveLength(SHEETS));
  const looks = everyLook(() => ({ progress: progress(), sheets: sheetNames().length, summary: summary() }));
  act(() => book.setCell("14村", "F7", filled(13).values[6][5]));
  await screen.findByText(/识别出 14 张报表；错误 13 条/, undefined, { timeout: 10_000 });
  looks.stop();
  // Each look while it checked again: the last whole summary and every sheet, no partial list.
  expect(looks.seen.filter((l) => l.progress || l.sheets < SHEETS || !l.summary)).toEqual([]);
});
