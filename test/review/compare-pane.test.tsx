import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { periods } from "../helpers/reviewed";

function pane(book: MemoryWorkbook) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App source={book} />
    </FluentProvider>
  );
}

describe("上期对比 in the pane", () => {
  it("compares a unit with its （上次） copy: 环比 per column, the drop an error citing its basis, the jump a warning", async () => {
    const { q3, q4, slot } = periods();
    const book = new MemoryWorkbook([
      { ...q4.grid, name: "朴里村" },
      { ...q3.grid, name: "朴里村（上次）" },
    ]);
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "上期对比" }));
    expect(
      await screen.findByText("1 张报表可与上期比较；错误 1 条，提示 1 条")
    ).toBeInTheDocument();
    const unit = screen.getByRole("region", { name: "朴里村 上期对比" });
    expect(unit).toHaveTextContent("2026年第3季度 → 2026年第4季度");
    expect(unit).toHaveTextContent("上期：“朴里村（上次）”");
    const rows = within(unit).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/以来的累计数不应减少.*〔季报表（一）注6〕92−7（−77.8%）/);
    expect(rows[2]).toHaveTextContent(/是上期的 3.5 倍，请核实.*27\+5（\+250%）/);
    fireEvent.click(rows[1]);
    expect(book.selection).toEqual({
      sheet: "朴里村",
      cell: q4.address(slot, "resp.lists3.count"),
    });
  });

  it("or with a picked file: last period's report of the same unit", async () => {
    const { q3, q4 } = periods();
    const book = new MemoryWorkbook([{ ...q4.grid, name: "朴里村" }]);
    pane(book);
    fireEvent.click(await screen.findByRole("tab", { name: "上期对比" }));
    expect(await screen.findByText("没有找到同一单位较早报告期的报表。")).toBeInTheDocument();
    const bytes = await toXlsx((wb) => addGridSheet(wb, { ...q3.grid, name: "Sheet1" }));
    // jsdom's File has no arrayBuffer(); browsers' has.
    const file = Object.assign(new File([], "朴里村三季度.xlsx"), {
      arrayBuffer: async () => bytes.slice().buffer,
    });
    fireEvent.change(screen.getByLabelText("选择上期文件"), { target: { files: [file] } });
    expect(await screen.findByText("已读入“朴里村三季度.xlsx”：1 张报表")).toBeInTheDocument();
    const unit = await screen.findByRole("region", { name: "朴里村 上期对比" });
    expect(unit).toHaveTextContent("上期：“Sheet1”（朴里村三季度.xlsx）");
  });
});
