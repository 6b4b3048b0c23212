/**
 * Excel's undo history (#24 item 4): every pane action that clears it says so before it runs, and
 * nothing changes until the user goes on; an action that can keep it does. The host double records
 * what clears it as the undo page documents (test/helpers/excel-mock.ts: Book.undoKept,
 * undoCleared; MemoryStore for the document's settings), on a current Excel that keeps undo
 * through an add-in's writes (on Windows and on the web) and on an older one that does not.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { App } from "../../src/taskpane/App";
import { officeSource } from "../../src/taskpane/office-source";
import { MARK_COLORS, type UndoAction } from "../../src/workbook/types";
import type { Explanation } from "../../src/rules/review/explanations";
import { Book, excelRun, MemoryStore } from "../helpers/excel-mock";
import { reviewed } from "../helpers/reviewed";

interface Host {
  /** Passes the undo page's "Check for undo support". */
  kept: boolean;
  platform: "web" | "windows";
}
const HOSTS: [string, Host][] = [
  ["Microsoft 365 on Windows", { kept: true, platform: "windows" }],
  ["Excel on the web", { kept: true, platform: "web" }],
  ["Excel 2016/2019 (no undo through add-ins)", { kept: false, platform: "windows" }],
];

function inExcel(book: Book, host: Host, store = new MemoryStore("{}", book)) {
  book.undoKept = host.kept;
  Object.assign(globalThis, {
    Excel: { run: excelRun(book, { platform: host.platform }).run },
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string) => (set === "ExcelUndoApiAll" ? host.kept : true),
        },
        platform: host.platform === "web" ? "OfficeOnline" : "PC",
      },
      addin: { setStartupBehavior: async () => undefined },
      StartupBehavior: { load: "Load", none: "None" },
    },
  });
  return officeSource(store);
}

const village = () => {
  const grid = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid;
  const book = new Book().load({ ...grid, name: "1村" });
  book.sheets.get("1村")!.values.delete("C7");
  return book;
};
const note = (reason: string): Explanation[] => [
  { sheet: "1村", cell: "B7", rule: "bound", reason, time: "t" },
];

describe.each(HOSTS)("%s: what the pane says clears undo is what clears it", (_, host) => {
  // Each action as the pane runs it, on the double; `before` sets the workbook up (not counted).
  const actions: [UndoAction, (s: ReturnType<typeof officeSource>) => Promise<unknown>, ((s: ReturnType<typeof officeSource>) => Promise<unknown>)?][] = [
    ["fix", (s) => s.writeFixes([{ sheet: "1村", cell: "C7", value: 0, expected: null }])],
    [
      "undoFixes",
      (s) => s.undoFixes(),
      (s) => s.writeFixes([{ sheet: "1村", cell: "C7", value: 0, expected: null }]),
    ],
    ["highlight", (s) => s.highlight([{ sheet: "1村", cell: "C7", severity: "error" }])],
    [
      "followHighlights",
      (s) => s.clearHighlights().then(() => s.highlight([{ sheet: "1村", cell: "D7", severity: "error" }])),
      (s) => s.highlight([{ sheet: "1村", cell: "C7", severity: "error" }]),
    ],
    [
      "clearHighlights",
      (s) => s.clearHighlights(),
      (s) => s.highlight([{ sheet: "1村", cell: "C7", severity: "error" }]),
    ],
    ["explainNew", (s) => s.writeExplanations(note("按台账"), undefined)],
    [
      "explainInPlace",
      (s) => s.writeExplanations(note("核实无误"), "SRS审核说明"),
      (s) => s.writeExplanations(note("按台账"), undefined),
    ],
    [
      "addSheet",
      (s) => {
        const layout = blankTemplate(getTemplate("nanan-2026-quarterly-1")!);
        return s.addSheet({ ...layout.grid, name: "季报表（一）" }, layout.widths);
      },
    ],
    ["practice", (s) => s.savePractice({ sheet: "练习1", planted: [] })],
    ["profile", (s) => s.saveProfile({ unit: "金淘镇朴里村", filler: "陈明", phone: "13805951234" })],
  ];

  it.each(actions.map(([action, run, before]) => ({ action, run, before })))("$action", async ({ action, run, before }) => {
    const book = village();
    const source = inExcel(book, host);
    await before?.(source);
    book.undoCleared = [];
    await run(source);
    expect(source.clearsUndo!(action)).toBe(book.undoCleared.length > 0);
  });

  it("consolidation is always said to clear it (insertWorksheetsFromBase64, Worksheet.delete: unsupported everywhere)", () => {
    expect(inExcel(village(), host).clearsUndo!("consolidate")).toBe(true);
  });
});

