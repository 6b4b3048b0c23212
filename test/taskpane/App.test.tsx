import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { MARK_COLORS } from "../../src/workbook/types";

const village = (name = "1村"): Grid => ({
  ...filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid,
  name,
});

function pane(book: MemoryWorkbook, props: Partial<Parameters<typeof App>[0]> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} {...props} />
    </FluentProvider>
  );
}

/**
 * The confirmation dialog. Under jsdom, Fluent's focus trap (tabster's modalizer) sometimes leaves
 * the open dialog itself marked aria-hidden, depending on timing; on screen it is visible and
 * focused, so the dialog and its buttons are looked up regardless.
 */
const findDialog = () => screen.findByRole("alertdialog", { hidden: true });

describe("task pane", () => {
  it("no template: says nothing was recognized and names the sheet", async () => {
    pane(
      new MemoryWorkbook([
        {
          name: "预算",
          values: [
            ["项目", "金额"],
            ["办公费", 12],
          ],
          merges: [],
        },
      ])
    );
    expect(await screen.findByText(/没有识别出报表/)).toBeInTheDocument();
    expect(screen.getByText(/预算：未识别为任何报表/)).toBeInTheDocument();
  });

  it("clean: a correctly filled report shows no problem", async () => {
    pane(new MemoryWorkbook([village()]));
    expect(await screen.findByText("未发现问题")).toBeInTheDocument();
    expect(screen.getByText(/错误 0 条，提示 0 条/)).toBeInTheDocument();
  });

  it("findings: lists them by sheet and severity, and a click selects the cell", async () => {
    const book = new MemoryWorkbook([village(), village("2村")]);
    book.setCell("1村", "C7", null);
    book.setCell("2村", "D7", "无");
    pane(book);
    const sheet1 = await screen.findByRole("region", { name: "1村 错误" });
    const item = within(sheet1).getByText(/此格为空白/);
    expect(within(sheet1).getByText(/C7 · 村 · 企业底数（家） › 规上企业/)).toBeInTheDocument();
    expect(within(sheet1).getByText("〔季报表（一）注10〕")).toBeInTheDocument();
    fireEvent.click(item);
    await waitFor(() => expect(book.selection).toEqual({ sheet: "1村", cell: "C7" }));
    expect(screen.getByRole("region", { name: "2村 错误" })).toHaveTextContent("填的是“无”");
  });

  it("fix confirmation: says what will change, changes nothing on cancel, then fixes and checks again", async () => {
    const book = new MemoryWorkbook([village()]);
    book.setCell("1村", "C7", null);
    book.setCell("1村", "F7", null);
    pane(book);
    fireEvent.click(await screen.findByRole("button", { name: "把空白格全部填 0（2 格）" }));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent("将修改以下 2 个单元格");
    expect(dialog).toHaveTextContent("1村!C7：（空白） → 0");
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(book.getCell("1村", "C7")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "把空白格全部填 0（2 格）" }));
    fireEvent.click(within(await findDialog()).getByRole("button", { name: "修改", hidden: true }));
    expect(await screen.findByText("已修改 2 个单元格，并重新检查")).toBeInTheDocument();
    expect([book.getCell("1村", "C7"), book.getCell("1村", "F7")]).toEqual([0, 0]);
    await waitFor(() => expect(screen.queryByText(/此格为空白/)).toBeNull());
    // 规上企业 is now 0: the 总数 no longer adds up, which the re-check says.
    expect(screen.getByText(/总数应为/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "撤销上次修改（2 格）" }));
    expect(await screen.findByText("已恢复 2 个单元格修改前的内容")).toBeInTheDocument();
    expect(book.getCell("1村", "C7")).toBeNull();
  });

  it("highlight and clear: colours flagged cells and gives the clerk's own fill back", async () => {
    const book = new MemoryWorkbook([village()]);
    book.setCell("1村", "C7", null);
    book.fills.set("1村", new Map([["C7", "#92D050"]]));
    pane(book);
    fireEvent.click(await screen.findByRole("button", { name: "标出问题格" }));
    // The blank 规上企业, and the 总数 that cannot be checked until it is filled.
    expect(await screen.findByText(/已标出 2 个单元格/)).toBeInTheDocument();
    expect(book.fillOf("1村", "C7")).toBe(MARK_COLORS.error);
    expect(book.fillOf("1村", "B7")).toBe(MARK_COLORS.error);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("已恢复 2 个单元格原来的底色")).toBeInTheDocument();
    expect(book.fillOf("1村", "C7")).toBe("#92D050");
    expect(book.fillOf("1村", "B7")).toBeUndefined();
  });

  it("explain: describes the selected cell, its counting basis, relations and notes", async () => {
    const book = new MemoryWorkbook([village()]);
    pane(book);
    await screen.findByText("未发现问题");
    await act(() => book.select("1村", "N7")); // 村 · 红色风险企业
    fireEvent.click(screen.getByRole("tab", { name: "单元格说明" }));
    const region = await screen.findByRole("region", { name: "单元格说明" });
    expect(region).toHaveTextContent(
      "落实全员安全生产责任制数量 › 四色安全风险分级动态监管 › 红色风险企业（家）"
    );
    expect(region).toHaveTextContent("2021年8月以来累计");
    expect(region).toHaveTextContent("企业数量（家） = 红色风险企业（家） + 橙色风险企业（家）");
    expect(region).toHaveTextContent("季报表（一）注7");
  });

  it("re-checks after an edit, once the edits pause", async () => {
    const book = new MemoryWorkbook([village()]);
    pane(book);
    await screen.findByText("未发现问题");
    act(() => book.setCell("1村", "C7", "无"));
    expect(screen.queryByText(/填的是“无”/)).toBeNull();
    expect(await screen.findByText(/填的是“无”/)).toBeInTheDocument();
  });

  it("unit profile: remembers the unit, name and phone", async () => {
    const book = new MemoryWorkbook([village()]);
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "单位信息" }));
    fireEvent.change(screen.getByLabelText("填报单位"), { target: { value: "金淘镇朴里村" } });
    fireEvent.change(screen.getByLabelText("填表人"), { target: { value: "林小红" } });
    fireEvent.change(screen.getByLabelText("联系电话"), { target: { value: "86123" } });
    expect(screen.getByText(/带区号的固定电话/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("联系电话"), { target: { value: "0595-86123456" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(book.loadProfile()).toEqual({
        unit: "金淘镇朴里村",
        filler: "林小红",
        phone: "0595-86123456",
      })
    );
  });

  it("a host too old for the API gets one readable message", () => {
    pane(new MemoryWorkbook([]), { supported: false });
    expect(screen.getByText(/Excel 版本过旧/)).toBeInTheDocument();
  });

  it("speaks English where Office does", async () => {
    pane(new MemoryWorkbook([village()]), { lang: "en" });
    expect(await screen.findByText("No problems found")).toBeInTheDocument();
  });

  it("in Excel the fix confirmation says Excel's undo history is cleared; on the page it does not", async () => {
    for (const clearsUndo of [true, false]) {
      const book = Object.assign(new MemoryWorkbook([village()]), { clearsUndo: () => clearsUndo });
      book.setCell("1村", "C7", null);
      book.setCell("1村", "F7", null);
      const view = pane(book);
      fireEvent.click(await screen.findByRole("button", { name: "把空白格全部填 0（2 格）" }));
      const dialog = await findDialog();
      if (clearsUndo) expect(dialog).toHaveTextContent("确认后 Excel 的“撤销”记录会被清空");
      else expect(dialog).not.toHaveTextContent("撤销”记录");
      fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
      view.unmount();
    }
  });

  it("stamp: after confirmation, writes the period, date and profile into the header only", async () => {
    const book = new MemoryWorkbook([village()]);
    await book.saveProfile({ unit: "金淘镇朴里村", filler: "陈明", phone: "13805951234" });
    const before = JSON.stringify(book.sheets[0].values.slice(2, 8));
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
    fireEvent.change(screen.getByLabelText("报告期（如 2026Q4 或 2024-05）"), {
      target: { value: "2026Q4" },
    });
    fireEvent.change(screen.getByLabelText("填报日期"), { target: { value: "2026-12-20" } });
    fireEvent.click(screen.getByRole("button", { name: "写入报告期、日期、表头和统计口径" }));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent("报告期：2026年第4季度");
    fireEvent.click(within(dialog).getByRole("button", { name: "修改", hidden: true }));
    await waitFor(() => expect(String(book.getCell("1村", "A2"))).toContain("填表人：陈明"));
    expect(String(book.getCell("1村", "A2"))).toContain("报告期：2026年第4季度");
    expect(JSON.stringify(book.sheets[0].values.slice(2, 8))).toBe(before); // header rows and data untouched
  });

  it("consolidate: a file no report could be is listed with its reason; a failure shows one line", async () => {
    const book = new MemoryWorkbook([village()]);
    const filled = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed: 5,
      rowTypes: ["village"],
      unit: "金淘镇岭兜村",
    });
    const good = await layoutsToXlsx([{ ...filled.layout, grid: filled.grid }]);
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
    // jsdom's File has no arrayBuffer(); browsers' has.
    const file = (bytes: Uint8Array, name: string) =>
      Object.assign(new File([], name), { arrayBuffer: async () => bytes.slice().buffer });
    const files = [
      file(good, "岭兜村.xlsx"),
      file(new Uint8Array(Buffer.from("这不是表格")), "坏文件.xlsx"),
    ];
    fireEvent.change(screen.getByLabelText("选择报表文件"), { target: { files } });
    fireEvent.click(screen.getByRole("button", { name: "导入并汇总（2 个文件）" }));
    const result = await screen.findByRole("list", { name: "汇总结果" });
    expect(result).toHaveTextContent("金淘镇岭兜村（岭兜村.xlsx）：已汇总 季报表（一）");
    expect(result).toHaveTextContent("坏文件.xlsx：无法读取：不是 Excel 工作簿（.xlsx）文件");
    expect(book.sheets.map((s) => s.name)).toContain("汇总说明");

    book.consolidate = () =>
      Promise.reject(
        new Error("导入工作表需要 ExcelApi 1.13（Microsoft 365 或 Excel 网页版）\n    at stack")
      );
    fireEvent.click(screen.getByRole("button", { name: "导入并汇总（2 个文件）" }));
    expect(
      await screen.findByText("导入工作表需要 ExcelApi 1.13（Microsoft 365 或 Excel 网页版）")
    ).toBeInTheDocument();
    expect(screen.queryByText(/at stack/)).toBeNull();
  });

  it("drafts the unit roster from the reports in the workbook, then counts 缺报 from it", async () => {
    const book = new MemoryWorkbook([village("朴里村")]);
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "汇总·盖章" }));
    expect(await screen.findByText(/还没有单位名册/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "起草单位名册" }));
    expect(await screen.findByText(/单位名册：1 个单位/)).toBeInTheDocument();
    const roster = book.sheets.find((s) => s.name === "单位名册")!;
    expect(roster.values.slice(0, 2)).toEqual([
      ["单位名称", "单位类型", "联系人", "联系电话", "别名"],
      // 联系人 and 联系电话 from the report's header line (填表人, 联系电话): whom a 催报 reaches.
      ["金淘镇朴里村", "村", "林小红", "0595-86123456", ""],
    ]);
  });
});
