/** The WPS adapter over the host double: reading, the workbook's store, protection, fills, fixes. */
import { checkGrids } from "../../src/rules/check";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { passwordReason } from "../../src/workbook/refusals";
import { MARK_COLORS } from "../../src/workbook/types";
import { clearHighlights, highlightCells } from "../../src/workbook/wps/highlight";
import { propertyStore } from "../../src/workbook/wps/properties";
import { readSheets } from "../../src/workbook/wps/read";
import { lastFixes, undoFixes, writeFixes } from "../../src/workbook/wps/values";
import type { EtWorkbook } from "../../src/workbook/wps/et";
import { cellOf, fillOf, wpsApp } from "../helpers/wps-mock";

const village = () => ({
  ...filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 2, rowTypes: ["village"] }).grid,
  name: "1村",
});
const bookOf = (app: ReturnType<typeof wpsApp>) => app.ActiveWorkbook as unknown as EtWorkbook;

describe("reading a WPS workbook", () => {
  it.each(allTemplates().map((t) => [t.id]))(
    "%s: the blank's values and merged areas as written",
    (id) => {
      const layout = blankTemplate(getTemplate(id)!);
      const [g] = readSheets(bookOf(wpsApp([{ ...layout.grid, name: "表" }])));
      expect(g.values).toEqual(layout.grid.values.map((r) => r.map((v) => v ?? null)));
      const key = (m: { top: number; left: number }) => m.top * 1000 + m.left;
      expect([...g.merges].sort((a, b) => key(a) - key(b))).toEqual(
        [...layout.grid.merges].sort((a, b) => key(a) - key(b))
      );
    }
  );

  it("merged areas read the same whether MergeCells over a part-merged range says null or true", () => {
    const layout = blankTemplate(getTemplate("nanan-2026-quarterly-3")!);
    const app = wpsApp([{ ...layout.grid, name: "表" }]);
    const strict = readSheets(bookOf(app))[0].merges;
    app.mergeCellsOverMix = true;
    const key = (m: { top: number; left: number }) => m.top * 1000 + m.left;
    const sorted = (ms: typeof strict) => [...ms].sort((a, b) => key(a) - key(b));
    expect(sorted(readSheets(bookOf(app))[0].merges)).toEqual(sorted(strict));
    expect(strict).toHaveLength(layout.grid.merges.length);
  });

  it("a filled report read from WPS is checked as the same report read from the file", () => {
    const grid = village();
    const [fromWps] = checkGrids(readSheets(bookOf(wpsApp([grid]))));
    const [fromFile] = checkGrids([grid]);
    expect(fromWps.findings).toEqual(fromFile.findings);
    expect(fromWps.recognition.kind).toBe("table");
  });

  it("reads from the used range's origin, dates as ISO text, a number in a mixed column by its own format", () => {
    const app = wpsApp([
      {
        name: "表",
        origin: { row: 2, col: 1 },
        values: [
          ["日期", "数"],
          ["2026-12-20", 45000],
        ],
        merges: [],
        formats: { C4: "0.00" },
      },
    ]);
    const [g] = readSheets(bookOf(app));
    expect(g.origin).toEqual({ row: 2, col: 1 });
    expect(g.values).toEqual([
      ["日期", "数"],
      ["2026-12-20", 45000],
    ]);
  });

  it("a hidden and a very hidden sheet are read as such (Worksheet.Visible 0 and 2), a visible one without", () => {
    const app = wpsApp([village(), { ...village(), name: "2村" }, { ...village(), name: "3村" }]);
    app.sheet("2村").Visible = 0;
    app.sheet("3村").Visible = 2;
    expect(readSheets(bookOf(app)).map((g) => [g.name, g.visibility])).toEqual([
      ["1村", undefined],
      ["2村", "hidden"],
      ["3村", "veryHidden"],
    ]);
  });

  it("a sheet bigger than any report is left unread, with its reason", () => {
    const app = wpsApp([village()]);
    app.sheet("1村").Range("B200001").Value2 = 1;
    const read = readSheets(bookOf(app));
    expect(read).toHaveLength(0);
    expect(read.skipped?.[0].reason).toMatch(/^内容过多（200001 行 × \d+ 列），不像报表，未检查$/);
  });
});

describe("what SRS keeps in a WPS workbook", () => {
  it("custom properties: a record of any size in pieces of 255 characters, read back whole, removed whole", () => {
    const app = wpsApp([village()]);
    const store = propertyStore(() => bookOf(app));
    const record = { text: "朴里村𠀀".repeat(400), n: [1, 2, 3] };
    store.set("srs.test", record);
    expect(store.get("srs.test")).toEqual(record);
    const props = app.ActiveWorkbook.CustomDocumentProperties;
    expect(props.Count).toBe(1 + Math.ceil(JSON.stringify(record).length / 255));
    store.set("srs.test", { small: true });
    expect(store.get("srs.test")).toEqual({ small: true });
    expect(props.Count).toBe(2);
    store.remove("srs.test");
    expect(props.Count).toBe(0);
    expect(store.get("srs.test")).toBeUndefined();
  });
});

