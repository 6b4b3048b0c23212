/**
 * srs check --previous with last period's consolidated workbook (written by srs consolidate): each
 * village is compared with its own copy there, never with the township's summary (written first),
 * and a unit the workbook lacks is told so in one line.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import type { Sheet } from "../helpers/filled";
import { periods } from "../helpers/reviewed";

const SRS = path.join(__dirname, "../../bin/srs.js");
const srs = (...args: string[]) => spawnSync("node", [SRS, ...args], { encoding: "utf8" });

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  message: string;
}

describe("srs check --previous 上期汇总.xlsx", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-previous-"));
  const write = async (name: string, s: Sheet) => {
    const file = path.join(dir, name);
    writeFileSync(file, await toXlsx((wb) => addGridSheet(wb, { ...s.grid, name: "Sheet1" })));
    return file;
  };
  const puli = periods("金淘镇朴里村");
  const lingdou = periods("金淘镇岭兜村");
  let summary = "";

  beforeAll(async () => {
    // Last period: two villages consolidated; this period each village grew where it should.
    puli.q4.set(puli.slot, "resp.lists3.count", 11).set(puli.slot, "promo.training.sessions", 2);
    summary = path.join(dir, "上期汇总.xlsx");
    const made = srs(
      "consolidate",
      await write("朴里村-三季度.xlsx", puli.q3),
      await write("岭兜村-三季度.xlsx", lingdou.q3),
      "--unit",
      "金淘镇",
      "-o",
      summary
    );
    expect(made.status).toBe(0);
  });

  it("compares a village with its own copy in the consolidated workbook, not the summary", async () => {
    const r = srs("check", "--json", "--previous", summary, await write("朴里村.xlsx", puli.q4));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const findings: JsonFinding[] = JSON.parse(r.stdout).files[0].sheets[0].findings;
    expect(findings.filter((f) => f.rule === "cumulative" || f.rule === "jump")).toEqual([]);
  });

  it("still finds what went down against the unit's own earlier figure", async () => {
    const r = srs("check", "--json", "--previous", summary, await write("岭兜村.xlsx", lingdou.q4));
    expect(r.status).toBe(1);
    const findings: JsonFinding[] = JSON.parse(r.stdout).files[0].sheets[0].findings;
    expect(findings.filter((f) => f.rule === "cumulative")).toMatchObject([
      {
        cell: lingdou.q4.address(lingdou.slot, "resp.lists3.count"),
        message: expect.stringContaining("上期（2026年第3季度）为 9，本期为 2"),
      },
    ]);
  });

  it("says in one line that a unit has no earlier report there, and compares it with no one", async () => {
    const other = periods("金淘镇大宅村").q4;
    const r = srs("check", "--previous", summary, await write("大宅村.xlsx", other));
    expect(r.status).toBe(0);
    // The findings that speak of the earlier report (the count line names the rule: 比上期猛增).
    const notes = r.stdout.split("\n").filter((l) => /^ {4}[!✗].*上期/.test(l));
    expect(notes).toEqual([
      expect.stringMatching(
        /^ {4}! 未与上期比较：上期报表中没有本单位（金淘镇大宅村）更早的季报表（一）/
      ),
    ]);
  });
});
