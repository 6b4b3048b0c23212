import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { readGrids } from "../../src/workbook/xlsx/read";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { putExplanations } from "../../src/workbook/xlsx/explanations";
import { addGridSheet } from "../../src/workbook/xlsx/write-workbook";
import { Sheet } from "../helpers/filled";
import { fullWidth } from "../helpers/reviewed";

/** A village's file whose one warning (a number in full-width digits) it explained. */
async function explainedVillage(unit: string) {
  const s = new Sheet("nanan-2026-quarterly-1", { seed: 4, rowTypes: ["village"], unit });
  const slot = s.rec!.info.slots.find((x) => x.rowType === "village")!.key;
  const key = s.rec!.info.leaves.filter((l) => l.kind === "number")[1].key;
  s.set(slot, key, fullWidth(s.get(slot, key)));
  const cell = s.address(slot, key);
  const wb = new ExcelJS.Workbook();
  addGridSheet(wb, { ...s.grid, name: "Sheet1" });
  putExplanations(wb, undefined, [
    { sheet: "Sheet1", cell, rule: "number-format", reason: "台账原样", time: "t" },
  ]);
  return { cell, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

describe("审核说明 in the township's 汇总说明", () => {
  it("srs consolidate lists a unit's explained warnings in its line and in 汇总说明", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-explained-"));
    const { cell, bytes } = await explainedVillage("金淘镇朴里村");
    const file = path.join(dir, "朴里村.xlsx");
    writeFileSync(file, bytes);
    const out = path.join(dir, "汇总.xlsx");
    let text = "";
    await main(["consolidate", file, "--unit", "金淘镇", "-o", out], (s) => (text += s));
    // The list of units the command prints shows the reason too.
    expect(text).toMatch(
      new RegExp(`金淘镇朴里村.*已汇总.*已说明的提示：${cell} .*（已说明：台账原样）`)
    );
    const grids = await readGrids(new Uint8Array(require("fs").readFileSync(out)));
    const notes = grids.find((g) => g.name === "汇总说明")!;
    const row = notes.values.find((r) => r[0] === "金淘镇朴里村")!;
    expect(String(row[7])).toMatch(new RegExp(`已说明的提示：${cell} .*（已说明：台账原样）`));
    // The unit's 审核说明 sheet is not copied as a report, nor counted as one.
    expect(grids.map((g) => g.name)).not.toContain("SRS审核说明");
  });

  it("the pane's in-place consolidation does the same, and drops the inserted 审核说明 sheet", async () => {
    const { bytes } = await explainedVillage("金淘镇朴里村");
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate([{ name: "朴里村.xlsx", bytes }]);
    expect(lines[0]).toMatchObject({
      status: "included",
      explained: [expect.stringContaining("台账原样")],
    });
    expect(book.sheets.map((s) => s.name)).not.toContain("SRS审核说明");
    const notes = book.sheets.find((s) => s.name === "汇总说明")!;
    expect(notes.values.some((r) => String(r[7] ?? "").includes("已说明：台账原样"))).toBe(true);
  });
});
