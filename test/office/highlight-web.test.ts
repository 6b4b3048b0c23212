/**
 * 标出问题格, its following the findings and 清除标记 on Excel on the web, whose requests and answers
 * may not pass 5 MB in UTF-8 bytes (the double enforces it: "Resource limits and performance
 * optimization for Office Add-ins"). A township's workbook of 60 and of 200 village sheets, named
 * as villages are (3 bytes a character), every sheet filled and marked far apart and densely.
 */
import { columnLetters } from "../../src/rules/grid";
import { clearHighlights, highlightCells } from "../../src/workbook/office/highlight";
import { MARK_COLORS, type Mark } from "../../src/workbook/types";
import { Book, excelContext, MemoryStore, NO_FILL, PAYLOAD_LIMIT } from "../helpers/excel-mock";

const GREEN = { color: "#92D050", pattern: "Solid", patternColor: "#000000" };

/** A township of `n` village sheets, 46 columns × `rows` rows each, one cell in 7 the clerk's green. */
function township(n: number, rows: number) {
  const book = new Book();
  const names = Array.from({ length: n }, (_, i) => `金淘镇第${i + 1}村村民委员会`);
  for (const name of names) {
    book.add(name);
    for (let r = 0; r < rows; r += 7)
      for (let c = 0; c < 46; c += 3) book.setFill(name, `${columnLetters(c)}${r + 1}`, GREEN);
  }
  return { book, names };
}

/** Runs an action on a fresh web context, returning each request's bytes. */
async function onTheWeb<T>(book: Book, act: (c: Excel.RequestContext) => Promise<T>) {
  const { context, bytes } = excelContext(book, undefined, { platform: "web" });
  const result = await act(context);
  return { result, bytes };
}

describe("highlights within Excel on the web's 5 MB a request", () => {
  it.each([60, 200])(
    "%i sheets with two marks each at opposite corners: highlight, follow, clear",
    async (n) => {
      const { book, names } = township(n, 300);
      const marks: Mark[] = names.flatMap((sheet) => [
        { sheet, cell: "A1", severity: "error" as const },
        { sheet, cell: "AT300", severity: "warning" as const },
      ]);
      const store = new MemoryStore();
      const on = await onTheWeb(book, (c) => highlightCells(c, marks, store));
      expect(on.result).toEqual({ marked: 2 * n, untouched: [] });
      // Two cells a sheet are read, not the 13,800 between them.
      expect(Math.max(...on.bytes)).toBeLessThan(n * 2 * 1024);
      expect(book.fill(names[n - 1], "AT300")).toMatchObject({ color: MARK_COLORS.warning });

      // Following the findings: clear, then the marks of the next check.
      const next = marks.filter((m) => m.cell === "A1");
      await onTheWeb(book, (c) => clearHighlights(c, store));
      await onTheWeb(book, (c) => highlightCells(c, next, store));
      expect(book.fill(names[0], "AT300")).toEqual(NO_FILL);
      expect(book.fill(names[0], "A1")).toMatchObject({ color: MARK_COLORS.error });

      const off = await onTheWeb(book, (c) => clearHighlights(c, store));
      expect(off.result).toBe(n);
      expect(book.fill(names[0], "A1")).toEqual(GREEN);
      expect(book.fill(names[n - 1], "AT300")).toEqual(NO_FILL);
    }
  );

  it.each([60, 200])(
    "%i sheets marked densely (150 marks a sheet, every third column of 10 rows): split by measured bytes, all given back",
    async (n) => {
      const { book, names } = township(n, 60);
      const marks: Mark[] = names.flatMap((sheet) =>
        Array.from({ length: 150 }, (_, i) => ({
          sheet,
          cell: `${columnLetters((i % 15) * 3)}${Math.floor(i / 15) + 1}`,
          severity: i % 5 ? ("warning" as const) : ("error" as const),
        }))
      );
      const store = new MemoryStore();
      const on = await onTheWeb(book, (c) => highlightCells(c, marks, store));
      expect(on.result.marked).toBe(marks.length);
      // Every request and answer under the limit (the double refuses past it), as few as it allows.
      expect(Math.max(...on.bytes)).toBeLessThan(PAYLOAD_LIMIT);
      const read = on.bytes.reduce((a, b) => a + b, 0);
      expect(on.bytes.length).toBeLessThanOrEqual(Math.ceil(read / (4 * 1024 * 1024)) + 2);
      expect(book.fill(names[n - 1], "A1")).toMatchObject({ color: MARK_COLORS.error });

      const off = await onTheWeb(book, (c) => clearHighlights(c, store));
      expect(off.result).toBe(marks.length);
      expect(Math.max(...off.bytes)).toBeLessThan(PAYLOAD_LIMIT);
      expect(book.fill(names[n - 1], "A1")).toEqual(GREEN);
      expect(book.fill(names[n - 1], "D2")).toEqual(NO_FILL);
    }
  );
});
