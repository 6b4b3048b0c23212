/**
 * 退回's marked copy of a village's own file (its form from SRS's blank template, saved again by
 * LibreOffice as a WPS or LibreOffice user sends it: the cells of a row share one style) marks
 * exactly the problem cells: each keeps its font, border, number format and lock, the sheet its
 * validation, protection and conditional formats, and a LibreOffice save keeps the marks on those
 * cells alone. Printed by LibreOffice into test-artifacts/return/.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import { returnNotice } from "../../src/rules/review/return";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MARK_COLORS } from "../../src/workbook/types";
import { markedCopy } from "../../src/workbook/xlsx/marked-copy";
import { partText, type Parts, sheetParts, unzipParts } from "../../src/workbook/xlsx/parts";
import { readGrids } from "../../src/workbook/xlsx/read";
import { returnedXlsx } from "../../src/workbook/xlsx/returned";
import { resaveWithLibreOffice } from "../helpers/libreoffice";
import { ARTIFACTS, pdfText, printToPdf } from "../helpers/pdf";
import { typedInto } from "../helpers/typed-form";

const q1 = getTemplate("nanan-2026-quarterly-1")!;
const unit = "金淘镇朴里村";

/** Each cell's style as it shows: its fill's colour, and the rest of its format. */
function cellStyles(bytes: Uint8Array, sheet: string) {
  const parts: Parts = unzipParts(bytes);
  const styles = partText(parts, "xl/styles.xml")!;
  const block = (tag: string) =>
    new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? "";
  const items = (body: string, tag: string) =>
    [...body.matchAll(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map(
      (m) => m[0]
    );
  const fills = items(block("fills"), "fill").map((f) =>
    /patternType="solid"/.test(f) ? /<fgColor rgb="([0-9A-Fa-f]{8})"/.exec(f)?.[1] : undefined
  );
  const xfs = items(block("cellXfs"), "xf");
  const fonts = items(block("fonts"), "font");
  const borders = items(block("borders"), "border");
  const part = sheetParts(parts).find((s) => s.name === sheet)!.part;
  const xml = partText(parts, part)!;
  const out = new Map<string, { fill?: string; rest: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*?\ss="(\d+)")?/g)) {
    const xf = xfs[Number(m[2] ?? 0)];
    const n = (a: string) => Number(new RegExp(`${a}="(\\d+)"`).exec(xf)?.[1] ?? 0);
    const inner = /<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/.exec(xf)?.[1] ?? "";
    out.set(m[1], {
      fill: fills[n("fillId")]?.toUpperCase(),
      // Compared by what they are, not their index: a save may renumber them.
      rest: [`numFmt ${n("numFmtId")}`, fonts[n("fontId")], borders[n("borderId")], inner].join(
        "|"
      ),
    });
  }
  return { out, xml };
}

const filled = (m: Map<string, { fill?: string }>) =>
  new Set([...m].filter(([, s]) => s.fill).map(([c]) => c));
const block = (xml: string, tag: string) =>
  new RegExp(`<${tag}\\b[\\s\\S]*?(?:</${tag}>|/>)`, "g").exec(xml)?.[0];

test("srs return marks exactly the problem cells of the unit's own file, and LibreOffice keeps them so", async () => {
  const village = await typedInto(
    q1,
    (s) => {
      const slots = s.rec!.info.slots;
      const own = slots.find((x) => x.rowType === "village")!.key;
      const other = slots.find((x) => x.rowType !== "village")!.key;
      // 注10: 0 in every cell of the row the village does not fill.
      for (const l of s.rec!.info.leaves) if (l.kind === "number") s.set(other, l.key, 0);
      s.set(own, "resp.risk.red", null);
      s.set(own, "promo.letters", "无");
      s.set(own, "base.total", Number(s.get(own, "base.total")) + 1);
    },
    { rowTypes: ["village"], unit, phone: "13805951234" }
  );
  // Saved by LibreOffice, as a WPS or LibreOffice user sends it back.
  const file = resaveWithLibreOffice(village);
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-marked-"));
  writeFileSync(path.join(dir, "朴里村.xlsx"), file);
  const code = await main(["return", path.join(dir, "朴里村.xlsx"), "-o", dir], () => {});
  expect(code).toBe(0);
  const copy = new Uint8Array(readFileSync(path.join(dir, `${unit}-退回.xlsx`)));

  const sheet = (await readGrids(file))[0].name;
  const r = returnNotice(checkGrids(await readGrids(file)), "");
  const problems = new Set(r.items.map((i) => i.cell));
  expect(problems.size).toBeGreaterThanOrEqual(3);
  expect(problems.size).toBeLessThanOrEqual(6);

  const before = cellStyles(file, sheet);
  const after = cellStyles(copy, sheet);
  // The cells of a row share one style in LibreOffice's file: marking that style would paint them all.
  const shared = new Map<string, number>();
  for (const m of before.xml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)"/g))
    shared.set(m[1], (shared.get(m[1]) ?? 0) + 1);
  expect(Math.max(...shared.values())).toBeGreaterThan(20);

  const changed = [...new Set([...before.out.keys(), ...after.out.keys()])].filter(
    (c) => before.out.get(c)?.fill !== after.out.get(c)?.fill
  );
  expect(new Set(changed)).toEqual(problems);
  for (const i of r.items) {
    expect(after.out.get(i.cell)!.fill).toBe(
      `FF${MARK_COLORS[r.items.some((x) => x.cell === i.cell && x.severity === "error") ? "error" : "warning"].slice(1)}`
    );
    // Its font, border, number format, alignment and lock are its own.
    expect(after.out.get(i.cell)!.rest).toBe(before.out.get(i.cell)!.rest);
  }
  for (const tag of [
    "dataValidations",
    "sheetProtection",
    "conditionalFormatting",
    "mergeCells",
    "cols",
  ])
    expect(block(after.xml, tag)).toBe(block(before.xml, tag));
  // The 问题清单 lists the same cells, and the copy opens on it.
  const grids = await readGrids(copy);
  expect(grids.map((g) => g.name)).toEqual([sheet, "问题清单"]);
  expect(new Set(grids[1].values.slice(2).map((row) => row[3]))).toEqual(problems);
  const book = partText(unzipParts(copy), "xl/workbook.xml")!;
  expect(book).toMatch(/activeTab="1"/);
  expect(after.xml).not.toMatch(/tabSelected="1"/);

  // Saved again by LibreOffice (the village opens it in WPS): still those cells alone.
  const resaved = resaveWithLibreOffice(copy);
  const again = cellStyles(resaved, sheet);
  const still = [...new Set([...before.out.keys(), ...again.out.keys()])].filter(
    (c) => before.out.get(c)?.fill !== again.out.get(c)?.fill
  );
  expect(new Set(still)).toEqual(problems);

  // Printed: the page a village is handed, looked at in test-artifacts/return/.
  const pdf = printToPdf([{ name: "marked", bytes: copy }]).get("marked")!;
  expect(pdfText(pdf)).toContain("问题清单");
  const out = path.join(ARTIFACTS, "return");
  mkdirSync(out, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(out, "marked-copy")]);
}, 300_000);

