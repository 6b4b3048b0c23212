/**
 * What SRS keeps in a document's settings is bounded, whatever a child's sheet holds: fills are
 * packed and deduplicated, padded text is never kept, and a record past the bound is refused
 * with a zh reason before any cell changes.
 */
import { columnLetters } from "../../src/rules/grid";
import { clearHighlights, highlightCells } from "../../src/workbook/office/highlight";
import { packCells } from "../../src/workbook/saved-fills";
import { RECORD_LIMIT } from "../../src/workbook/store";
import { lastFixes, undoFixes, writeFixes } from "../../src/workbook/office/values";
import type { Mark } from "../../src/workbook/types";
import { Book, excelContext, type Fill, MemoryStore } from "../helpers/excel-mock";

/** n cells of a sheet 100 wide, each with a fill of its own: a colour, and with `rich` a pattern and a tint. */
function everyFillDiffers(book: Book, sheet: string, n: number, rich = false) {
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const cell = `${columnLetters(i % 100)}${Math.floor(i / 100) + 1}`;
    const hex = (n: number) => `#${n.toString(16).slice(-6).padStart(6, "0").toUpperCase()}`;
    const fill: Fill = rich
      ? {
          color: hex(i * 2654435),
          pattern: i % 2 ? "Gray25" : "Solid",
          patternColor: hex(i * 40503),
          tintAndShade: -0.25,
        }
      : { color: hex(i * 2654435), pattern: "Solid", patternColor: "#000000" };
    book.setFill(sheet, cell, fill);
    cells.push(cell);
  }
  return cells;
}

const marks = (sheet: string, cells: string[]): Mark[] =>
  cells.map((cell) => ({ sheet, cell, severity: "error" }));

it("keeps 5,000 cells whose every colour differs in under 30 bytes a cell (was 74), and gives each back", async () => {
  const book = new Book().add("村");
  const cells = everyFillDiffers(book, "村", 5000);
  const original = new Map(cells.map((c) => [c, { ...book.fill("村", c) }]));
  const store = new MemoryStore();
  await highlightCells(excelContext(book).context, marks("村", cells), store);
  expect(store.saved.length / cells.length).toBeLessThan(30);
  expect(await clearHighlights(excelContext(book).context, new MemoryStore(store.saved))).toBe(
    5000
  );
  for (const c of cells) expect([c, book.fill("村", c)]).toEqual([c, original.get(c)]);
});

it("keeps a block of cells as ranges: 5,000 cells of one fill in a few hundred bytes", async () => {
  const book = new Book().add("村");
  const cells = Array.from(
    { length: 5000 },
    (_, i) => `${columnLetters(i % 50)}${((i / 50) | 0) + 1}`
  );
  const store = new MemoryStore();
  await highlightCells(excelContext(book).context, marks("村", cells), store);
  expect(store.saved.length).toBeLessThan(300);
  expect(packCells(["A1", "B1", "A2", "B2", "D2", "A3"])).toBe("A1:B2,D2,A3");
});

it("refuses, in zh and before painting anything, highlights whose originals would pass the bound", async () => {
  const book = new Book().add("村");
  const cells = everyFillDiffers(book, "村", 20_000, true);
  const before = book.clone();
  const store = new MemoryStore();
  await expect(
    highlightCells(excelContext(book).context, marks("村", cells), store)
  ).rejects.toThrow(
    /^要标出的单元格太多、原有底色各不相同，工作簿设置里存不下它们的原样（约 \d+ KB，上限 512 KB）/
  );
  expect(store.saved).toBe("{}");
  for (const c of cells.slice(0, 200)) expect(book.fill("村", c)).toEqual(before.fill("村", c));
});

it("never keeps a padded cell's text: such a cell is left as it is, the other fixes are written", async () => {
  const book = new Book().add("1村");
  const s = book.sheets.get("1村")!.values;
  const padded = `5${" ".repeat(32_000)}`;
  const writes = Array.from({ length: 60 }, (_, i) => {
    s.set(`C${i + 1}`, padded);
    return { sheet: "1村", cell: `C${i + 1}`, value: 5, expected: padded };
  });
  s.set("D1", "５");
  writes.push({ sheet: "1村", cell: "D1", value: 5, expected: "５" });
  const store = new MemoryStore();
  expect(await writeFixes(excelContext(book).context, writes, store)).toBe(1);
  expect(store.saved.length).toBeLessThan(1000);
  expect([s.get("C1"), s.get("D1")]).toEqual([padded, 5]);
  expect(await undoFixes(excelContext(book).context, store)).toBe(1);
  expect(s.get("D1")).toBe("５");
});

it("refuses, in zh and writing nothing, fixes whose originals would pass the bound", async () => {
  const book = new Book().add("1村");
  const s = book.sheets.get("1村")!.values;
  const text = `５${"　".repeat(900)}`;
  const n = Math.ceil(RECORD_LIMIT / 900) + 10;
  const writes = Array.from({ length: n }, (_, i) => {
    s.set(`C${i + 1}`, text);
    return { sheet: "1村", cell: `C${i + 1}`, value: 5, expected: text };
  });
  const store = new MemoryStore();
  await expect(writeFixes(excelContext(book).context, writes, store)).rejects.toThrow(
    /^要修正的单元格太多，工作簿设置里存不下它们的原样（约 \d+ KB，上限 512 KB），未作修改/
  );
  expect(s.get("C1")).toBe(text);
  expect(lastFixes(store)).toBe(0);
});