describe("highlights and fixes in WPS", () => {
  it("marks cells, keeps each own fill in the workbook, gives it back even to a reopened pane", async () => {
    const app = wpsApp([{ ...village(), fills: { C7: { color: 0x50d092 } } }]);
    const book = bookOf(app);
    const r = await highlightCells(
      book,
      [
        { sheet: "1村", cell: "C7", severity: "error" },
        { sheet: "1村", cell: "D7", severity: "warning" },
      ],
      propertyStore(() => book)
    );
    expect(r).toEqual({ marked: 2, untouched: [] });
    expect(fillOf(app, "1村", "C7")).toBe(MARK_COLORS.error);
    expect(fillOf(app, "1村", "D7")).toBe(MARK_COLORS.warning);
    // A new store over the same workbook: what a pane opened later finds.
    expect(
      await clearHighlights(
        book,
        propertyStore(() => book)
      )
    ).toBe(2);
    expect(fillOf(app, "1村", "C7")).toBe("#92D050");
    expect(fillOf(app, "1村", "D7")).toBeUndefined();
  });

  it("a protected sheet without a password is unprotected for the marks and protected again as it was", async () => {
    const app = wpsApp([{ ...village(), protection: { options: { AllowSorting: true } } }]);
    const book = bookOf(app);
    await highlightCells(
      book,
      [{ sheet: "1村", cell: "C7", severity: "error" }],
      propertyStore(() => book)
    );
    expect(fillOf(app, "1村", "C7")).toBe(MARK_COLORS.error);
    expect(app.sheet("1村").protection?.options).toMatchObject({
      AllowSorting: true,
      AllowFormattingCells: false,
    });
  });

  it("a password stops the action with the zh line, nothing changed", async () => {
    const app = wpsApp([{ ...village(), protection: { password: "x" } }]);
    const book = bookOf(app);
    const store = propertyStore(() => book);
    await expect(
      highlightCells(book, [{ sheet: "1村", cell: "C7", severity: "error" }], store)
    ).rejects.toThrow(passwordReason("1村"));
    expect(fillOf(app, "1村", "C7")).toBeUndefined();
    await expect(
      writeFixes(
        book,
        [
          {
            sheet: "1村",
            cell: "A1",
            value: 0,
            expected: cellOf(app, "1村", "A1").value as string,
          },
        ],
        store
      )
    ).rejects.toThrow(passwordReason("1村"));
    expect(app.sheet("1村").ProtectContents).toBe(true);
  });

  it("fixes only cells still as checked, text as text, and gives back exactly what was there", async () => {
    const app = wpsApp([village()]);
    const book = bookOf(app);
    const ws = app.sheet("1村");
    ws.Range("C7").Value2 = "";
    ws.Range("D7").NumberFormat = "@";
    ws.Range("D7").Value2 = "1,200";
    ws.Range("E7").Formula = "=C7";
    const store = propertyStore(() => book);
    const n = await writeFixes(
      book,
      [
        { sheet: "1村", cell: "C7", value: 0, expected: null },
        { sheet: "1村", cell: "D7", value: 1200, expected: "1,200" },
        { sheet: "1村", cell: "E7", value: 0, expected: null }, // a formula: left alone
        { sheet: "1村", cell: "F7", value: 5, expected: "changed since" },
        {
          sheet: "1村",
          cell: "A2",
          value: "0595-1",
          expected: cellOf(app, "1村", "A2").value as string,
        },
      ],
      store
    );
    expect(n).toBe(3);
    expect(cellOf(app, "1村", "C7").value).toBe(0);
    expect(cellOf(app, "1村", "D7")).toMatchObject({ value: 1200, format: undefined });
    expect(cellOf(app, "1村", "A2")).toMatchObject({ value: "0595-1", format: "@" });
    expect(cellOf(app, "1村", "E7").formula).toBe("=C7");
    expect(lastFixes(store)).toBe(3);
    ws.Range("C7").Value2 = 9; // the clerk's own edit since: kept
    expect(await undoFixes(book, store)).toBe(2);
    expect(cellOf(app, "1村", "C7").value).toBe(9);
    expect(cellOf(app, "1村", "D7")).toMatchObject({ value: "1,200", format: "@" });
    expect(lastFixes(store)).toBe(0);
  });
});
