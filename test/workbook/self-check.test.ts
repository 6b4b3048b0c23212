/**
 * A blank template marks its own mistakes (conditional formats: a blank data cell once its unit's
 * rows are begun, a total that is not the sum of its parts …) and is protected without a password,
 * only the cells to fill unlocked. Read back with exceljs, after LibreOffice took it through .ods
 * and back, and printed by LibreOffice: the fills it draws are counted on the rendered pages
 * (PNGs in test-artifacts/self-check/).
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { checkGrids } from "../../src/rules/check";
import { type CellValue, columnLetters, fromA1 } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { conditionalMarks, MARK_FILLS, type MarkKind } from "../../src/rules/layout/conditional";
import { dataCells } from "../../src/rules/layout/data-cells";
import { allTemplates, getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import type { Template } from "../../src/rules/templates/schema";
import { readGrids } from "../../src/workbook/xlsx/read";
import { templatesToXlsx } from "../../src/workbook/xlsx/write-layout";
import { Sheet } from "../helpers/filled";
import { typedInto } from "../helpers/typed-form";
import { throughOds } from "../helpers/libreoffice";
import { ARTIFACTS, printToPdf } from "../helpers/pdf";
import { unzipParts, partText, sheetParts } from "../../src/workbook/xlsx/parts";

const q1 = getTemplate("nanan-2026-quarterly-1")!;
const monthly1 = getTemplate("anxi-2024-monthly-1")!;
const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
const refOf = (r: { top: number; left: number; bottom: number; right: number }) =>
  r.top === r.bottom && r.left === r.right
    ? a1(r.top, r.left)
    : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** The A1 address of (body row, column key) in the blank layout, a per-unit column at its unit's first row. */
function cellOf(t: Template, row: number, key: string): string {
  const info = getTableInfo(t.id)!;
  const leaf = info.leafByKey.get(key)!;
  return a1(row, (t.kind === "table" && t.rowHeader === null ? 0 : 1) + leaf.index);
}

