import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { partText, unzipParts } from "../../src/workbook/xlsx/parts";
import { MemoryStore } from "../helpers/excel-mock";
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

  /** A host that opens copies as new workbooks (Excel), or refuses to. */
  class OpensCopies extends MemoryWorkbook {
    opened: Uint8Array[] = [];
    refuse?: Error;
    async openCopy(bytes: Uint8Array) {
      if (this.refuse) throw this.refuse;
      this.opened.push(bytes);
    }
  }

  async function returnIn(book: MemoryWorkbook) {
    render(
      <FluentProvider theme={webLightTheme}>
        <App source={book} />
      </FluentProvider>
    );
    fireEvent.click(await screen.findByRole("button", { name: "退回 朴里村" }));
  }

  it("in Excel the marked copy opens as a new workbook, and the pane says so, never 已下载", async () => {
    const { s } = reviewed();
    const book = new OpensCopies([{ ...s.grid, name: "朴里村" }]);
    await returnIn(book);
    expect(screen.queryByRole("button", { name: "下载标注副本" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "打开标注副本" }));
    expect(
      await screen.findByText(/^已在新工作簿中打开标注副本.*请另存为“金淘镇朴里村-退回\.xlsx”/)
    ).toBeInTheDocument();
    expect(screen.queryByText(/已下载/)).toBeNull();
    expect(book.opened).toHaveLength(1);
    const parts = unzipParts(book.opened[0]);
    expect(partText(parts, "xl/workbook.xml")).toContain('name="问题清单"');
  });

  it("a copy the host could not open says why, not that it was downloaded", async () => {
    const { s } = reviewed();
    const book = new OpensCopies([{ ...s.grid, name: "朴里村" }]);
    book.refuse = new Error("Excel 未能把标注副本打开为新工作簿（GeneralException）：请再试一次");
    await returnIn(book);
    fireEvent.click(screen.getByRole("button", { name: "打开标注副本" }));
    await screen.findByText(/^Excel 未能把标注副本打开为新工作簿/);
    expect(screen.queryByText(/已下载|已在新工作簿中打开/)).toBeNull();
  });

  it("Excel's source opens it with Excel.createWorkbook, the file in base64", async () => {
    // [d.ts] Excel.createWorkbook(base64?: string): Promise<void>, "Creates and opens a new
    // workbook. Optionally, the workbook can be pre-populated with a base64-encoded .xlsx file."
    const created: string[] = [];
    Object.assign(globalThis, {
      Excel: { createWorkbook: async (b64?: string) => void created.push(b64 ?? "") },
    });
    const bytes = new Uint8Array([80, 75, 3, 4, 255, 0, 1]);
    await officeSource(new MemoryStore()).openCopy!(bytes);
    expect(created).toEqual([Buffer.from(bytes).toString("base64")]);
    // A host that refuses: its one zh line (the code kept), not Excel's English message.
    const refusal = Object.assign(new Error("This operation is not implemented."), {
      code: "ApiNotFound",
    });
    Object.assign(globalThis, { Excel: { createWorkbook: () => Promise.reject(refusal) } });
    await expect(officeSource(new MemoryStore()).openCopy!(bytes)).rejects.toThrow(
      /^Excel 未能把标注副本打开为新工作簿（ApiNotFound）：/
    );
  });
});
