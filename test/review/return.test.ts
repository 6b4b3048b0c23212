import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import { applyExplanations } from "../../src/rules/review/explanations";
import { problemListGrid } from "../../src/rules/review/problem-list";
import { returnNotice } from "../../src/rules/review/return";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { MARK_COLORS } from "../../src/workbook/types";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import type { Grid } from "../../src/rules/grid";
import { Sheet } from "../helpers/filled";
import { reviewed } from "../helpers/reviewed";

async function run(args: string[]) {
  let out = "";
  const code = await main(args, (s) => (out += s + "\n"));
  return { code, out };
}

const unit = "金淘镇朴里村";
function village() {
  const r = reviewed();
  // The header names the unit, as a village's own file does.
  const fresh = filledSheet(getTemplate("nanan-2026-quarterly-1")!, { seed: 3, unit }).grid;
  const header = fresh.values.findIndex((row) => /填报单位/.test(String(row[0] ?? "")));
  r.s.grid.values[header] = [...fresh.values[header]];
  return r;
}

describe("退回 (rules)", () => {
  it("one message: the unit, the table, each problem with its cell and the note it breaks", () => {
    const { s, warn, error } = village();
    const reports = checkGrids([{ ...s.grid, name: "Sheet1" }]);
    const r = returnNotice(reports, "朴里村.xlsx");
    expect(r.unit).toBe(unit);
    expect(r.tables).toEqual(["季报表（一）"]);
    const lines = r.message.split("\n");
    expect(lines[0]).toMatch(
      /^【退回】金淘镇朴里村：报表有 \d+ 处错误、1 处提示，请改正后重新报送/
    );
    expect(lines[1]).toBe("季报表（一）（工作表“Sheet1”）：");
    expect(lines[2]).toMatch(new RegExp(`^1\\. ${error} 村 .*：.*（依据：季报表（一）注\\d+）$`));
    expect(lines.find((l) => l.includes("[提示]"))).toMatch(new RegExp(`\\[提示\\] ${warn} `));
    // An explained warning is not sent back.
    const explained = reports.map((x) => ({
      ...x,
      findings: applyExplanations(x.findings, [
        { sheet: "Sheet1", cell: warn, rule: "number-format", reason: "r", time: "" },
      ]),
    }));
    expect(returnNotice(explained, "").message).not.toContain("[提示]");
    const list = problemListGrid(r);
    expect(list.values[1]).toEqual(["单位", "表", "工作表", "单元格", "类别", "问题", "依据"]);
    expect(list.values.slice(2).map((x) => x[3])).toEqual(r.items.map((i) => i.cell));
  });
});

describe("srs return", () => {
  it("writes the marked copy (problem cells filled, 问题清单 first) and the message beside it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-return-"));
    const { s, warn, error } = village();
    const file = path.join(dir, "朴里村.xlsx");
    writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...s.grid, name: "Sheet1" })));
    const before = readFileSync(file);
    const r = await run(["return", file, "-o", path.join(dir, "退回")]);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "退回")).sort()).toEqual([
      "金淘镇朴里村-退回.txt",
      "金淘镇朴里村-退回.xlsx",
    ]);
    const txt = readFileSync(path.join(dir, "退回", "金淘镇朴里村-退回.txt"), "utf8");
    expect(txt).toMatch(/^【退回】金淘镇朴里村/);
    expect(r.out).toContain(txt.trim());
    expect(readFileSync(file).equals(before)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, "退回", "金淘镇朴里村-退回.xlsx")) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", "问题清单"]);
    const fill = (cell: string) =>
      (wb.getWorksheet("Sheet1")!.getCell(cell).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill(error)).toBe(`FF${MARK_COLORS.error.slice(1)}`);
    expect(fill(warn)).toBe(`FF${MARK_COLORS.warning.slice(1)}`);
    const list = wb.getWorksheet("问题清单")!;
    expect(list.getCell("A3").value).toBe(unit);
    expect(list.getCell("D3").value).toBe(error);
    // Sent back again after correcting, the 问题清单 is no report of its own.
    const again = await run(["check", "--json", path.join(dir, "退回", "金淘镇朴里村-退回.xlsx")]);
    const sheets = JSON.parse(again.out).files[0].sheets.map((x: { sheet: string }) => x.sheet);
    expect(sheets).toEqual(["Sheet1"]);
  });

  it("a clean report is not sent back; an unreadable file gets one line and exit 2", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-return-"));
    const clean = path.join(dir, "岭兜村.xlsx");
    const grid = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
      seed: 1,
      unit: "岭兜村",
    }).grid;
    writeFileSync(clean, await toXlsx((wb) => addGridSheet(wb, { ...grid, name: "Sheet1" })));
    const bad = path.join(dir, "坏.xlsx");
    writeFileSync(bad, "not a zip");
    const r = await run(["return", clean, bad, "-o", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("岭兜村：未发现问题，无需退回");
    expect(r.out).toMatch(/坏\.xlsx\n {2}无法读取：\S/);
    expect(readdirSync(path.join(dir, "out"))).toEqual([]);
    expect(existsSync(path.join(dir, "out"))).toBe(true);
    // -o naming a file, not a folder: one line, exit 64.
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect((await run(["return", clean, "-o", clean])).code).toBe(64);
    expect(String(err.mock.calls[0][0])).toMatch(/^srs: 无法在 .* 建立文件夹/);
    err.mockRestore();
  });
});