function pane(book: Book, host: Host, store?: MemoryStore) {
  const source = inExcel(book, host, store);
  return render(
    <FluentProvider theme={webLightTheme}>
      <App source={{ ...source, subscribe: () => () => undefined }} />
    </FluentProvider>
  );
}
const undoDialog = async () => {
  const title = await screen.findByText("会清空 Excel 的“撤销”记录");
  return title.closest("[role=alertdialog]") as HTMLElement;
};

describe("the pane asks before it clears undo, and changes nothing until told to go on", () => {
  it("标出问题格: cancelled, no mark and undo kept; gone on, marked and the history cleared as it said", async () => {
    const book = village();
    pane(book, HOSTS[0][1]);
    fireEvent.click(await screen.findByRole("button", { name: "标出问题格" }));
    const dialog = await undoDialog();
    expect(dialog).toHaveTextContent("标出问题格会清空 Excel 的“撤销”记录");
    expect(dialog).toHaveTextContent("问题格的标记随修改更新时，也会再次清空");
    expect(book.undoCleared).toEqual([]);
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByText("会清空 Excel 的“撤销”记录")).toBeNull());
    expect(book.fill("1村", "C7").color).not.toBe(MARK_COLORS.error);
    expect(book.undoCleared).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "标出问题格" }));
    fireEvent.click(within(await undoDialog()).getByRole("button", { name: "继续", hidden: true }));
    // The blank 规上企业, and the 总数 that cannot be checked until it is filled.
    await screen.findByText(/已标出 2 个/);
    expect(book.fill("1村", "C7").color).toBe(MARK_COLORS.error);
    expect(book.undoCleared).toContain("settings.saveAsync");

    // 清除标记 asks too.
    book.undoCleared = [];
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await undoDialog()).toHaveTextContent("清除标记会清空");
    expect(book.undoCleared).toEqual([]);
  });

  it("the fix confirmation says it, in Excel", async () => {
    const book = village();
    book.sheets.get("1村")!.values.delete("F7");
    pane(book, HOSTS[0][1]);
    fireEvent.click(await screen.findByRole("button", { name: "把空白格全部填 0（2 格）" }));
    const dialog = (await screen.findByText("确认修改")).closest("[role=alertdialog]") as HTMLElement;
    expect(dialog).toHaveTextContent("确认后 Excel 的“撤销”记录会被清空");
    expect(book.undoCleared).toEqual([]);
  });

  it("表样 keeps undo where Excel keeps it (no question); asks on an Excel that does not", async () => {
    for (const host of [HOSTS[0][1], HOSTS[2][1]]) {
      const book = new Book().add("Sheet1");
      pane(book, host);
      fireEvent.click(await screen.findByRole("button", { name: "插入表样" }));
      if (!host.kept) {
        expect(await undoDialog()).toHaveTextContent("插入工作表会清空");
        expect(book.sheets.size).toBe(1);
        fireEvent.click(within(await undoDialog()).getByRole("button", { name: "继续", hidden: true }));
      }
      await screen.findByText(/已插入/);
      expect(book.sheets.size).toBe(2);
      expect(book.undoCleared.length > 0).toBe(!host.kept);
      document.body.innerHTML = "";
    }
  });

  it("审核说明 in a new sheet: asked on Windows (the sheet is hidden: Worksheet.visibility), not on the web", async () => {
    for (const host of [HOSTS[0][1], HOSTS[1][1]]) {
      const { s, warn } = reviewed();
      const book = new Book().load({ ...s.grid, name: "朴里村" });
      pane(book, host);
      const warnings = await screen.findByRole("region", { name: "朴里村 提示" });
      fireEvent.click(within(warnings).getByRole("button", { name: "写说明" }));
      fireEvent.change(within(warnings).getByRole("textbox", { name: new RegExp(warn) }), {
        target: { value: "按原始台账填写" },
      });
      fireEvent.click(within(warnings).getByRole("button", { name: "保存说明" }));
      if (host.platform === "windows") {
        const dialog = await undoDialog();
        expect(dialog).toHaveTextContent("保存审核说明会清空");
        expect(book.sheets.has("SRS审核说明")).toBe(false);
        fireEvent.click(within(dialog).getByRole("button", { name: "继续", hidden: true }));
      }
      expect(await screen.findByText(`已保存 ${warn} 的说明`)).toBeInTheDocument();
      expect(book.sheets.get("SRS审核说明")?.visibility).toBe("Hidden");
      expect(book.undoCleared).toEqual(host.platform === "windows" ? ["Worksheet.visibility"] : []);
      document.body.innerHTML = "";
    }
  });

  it("the profile, saved in the workbook's settings, asks; cancelled, it is not saved", async () => {
    const book = village();
    pane(book, HOSTS[1][1]);
    fireEvent.click(await screen.findByRole("tab", { name: "单位信息" }));
    fireEvent.click(await screen.findByRole("button", { name: "保存" }));
    const dialog = await undoDialog();
    expect(dialog).toHaveTextContent("把单位信息保存到工作簿会清空");
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByText("会清空 Excel 的“撤销”记录")).toBeNull());
    expect(book.undoCleared).toEqual([]);
    expect(screen.getByRole("button", { name: "保存" })).toBeInTheDocument();
  });
});

