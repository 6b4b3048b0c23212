/**
 * Protected sheets. SRS's blank templates are protected without a password (data cells and header
 * lines unlocked, rules/layout/protection.ts); Excel refuses values in a locked cell of a protected
 * sheet and formats the protection does not allow. The pane's confirmed writes (stamp, fixes, undo,
 * consolidation in place) unprotect only a sheet that would refuse them, write, and protect it
 * again with the same options; a password stops the action before any cell changes.
 */
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { CLERK_MAY, unlockedCells } from "../../src/rules/layout/protection";
import { toA1 } from "../../src/rules/grid";
import { recognizeSheet } from "../../src/rules/recognize";
import { stampSheetEdits } from "../../src/rules/stamp";
import { getTemplate } from "../../src/rules/templates/catalog";
import { filledSheet } from "../../src/rules/sample/filled";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import {
  clearHighlights,
  hasHighlights,
  highlightCells,
} from "../../src/workbook/office/highlight";
import { passwordReason } from "../../src/workbook/refusals";
import { lastFixes, undoFixes, writeFixes } from "../../src/workbook/office/values";
import { type CellWrite, type Mark, MARK_COLORS } from "../../src/workbook/types";
import {
  Book,
  excelContext,
  type FixtureSheet,
  HostError,
  MemoryStore,
  NO_FILL,
  PROTECTION_DEFAULTS,
} from "../helpers/excel-mock";

const t = getTemplate("nanan-2026-quarterly-1")!;

/** The protection options Excel reads from a blank template SRS writes (CLERK_MAY). */
const TEMPLATE_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: CLERK_MAY.formatCells,
  allowFormatColumns: CLERK_MAY.formatColumns,
  allowFormatRows: CLERK_MAY.formatRows,
  selectionMode: CLERK_MAY.selectLockedCells ? "Normal" : "Unlocked",
};

/** A blank template as `srs template` writes it, opened in Excel: protected, its fill-in cells unlocked. */
function protectedBlank(book: Book, name: string, password?: string) {
  const layout = blankTemplate(t);
  book.load({ ...layout.grid, name });
  book.unlock(
    name,
    unlockedCells(t, layout).map((c) => toA1(null, c.row, c.col))
  );
  book.protect(name, TEMPLATE_OPTIONS, password);
  return layout;
}

/** The pane's stamp of a sheet (ConsolidateView's stampWrites): header line, 报告期, 统计口径. */
function stampWrites(book: Book, sheet: string): CellWrite[] {
  const grid = book.grid(sheet);
  const edits = stampSheetEdits(recognizeSheet(grid), {
    period: { cycle: "quarter", year: 2026, quarter: 4 },
    date: { year: 2026, month: 12, day: 20 },
    profile: { unit: "金淘镇朴里村", filler: "王五", phone: "05958612345" },
  });
  return edits
    .map((e) => ({
      sheet,
      cell: toA1(null, e.row, e.col),
      value: e.value,
      expected: grid.values[e.row]?.[e.col] ?? null,
    }))
    .filter((w) => w.value !== w.expected);
}

const snapshot = (book: Book, sheet: string) => {
  const s = book.sheets.get(sheet)!;
  return { values: new Map(s.values), formulas: new Map(s.formulas), formats: new Map(s.formats) };
};

