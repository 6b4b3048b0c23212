/**
 * Every pane flow in WPS 表格: the same App over the WPS adapter, the workbook the WPS host
 * double (test/helpers/wps-mock.ts), as `window.Application` would be inside WPS.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Grid } from "../../src/rules/grid";
import { readExplanations } from "../../src/rules/review/explanations";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MARK_COLORS } from "../../src/workbook/types";
import type { EtApplication } from "../../src/workbook/wps/et";
import { readSheets } from "../../src/workbook/wps/read";
import { wpsSource } from "../../src/workbook/wps/source";
import { AUTOSHOW, propertyStore } from "../../src/workbook/wps/properties";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { periods, reviewed } from "../helpers/reviewed";
import { cellOf, fillOf, type MockApplication, wpsApp } from "../helpers/wps-mock";

const village = (name = "1村", unit?: string): Grid => ({
  ...filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"], unit })
    .grid,
  name,
});

function pane(app: MockApplication) {
  const source = wpsSource(app as unknown as EtApplication);
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={source} />
    </FluentProvider>
  );
  return source;
}

const findDialog = () => screen.findByRole("alertdialog", { hidden: true });
const grids = (app: MockApplication) =>
  readSheets((app as unknown as EtApplication).ActiveWorkbook!);

describe("the pane in WPS (host double)", () => {
  it("recognizes on reading, lists findings, a click selects the cell, and the workbook opens the pane next time", async () => {
    const app = wpsApp([village(), village("2村")]);
    app.sheet("1村").Range("C7").Value2 = "";
    app.sheet("2村").Range("D7").Value2 = "无";
    pane(app);
    const sheet1 = await screen.findByRole("region", { name: "1村 错误" });
    expect(within(sheet1).getByText(/C7 · 村 · 企业底数（家） › 规上企业/)).toBeInTheDocument();
    fireEvent.click(within(sheet1).getByText(/此格为空白/));
    await waitFor(() => expect(app.ActiveSheet?.Name).toBe("1村"));
    expect(app.ActiveCell!.Address(false, false)).toBe("C7");
    expect(screen.getByRole("region", { name: "2村 错误" })).toHaveTextContent("填的是“无”");
    expect(propertyStore(() => app.ActiveWorkbook as never).get(AUTOSHOW)).toBe(true);
  });

  it("checks again after WPS reports an edit (SheetChange)", async () => {
    const app = wpsApp([village()]);
    pane(app);
    await screen.findByText("未发现问题");
    act(() => {
      app.sheet("1村").Range("C7").Value2 = "无";
      app.fire("SheetChange", app.sheet("1村"), app.sheet("1村").Range("C7"));
    });
    expect(await screen.findByText(/填的是“无”/)).toBeInTheDocument();
  });

  it("highlights and gives every cell its own fill back", async () => {
    const app = wpsApp([{ ...village(), fills: { C7: { color: 0x50d092 } } }]);
    app.sheet("1村").Range("C7").Value2 = "";
    pane(app);
    fireEvent.click(await screen.findByRole("button", { name: "标出问题格" }));
    await waitFor(() => expect(fillOf(app, "1村", "C7")).toBe(MARK_COLORS.error));
    // Once every mark is written (and every fill it replaces recorded), not just the first.
    expect(await screen.findByText(/已标出 2 个单元格/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    // The blank 规上企业, and the 总数 that cannot be checked until it is filled.
    expect(await screen.findByText("已恢复 2 个单元格原来的底色")).toBeInTheDocument();
    expect(fillOf(app, "1村", "C7")).toBe("#92D050");
  });

  it("fixes after confirmation and undoes SRS's own change only", async () => {
    const app = wpsApp([village()]);
    app.sheet("1村").Range("C7").Value2 = "";
    app.sheet("1村").Range("F7").Value2 = "";
    pane(app);
    fireEvent.click(await screen.findByRole("button", { name: "把空白格全部填 0（2 格）" }));
    fireEvent.click(within(await findDialog()).getByRole("button", { name: "修改", hidden: true }));
    await waitFor(() => expect(cellOf(app, "1村", "C7").value).toBe(0));
    expect(cellOf(app, "1村", "F7").value).toBe(0);
    app.sheet("1村").Range("F7").Value2 = 4; // the clerk's own edit after the fix stays
    fireEvent.click(await screen.findByRole("button", { name: /撤销上次修改/ }));
    await waitFor(() => expect(cellOf(app, "1村", "C7").value).toBeUndefined());
    expect(cellOf(app, "1村", "F7").value).toBe(4);
  });

  it("stamps the period, date and profile into the header only", async () => {
    const app = wpsApp([village()]);
    const source = pane(app);
    await screen.findByText("未发现问题");
    await source.saveProfile({ unit: "金淘镇朴里村", filler: "陈明", phone: "13805951234" });
    const before = JSON.stringify(grids(app)[0].values.slice(2, 8));
    fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
    fireEvent.change(screen.getByLabelText("报告期（如 2026Q4 或 2024-05）"), {
      target: { value: "2026Q4" },
    });
    fireEvent.change(screen.getByLabelText("填报日期"), { target: { value: "2026-12-20" } });
    fireEvent.click(screen.getByRole("button", { name: "写入报告期、日期、表头和统计口径" }));
    fireEvent.click(within(await findDialog()).getByRole("button", { name: "修改", hidden: true }));
    await waitFor(() => expect(String(cellOf(app, "1村", "A2").value)).toContain("填表人：陈明"));
    expect(String(cellOf(app, "1村", "A2").value)).toContain("报告期：2026年第4季度");
    expect(JSON.stringify(grids(app)[0].values.slice(2, 8))).toBe(before);
  });

  it("审核说明: a warning's reason goes onto a hidden sheet in the workbook", async () => {
    const { s, warn } = reviewed();
    const app = wpsApp([{ ...s.grid, name: "朴里村" }]);
    pane(app);
    const warnings = await screen.findByRole("region", { name: "朴里村 提示" });
    fireEvent.click(within(warnings).getByRole("button", { name: "写说明" }));
    fireEvent.change(within(warnings).getByRole("textbox", { name: new RegExp(warn) }), {
      target: { value: "按原始台账填写" },
    });
    fireEvent.click(within(warnings).getByRole("button", { name: "保存说明" }));
    expect(await screen.findByText(`已保存 ${warn} 的说明`)).toBeInTheDocument();
    const notes = readExplanations(grids(app))!;
    expect(notes.list).toMatchObject([{ sheet: "朴里村", cell: warn, reason: "按原始台账填写" }]);
    expect(app.sheet(notes.sheet).Visible).toBe(0);
    expect(app.ActiveSheet?.Name).toBe("朴里村");
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "朴里村 提示" })).getByText("已说明")
      ).toBeInTheDocument()
    );
  });

  it("退回 gives the message to paste", async () => {
    const { s, error } = reviewed();
    pane(wpsApp([{ ...s.grid, name: "朴里村" }]));
    fireEvent.click(await screen.findByRole("button", { name: "退回 朴里村" }));
    const message = (await screen.findByRole("textbox", {
      name: "退回说明（粘贴到聊天）",
    })) as HTMLTextAreaElement;
    expect(message.value).toMatch(/^【退回】金淘镇朴里村：报表有 \d+ 处错误、1 处提示/);
    expect(message.value).toContain(error);
  });

  it("上期对比 against the unit's （上次） copy", async () => {
    const { q3, q4 } = periods();
    pane(
      wpsApp([
        { ...q4.grid, name: "朴里村" },
        { ...q3.grid, name: "朴里村（上次）" },
      ])
    );
    fireEvent.click(await screen.findByRole("tab", { name: "上期对比" }));
    expect(
      await screen.findByText("1 张报表可与上期比较；错误 1 条，提示 1 条")
    ).toBeInTheDocument();
  });

  it("培训: a practice sheet is added, and its round kept in the workbook", async () => {
    const app = wpsApp([village()]);
    const source = pane(app);
    fireEvent.click(await screen.findByRole("tab", { name: "培训" }));
    fireEvent.click(await screen.findByRole("button", { name: "生成练习表" }));
    await waitFor(() => expect(source.loadPractice()).toBeDefined());
    const round = source.loadPractice()!;
    expect(app.ActiveWorkbook.Worksheets.Item(round.sheet).Name).toBe(round.sheet);
    expect(await screen.findByText(/已改正 0\/8/)).toBeInTheDocument();
  });

  it("表样: a workbook with no report gets the blank table inserted as a new sheet", async () => {
    const app = wpsApp([{ name: "Sheet1", values: [["预算"]], merges: [] }]);
    pane(app);
    const picker = await screen.findByRole("region", { name: "表样" });
    fireEvent.click(within(picker).getByRole("button", { name: "插入表样" }));
    const inserted = await screen.findByText(/已插入工作表“(.+)”：官方空白表样/);
    const name = /“(.+)”/.exec(inserted.textContent!)![1];
    expect(app.sheet(name).merges.length).toBeGreaterThan(0);
    expect(app.ActiveSheet?.Name).toBe(name);
  });

  it("one-button consolidation: the picked files read by the page's readers, summary as native SUMs", async () => {
    const app = wpsApp([village("朴里村", "金淘镇朴里村")]);
    const other = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed: 5,
      rowTypes: ["village"],
      unit: "金淘镇岭兜村",
    });
    const good = await layoutsToXlsx([{ ...other.layout, grid: other.grid }]);
    pane(app);
    fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
    const file = (bytes: Uint8Array, name: string) =>
      Object.assign(new File([], name), { arrayBuffer: async () => bytes.slice().buffer });
    fireEvent.change(screen.getByLabelText("选择报表文件"), {
      target: {
        files: [file(good, "岭兜村.xlsx"), file(new Uint8Array(Buffer.from("坏")), "坏.xlsx")],
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "导入并汇总（2 个文件）" }));
    const result = await screen.findByRole("list", { name: "汇总结果" });
    expect(result).toHaveTextContent("金淘镇岭兜村（岭兜村.xlsx）：已汇总 季报表（一）");
    expect(result).toHaveTextContent("坏.xlsx：无法读取");
    const names = grids(app).map((g) => g.name);
    expect(names).toContain("汇总说明");
    const summary = names.find((n) => /季报表/.test(n) && n !== "朴里村")!;
    const formulas = [...app.sheet(summary).formulas.values()];
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.every((f) => /^=SUM\(/.test(f))).toBe(true);
  });
});
