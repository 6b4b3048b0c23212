/**
 * An explanation is tied to the warning it explained: a jump explained at 4× last period is no
 * longer 已说明 once the number reads 30× (the warning is open again, the earlier reason beside
 * it), on the .xlsx path and in Excel (host double). Errors stay unexplainable.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import type { Finding } from "../../src/rules/finding";
import { fromA1, type Grid } from "../../src/rules/grid";
import type { Recognized } from "../../src/rules/recognize";
import {
  addExplanation,
  applyExplanations,
  readExplanations,
} from "../../src/rules/review/explanations";
import { writeExplanations } from "../../src/workbook/office/explanations";
import { readAllSheets } from "../../src/workbook/office/read-sheets";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { Book, excelContext } from "../helpers/excel-mock";
import { periods } from "../helpers/reviewed";

async function run(args: string[]) {
  let out = "";
  const code = await main(args, (s) => (out += s + "\n"));
  return { code, out };
}

/** 朴里村's Q4 with 专题培训 › 场次 at 8, 4× last period's 2: a jump warning. */
function jumped() {
  const { q3, q4, slot } = periods();
  q4.set(slot, "promo.training.sessions", 8);
  const cell = q4.address(slot, "promo.training.sessions");
  const previous = checkGrids([q3.grid]).map((r) => r.recognition as Recognized);
  return { q3, q4, cell, previous };
}

const jumpAt = (findings: Finding[], cell: string) =>
  findings.find((f) => f.rule === "jump" && f.cell === cell)!;

const setCell = (g: Grid, cell: string, v: number) => {
  const { row, col } = fromA1(cell);
  g.values[row][col] = v;
};

describe("审核说明 tied to the warning's value", () => {
  it("holds while the warning reads the same; at 30× it is open again with the earlier reason", () => {
    const { q4, cell, previous } = jumped();
    const findings = checkGrids([q4.grid], { previous })[0].findings;
    expect(jumpAt(findings, cell).message).toMatch(/是上期的 4 倍/);
    const r = addExplanation(findings, [], { sheet: q4.grid.name, cell }, "本期集中培训", "t");
    if (!r.ok) throw new Error(r.reason);
    expect(r.list[0].about).toBe(jumpAt(findings, cell).message);
    expect(jumpAt(applyExplanations(findings, r.list), cell).explained).toBe("本期集中培训");

    setCell(q4.grid, cell, 60);
    const now = jumpAt(
      applyExplanations(checkGrids([q4.grid], { previous })[0].findings, r.list),
      cell
    );
    expect(now.message).toMatch(/是上期的 30 倍/);
    expect(now.explained).toBeUndefined();
    expect(now.explainedBefore).toBe("本期集中培训");
    // An error at a cell is never explained, whatever the explanation says it was written for.
    const error = findings.find((f) => f.rule === "cumulative")!;
    expect(error.severity).toBe("error");
    const forged = [{ ...r.list[0], cell: error.cell, rule: error.rule, about: error.message }];
    expect(applyExplanations([error], forged)[0].explained).toBeUndefined();
  });

  it(".xlsx: srs check --explain, then the number changed: an unexplained warning with a note", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-explain-value-"));
    const { q3, q4, cell } = jumped();
    const write = async (name: string, grids: Grid[]) => {
      const file = path.join(dir, name);
      writeFileSync(file, await toXlsx((wb) => grids.forEach((g) => addGridSheet(wb, g))));
      return file;
    };
    const prev = await write("q3.xlsx", [{ ...q3.grid, name: "朴里村" }]);
    const now = await write("q4.xlsx", [{ ...q4.grid, name: "朴里村" }]);
    const explained = path.join(dir, "q4-已说明.xlsx");
    const r = await run([
      "check",
      now,
      "--previous",
      prev,
      "--explain",
      `${cell}=本期集中培训`,
      "-o",
      explained,
    ]);
    expect(r.out).toContain(`✓ ${cell}`);
    expect((await run(["check", "--previous", prev, explained])).out).toContain(
      "已说明：本期集中培训"
    );

    // The clerk changes the number to 30× and sends the file again.
    const grids = await readGrids(new Uint8Array(readFileSync(explained)));
    setCell(
      grids.find((g) => g.name === "朴里村")!,
      cell,
      60
    );
    const changed = await write("q4-改.xlsx", grids);
    const text = (await run(["check", "--previous", prev, changed])).out;
    const line = text.split("\n").find((l) => l.includes(`${cell} `) && l.includes("倍"))!;
    expect(line).toMatch(new RegExp(`^ {4}! ${cell} .*是上期的 30 倍`));
    expect(line).toContain("原说明针对的是另一数值，请重新核实或说明（原说明：本期集中培训）");
    expect(text).not.toMatch(/已说明 \d+ 条/);
    const json = JSON.parse((await run(["check", "--json", "--previous", prev, changed])).out);
    const f = json.files[0].sheets[0].findings.find(
      (x: Finding) => x.cell === cell && x.rule === "jump"
    );
    expect(f).toMatchObject({ severity: "warning", explainedBefore: "本期集中培训" });
    expect(f.explained).toBeUndefined();
  });

  it("in Excel (host double): explained, the cell changed, read again: open with the earlier reason", async () => {
    const { q4, cell, previous } = jumped();
    const book = new Book().load({ ...q4.grid, name: "朴里村" });
    const { context } = excelContext(book);
    const findings = checkGrids(await readAllSheets(context), { previous }).flatMap(
      (r) => r.findings
    );
    const r = addExplanation(findings, [], { sheet: "朴里村", cell }, "本期集中培训", "t");
    if (!r.ok) throw new Error(r.reason);
    await writeExplanations(context, undefined, r.list);
    const explained = checkGrids(await readAllSheets(context), { previous })[0].findings;
    expect(jumpAt(explained, cell).explained).toBe("本期集中培训");

    book.sheets.get("朴里村")!.values.set(cell, 60);
    const again = await readAllSheets(context);
    expect(readExplanations(again)?.list[0].about).toMatch(/是上期的 4 倍/);
    const open = jumpAt(checkGrids(again, { previous })[0].findings, cell);
    expect(open).toMatchObject({ severity: "warning", explainedBefore: "本期集中培训" });
    expect(open.explained).toBeUndefined();
  });
});