describe("host double: worksheet protection as Excel documents it", () => {
  it("refuses values, formulas and clearing in a locked cell of a protected sheet, the whole write, with AccessDenied", async () => {
    const book = new Book().add("S").unlock("S", ["B2"]).protect("S");
    const { context } = excelContext(book);
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("B2").values = [[1]];
    await context.sync();
    expect(book.value("S", "B2")).toBe(1);
    // Each refused whole: nothing of it is applied.
    ws.getRange("B2:C2").values = [[2, 3]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("A1").formulas = [["=1+1"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("B2:C2").clear("Contents");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect([book.value("S", "B2"), book.value("S", "C2"), book.value("S", "A1")]).toEqual([
      1,
      "",
      "",
    ]);
  });

  it("allows formats only as the protection's options do, locked cell or not", async () => {
    const book = new Book().add("S").unlock("S", ["B2"]).protect("S");
    const { context } = excelContext(book);
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("B2").numberFormat = [["@"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRanges("B2").format.fill.color = "#FF0000";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    book.sheets.get("S")!.protection = undefined;
    book.protect("S", { allowFormatCells: true });
    ws.getRange("A1").numberFormat = [["@"]];
    ws.getRanges("A1").format.fill.color = "#FF0000";
    await context.sync();
    expect([book.format("S", "A1"), book.fill("S", "A1").color]).toEqual(["@", "#FF0000"]);
    ws.getRange("A1").format.columnWidth = 40;
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("reads protected, options and each range's lock (locked by default, null when mixed); protect and unprotect, a password kept", async () => {
    const book = new Book().add("S").unlock("S", ["B2"]);
    const { context } = excelContext(book);
    const ws = context.workbook.worksheets.getItem("S");
    const prot = ws.protection.load("protected,options");
    const locks = ["A1", "B2", "A1:B2"].map((a) => ws.getRange(a).format.protection.load("locked"));
    await context.sync();
    expect(prot.protected).toBe(false);
    expect(locks.map((l) => l.locked)).toEqual([true, false, null]);
    ws.protection.protect({ allowFormatCells: true }, "secret");
    const again = ws.protection.load("protected,options");
    await context.sync();
    expect(again.protected).toBe(true);
    expect(again.options).toMatchObject({ allowFormatCells: true, allowSort: false });
    ws.protection.protect();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("A1").format.protection.locked = false;
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.protection.unprotect();
    await expect(context.sync()).rejects.toBeInstanceOf(HostError);
    ws.protection.unprotect("secret");
    ws.protection.unprotect(); // already unprotected: nothing to do
    ws.getRange("A1").values = [["now open"]];
    await context.sync();
    expect(book.sheets.get("S")!.protection).toBeUndefined();
    expect(book.value("S", "A1")).toBe("now open");
  });
});

describe("Office adapter on a protected blank template", () => {
  it("stamps the header, 报告期 and 统计口径 into locked cells, protecting the sheet again with the same options", async () => {
    const book = new Book();
    protectedBlank(book, "季报表（一）");
    const options = { ...book.sheets.get("季报表（一）")!.protection!.options };
    expect(options).toMatchObject(TEMPLATE_OPTIONS);
    const writes = stampWrites(book, "季报表（一）");
    // The stamp reaches locked cells (the title's 报告期, the 统计口径 line under the notes).
    expect(writes.some((w) => book.locked("季报表（一）", w.cell))).toBe(true);
    const store = new MemoryStore();
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    expect(await writeFixes(context, writes, store)).toBe(writes.length);
    for (const w of writes)
      expect([w.cell, book.value("季报表（一）", w.cell)]).toEqual([w.cell, w.value]);
    // Read with the protection, unprotect, write, protect again.
    expect(sync).toHaveBeenCalledTimes(4);
    const after = book.sheets.get("季报表（一）")!.protection!;
    expect(after.options).toEqual(options);
    expect(after.password).toBeUndefined();

    // Undo gives every cell back the same way.
    expect(await undoFixes(excelContext(book).context, store)).toBe(writes.length);
    for (const w of writes) expect(book.value("季报表（一）", w.cell)).toBe(w.expected ?? "");
    expect(book.sheets.get("季报表（一）")!.protection!.options).toMatchObject(TEMPLATE_OPTIONS);
  });

  it("fixes data cells without lifting the protection at all, even a password's: they are unlocked", async () => {
    const book = new Book();
    const layout = protectedBlank(book, "季报表（一）", "县里的密码");
    const r = layout.body.top;
    const cells = [1, 2, 3].map((c) => toA1(null, r, c));
    cells.forEach((c) => book.sheets.get("季报表（一）")!.values.set(c, "无"));
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    const n = await writeFixes(
      context,
      cells.map((cell) => ({ sheet: "季报表（一）", cell, value: 0, expected: "无" })),
      new MemoryStore()
    );
    expect(n).toBe(3);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(cells.map((c) => book.value("季报表（一）", c))).toEqual([0, 0, 0]);
    expect(book.sheets.get("季报表（一）")!.protection!.password).toBe("县里的密码");
  });

  it("on a sheet that leaves a cell open but allows no formatting, a number goes in as it is; text, set as text, needs the protection lifted", async () => {
    const book = new Book().add("1村").unlock("1村", ["C7", "D2"]);
    book.protect("1村", { allowSort: true }, "密码");
    book.sheets.get("1村")!.values.set("C7", "无");
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    const number = [{ sheet: "1村", cell: "C7", value: 0, expected: "无" }];
    expect(await writeFixes(context, number, new MemoryStore())).toBe(1);
    expect([book.value("1村", "C7"), book.format("1村", "C7")]).toEqual([0, "General"]);
    expect(sync).toHaveBeenCalledTimes(2);

    const phone = [{ sheet: "1村", cell: "D2", value: "05958612345", expected: null }];
    await expect(writeFixes(excelContext(book).context, phone, new MemoryStore())).rejects.toThrow(
      passwordReason("1村")
    );
    expect(book.value("1村", "D2")).toBe("");
    book.sheets.get("1村")!.protection = undefined;
    book.protect("1村", { allowSort: true });
    expect(await writeFixes(excelContext(book).context, phone, new MemoryStore())).toBe(1);
    expect([book.value("1村", "D2"), book.format("1村", "D2")]).toEqual(["05958612345", "@"]);
    expect(book.sheets.get("1村")!.protection!.options).toMatchObject({
      allowSort: true,
      allowFormatCells: false,
    });
  });

  it("a sheet protected with a password stops the stamp with one zh line, every cell as it was", async () => {
    const book = new Book();
    protectedBlank(book, "季报表（一）", "县里的密码");
    const before = snapshot(book, "季报表（一）");
    const store = new MemoryStore();
    await expect(
      writeFixes(excelContext(book).context, stampWrites(book, "季报表（一）"), store)
    ).rejects.toThrow(passwordReason("季报表（一）"));
    expect(passwordReason("季报表（一）")).toBe(
      "工作表“季报表（一）”受密码保护，SRS 未作修改：请先在 审阅→撤销工作表保护 后再试"
    );
    expect(snapshot(book, "季报表（一）")).toEqual(before);
    expect(book.sheets.get("季报表（一）")!.protection).toMatchObject({ password: "县里的密码" });
    expect(lastFixes(store)).toBe(0);
  });

  it("with two sheets to stamp, the one unprotected before Excel refused the other's password is protected again", async () => {
    const book = new Book();
    protectedBlank(book, "朴里村");
    protectedBlank(book, "岭兜村", "密码");
    const before = [snapshot(book, "朴里村"), snapshot(book, "岭兜村")];
    const writes = [...stampWrites(book, "朴里村"), ...stampWrites(book, "岭兜村")];
    await expect(writeFixes(excelContext(book).context, writes, new MemoryStore())).rejects.toThrow(
      passwordReason("岭兜村")
    );
    expect([snapshot(book, "朴里村"), snapshot(book, "岭兜村")]).toEqual(before);
    expect(book.sheets.get("朴里村")!.protection!.options).toMatchObject(TEMPLATE_OPTIONS);
    expect(book.sheets.get("岭兜村")!.protection!.password).toBe("密码");
  });

  it("protects the sheet again when the write fails", async () => {
    const book = new Book();
    protectedBlank(book, "季报表（一）");
    const store = new MemoryStore();
    let liftedWhenSaving = false;
    store.save = () => {
      liftedWhenSaving = !book.sheets.get("季报表（一）")!.protection;
      return Promise.reject(new Error("settings not saved"));
    };
    await expect(
      writeFixes(excelContext(book).context, stampWrites(book, "季报表（一）"), store)
    ).rejects.toThrow("settings not saved");
    expect(liftedWhenSaving).toBe(true);
    expect(book.sheets.get("季报表（一）")!.protection!.options).toMatchObject(TEMPLATE_OPTIONS);
  });
});

describe("one-button consolidation with protected sheets", () => {
  /** A village's report: the protected blank it was sent, filled in; one number typed as text. */
  const child = (unit: string, seed: number, password?: string): FixtureSheet => {
    const { grid, layout } = filledSheet(t, { seed, rowTypes: ["village"], unit });
    const open = unlockedCells(t, layout);
    const typed = open.find((c) => typeof grid.values[c.row]?.[c.col] === "number")!;
    const values = grid.values.map((r) => [...r]);
    values[typed.row][typed.col] = String(values[typed.row][typed.col]);
    return {
      ...grid,
      values,
      name: "Sheet1",
      unlocked: open.map((c) => toA1(null, c.row, c.col)),
      protection: {
        options: { ...PROTECTION_DEFAULTS, ...TEMPLATE_OPTIONS },
        ...(password ? { password } : {}),
      },
    };
  };
  const whole = (book: Book) =>
    [...book.sheets].map(([name, s]) => [name, [...s.values], [...s.formulas], [...s.formats]]);
  const SUMMARY = "季报表（一）汇总";

  it("writes a password-protected copy's typed numbers into its unlocked cells as they are, and updates a protected summary and 汇总说明 in place, protected again", async () => {
    const book = new Book();
    const fixtures = new Map([
      ["b64-朴里", [child("金淘镇朴里村", 1, "村里的密码")]],
      ["b64-岭兜", [child("金淘镇岭兜村", 2)]],
    ]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
      { name: "岭兜村.xlsx", base64: "b64-岭兜" },
    ]);
    const copy = book.sheets.get("金淘镇朴里村")!;
    expect(copy.protection!.password).toBe("村里的密码");
    expect(
      [...copy.values.values()].filter((v) => typeof v === "string" && /^\d+$/.test(v))
    ).toEqual([]);

    // The township protects what SRS made (every cell locked, as a new sheet's are).
    book.protect(SUMMARY).protect("汇总说明", { allowFormatCells: true });
    const options = [SUMMARY, "汇总说明"].map((n) => ({
      ...book.sheets.get(n)!.protection!.options,
    }));
    fixtures.set("b64-朴里2", [child("金淘镇朴里村", 3)]);
    const lines = await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村-更正.xlsx", base64: "b64-朴里2" },
    ]);
    expect(lines.find((l) => l.origin === "朴里村-更正.xlsx")?.status).toBe("included");
    expect(book.sheets.has("金淘镇朴里村（上次）")).toBe(true);
    expect(String(book.value(SUMMARY, "B7"))).toMatch(/^=SUM\(/);
    expect(String(book.value(SUMMARY, "B7"))).toContain("'金淘镇朴里村'!B7");
    expect([...book.sheets.get("汇总说明")!.values.values()]).toContain("朴里村-更正.xlsx");
    expect([SUMMARY, "汇总说明"].map((n) => book.sheets.get(n)!.protection!.options)).toEqual(
      options
    );
  });

  it("a summary protected with a password stops the consolidation with one zh line: the files just imported are taken out, every sheet as it was", async () => {
    const book = new Book();
    const fixtures = new Map([["b64-朴里", [child("金淘镇朴里村", 1)]]]);
    await consolidateInExcel(excelContext(book, fixtures).context, [
      { name: "朴里村.xlsx", base64: "b64-朴里" },
    ]);
    book.protect(SUMMARY, {}, "镇里的密码");
    const before = whole(book);
    fixtures.set("b64-岭兜", [child("金淘镇岭兜村", 2)]);
    await expect(
      consolidateInExcel(excelContext(book, fixtures).context, [
        { name: "岭兜村.xlsx", base64: "b64-岭兜" },
      ])
    ).rejects.toThrow(passwordReason(SUMMARY));
    expect(whole(book)).toEqual(before);
    expect(book.sheets.get(SUMMARY)!.protection!.password).toBe("镇里的密码");
  });
});

describe("highlights on protected sheets", () => {
  const marks = (sheet: string): Mark[] => [
    { sheet, cell: "C7", severity: "error" },
    { sheet, cell: "A1", severity: "warning" },
  ];

  it("marks a blank template in place (its protection allows formatting): nothing lifted, two requests", async () => {
    const book = new Book();
    protectedBlank(book, "季报表（一）", "县里的密码");
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    const store = new MemoryStore();
    expect(await highlightCells(context, marks("季报表（一）"), store)).toEqual({
      marked: 2,
      untouched: [],
    });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(book.fill("季报表（一）", "C7").color).toBe(MARK_COLORS.error);
    expect(await clearHighlights(excelContext(book).context, store)).toBe(2);
    expect(book.fill("季报表（一）", "C7")).toEqual(NO_FILL);
  });

  it("on a sheet protected with no formatting allowed, marks and clears with the protection lifted and put back", async () => {
    const book = new Book().add("1村").protect("1村", { allowSort: true });
    const store = new MemoryStore();
    await highlightCells(excelContext(book).context, marks("1村"), store);
    expect(book.fill("1村", "A1").color).toBe(MARK_COLORS.warning);
    expect(book.sheets.get("1村")!.protection!.options).toMatchObject({
      allowSort: true,
      allowFormatCells: false,
    });
    expect(await clearHighlights(excelContext(book).context, store)).toBe(2);
    expect(book.fill("1村", "A1")).toEqual(NO_FILL);
    expect(book.sheets.get("1村")!.protection).toBeDefined();
  });

  it("with a password and no formatting allowed, refuses in one zh line before any fill or record changes", async () => {
    const book = new Book().add("1村").protect("1村", {}, "密码");
    const store = new MemoryStore();
    await expect(highlightCells(excelContext(book).context, marks("1村"), store)).rejects.toThrow(
      passwordReason("1村")
    );
    expect(book.fill("1村", "C7")).toEqual(NO_FILL);
    expect(hasHighlights(store)).toBe(false);
  });
});
