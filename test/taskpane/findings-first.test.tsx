/** A big workbook's findings: the first sheets are drawn at once, every sheet right after. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import { checkGrids } from "../../src/rules/check";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { FindingsView } from "../../src/taskpane/FindingsView";
import { strings } from "../../src/taskpane/i18n";

it("draws the first six sheets in the first frame and the other four in the next", async () => {
  const grids = Array.from({ length: 10 }, (_, i) => ({
    ...filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: i + 1, rowTypes: ["village"] })
      .grid,
    name: `${i + 1}村`,
  }));
  const names = () => screen.queryAllByText(/^\d+村$/).map((e) => e.textContent);
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView reports={checkGrids(grids)} lang="zh" t={strings("zh")} onSelect={() => {}} onFix={() => {}} />
    </FluentProvider>
  );
  expect(names()).toEqual(["1村", "2村", "3村", "4村", "5村", "6村"]);
  await waitFor(() => expect(names()).toHaveLength(10));
  expect(names()).toEqual(grids.map((g) => g.name));
});