describe("a workbook reopened with its highlights (the marks kept in its settings)", () => {
  /** A first session: 标出问题格, gone on; the workbook then saved and closed. */
  async function markedAndClosed(host: Host) {
    const book = village();
    const own = book.fill("1村", "C7").color;
    const store = new MemoryStore("{}", book);
    const first = pane(book, host, store);
    fireEvent.click(await screen.findByRole("button", { name: "标出问题格" }));
    fireEvent.click(within(await undoDialog()).getByRole("button", { name: "继续", hidden: true }));
    await screen.findByText(/已标出 2 个/);
    first.unmount();
    book.undoCleared = [];
    return { book, own, reopened: () => new MemoryStore(store.saved, book) };
  }

  it.each(HOSTS)("%s: the marks already what the check finds: nothing repainted, nothing asked, undo kept", async (_, host) => {
    const { book, reopened } = await markedAndClosed(host);
    const store = reopened();
    pane(book, host, store);
    await screen.findByRole("button", { name: "清除标记" });
    await screen.findByText(/识别出 1 张报表/);
    // Let the pane's follow-up run out: it reads the sheets' ids, and writes nothing.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText("会清空 Excel 的“撤销”记录")).toBeNull();
    expect(book.undoCleared).toEqual([]);
    expect(book.fill("1村", "C7").color).toBe(MARK_COLORS.error);
  });

  it("the findings changed since (the clerk filled C7 elsewhere): it asks once; cancelled, the marks stay as they were and say so", async () => {
    const { book, reopened } = await markedAndClosed(HOSTS[0][1]);
    book.sheets.get("1村")!.values.set("C7", 0);
    pane(book, HOSTS[0][1], reopened());
    const dialog = await undoDialog();
    expect(dialog).toHaveTextContent("按本次检查更新上次留下的问题格标记会清空 Excel 的“撤销”记录");
    expect(book.undoCleared).toEqual([]);
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    expect(await screen.findByText(/标记是上次留下的，没有随本次检查更新/)).toBeInTheDocument();
    expect(book.undoCleared).toEqual([]);
    expect(book.fill("1村", "C7").color).toBe(MARK_COLORS.error);
    // Checking again does not ask again, nor repaint.
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText("会清空 Excel 的“撤销”记录")).toBeNull();
    expect(book.undoCleared).toEqual([]);
  });

  it("gone on, the marks follow the findings: C7, filled since, gets its own fill back", async () => {
    const { book, own, reopened } = await markedAndClosed(HOSTS[0][1]);
    book.sheets.get("1村")!.values.set("C7", 0);
    pane(book, HOSTS[0][1], reopened());
    fireEvent.click(within(await undoDialog()).getByRole("button", { name: "继续", hidden: true }));
    await waitFor(() => expect(book.fill("1村", "C7").color).toBe(own));
    expect(own).not.toBe(MARK_COLORS.error);
    expect(book.undoCleared).toContain("settings.saveAsync");
    expect(screen.queryByText(/标记是上次留下的/)).toBeNull();
  });
});
