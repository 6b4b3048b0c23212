import { checkGrids } from "../../src/rules/check";
import {
  addExplanation,
  applyExplanations,
  explanationsGrid,
  parseCellRef,
  readExplanations,
} from "../../src/rules/review/explanations";
import { OWN_SHEETS } from "../../src/rules/own-sheets";
import { reviewed } from "../helpers/reviewed";

describe("审核说明 (rules)", () => {
  it("reads L7, $L$7, Sheet!L7 and 'it''s'!L7", () => {
    expect(parseCellRef("l7")).toEqual({ cell: "L7" });
    expect(parseCellRef("$L$7")).toEqual({ cell: "L7" });
    expect(parseCellRef("朴里村!L7")).toEqual({ sheet: "朴里村", cell: "L7" });
    expect(parseCellRef("'朴里 村'!L7")).toEqual({ sheet: "朴里 村", cell: "L7" });
    expect(parseCellRef("'it''s'!AB12")).toEqual({ sheet: "it's", cell: "AB12" });
    expect(parseCellRef("L")).toBeUndefined();
    expect(parseCellRef("7L")).toBeUndefined();
  });

  it("explains a warning, never an error, and the sheet carries it back to every check", () => {
    const { s, warn, error } = reviewed();
    const findings = checkGrids([s.grid])[0].findings;
    expect(findings.find((f) => f.cell === warn)?.severity).toBe("warning");
    expect(findings.some((f) => f.cell === error && f.severity === "error")).toBe(true);

    const refused = addExplanation(
      findings,
      [],
      { sheet: s.grid.name, cell: error },
      "有原因",
      "t"
    );
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/强制性错误.*不能说明/) });
    const nothing = addExplanation(findings, [], { sheet: s.grid.name, cell: "A1" }, "x", "t");
    expect(nothing).toEqual({ ok: false, reason: expect.stringMatching(/没有提示/) });
    const empty = addExplanation(findings, [], { sheet: s.grid.name, cell: warn }, "  ", "t");
    expect(empty).toEqual({ ok: false, reason: expect.stringMatching(/请写明/) });

    const ok = addExplanation(
      findings,
      [],
      { sheet: s.grid.name, cell: warn },
      "原表如此\n照录",
      "2026-12-01 09:00"
    );
    if (!ok.ok) throw new Error(ok.reason);
    expect(ok.list).toEqual([
      {
        sheet: s.grid.name,
        cell: warn,
        rule: "number-format",
        reason: "原表如此 照录",
        time: "2026-12-01 09:00",
        // The warning as it read: the explanation holds while it reads the same.
        about: findings.find((f) => f.cell === warn)!.message,
      },
    ]);
    // Written twice: replaced, not doubled.
    const again = addExplanation(
      findings,
      ok.list,
      { sheet: s.grid.name, cell: warn },
      "新理由",
      "t2"
    );
    expect(again.ok && again.list.map((e) => e.reason)).toEqual(["新理由"]);

    const book = [s.grid, explanationsGrid(ok.list)];
    const [report, ...rest] = checkGrids(book);
    expect(rest).toEqual([]); // the 审核说明 sheet is ours, no report
    expect(report.findings.find((f) => f.cell === warn)?.explained).toBe("原表如此 照录");
    expect(report.findings.filter((f) => f.explained)).toHaveLength(1);
  });

  it("knows the sheet by its marker, whatever it is called; a hand-written error row is never applied", () => {
    const { s, error } = reviewed();
    const grid = { ...explanationsGrid([]), name: "改了名" };
    grid.values.push([s.grid.name, error, "not-number", "想说明错误", "t"]);
    const read = readExplanations([s.grid, grid]);
    expect(read?.sheet).toBe("改了名");
    expect(read?.list).toHaveLength(1);
    const findings = applyExplanations(checkGrids([s.grid])[0].findings, read!.list);
    expect(findings.filter((f) => f.explained)).toEqual([]);
    expect(readExplanations([s.grid])).toBeUndefined();
    expect(OWN_SHEETS.explanations.name).toBe("SRS审核说明");
  });
});
