/** Property: whatever fills a sheet had, highlight → (save, reopen) → clear gives every cell its own fill back. */
import { clearHighlights, highlightCells } from "../../src/workbook/office/highlight";
import { columnLetters } from "../../src/rules/grid";
import type { Mark } from "../../src/workbook/types";
import { Book, excelContext, type Fill, MemoryStore } from "../helpers/excel-mock";
import { rng } from "../helpers/grids";

const PATTERNS = ["Solid", "Gray25", "Gray50", "LightUp", "Checker"];
const COLORS = ["#FF0000", "#92D050", "#00B0F0", "#FFFF00", "#7030A0", "#F8C4C4", "#FFE699"];

it("100 random sheets: every cell's fill is exactly as before after highlight and clear", async () => {
  const rand = rng(42);
  for (let round = 0; round < 100; round++) {
    const book = new Book().add("S");
    const cells = Array.from(
      { length: 300 },
      (_, i) => `${columnLetters(i % 20)}${Math.floor(i / 20) + 1}`
    );
    for (const c of cells)
      if (rand() < 0.4) {
        const f: Fill = {
          color: COLORS[Math.floor(rand() * COLORS.length)],
          pattern: PATTERNS[Math.floor(rand() * PATTERNS.length)],
          patternColor: COLORS[Math.floor(rand() * COLORS.length)],
        };
        book.setFill("S", c, f);
      }
    const before = cells.map((c) => JSON.stringify(book.fill("S", c)));
    const marks: Mark[] = cells
      .filter(() => rand() < 0.3)
      .map((cell) => ({ sheet: "S", cell, severity: rand() < 0.5 ? "error" : "warning" }));
    const store = new MemoryStore();
    await highlightCells(excelContext(book).context, marks, store);
    if (rand() < 0.5) await highlightCells(excelContext(book).context, marks.slice(0, 10), store); // highlighted twice
    const reopened = new MemoryStore(store.saved);
    await clearHighlights(excelContext(book).context, reopened);
    expect(cells.map((c) => JSON.stringify(book.fill("S", c)))).toEqual(before);
  }
});