describe("退回, then sent again", () => {
  it("the corrected file replaces the earlier report in the township workbook; its 问题清单 does not stay", async () => {
    const { MemoryWorkbook } = await import("../../src/workbook/memory-workbook");
    const s = new Sheet("nanan-2026-quarterly-1", { seed: 3, rowTypes: ["village"], unit });
    const slot = s.rec!.info.slots.find((x) => x.rowType === "village")!.key;
    const key = s.rec!.info.leaves.filter((l) => l.kind === "number")[5].key;
    const right = s.get(slot, key);
    s.set(slot, key, "无");
    const wrong = { ...s.grid, name: "Sheet1" };
    const book = new MemoryWorkbook([]);
    const send = async (name: string, ...grids: Grid[]) =>
      book.consolidate([
        {
          name,
          bytes: await toXlsx((wb) => grids.forEach((g) => addGridSheet(wb, g))),
          lastModified: Date.now(),
        },
      ]);
    expect((await send("朴里村.xlsx", wrong))[0].status).toBe("errors");
    // Sent back with its 问题清单; the village corrects the cell and sends the same file again.
    const list = problemListGrid(returnNotice(checkGrids([wrong]), ""));
    s.set(slot, key, right);
    const lines = await send("朴里村-改.xlsx", { ...s.grid, name: "Sheet1" }, list);
    expect(lines.find((l) => l.origin === "朴里村-改.xlsx")).toMatchObject({
      unit,
      status: "included",
    });
    expect(lines.find((l) => l.origin === "朴里村.xlsx")?.status).toBe("replaced");
    expect(book.sheets.map((x) => x.name)).not.toContain("问题清单");
  });
});

describe("a 问题清单 pasted onto a report", () => {
  const pasted = () => {
    const s = new Sheet("nanan-2026-quarterly-1", { seed: 3, rowTypes: ["village"], unit });
    const slot = s.rec!.info.slots.find((x) => x.rowType === "village")!.key;
    s.set(slot, s.rec!.info.leaves.filter((l) => l.kind === "number")[5].key, "无");
    const report = { ...s.grid, name: "Sheet1" };
    const list = problemListGrid(returnNotice(checkGrids([report]), ""));
    // Rows above the report: the list's title row alone, or the whole list and a blank row.
    const above = (rows: Grid["values"]): Grid => ({
      name: "Sheet1",
      values: [...rows, ...report.values],
      merges: report.merges.map((m) => ({
        ...m,
        top: m.top + rows.length,
        bottom: m.bottom + rows.length,
      })),
    });
    return { list, title: above(list.values.slice(0, 1)), whole: above([...list.values, []]) };
  };

  it("the list alone is skipped; the report under a pasted title or list is checked", () => {
    const { list, title, whole } = pasted();
    expect(checkGrids([list])).toEqual([]);
    for (const g of [title, whole]) {
      const [r] = checkGrids([g]);
      expect(r.recognition.kind).toBe("table");
      expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toContain(
        "not-number"
      );
    }
  });

  it("consolidated in place: the sheet is the unit's report and stays; a list of its own goes", async () => {
    const { MemoryWorkbook } = await import("../../src/workbook/memory-workbook");
    const { list, whole } = pasted();
    const book = new MemoryWorkbook([]);
    const lines = await book.consolidate([
      {
        name: "朴里村.xlsx",
        bytes: await toXlsx((wb) => [whole, list].forEach((g) => addGridSheet(wb, g))),
        lastModified: Date.now(),
      },
    ]);
    expect(lines).toMatchObject([{ origin: "朴里村.xlsx", unit, status: "errors" }]);
    const names = book.sheets.map((x) => x.name);
    expect(names).toContain(lines[0].sheet);
    expect(names).not.toContain("问题清单");
  });
});
