import {
  clearHighlights,
  hasHighlights,
  highlightCells,
} from "../../src/workbook/office/highlight";
import { columnLetters } from "../../src/rules/grid";
import { MARK_COLORS, type Mark } from "../../src/workbook/types";
import { Book, excelContext, type Fill, MemoryStore, NO_FILL } from "../helpers/excel-mock";

const cells = (n: number, cols = 50) =>
  Array.from({ length: n }, (_, i) => `${columnLetters(i % cols)}${Math.floor(i / cols) + 1}`);

describe("Office adapter: highlight and clear", () => {
  it("highlights 5,000 cells in at most 3 requests", async () => {
    const book = new Book().add("1村").add("2村");
    const { context } = excelContext(book);
    const sync = jest.spyOn(context, "sync");
    const marks: Mark[] = cells(2500).flatMap((cell, i) => [
      { sheet: "1村", cell, severity: i % 3 ? "warning" : "error" },
      { sheet: "2村", cell, severity: "error" },
    ]);
    expect(await highlightCells(context, marks, new MemoryStore())).toEqual({
      marked: 5000,
      untouched: [],
    });
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(book.fill("1村", "A1")).toMatchObject({ color: MARK_COLORS.error, pattern: "Solid" });
    expect(book.fill("1村", "B1")).toMatchObject({ color: MARK_COLORS.warning });
  });

  it("highlight → save → reopen → clear gives every cell its exact fill back", async () => {
    const book = new Book().add("朴里 村(2)");
    const own: Record<string, Fill> = {
      B2: { color: "#92D050", pattern: "Solid", patternColor: "#000000" }, // the clerk's green
      B3: { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" }, // a patterned fill
    };
    for (const [c, f] of Object.entries(own)) book.setFill("朴里 村(2)", c, f);
    const marks: Mark[] = ["B2", "B3", "B4", "C9"].map((cell) => ({
      sheet: "朴里 村(2)",
      cell,
      severity: "error",
    }));
    const store = new MemoryStore();
    await highlightCells(excelContext(book).context, marks, store);
    expect(book.fill("朴里 村(2)", "B2").color).toBe(MARK_COLORS.error);

    // Saved and closed: a new session opens the saved document.
    const reopened = new MemoryStore(store.saved);
    const book2 = book.clone();
    expect(hasHighlights(reopened)).toBe(true);
    const { context } = excelContext(book2);
    const sync = jest.spyOn(context, "sync");
    expect(await clearHighlights(context, reopened)).toBe(4);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(book2.fill("朴里 村(2)", "B2")).toEqual(own.B2);
    expect(book2.fill("朴里 村(2)", "B3")).toEqual(own.B3);
    expect(book2.fill("朴里 村(2)", "B4")).toEqual(NO_FILL);
    expect(book2.sheets.get("朴里 村(2)")!.fills.has("B4")).toBe(false); // no fill, not a white one
    expect(hasHighlights(reopened)).toBe(false);
  });

  it("keeps the first original when a cell is highlighted twice, and leaves a cell the user recoloured since", async () => {
    const book = new Book().add("S");
    book.setFill("S", "A1", { color: "#00B0F0", pattern: "Solid", patternColor: "#000000" });
    const store = new MemoryStore();
    await highlightCells(
      excelContext(book).context,
      [
        { sheet: "S", cell: "A1", severity: "warning" },
        { sheet: "S", cell: "A2", severity: "warning" },
      ],
      store
    );
    await highlightCells(
      excelContext(book).context,
      [{ sheet: "S", cell: "A1", severity: "error" }],
      store
    );
    book.setFill("S", "A2", { color: "#7030A0", pattern: "Solid", patternColor: "#000000" }); // the user's own choice
    expect(await clearHighlights(excelContext(book).context, store)).toBe(1);
    expect(book.fill("S", "A1").color).toBe("#00B0F0");
    expect(book.fill("S", "A2").color).toBe("#7030A0");
  });

  it("skips sheets deleted since highlighting", async () => {
    const book = new Book().add("A").add("B");
    const store = new MemoryStore();
    await highlightCells(
      excelContext(book).context,
      [
        { sheet: "A", cell: "A1", severity: "error" },
        { sheet: "B", cell: "A1", severity: "error" },
      ],
      store
    );
    book.sheets.delete("B");
    expect(await clearHighlights(excelContext(book).context, store)).toBe(1);
    expect(book.fill("A", "A1")).toEqual(NO_FILL);
  });

  it("keeps highlights by sheet id: a sheet renamed since still clears", async () => {
    const book = new Book().add("1村");
    const store = new MemoryStore();
    await highlightCells(
      excelContext(book).context,
      [{ sheet: "1村", cell: "B2", severity: "error" }],
      store
    );
    book.rename("1村", "金淘镇朴里村");
    expect(await clearHighlights(excelContext(book).context, new MemoryStore(store.saved))).toBe(1);
    expect(book.fill("金淘镇朴里村", "B2")).toEqual(NO_FILL);
  });

  it("gives theme tints back exactly, and leaves a gradient fill untouched and listed", async () => {
    const book = new Book().add("S");
    const tinted: Fill = {
      color: "#4472C4",
      pattern: "Solid",
      patternColor: "#000000",
      tintAndShade: 0.6,
    };
    const hatched: Fill = {
      color: "#FFFF00",
      pattern: "LightUp",
      patternColor: "#ED7D31",
      patternTintAndShade: -0.25,
    };
    const gradient: Fill = { color: "#5B9BD5", pattern: "LinearGradient", patternColor: "#FFFFFF" };
    book.setFill("S", "A1", tinted);
    book.setFill("S", "A2", hatched);
    book.setFill("S", "A3", gradient);
    const store = new MemoryStore();
    const marks: Mark[] = ["A1", "A2", "A3"].map((cell) => ({
      sheet: "S",
      cell,
      severity: "error",
    }));
    expect(await highlightCells(excelContext(book).context, marks, store)).toEqual({
      marked: 2,
      untouched: ["S!A3"],
    });
    expect(book.fill("S", "A1")).toMatchObject({ color: MARK_COLORS.error, pattern: "Solid" });
    expect(book.fill("S", "A1").tintAndShade ?? 0).toBe(0);
    expect(book.fill("S", "A3")).toEqual(gradient);
    expect(await clearHighlights(excelContext(book).context, store)).toBe(2);
    expect([book.fill("S", "A1"), book.fill("S", "A2"), book.fill("S", "A3")]).toEqual([
      tinted,
      hatched,
      gradient,
    ]);
  });

  it("splits a payload that could pass Excel on the web's 5 MB limit into more requests", async () => {
    const book = new Book().add("大表");
    const { context, requests } = excelContext(book);
    const marks: Mark[] = cells(25_000, 200).map((cell) => ({
      sheet: "大表",
      cell,
      severity: "error",
    }));
    await highlightCells(context, marks, new MemoryStore());
    expect(Math.max(...requests)).toBeLessThanOrEqual(25_000); // the read of originals is one bounding range
    expect(requests.filter((n) => n > 0).length).toBeGreaterThan(2);
  });

  it("keeps the originals of 5,000 cells in under 40 KB of document settings (they hold a few MB at most)", async () => {
    const book = new Book().add("A");
    cells(5000, 100).forEach(
      (cell, i) =>
        i % 7 === 0 &&
        book.setFill("A", cell, { color: "#92D050", pattern: "Solid", patternColor: "#000000" })
    );
    const store = new MemoryStore();
    const marks: Mark[] = cells(5000, 100).map((cell, i) => ({
      sheet: "A",
      cell,
      severity: i % 3 ? "error" : "warning",
    }));
    await highlightCells(excelContext(book).context, marks, store);
    expect(store.saved.length).toBeLessThan(40 * 1024);
    await clearHighlights(excelContext(book).context, new MemoryStore(store.saved));
    expect(book.fill("A", "A1")).toEqual({
      color: "#92D050",
      pattern: "Solid",
      patternColor: "#000000",
    });
    expect(book.fill("A", "B1")).toEqual(NO_FILL);
  });
});
