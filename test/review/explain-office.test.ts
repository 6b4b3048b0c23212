import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import { addExplanation, readExplanations } from "../../src/rules/review/explanations";
import { writeExplanations } from "../../src/workbook/office/explanations";
import { readAllSheets } from "../../src/workbook/office/read-sheets";
import { Book, excelContext } from "../helpers/excel-mock";
import { resaveWithLibreOffice } from "../helpers/libreoffice";
import { savedAsXlsx } from "../helpers/office-workbook";
import { reviewed } from "../helpers/reviewed";

async function srsCheck(file: string) {
  let out = "";
  await main(["check", file], (s) => (out += s + "\n"));
  return out;
}

describe("审核说明 in Excel (host double)", () => {
  it("written in Excel, saved, opened by the CLI and by LibreOffice: still 已说明", async () => {
    const { s, warn } = reviewed();
    const book = new Book().load({ ...s.grid, name: "朴里村" });
    const { context } = excelContext(book);
    const grids = await readAllSheets(context);
    const findings = checkGrids(grids).flatMap((r) => r.findings);
    const r = addExplanation(findings, [], { sheet: "朴里村", cell: warn }, "按原始台账填写", "t");
    if (!r.ok) throw new Error(r.reason);
    await writeExplanations(context, undefined, r.list);
    expect(book.sheets.get("SRS审核说明")?.visibility).toBe("Hidden");

    // Read back in Excel: the warning is explained and the hidden sheet is no report.
    const again = await readAllSheets(context);
    const reports = checkGrids(again);
    expect(reports.map((x) => x.sheet)).toEqual(["朴里村"]);
    expect(reports[0].findings.find((f) => f.cell === warn)?.explained).toBe("按原始台账填写");

    // Explained again: the sheet is replaced, never doubled (and found by its marker).
    const notes = readExplanations(again)!;
    const next = addExplanation(
      findings,
      notes.list,
      { sheet: "朴里村", cell: warn },
      "核实无误",
      "t2"
    );
    if (!next.ok) throw new Error(next.reason);
    const id = book.sheets.get("SRS审核说明")!.id;
    book.undoCleared = [];
    await writeExplanations(context, notes.sheet, next.list);
    expect([...book.sheets.keys()]).toEqual(["朴里村", "SRS审核说明"]);
    // Rewritten in place, not deleted and added anew: the clerk's undo history stays.
    expect(book.sheets.get("SRS审核说明")!.id).toBe(id);
    expect(book.undoCleared).toEqual([]);

    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-explain-office-"));
    const saved = path.join(dir, "saved.xlsx");
    writeFileSync(saved, await savedAsXlsx(book));
    expect(await srsCheck(saved)).toContain("已说明：核实无误");
    const viaLibreOffice = path.join(dir, "lo.xlsx");
    writeFileSync(viaLibreOffice, resaveWithLibreOffice(await savedAsXlsx(book)));
    expect(await srsCheck(viaLibreOffice)).toContain("已说明：核实无误");
  });

  it("no explanation left: the sheet stays, with no row, and the clerk's undo history with it", async () => {
    const { s } = reviewed();
    const book = new Book().load({ ...s.grid, name: "朴里村" });
    const { context } = excelContext(book, undefined, { platform: "windows" });
    await writeExplanations(context, undefined, [
      { sheet: "朴里村", cell: "B7", rule: "bound", reason: "x", time: "t" },
    ]);
    book.undoCleared = [];
    await writeExplanations(context, "SRS审核说明", []);
    // Deleting it would clear undo (Worksheet.delete: office/undo.ts); emptied in place it does not.
    expect(book.undoCleared).toEqual([]);
    expect(book.sheets.get("SRS审核说明")?.visibility).toBe("Hidden");
    expect(readExplanations(await readAllSheets(context))?.list).toEqual([]);
  });
});
