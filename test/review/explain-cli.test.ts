import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { resaveWithLibreOffice } from "../helpers/libreoffice";
import { reviewed } from "../helpers/reviewed";

async function run(args: string[]) {
  let out = "";
  const code = await main(args, (s) => (out += s + "\n"));
  return { code, out };
}

async function stateOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => [w.name, w.state]);
}

describe("srs check --explain", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-explain-"));
  const { s, warn, error } = reviewed();
  const file = path.join(dir, "朴里村.xlsx");
  const out = path.join(dir, "朴里村-已说明.xlsx");

  beforeAll(async () => {
    writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...s.grid, name: "朴里村" })));
  });

  it("writes an explained copy: the warning shows 已说明 with its reason, the input untouched", async () => {
    const before = readFileSync(file);
    const r = await run(["check", file, "--explain", `${warn}=按原始台账填写`, "-o", out]);
    expect(r.code).toBe(1); // the error is still there
    expect(r.out).toContain(`✓ ${warn}`);
    expect(r.out).toContain("已说明：按原始台账填写");
    expect(r.out).toMatch(/已说明 1 条/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(await stateOf(readFileSync(out))).toEqual([
      ["朴里村", "visible"],
      ["SRS审核说明", "hidden"],
    ]);
    const json = JSON.parse((await run(["check", "--json", out])).out);
    const sheets = json.files[0].sheets;
    expect(sheets.map((x: { sheet: string }) => x.sheet)).toEqual(["朴里村"]);
    expect(sheets[0].findings.find((f: { cell: string }) => f.cell === warn)).toMatchObject({
      severity: "warning",
      explained: "按原始台账填写",
    });
  });

  it("refuses to explain an error, a cell without a warning, or to overwrite the input, writing nothing", async () => {
    const none = path.join(dir, "none.xlsx");
    for (const args of [
      [`'朴里村'!${error}=理由`, "-o", none],
      ["A1=理由", "-o", none],
      ["L7", "-o", none],
      [`${warn}=理由`, "-o", file],
      [`${warn}=理由`],
    ]) {
      const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      const r = await run(["check", file, "--explain", ...args]);
      const said = err.mock.calls.map((c) => String(c[0])).join("");
      err.mockRestore();
      expect(r.code).toBe(64);
      expect(said).toMatch(/^srs: \S/);
      expect(said).not.toMatch(/Error|at /);
      expect(existsSync(none)).toBe(false);
    }
  });

  it("survives a LibreOffice round trip: the sheet stays hidden and srs check still shows 已说明", async () => {
    const back = path.join(dir, "经LibreOffice.xlsx");
    writeFileSync(back, resaveWithLibreOffice(readFileSync(out)));
    expect(await stateOf(readFileSync(back))).toEqual([
      ["朴里村", "visible"],
      ["SRS审核说明", "hidden"],
    ]);
    const r = await run(["check", back]);
    expect(r.out).toContain("已说明：按原始台账填写");
    // Explained again on the returned file: the new reason replaces the old one.
    const again = path.join(dir, "再说明.xlsx");
    expect(
      (await run(["check", back, "--explain", `'朴里村'!${warn}=核实无误`, "-o", again])).out
    ).toContain("已说明：核实无误");
  });
});
