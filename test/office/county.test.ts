/**
 * The county in the pane, on the host double: three townships' workbooks made by srs consolidate,
 * and county departments' own sheets, imported at once. Each township counts once, as its
 * summary; its village copies and 汇总说明 are not imported as reports; the county's summary
 * formulas add up to the townships' summaries.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { consolidateFiles } from "../../src/cli/commands/consolidate";
import { numericValue } from "../../src/rules/number";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { Book, excelContext, type FixtureSheet } from "../helpers/excel-mock";
import { tableNumbers } from "../helpers/table-numbers";

/** =SUM('a'!B7,'b'!C8) over the book's values. */
function evaluate(book: Book, formula: string): number {
  const refs = formula.match(/'((?:[^']|'')+)'!([A-Z]+\d+)/g) ?? [];
  return refs.reduce((sum, ref) => {
    const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(ref)!;
    return sum + (numericValue(book.value(m[1].replace(/''/g, "'"), m[2]) as number) ?? 0);
  }, 0);
}

it.each([
  ["anxi-2024-monthly-1", "township", "county-dept"],
  ["nanan-2026-quarterly-1", "village", undefined],
])(
  "%s: a county consolidates three townships' workbooks in the pane",
  async (id, townRow, deptRow) => {
    const t = getTemplate(id) as TableTemplate;
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-county-pane-"));
    const fixtures = new Map<string, FixtureSheet[]>();
    const expected = new Map<string, number>();
    const add = (m: Map<string, number>) => {
      for (const [k, v] of m) expected.set(k, (expected.get(k) ?? 0) + v);
    };
    const files: { name: string; base64: string }[] = [];
    for (const [k, town] of ["金淘镇", "仙夹镇", "码头镇"].entries()) {
      const inputs: string[] = [];
      for (let i = 0; i < 3; i++) {
        const unit = `${town}第${i}${townRow === "village" ? "村" : "所"}`;
        const f = path.join(dir, `${unit}.xlsx`);
        const grid = filledSheet(t, { seed: 10 * k + i + 1, rowTypes: [townRow], unit }).grid;
        writeFileSync(f, await toXlsx((wb) => addGridSheet(wb, { ...grid, name: "Sheet1" })));
        inputs.push(f);
      }
      const out = path.join(dir, `${town}汇总.xlsx`);
      await consolidateFiles(inputs, out, { unit: town });
      const grids = await readGrids(readFileSync(out));
      fixtures.set(`b64-${town}`, grids);
      files.push({ name: `${town}汇总.xlsx`, base64: `b64-${town}` });
      add(tableNumbers(grids.find((g) => g.name === `${t.shortTitle}汇总`)!));
    }
    if (deptRow) {
      const grid = filledSheet(t, { seed: 99, rowTypes: [deptRow], unit: "县应急管理局" }).grid;
      fixtures.set("b64-局", [{ ...grid, name: "Sheet1" }]);
      files.push({ name: "县应急管理局.xlsx", base64: "b64-局" });
      add(tableNumbers(grid));
    }

    const book = new Book();
    const lines = await consolidateInExcel(excelContext(book, fixtures).context, files);
    expect(lines.map((l) => [l.unit, l.status])).toEqual([
      ["金淘镇", "included"],
      ["仙夹镇", "included"],
      ["码头镇", "included"],
      ...(deptRow ? [["县应急管理局", "included"]] : []),
    ]);
    // The townships' village copies and 汇总说明 went; their summaries stay, named after them.
    const names = [...book.sheets.keys()];
    expect(names).toEqual(
      expect.arrayContaining(["金淘镇", "仙夹镇", "码头镇", `${t.shortTitle}汇总`, "汇总说明"])
    );
    expect(names.filter((n) => /第\d/.test(n))).toEqual([]);

    const summary = book.grid(`${t.shortTitle}汇总`);
    const rec = recognize(summary) as TableRecognition;
    let checked = 0;
    for (const [slot, r] of rec.match.rows)
      for (const [leaf, c] of rec.match.columns) {
        const f = summary.values[r]?.[c];
        if (typeof f !== "string" || !f.startsWith("=SUM(")) continue;
        const key = `${slot}|${leaf}`;
        expect({ key, value: Math.round(evaluate(book, f) * 1e4) / 1e4 }).toEqual({
          key,
          value: Math.round((expected.get(key) ?? 0) * 1e4) / 1e4,
        });
        checked++;
      }
    expect(checked).toBeGreaterThan(20);

    // Consolidated again with nothing new: the townships stay summed, as themselves.
    const again = await consolidateInExcel(excelContext(book, fixtures).context, []);
    expect(again.filter((l) => l.status === "included").map((l) => l.unit)).toEqual(
      lines.filter((l) => l.status === "included").map((l) => l.unit)
    );
  },
  120_000
);
