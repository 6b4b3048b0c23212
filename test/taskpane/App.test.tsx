import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookSource } from "../../src/taskpane/source";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { getTemplate } from "../../src/rules/templates/catalog";

const source = (grids = [blankTemplate(getTemplate("nanan-2026-quarterly-1")!).grid]): WorkbookSource => ({
  readSheets: async () => grids,
  select: jest.fn(async () => undefined),
});

describe("task pane", () => {
  it("says which report each sheet is", async () => {
    const budget = { name: "预算", values: [["项目", "金额"], ["办公费", 12]], merges: [] };
    render(
      <FluentProvider theme={webLightTheme}>
        <App source={source([blankTemplate(getTemplate("nanan-2026-quarterly-1")!).grid, budget])} />
      </FluentProvider>
    );
    expect(await screen.findByText("南安市2026年安全生产标准化提升专项行动提质增效进展情况季报表（一）")).toBeInTheDocument();
    expect(screen.getByText(/未识别为任何报表/)).toBeInTheDocument();
  });

  it("shows a readable message when the workbook cannot be read", async () => {
    const failing: WorkbookSource = { readSheets: async () => Promise.reject(new Error("RichApi.Error: 不支持")), select: jest.fn() };
    render(
      <FluentProvider theme={webLightTheme}>
        <App source={failing} />
      </FluentProvider>
    );
    expect(await screen.findByText(/读取工作簿失败/)).toBeInTheDocument();
  });
});
