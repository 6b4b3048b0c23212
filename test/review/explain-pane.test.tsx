import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { readExplanations } from "../../src/rules/review/explanations";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { reviewed } from "../helpers/reviewed";

describe("审核说明 in the pane", () => {
  it("a warning gets a reason, saved in the workbook's hidden sheet; an error has no such button", async () => {
    const { s, warn, error } = reviewed();
    const book = new MemoryWorkbook([{ ...s.grid, name: "朴里村" }]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App source={book} />
      </FluentProvider>
    );
    const warnings = await screen.findByRole("region", { name: "朴里村 提示" });
    const errors = screen.getByRole("region", { name: "朴里村 错误" });
    expect(within(errors).queryByRole("button", { name: "写说明" })).toBeNull();
    expect(within(errors).getByText(new RegExp(error))).toBeInTheDocument();

    fireEvent.click(within(warnings).getByRole("button", { name: "写说明" }));
    // An empty reason is refused, in words.
    fireEvent.click(within(warnings).getByRole("button", { name: "保存说明" }));
    expect(await screen.findByText(/请写明说明的理由/)).toBeInTheDocument();
    fireEvent.change(within(warnings).getByRole("textbox", { name: new RegExp(warn) }), {
      target: { value: "按原始台账填写" },
    });
    fireEvent.click(within(warnings).getByRole("button", { name: "保存说明" }));
    expect(await screen.findByText(`已保存 ${warn} 的说明`)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "朴里村 提示" })).getByText("已说明")
      ).toBeInTheDocument()
    );
    expect(screen.getByText("按原始台账填写")).toBeInTheDocument();
    const notes = readExplanations(book.sheets)!;
    expect(book.hidden.has(notes.sheet)).toBe(true);
    expect(notes.list).toMatchObject([{ sheet: "朴里村", cell: warn, reason: "按原始台账填写" }]);
    // The hidden sheet is no report: still one sheet in the summary line.
    expect(screen.getByText(/1 个工作表，识别出 1 张报表/)).toBeInTheDocument();
  });
});
