/** 退回 and 上期对比 over sheets read from Excel (the host double), as the pane does in Excel. */
import ExcelJS from "exceljs";
import { checkGrids } from "../../src/rules/check";
import type { Recognized } from "../../src/rules/recognize";
import { compareWithPrevious } from "../../src/rules/review/compare";
import { returnNotice } from "../../src/rules/review/return";
import { readAllSheets } from "../../src/workbook/office/read-sheets";
import { returnedXlsx } from "../../src/workbook/xlsx/returned";
import { officeWorkbook } from "../helpers/office-workbook";
import { periods, reviewed } from "../helpers/reviewed";

describe("the reviewer's loop in Excel (host double)", () => {
  it("退回: the message and the marked copy of a sheet read from Excel", async () => {
    const { s, warn, error } = reviewed();
    const grids = await readAllSheets(officeWorkbook([{ ...s.grid, name: "朴里村" }]));
    const [report] = checkGrids(grids);
    const r = returnNotice([report], report.sheet);
    expect(r.message).toMatch(/^【退回】金淘镇朴里村：报表有 \d+ 处错误、1 处提示/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await returnedXlsx([report.recognition.grid], r)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["朴里村", "问题清单"]);
    const ws = wb.getWorksheet("朴里村")!;
    // The grid read from Excel starts at its used range: cells land where they were.
    expect(ws.getCell(error).value).toBe("无");
    expect((ws.getCell(error).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8C4C4");
    expect((ws.getCell(warn).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFE699");
  });

  it("上期对比: a unit beside its （上次） copy, both read from Excel", async () => {
    const { q3, q4, slot } = periods();
    const grids = await readAllSheets(
      officeWorkbook([
        { ...q4.grid, name: "朴里村" },
        { ...q3.grid, name: "朴里村（上次）" },
      ])
    );
    const recs = checkGrids(grids).map((r) => r.recognition as Recognized);
    const [c] = compareWithPrevious(
      recs.slice(0, 1),
      recs.map((rec) => ({ rec, origin: "" }))
    );
    expect(c.previous.sheet).toBe("朴里村（上次）");
    expect(c.rows.find((r) => r.cell === q4.address(slot, "resp.lists3.count"))).toMatchObject({
      before: 9,
      now: 2,
      finding: { rule: "cumulative", severity: "error" },
    });
  });
});