describe("what a template marks (rules/layout/conditional.ts)", () => {
  test("季报表（一）: each unit row's data cells are marked blank once that row is begun", () => {
    const layout = blankTemplate(q1);
    const blank = conditionalMarks(q1, layout).filter((m) => m.kind === "blank");
    const last = columnLetters(layout.widths.length - 1);
    expect(blank.map((m) => m.formula)).toEqual(
      [layout.body.top, layout.body.top + 1].map(
        (r) => `AND(LEN(TRIM(B${r + 1}))=0,COUNTA($B$${r + 1}:$${last}$${r + 1})>0)`
      )
    );
    expect(blank[0].range).toEqual({
      top: layout.body.top,
      left: 1,
      bottom: layout.body.top,
      right: layout.widths.length - 1,
    });
  });

  test("季报表（一）: every sum the template declares marks its total in each row, comparing it with its parts", () => {
    const layout = blankTemplate(q1);
    const marks = conditionalMarks(q1, layout).filter((m) => m.kind === "identity");
    const sums = q1.kind === "table" ? q1.relations.filter((r) => r.kind === "sum") : [];
    expect(sums.length).toBeGreaterThanOrEqual(2);
    for (let row = layout.body.top; row <= layout.body.bottom; row++)
      for (const s of sums) {
        const total = cellOf(q1, row, s.total);
        const parts = s.parts.map((k) => cellOf(q1, row, k));
        const mark = marks.find((m) => a1(m.range.top, m.range.left) === total)!;
        expect(mark.formula).toBe(
          `AND(COUNT(${[total, ...parts].join(",")})=${parts.length + 1},ABS(${total}-SUM(${parts.join(",")}))>=0.000001)`
        );
      }
    // 专题培训 场次 0 ⇒ 参训 0: the trainees are marked when there was no session.
    const persons = cellOf(q1, layout.body.top, "promo.training.persons");
    const sessions = cellOf(q1, layout.body.top, "promo.training.sessions");
    expect(marks.find((m) => a1(m.range.top, m.range.left) === persons)!.formula).toBe(
      `AND(COUNT(${sessions},${persons})=2,${sessions}=0,${persons}<>0)`
    );
  });

  test("月报表（一）: a per-unit total merged over the sub-rows is marked once, on its first row", () => {
    const layout = blankTemplate(monthly1);
    const marks = conditionalMarks(monthly1, layout);
    const total = (row: number) => cellOf(monthly1, row, "ent.total");
    const at = (row: number) =>
      marks.filter((m) => m.kind === "identity" && a1(m.range.top, m.range.left) === total(row));
    expect(at(layout.body.top)).toHaveLength(1);
    expect(at(layout.body.top + 1)).toHaveLength(0);
    expect(at(layout.body.top + 3)).toHaveLength(1);
    // (达标不分级), printed where the 地标 count goes, is unfilled until a number replaces it.
    const local = cellOf(monthly1, layout.body.top + 2, "create.l1");
    expect(marks.find((m) => a1(m.range.top, m.range.left) === local)!.formula).toMatch(
      new RegExp(`^AND\\(NOT\\(ISNUMBER\\(${local}\\)\\),COUNTA\\(`)
    );
    // No mark covers a 达标类型 label, a shaded cell or a merged-over cell.
    const cells = new Set(dataCells(monthly1, layout).map((c) => a1(c.row, c.col)));
    for (const m of marks)
      for (let r = m.range.top; r <= m.range.bottom; r++)
        for (let c = m.range.left; c <= m.range.right; c++) expect(cells).toContain(a1(r, c));
  });

  test("a checklist marks an unanswered 存在问题 once answering has begun; a table without a no-blank note marks no blank", () => {
    const list = getTemplate("nanan-2024-review-checklist-dept")!;
    const marks = conditionalMarks(list, blankTemplate(list));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.kind === "blank" && m.range.left === 3)).toBe(true);
    for (const t of allTemplates())
      if (t.kind === "table" && !t.noBlankNote)
        expect(conditionalMarks(t, blankTemplate(t)).filter((m) => m.kind === "blank")).toEqual([]);
  });
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What exceljs reads of a sheet beyond its typings: conditional formats and protection. */
interface Read {
  conditionalFormattings: {
    ref: string;
    rules: { formulae?: string[]; style?: { fill?: ExcelJS.FillPattern } }[];
  }[];
  sheetProtection: Record<string, unknown> | null;
}
const read = (ws: ExcelJS.Worksheet) => ws as unknown as Read;

/** The conditional formats of a sheet as (range, formula, fill RGB). */
const writtenMarks = (ws: ExcelJS.Worksheet) =>
  read(ws).conditionalFormattings.flatMap((cf) =>
    cf.rules.map((r) => ({
      ref: cf.ref,
      formula: String(r.formulae?.[0]),
      fill: r.style?.fill?.bgColor?.argb?.slice(-6),
    }))
  );

/** Asserts the written sheet carries every mark of its template, each with its fill. */
function expectMarks(ws: ExcelJS.Worksheet, t: Template) {
  const marks = conditionalMarks(t, blankTemplate(t));
  expect(new Set(writtenMarks(ws))).toEqual(
    new Set(
      marks.map((m) => ({ ref: refOf(m.range), formula: m.formula, fill: MARK_FILLS[m.kind] }))
    )
  );
  expect(writtenMarks(ws)).toHaveLength(marks.length);
}

