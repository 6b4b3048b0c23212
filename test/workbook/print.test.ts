/**
 * Every official template prints as the notice: A4 landscape, one page wide, the column header on
 * every page, each header label whole in its merged cell. Rendered by LibreOffice in one run (slow);
 * PNGs of the pages go to test-artifacts/print/.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { copyForm, rowHeights, wrappedLines } from "../../src/rules/layout/print";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import {
  overlappingWords,
  pageCount,
  pdfText,
  printToPdf,
  roomAfter,
  savePngs,
  words,
} from "../helpers/pdf";

const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("row heights of a form", () => {
  const rows = { header: { top: 1, bottom: 2 }, body: { top: 3, bottom: 3 } };
  const label = "配备专兼职安全生产管理人员数量";

  test("a label wraps in its merged width: merged over three columns it takes fewer lines", () => {
    expect(wrappedLines(label, 9, 10)).toBeGreaterThan(wrappedLines(label, 27, 10));
    const alone = rowHeights({ name: "s", values: [[], [label]], merges: [] }, [9, 9, 9], rows);
    const merged = rowHeights(
      { name: "s", values: [[], [label]], merges: [{ top: 1, left: 0, bottom: 1, right: 2 }] },
      [9, 9, 9],
      rows
    );
    expect(merged[1]).toBeLessThan(alone[1]);
    expect(merged[1]).toBeGreaterThan(merged[0] / 2);
  });

  test("a label merged down two rows shares its height between them", () => {
    const h = rowHeights(
      { name: "s", values: [[], [label], []], merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
      [6],
      rows
    );
    const one = rowHeights({ name: "s", values: [[], [label]], merges: [] }, [6], rows)[1];
    expect(h[1] + h[2]).toBeGreaterThanOrEqual(one);
    expect(h[1]).toBe(h[2]);
  });
});

test("a child's copy keeps its own widths and heights, the others computed from the text", () => {
  const label = "配备专兼职安全生产管理人员数量";
  const grid = {
    name: "s",
    values: [
      ["村", label, label],
      [1, 2, 3],
    ],
    merges: [],
  };
  const computed = copyForm(grid);
  const own = copyForm({ ...grid, widths: [undefined, 30], heights: [12] });
  expect(own.widths).toEqual([computed.widths[0], 30, computed.widths[2]]);
  // Its own height even where the wrapped label would need more: its own formatting.
  expect(computed.heights[0]).toBeGreaterThan(12);
  expect(own.heights).toEqual([12, computed.heights[1]]);
});

test("no template's notes end with two full stops", () => {
  for (const t of allTemplates()) {
    const text = blankTemplate(t)
      .grid.values.flat()
      .filter((v) => typeof v === "string");
    expect(text.filter((v) => /。。/.test(String(v)))).toEqual([]);
  }
});

test("a template sheet is set up to print: A4 landscape, one page wide, print titles, page numbers, 宋体", async () => {
  const t = allTemplates()[0];
  const layout = blankTemplate(t);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await layoutsToXlsx([layout])) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${layout.header.top + 1}:${layout.header.bottom + 1}`,
  });
  expect(ws.headerFooter.oddFooter).toContain("&P");
  expect(ws.getCell(1, 1).font).toMatchObject({ name: "宋体", bold: true });
  expect(ws.getCell(layout.header.top + 1, 2).border?.top?.style).toBe("thin");
  // Every header row is taller than one line where its labels wrap.
  for (let r = layout.header.top; r <= layout.header.bottom; r++)
    expect(ws.getRow(r + 1).height).toBeGreaterThan(18);
});

const VILLAGES = "朴里 岭兜 金淘 占石 深垵 大坂 霞春 后厝 东坑 玉湖 福林 南星".split(" ");

/** 12 villages' 季报表（一）, plain as a clerk's program saves them, consolidated. */
async function township(): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-print-"));
  const files = await Promise.all(
    VILLAGES.map(async (v, i) => {
      const t = getTemplate("nanan-2026-quarterly-1")!;
      const f = filledSheet(t, { seed: 40 + i, rowTypes: ["village"], unit: `金淘镇${v}村` });
      const file = path.join(dir, `${v}.xlsx`);
      writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: "Sheet1" })));
      return file;
    })
  );
  const out = path.join(dir, "金淘镇汇总.xlsx");
  await consolidateFiles(files, out);
  return new Uint8Array(readFileSync(out));
}

