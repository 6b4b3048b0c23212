import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import { explanationsGrid } from "../../src/rules/review/explanations";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { readAllSheets } from "../../src/workbook/office/read-sheets";
import { Book, excelContext } from "../helpers/excel-mock";
import { readGrids } from "../../src/workbook/xlsx/read";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { putExplanations } from "../../src/workbook/xlsx/explanations";
import { addGridSheet } from "../../src/workbook/xlsx/write-workbook";
import { Sheet } from "../helpers/filled";

/**
 * A village's report with one warning: a count above what bounds it (整改 more than 自查 and the
 * like, a 提示: rectifications can outnumber this period's finds), which it explained.
 */
function warnedVillage(unit: string) {
  const s = new Sheet("nanan-2026-quarterly-1", { seed: 4, rowTypes: ["village"], unit });
  const slot = s.rec!.info.slots.find((x) => x.rowType === "village")!.key;
  const r =
    s.rec!.template.kind === "table"
      ? s.rec!.template.relations.find((x) => x.kind === "at-most")!
      : undefined;
  if (!r || r.kind !== "at-most") throw new Error("no bound");
  const right = r.right.reduce((n, k) => n + Number(s.get(slot, k)), 0);
  s.set(slot, r.left[0], right + 5);
  const cell = s.address(slot, r.left[0]);
  const grid = { ...s.grid, name: "Sheet1" };
  const explanations = [{ sheet: "Sheet1", cell, rule: "bound", reason: "台账原样", time: "t" }];
  return { cell, grid, explanations };
}

async function explainedVillage(unit: string) {
  const { cell, grid, explanations } = warnedVillage(unit);
  const wb = new ExcelJS.Workbook();
  addGridSheet(wb, grid);
  putExplanations(wb, undefined, explanations);
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

  it("the pane's in-place consolidation does the same, and keeps the explanation with the copy", async () => {
    const { cell, bytes } = await explainedVillage("金淘镇朴里村");
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate([{ name: "朴里村.xlsx", bytes }]);
    expect(lines[0]).toMatchObject({
      status: "included",
      explained: [expect.stringContaining("台账原样")],
    });
    const notes = book.sheets.find((s) => s.name === "汇总说明")!;
    expect(notes.values.some((r) => String(r[7] ?? "").includes("已说明：台账原样"))).toBe(true);
    // The unit's explanation now belongs to the township workbook's own hidden 审核说明, under the
    // copy's name, so the township's pane shows the warning as explained too.
    expect(book.sheets.filter((s) => book.hidden.has(s.name)).map((s) => s.name)).toEqual([
      "SRS审核说明",
    ]);
    const copy = checkGrids(book.sheets).find((r) => r.sheet === "金淘镇朴里村")!;
    expect(copy.findings.find((f) => f.cell === cell)?.explained).toBe("台账原样");
  });

  it("in Excel (host double): the copy's explanation lands on the workbook's hidden 审核说明", async () => {
    const { cell, grid, explanations } = warnedVillage("金淘镇朴里村");
    const book = new Book();
    const fixtures = new Map([["b64", [grid, explanationsGrid(explanations)]]]);
    const { context } = excelContext(book, fixtures);
    const lines = await consolidateInExcel(context, [{ name: "朴里村.xlsx", base64: "b64" }]);
    expect(lines[0].explained).toEqual([expect.stringContaining("台账原样")]);
    expect(book.sheets.get("SRS审核说明")?.visibility).toBe("Hidden");
    const copy = checkGrids(await readAllSheets(context)).find((r) => r.sheet === "金淘镇朴里村")!;
    expect(copy.findings.find((f) => f.cell === cell)?.explained).toBe("台账原样");
  });
});

describe("审核说明 scope: the sheet it was written for, no other", () => {
  /** One file: 朴里村 on Sheet1 (explained), 岭兜村 on "Sheet1 (2)" with the same warning (not). */
  function twoSheets() {
    const a = warnedVillage("金淘镇朴里村");
    const b = warnedVillage("金淘镇岭兜村");
    expect(b.cell).toBe(a.cell);
    return {
      a,
      grids: [a.grid, { ...b.grid, name: "Sheet1 (2)" }, explanationsGrid(a.explanations)],
    };
  }
  const explainedOf = (lines: { unit: string; explained?: string[] }[], unit: string) =>
    lines.find((l) => l.unit === unit)?.explained ?? [];

  it("srs consolidate: Sheet1's explanation is not applied to Sheet1 (2) of the same file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-explained-"));
    const file = path.join(dir, "两村.xlsx");
    const wb = new ExcelJS.Workbook();
    const { grids } = twoSheets();
    grids.forEach((g) => addGridSheet(wb, g));
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, "汇总.xlsx");
    let text = "";
    await main(["consolidate", "--json", file, "--unit", "金淘镇", "-o", out], (s) => (text += s));
    const lines = JSON.parse(text).children;
    expect(explainedOf(lines, "金淘镇朴里村")).toEqual([expect.stringContaining("台账原样")]);
    expect(explainedOf(lines, "金淘镇岭兜村")).toEqual([]);
  });

  it("in Excel (host double): the same file; and a sheet renamed on insertion keeps its own", async () => {
    const { a, grids } = twoSheets();
    const book = new Book();
    const { context } = excelContext(book, new Map([["b64", grids]]));
    const lines = await consolidateInExcel(context, [{ name: "两村.xlsx", base64: "b64" }]);
    expect(explainedOf(lines, "金淘镇朴里村")).toEqual([expect.stringContaining("台账原样")]);
    expect(explainedOf(lines, "金淘镇岭兜村")).toEqual([]);
    const reports = checkGrids(await readAllSheets(context));
    const at = (sheet: string) =>
      reports.find((r) => r.sheet === sheet)!.findings.find((f) => f.cell === a.cell);
    expect(at("金淘镇朴里村")?.explained).toBe("台账原样");
    expect(at("金淘镇岭兜村")?.explained).toBeUndefined();

    // The workbook already has a Sheet1: the village's Sheet1 comes in as "Sheet1 (2)" and its
    // explanation goes with it.
    const taken = new Book().load({ name: "Sheet1", values: [["备忘"]], merges: [] });
    const one = excelContext(taken, new Map([["b64", [a.grid, explanationsGrid(a.explanations)]]]));
    const [line] = await consolidateInExcel(one.context, [{ name: "朴里村.xlsx", base64: "b64" }]);
    expect(line).toMatchObject({
      unit: "金淘镇朴里村",
      explained: [expect.stringContaining("台账原样")],
    });
  });
});