test("the written templates carry the marks, the validation and protection without a password", async () => {
  const bytes = await templatesToXlsx([q1, monthly1]);
  const wb = await load(bytes);
  for (const [i, t] of [q1, monthly1].entries()) {
    const ws = wb.worksheets[i];
    const layout = blankTemplate(t);
    expectMarks(ws, t);
    // Protected, no password: no hash to ask for.
    expect(read(ws).sheetProtection).toMatchObject({ sheet: true });
    expect(read(ws).sheetProtection?.hashValue).toBeUndefined();
    for (const c of dataCells(t, layout))
      expect(ws.getCell(c.row + 1, c.col + 1).protection).toMatchObject({ locked: false });
    // The title, the column header and the unit labels stay locked (locked is the default).
    for (const [r, c] of [
      [0, 0],
      [layout.header.top, 0],
      [layout.header.bottom, layout.header.right],
      [layout.body.top, 0],
    ])
      expect(ws.getCell(r + 1, c + 1).protection?.locked).not.toBe(false);
    // The header line (填报单位 …) is the clerk's to write.
    expect(ws.getCell(layout.header.top, 1).protection).toMatchObject({ locked: false });
  }
  const layout = blankTemplate(q1);
  expect(wb.worksheets[0].getCell(layout.body.top + 1, 2).dataValidation).toMatchObject({
    type: "whole",
    errorStyle: "stop",
  });
  // Formatting cells, columns and rows stays allowed (="0"); inserting, deleting, sorting do not.
  const parts = unzipParts(bytes);
  const xml = partText(parts, sheetParts(parts)[0].part)!;
  expect(/<sheetProtection [^>]*\/>/.exec(xml)![0]).toBe(
    '<sheetProtection sheet="1" formatCells="0" formatColumns="0" formatRows="0"/>'
  );
});

/** A sheet's <sheetProtection> and, by cell, whether its style is unlocked: read from the XML, as LibreOffice writes booleans ("true") exceljs reads wrong. */
function protectionXml(bytes: Uint8Array, sheet: number) {
  const parts = unzipParts(bytes);
  const xml = partText(parts, sheetParts(parts)[sheet].part)!;
  const styles = partText(parts, "xl/styles.xml")!;
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const open = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) =>
    /<protection [^>]*locked="(0|false)"/.test(m[1] ?? "")
  );
  return {
    protection: /<sheetProtection\b[^>]*\/>/.exec(xml)?.[0] ?? "",
    unlocked: (cell: string) => {
      const s = new RegExp(`<c r="${cell}"(?: s="(\\d+)")?`).exec(xml);
      return open[Number(s?.[1] ?? 0)];
    },
  };
}

test("LibreOffice keeps the marks, the validation and the protection through .ods and back", async () => {
  const bytes = throughOds(await templatesToXlsx([q1, monthly1]));
  const wb = await load(bytes);
  for (const [i, t] of [q1, monthly1].entries()) {
    const ws = wb.worksheets[i];
    const layout = blankTemplate(t);
    expectMarks(ws, t);
    const first = dataCells(t, layout)[0];
    expect(ws.getCell(first.row + 1, first.col + 1).dataValidation).toMatchObject({
      type: "whole",
      errorStyle: "stop",
      prompt: expect.stringContaining("无则填0"),
    });
    const p = protectionXml(bytes, i);
    expect(p.protection).toMatch(/ sheet="(1|true)"/);
    expect(p.protection).not.toMatch(/password|hashValue/i);
    for (const c of dataCells(t, layout)) expect(p.unlocked(a1(c.row, c.col))).toBe(true);
    expect(p.unlocked("A1")).toBe(false);
    expect(p.unlocked(a1(layout.body.top, 0))).toBe(false);
    expect(p.unlocked(a1(layout.header.top, 1))).toBe(false);
  }
}, 300_000);

