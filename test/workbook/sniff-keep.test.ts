/**
 * The sniff unpacks every part it bounds; asked to, it hands the reader's (worksheets, shared
 * strings, styles, the workbook and its relationships) to the reader, byte for byte what an unzip gives, so they are not unpacked twice. A part whose
 * size is not the one declared is not handed over (the reader unpacks it as before).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { openWorkbook, readGrids } from "../../src/workbook/xlsx/read";
import { sniffWorkbook } from "../../src/workbook/xlsx/sniff";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { pack, zip } from "../helpers/zip";

const CHECKED =
  /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml|_rels\/workbook\.xml\.rels)$/;

it("hands over each part the reader reads as an unzip gives them, a big sheet in pieces joined", async () => {
  const report = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 3 });
  // Past 4 KB packed: unpacked piece by piece.
  const big = {
    ...report.layout,
    grid: {
      name: "明细",
      values: Array.from({ length: 3000 }, (_, r) => [
        `第${r}行`,
        (r * 7919) % 10007,
        Math.sqrt(r),
      ]),
      merges: [],
    },
  };
  const bytes = new Uint8Array(
    await layoutsToXlsx([{ ...report.layout, grid: { ...report.grid, name: "1村" } }, big])
  );
  const all = unzipSync(bytes);
  const checked = Object.keys(all).filter((n) => CHECKED.test(n));
  expect(checked.length).toBeGreaterThanOrEqual(3);
  const { parts: kept, texts } = await sniffWorkbook(bytes, "两表.xlsx", true);
  expect(Object.keys(kept).sort()).toEqual(checked.sort());
  for (const n of checked) expect(Buffer.from(kept[n]).equals(Buffer.from(all[n]))).toBe(true);
  // Their text as decoded to scan them, so the reader decodes none again.
  expect(Object.keys(texts).sort()).toEqual(checked.sort());
  for (const n of checked) expect(texts[n]).toBe(strFromU8(all[n]));
  expect((await sniffWorkbook(bytes, "两表.xlsx")).parts).toEqual({});
});

it("keeps no part smaller than declared, and refuses one larger", async () => {
  const sheet = (rows: number) =>
    Buffer.from(
      `<worksheet><sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("")}</sheetData></worksheet>`
    );
  const entries = [
    { name: "xl/workbook.xml", ...pack(Buffer.from("<workbook/>")) },
    { name: "xl/worksheets/sheet1.xml", ...pack(sheet(50)) },
    { name: "xl/worksheets/sheet3.xml", ...pack(sheet(5)), declared: 5000 },
  ];
  const sniffed = await sniffWorkbook(new Uint8Array(zip(entries)), "说谎.xlsx", true);
  const kept = sniffed.parts;
  expect(Object.keys(kept)).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
  expect(Object.keys(sniffed.texts)).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
  expect(Buffer.from(kept["xl/worksheets/sheet1.xml"]).equals(sheet(50))).toBe(true);
  // Past its declared size: the parser would refuse it once it held it whole; refused at once.
  const lying = zip([
    ...entries,
    { name: "xl/worksheets/sheet2.xml", ...pack(sheet(50)), declared: 100 },
  ]);
  await expect(sniffWorkbook(new Uint8Array(lying), "说谎.xlsx", true)).rejects.toThrow("损坏");
});

describe("the parts no reader of a plain workbook parses", () => {
  // A theme whose tags never close: the full sniff refuses it (exceljs parses themes).
  const broken = async (sheetXml?: (xml: string) => string) => {
    const report = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 5 });
    const parts = unzipSync(
      new Uint8Array(await layoutsToXlsx([{ ...report.layout, grid: report.grid }]))
    );
    parts["xl/theme/theme1.xml"] = strToU8('<a:theme xmlns:a="x"><a:themeElements>');
    if (sheetXml)
      parts["xl/worksheets/sheet1.xml"] = strToU8(
        sheetXml(strFromU8(parts["xl/worksheets/sheet1.xml"]))
      );
    return { report, bytes: zipSync(parts) };
  };

  it("are never unpacked when the grids alone are read, so a broken one costs nothing", async () => {
    const { report, bytes } = await broken();
    expect(Object.keys(unzipSync(bytes))).toContain("xl/theme/theme1.xml");
    const grids = await readGrids(bytes, "1村.xlsx");
    expect(grids[0].values).toEqual(report.grid.values);
  });

  it("are bounded before a writer gets the file's bytes, and before exceljs reads it", async () => {
    const { bytes } = await broken();
    await expect(openWorkbook(bytes, "1村.xlsx")).rejects.toThrow("XML 不完整");
    // A hyperlink: the lean reader declines, exceljs would parse the theme too.
    const { bytes: linked } = await broken((xml) =>
      xml.replace(
        "</worksheet>",
        '<hyperlinks><hyperlink ref="A1" location="Sheet1!A1"/></hyperlinks></worksheet>'
      )
    );
    await expect(readGrids(linked, "1村.xlsx")).rejects.toThrow("XML 不完整");
  });
});

it("re-encodes a UTF-16 part the lean reader leaves aside before exceljs or a writer gets the file", async () => {
  const report = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 6 });
  const parts = unzipSync(
    new Uint8Array(await layoutsToXlsx([{ ...report.layout, grid: report.grid }]))
  );
  const theme = strFromU8(parts["xl/theme/theme1.xml"]).replace(
    /^<\?xml[^>]*\?>/,
    '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>'
  );
  parts["xl/theme/theme1.xml"] = new Uint8Array(
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(theme, "utf16le")])
  );
  const plain = zipSync(parts);
  const themeOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["xl/theme/theme1.xml"]);
  // The grids alone: the theme is never unpacked, the file read as it is.
  expect((await readGrids(plain, "1村.xlsx"))[0].values).toEqual(report.grid.values);
  // A writer's bytes: the theme as UTF-8, declared so.
  const opened = await openWorkbook(plain, "1村.xlsx");
  expect(themeOf(opened.bytes)).toContain('encoding="UTF-8"');
  expect(themeOf(opened.bytes)).toContain("<a:theme");
  // exceljs reads it too (a hyperlink makes the lean reader decline).
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    strFromU8(parts["xl/worksheets/sheet1.xml"]).replace(
      "</worksheet>",
      '<hyperlinks><hyperlink ref="A1" location="Sheet1!A1"/></hyperlinks></worksheet>'
    )
  );
  const linked = await readGrids(zipSync(parts), "1村.xlsx");
  expect(linked[0].values[0]).toEqual(report.grid.values[0]);
});