test("the copy from grids alone (a host that gives no file) marks the same cells, nothing else", async () => {
  const file = await typedInto(q1, (s) => s.set(s.firstSlot, "promo.letters", "无"), { unit });
  const grids = await readGrids(file);
  const r = returnNotice(checkGrids(grids), "");
  const copy = await returnedXlsx([grids[0]], r);
  const styles = cellStyles(copy, grids[0].name);
  expect(filled(styles.out)).toEqual(new Set(r.items.map((i) => i.cell)));
  // From the file itself, kept to the one sheet asked for.
  const own = markedCopy(file, r, [grids[0].name]);
  expect(filled(cellStyles(own, grids[0].name).out)).toEqual(new Set(r.items.map((i) => i.cell)));
});

describe("the page's marked copy is made from the unit's own file", () => {
  const village = (u: string, bad: string) =>
    typedInto(q1, (s) => s.set(s.firstSlot, "promo.letters", bad), { unit: u, seed: 5 });
  const sheetXml = (bytes: Uint8Array) => {
    const parts = unzipParts(bytes);
    return partText(parts, sheetParts(parts)[0].part)!;
  };

  test("one file opened, several opened together, or a child imported by consolidation", async () => {
    const { MemoryWorkbook } = await import("../../src/workbook/memory-workbook");
    const a = await village("金淘镇朴里村", "无");
    const b = await village("金淘镇岭兜村", "—");
    const validation = block(sheetXml(a), "dataValidations");
    expect(validation).toBeDefined();
    const copyOf = async (book: InstanceType<typeof MemoryWorkbook>, sheet: string) => {
      const grid = book.sheets.find((g) => g.name === sheet)!;
      const r = returnNotice(checkGrids([grid]), "");
      const file = (await book.sheetsFile([sheet]))!;
      return { r, copy: markedCopy(file, r, [sheet]) };
    };
    const check = async (copy: Uint8Array, r: ReturnType<typeof returnNotice>, sheet: string) => {
      const grids = await readGrids(copy);
      expect(grids.map((g) => g.name)).toEqual([sheet, "问题清单"]);
      const xml = sheetXml(copy);
      expect(block(xml, "dataValidations")).toBe(validation);
      expect(block(xml, "sheetProtection")).toBe(block(sheetXml(a), "sheetProtection"));
      expect(filled(cellStyles(copy, sheet).out)).toEqual(new Set(r.items.map((i) => i.cell)));
    };

    const one = await MemoryWorkbook.fromXlsx(a, "朴里村.xlsx");
    const name = one.sheets[0].name;
    // A cell the reviewer corrected in the page is corrected in the copy.
    const r0 = returnNotice(checkGrids(one.sheets), "");
    const fixed = r0.items.find((i) => i.message.includes("无"))!.cell;
    one.setCell(name, fixed, 3);
    const first = await copyOf(one, name);
    expect(first.r.items.some((i) => i.cell === fixed)).toBe(false);
    await check(first.copy, first.r, name);
    expect((await readGrids(first.copy))[0].values.flat()).toContain(3);

    const books = await Promise.all([a, b].map((x, i) => MemoryWorkbook.fromXlsx(x, `${i}.xlsx`)));
    const both = MemoryWorkbook.combine(books);
    const second = both.sheets[1].name;
    expect(second).not.toBe(name);
    const two = await copyOf(both, second);
    await check(two.copy, two.r, second);

    const township = new MemoryWorkbook([]);
    await township.consolidate([
      { name: "朴里村.xlsx", bytes: a },
      { name: "岭兜村.xlsx", bytes: b },
    ]);
    const child = township.sheets.find((g) => g.name.includes("岭兜村"))!.name;
    const three = await copyOf(township, child);
    await check(three.copy, three.r, child);
  });
});
