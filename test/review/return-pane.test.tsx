import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { reviewed } from "../helpers/reviewed";

describe("退回 in the pane", () => {
  it("a unit's sheet gives the message to paste, the same the CLI writes", async () => {
    const { s, error } = reviewed();
    const book = new MemoryWorkbook([{ ...s.grid, name: "朴里村" }]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App source={book} />
      </FluentProvider>
    );
    fireEvent.click(await screen.findByRole("button", { name: "退回 朴里村" }));
    const message = (await screen.findByRole("textbox", {
      name: "退回说明（粘贴到聊天）",
    })) as HTMLTextAreaElement;
    expect(message.value).toMatch(/^【退回】金淘镇朴里村：报表有 \d+ 处错误、1 处提示/);
    expect(message.value).toMatch(new RegExp(`\\n1\\. ${error} .*（依据：季报表（一）注10）`));
    expect(screen.getByRole("button", { name: "下载标注副本" })).toBeInTheDocument();
    // jsdom has no clipboard, as some hosts' web views: the pane says to copy by hand.
    fireEvent.click(screen.getByRole("button", { name: "复制说明" }));
    expect(await screen.findByText("无法复制：请在上面的框中全选后复制")).toBeInTheDocument();
    let copied = "";
    Object.assign(navigator, { clipboard: { writeText: async (s: string) => void (copied = s) } });
    fireEvent.click(screen.getByRole("button", { name: "复制说明" }));
    expect(await screen.findByText("已复制，可粘贴到聊天中")).toBeInTheDocument();
    expect(copied).toBe(message.value);
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByRole("textbox", { name: "退回说明（粘贴到聊天）" })).toBeNull();
  });
});