/** Pixels of each mark's exact fill on the pages LibreOffice prints (pdftoppm, 50 dpi). */
function markPixels(pdf: string): Record<MarkKind, number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-ppm-"));
  execFileSync("pdftoppm", ["-r", "50", pdf, path.join(dir, "page")]);
  const count: Record<MarkKind, number> = { blank: 0, identity: 0 };
  const rgb = Object.entries(MARK_FILLS).map(
    ([k, hex]) => [k as MarkKind, parseInt(hex, 16)] as const
  );
  for (const f of readdirSync(dir)) {
    const ppm = readFileSync(path.join(dir, f));
    // P6: "P6 <width> <height> 255" then three bytes a pixel.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
    for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
      const px = (ppm[i] << 16) | (ppm[i + 1] << 8) | ppm[i + 2];
      for (const [k, v] of rgb) if (px === v) count[k]++;
    }
  }
  return count;
}

test("LibreOffice marks what it should: nothing on correct forms, a blank cell, a broken total", async () => {
  const plusOne = (v: CellValue) => Number(v) + 1;
  // Each a correct form with one cell changed: its template, unit type, column and new value.
  interface Break {
    t: Template;
    rowType: string;
    key: string;
    to: (v: CellValue) => CellValue;
    rule: string;
  }
  const broken: Record<string, Break> = {
    blank: { t: q1, rowType: "village", key: "resp.risk.red", to: () => null, rule: "blank" },
    "broken-total": { t: q1, rowType: "village", key: "base.total", to: plusOne, rule: "identity" },
    "broken-per-unit-total": {
      t: monthly1,
      rowType: "township",
      key: "ent.total",
      to: plusOne,
      rule: "identity",
    },
  };
  const cellOfBreak = (s: Sheet, b: Break) =>
    s.address(s.rec!.info.slots.find((x) => x.rowType === b.rowType)!.key, b.key);
  const files = [
    ...(await Promise.all(
      allTemplates().map(async (t) => ({ name: `correct-${t.id}`, bytes: await typedInto(t) }))
    )),
    // A village fills its 村 row alone: the 镇直单位 row it leaves empty is not its to fill.
    { name: "village-only", bytes: await typedInto(q1, undefined, { rowTypes: ["village"] }) },
    ...(await Promise.all(
      Object.entries(broken).map(async ([name, b]) => ({
        name,
        bytes: await typedInto(b.t, (s) => {
          const { row, col } = fromA1(cellOfBreak(s, b));
          s.grid.values[row][col] = b.to(s.grid.values[row][col]);
        }),
      }))
    )),
  ];
  const pdfs = printToPdf(files);
  const out = path.join(ARTIFACTS, "self-check");
  mkdirSync(out, { recursive: true });
  for (const name of [...Object.keys(broken), "village-only"])
    execFileSync("pdftoppm", [
      "-r",
      "100",
      "-png",
      "-l",
      "1",
      pdfs.get(name)!,
      path.join(out, name),
    ]);
  for (const f of files.filter((f) => !(f.name in broken)))
    expect([f.name, markPixels(pdfs.get(f.name)!)]).toEqual([f.name, { blank: 0, identity: 0 }]);
  const blank = markPixels(pdfs.get("blank")!);
  const total = markPixels(pdfs.get("broken-total")!);
  const perUnit = markPixels(pdfs.get("broken-per-unit-total")!);
  expect(blank).toMatchObject({ identity: 0 });
  expect(total).toMatchObject({ blank: 0 });
  expect(perUnit).toMatchObject({ blank: 0 });
  // About one cell each, like the blank one: the total alone is marked, not its parts with it.
  expect(blank.blank).toBeGreaterThan(0);
  expect(total.identity).toBeGreaterThan(blank.blank / 2);
  expect(total.identity).toBeLessThan(blank.blank * 2);
  expect(perUnit.identity).toBeGreaterThan(0);
  // What is marked is what SRS's own check reports, reading the protected file back.
  for (const [name, b] of Object.entries(broken)) {
    const bytes = files.find((f) => f.name === name)!.bytes;
    const errors = checkGrids(await readGrids(bytes))[0].findings.filter(
      (f) => f.severity === "error"
    );
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([
      [b.rule, cellOfBreak(new Sheet(b.t.id), b)],
    ]);
  }
}, 600_000);
