/**
 * srs stamp writes the stamped cells and nothing else: the user's external links, HYPERLINK
 * formulas and every other part stay as saved (an exceljs round trip dropped them). Each table of
 * a sheet gets its own 统计口径 line.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { checkGrids } from "../../src/rules/check";
import { recognize, recognizeSheet, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { basisLine } from "../../src/rules/stamp";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { beside, stacked } from "../helpers/combine";

const SRS = path.join(__dirname, "../../bin/srs.js");
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A village report whose workbook links to another workbook and holds a HYPERLINK formula. */
async function linkedReport(file: string) {
  const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 3,
    rowTypes: ["village"],
    unit: "金淘镇朴里村",
  });
  const z = await JSZip.loadAsync(
    await toXlsx((wb) => {
      addGridSheet(wb, { ...f.grid, name: "Sheet1" });
      addGridSheet(wb, { name: "链接", values: [[null]], merges: [] });
    })
  );
  // The report's own sheet links to its instructions, far right of the title.
  const sheet1 = "xl/worksheets/sheet1.xml";
  z.file(
    sheet1,
    (await z.file(sheet1)!.async("string")).replace(
      /(<row r="1"[^>]*>[\s\S]*?)<\/row>/,
      '$1<c r="AZ1" t="str"><f>HYPERLINK("https://example.org/","填报说明")</f><v>填报说明</v></c></row>'
    )
  );
  const sheet2 = "xl/worksheets/sheet2.xml";
  z.file(
    sheet2,
    (await z.file(sheet2)!.async("string")).replace(
      /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
      '<sheetData><row r="1"><c r="A1"><f>[1]Sheet1!A1</f><v>7</v></c>' +
        '<c r="B1" t="str"><f>HYPERLINK("https://example.org/","说明")</f><v>说明</v></c></row></sheetData>'
    )
  );
  z.file(
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      `xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
      '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet>' +
      "</externalBook></externalLink>"
  );
  z.file(
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/externalLinkPath" Target="底数.xlsx" TargetMode="External"/>` +
      "</Relationships>"
  );
  const rels = "xl/_rels/workbook.xml.rels";
  z.file(
    rels,
    (await z.file(rels)!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdLink" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`
    )
  );
  z.file(
    "xl/workbook.xml",
    (await z.file("xl/workbook.xml")!.async("string")).replace(
      "</sheets>",
      '</sheets><externalReferences><externalReference r:id="rIdLink"/></externalReferences>'
    )
  );
  z.file(
    "[Content_Types].xml",
    (await z.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
    )
  );
  writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return f.layout.body;
}

const unpacked = async (file: string) => {
  const z = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(z.files).filter((n) => !z.files[n].dir))
    out.set(name, await z.file(name)!.async("string"));
  return out;
};

it("keeps external links, HYPERLINK formulas and every part it does not stamp", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-stamp-"));
  const input = path.join(dir, "朴里村.xlsx");
  const body = await linkedReport(input);
  const out = path.join(dir, "盖章.xlsx");
  const r = spawnSync(
    "node",
    [
      SRS,
      "stamp",
      input,
      "--period",
      "2026Q4",
      "--date",
      "2026-12-20",
      "--unit",
      "金淘镇朴里村",
      "-o",
      out,
    ],
    { encoding: "utf8", timeout: 60_000 }
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const before = await unpacked(input);
  const after = await unpacked(out);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, text] of before)
    if (name !== "xl/worksheets/sheet1.xml" && name !== "xl/styles.xml")
      expect([name, after.get(name)]).toEqual([name, text]);
  // Styles only gain the 统计口径 line's (宋体, wrapped): every style the file had keeps its index.
  const styles = after.get("xl/styles.xml")!;
  const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
  expect(xfs(styles).startsWith(xfs(before.get("xl/styles.xml")!))).toBe(true);
  expect(styles).toContain('<name val="宋体"/>');
  expect(after.get("xl/worksheets/sheet1.xml")).toContain(
    '<f>HYPERLINK("https://example.org/","填报说明")</f>'
  );
  const linked = after.get("xl/worksheets/sheet2.xml")!;
  expect(linked).toContain("<f>[1]Sheet1!A1</f>");
  expect(linked).toContain('<f>HYPERLINK("https://example.org/","说明")</f>');
  // The stamped sheet: its header says the period and date, its data cells are as they were.
  const [stamped] = await readGrids(readFileSync(out));
  const [original] = await readGrids(readFileSync(input));
  expect(recognize(stamped).kind).toBe("table");
  const text = stamped.values
    .flat()
    .filter((v) => typeof v === "string")
    .join("|");
  expect(text).toContain("报告期：2026年第4季度");
  expect(text).toContain("2026年12月20日");
  const changed = stamped.values.flatMap((row, i) =>
    row.flatMap((v, j) => (v !== (original.values[i]?.[j] ?? null) ? [[i, j]] : []))
  );
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.length).toBeLessThanOrEqual(6);
  for (const [i] of changed) expect(i < body.top || i > body.bottom).toBe(true);
}, 60_000);

it("stamps each table of a sheet with its own 统计口径 line, stacked or side by side", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-stamp-"));
  const input = path.join(dir, "两表.xlsx");
  const q1 = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed: 5,
    unit: "金淘镇朴里村",
    rowTypes: ["village"],
  }).grid;
  const q3 = filledSheet(getTemplate("nanan-2026-quarterly-3")!, {
    seed: 6,
    unit: "金淘镇朴里村",
  }).grid;
  writeFileSync(
    input,
    await toXlsx((wb) => {
      addGridSheet(wb, { ...stacked(q1, q3, 1), name: "上下" });
      addGridSheet(wb, { ...beside(q1, q3, 1), name: "左右" });
    })
  );
  const out = path.join(dir, "盖章.xlsx");
  const r = spawnSync(
    "node",
    [SRS, "stamp", input, "--period", "2026Q4", "--date", "2026-12-20", "-o", out],
    { encoding: "utf8", timeout: 60_000 }
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const grids = await readGrids(readFileSync(out));
  expect(grids.map((g) => g.name)).toEqual(["上下", "左右"]);
  for (const g of grids) {
    const recs = recognizeSheet(g) as TableRecognition[];
    expect(recs.map((x) => x.template.id)).toEqual([
      "nanan-2026-quarterly-1",
      "nanan-2026-quarterly-3",
    ]);
    const lines = g.values
      .flat()
      .filter((v): v is string => typeof v === "string" && v.startsWith("统计口径："));
    expect(lines.sort()).toEqual(recs.map((x) => basisLine(x)).sort());
  }
  expect(checkGrids(grids).flatMap((x) => x.findings)).toEqual([]);
}, 60_000);