describe("a consolidated workbook", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await township()) as unknown as ArrayBuffer);
  });

  test("a village's copy prints as a form: widths, row heights, borders, 宋体, A4 landscape one page wide", () => {
    const ws = book.getWorksheet("金淘镇朴里村")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThan(ws.getColumn(3).width! - 0.01);
    const { height } = ws.getRow(4);
    expect(height).toBeGreaterThan(20);
    let village = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).text === "村") village = r;
    });
    const { border: edges, font, alignment } = ws.getCell(village, 3);
    expect(edges).toMatchObject({ left: { style: "thin" } });
    expect(font).toMatchObject({ name: "宋体" });
    expect(alignment).toMatchObject({ wrapText: true });

    // The title centred and bold, as the notice prints it.
    const { value: title, font: titleFont, alignment: titleAlign } = ws.getCell(1, 1);
    expect(String(title)).toMatch(/季报表（一）$/);
    expect(titleFont).toMatchObject({ bold: true, size: 16, name: "宋体" });
    expect(titleAlign).toMatchObject({ horizontal: "center" });
    // The 镇直单位 row the village left empty is a row of the table: its label and every cell bordered.
    let other = 0;
    ws.eachRow((row, r) => {
      if (!other && /^镇直/.test(row.getCell(1).text)) other = r;
    });
    expect(other).toBeGreaterThan(0);
    expect(ws.getCell(other, 1).alignment).toMatchObject({ horizontal: "center" });
    for (let c = 1; c <= ws.columnCount; c++)
      expect(ws.getCell(other, c).border).toMatchObject({
        left: { style: "thin" },
        bottom: { style: "thin" },
      });
    expect(ws.model.merges.some((m) => m.startsWith(`A${other}:`))).toBe(false);
  });
});

describe("printed by LibreOffice", () => {
  const templates = allTemplates();
  let pdfs: Map<string, string>;
  let sheets = 0;

  beforeAll(async () => {
    const files = await Promise.all(
      templates.map(async (t) => ({ name: t.id, bytes: await layoutsToXlsx([blankTemplate(t)]) }))
    );
    const book = await township();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    sheets = wb.worksheets.length;
    files.push({ name: "township-12", bytes: book });
    pdfs = printToPdf(files);
    for (const [name, pdf] of pdfs) savePngs(pdf, name, name === "township-12" ? 20 : 3);
  }, 600_000);

  test("a 12-village workbook prints a page or two a sheet, its village copies' labels whole", () => {
    const pdf = pdfs.get("township-12")!;
    const pages = pageCount(pdf);
    expect(sheets).toBeGreaterThanOrEqual(14);
    expect(pages).toBeLessThanOrEqual(2 * sheets);
    const text = pdfText(pdf);
    for (const v of VILLAGES) expect(text).toContain(`金淘镇${v}村`);
    for (const l of ["建立全员责任制及其考核清单（家）", "配备专兼职安全生产管理人员"])
      expect(text.split(l).length - 1).toBeGreaterThanOrEqual(12);
    for (let p = 1; p <= pages; p++) expect(overlappingWords(pdf, p)).toEqual([]);
    // The summary, first, leaves the township's clerk room for a name and a phone number.
    expect(pdfText(pdf, 1)).toContain("（汇总）");
    const summary = words(pdf, 1);
    expect(roomAfter(summary, "填表人：")).toBeGreaterThanOrEqual(4);
    expect(roomAfter(summary, "联系电话：")).toBeGreaterThanOrEqual(11);
  });

  test.each(templates.map((t) => [t.id, t] as const))(
    "%s: one page wide, every header label whole and clear of the others, the header repeated on every page",
    (id, t) => {
      const pdf = pdfs.get(id)!;
      const layout = blankTemplate(t);
      const pages = pageCount(pdf);
      // A table is one page; a list runs down as many pages as its items, never across.
      if (t.kind === "table") expect(pages).toBe(1);
      else expect(pages).toBeLessThanOrEqual(Math.ceil(t.items.length / 4) + 1);
      const text = pdfText(pdf);
      const labels = layout.grid.values
        .slice(layout.header.top, layout.header.bottom + 1)
        .flat()
        .filter((v): v is string => typeof v === "string" && v !== "")
        .map(squeeze);
      for (const l of labels) expect(text).toContain(l);
      expect(text).toContain(squeeze(t.title));
      for (let p = 1; p <= pages; p++) {
        if (p > 1) for (const l of labels) expect(pdfText(pdf, p)).toContain(l);
        expect(overlappingWords(pdf, p)).toEqual([]);
      }
    }
  );

  // Characters a clerk needs by hand after each label: a name, an 11-digit phone number, a unit's
  // or an enterprise's name (plain spaces printed narrower than one character: no room at all).
  const ROOM: Record<string, number> = { unit: 8, filler: 4, phone: 11, enterprise: 10, head: 4 };
  test.each(
    templates
      .filter((t) => t.headerFields.some((f) => f.key !== "date"))
      .map((t) => [t.id, t] as const)
  )("%s: a blank form leaves room to write by hand after each field's label", (id, t) => {
    const page = words(pdfs.get(id)!, 1);
    const rooms = t.headerFields
      .filter((f) => f.key !== "date")
      .map((f) => ({
        label: f.label,
        room: roomAfter(page, `${f.label}：`) ?? 0,
        need: ROOM[f.key],
      }));
    // A failure lists each field short of room, with the characters printed and needed.
    expect(rooms.filter((r) => r.room < r.need)).toEqual([]);
  });
});
