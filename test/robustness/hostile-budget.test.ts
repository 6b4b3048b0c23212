/**
 * Issue #26, one budget per file: each crafted file runs through every command as a separate srs
 * process and gets the same one zh line on every route (or is read, when it is legal), the good
 * file beside it still processed, within 500 MB and the 20 s hang guard, nothing written but the
 * outputs asked for and nothing live in them.
 */
import { createHash } from "crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { LIMITS, REASONS } from "../../src/workbook/xlsx/budget";
import { added, bounded, crafted, nothingLive, srs, tree, village } from "../helpers/hostile";

let dir: string;
let good: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "srs-budget-"));
  good = path.join(dir, "岭兜村.xlsx");
  writeFileSync(good, await village("金淘镇岭兜村", 2));
});

const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** A consolidation's formulas are SRS's own sums, nothing else. */
const onlySums = (f: string) => /^SUM\(/.test(f);

const REFUSED: [keyof typeof crafted, string][] = [
  ["formats", REASONS.cellFormats],
  [
    "emptyFormats",
    `文件中的 xl/styles.xml 解压后超过 ${LIMITS.partBytes / 1048576} MB，不像是一份报表（可能已损坏或被恶意构造）`,
  ],
  ["expanded", REASONS.text],
  ["aliased", REASONS.cells],
  ["unclosedRow", "文件已损坏：其中的 XML 不完整（标签没有闭合），无法读取"],
];

describe.each(REFUSED)("%s: the same one line on every route", (name, reason) => {
  let bad: string;
  let before: string;
  beforeAll(async () => {
    bad = path.join(dir, `${name}.xlsx`);
    writeFileSync(bad, crafted[name](await village("金淘镇朴里村", 1)));
    before = hash(bad);
  });
  afterAll(() => expect(hash(bad)).toBe(before));

  const ok = bounded;

  it("check and consolidate: the line, the good village still read and summed", () => {
    const check = srs(["check", bad, good]);
    ok(check);
    expect(check.code).toBe(2);
    expect(check.out.split("\n").filter((l) => l.includes(reason))).toEqual([
      `  无法读取：${reason}`,
    ]);
    expect(check.out).toContain("季报表（一）");
    const out = path.join(dir, `${name}-汇总.xlsx`);
    const c = srs(["consolidate", "--json", bad, good, "-o", out]);
    ok(c);
    expect(c.code).toBe(2);
    const json = JSON.parse(c.out);
    expect(json.unreadable.map((u: { error: string }) => u.error)).toEqual([reason]);
    expect(json.children.find((l: { unit: string }) => l.unit === "金淘镇岭兜村").status).toBe(
      "included"
    );
    nothingLive(out, onlySums);
    // --values: the same line, the good village summed, its copy values only.
    const v = path.join(dir, `${name}-数值.xlsx`);
    const values = srs(["consolidate", "--json", "--values", bad, good, "-o", v]);
    ok(values);
    expect(values.code).toBe(2);
    const vj = JSON.parse(values.out);
    expect(vj.unreadable.map((u: { error: string }) => u.error)).toEqual([reason]);
    expect(vj.children.find((l: { unit: string }) => l.unit === "金淘镇岭兜村").status).toBe(
      "included"
    );
    nothingLive(v, onlySums);
  });

  it("stamp, return, roster and distribute: the same line, and nothing written for it", () => {
    const stamped = path.join(dir, `${name}-盖章.xlsx`);
    const stamp = srs(["stamp", bad, "--period", "2026Q4", "-o", stamped]);
    ok(stamp);
    expect(stamp.code).toBe(2);
    expect(stamp.err).toBe(`srs: 出错了：${reason}`);
    const back = path.join(dir, `${name}-退回`);
    const ret = srs(["return", bad, good, "-o", back]);
    ok(ret);
    expect(ret.code).toBe(2);
    expect(ret.out).toContain(`无法读取：${reason}`);
    expect(readdirSync(back).sort()).toEqual(
      readdirSync(back)
        .filter((f) => f.startsWith("金淘镇岭兜村"))
        .sort()
    );
    const roster = path.join(dir, `${name}-名册.xlsx`);
    const r = srs(["roster", "--from", bad, good, "-o", roster]);
    ok(r);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${bad}：${reason}`);
    const d = srs([
      "distribute",
      "--roster",
      bad,
      "--period",
      "2026Q4",
      "-o",
      path.join(dir, `${name}-下发`),
    ]);
    ok(d);
    expect(d.code).toBe(64);
    expect(d.err).toBe(`srs: 无法读取单位名册 ${bad}：${reason}`);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith(`${name}-`))
        .sort()
    ).toEqual(
      [`${name}-名册.xlsx`, `${name}-数值.xlsx`, `${name}-汇总.xlsx`, `${name}-退回`].filter((f) =>
        readdirSync(dir).includes(f)
      )
    );
  });
});

describe("legal files are read, not refused", () => {
  it.each(["charRefs", "utf16"] as const)(
    "%s: checked, summed, stamped, returned and put in a roster, nothing written but the outputs",
    async (name) => {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, crafted[name](await village("金淘镇朴里村", 3)));
      const before = tree(dir);
      const check = srs(["check", file]);
      bounded(check);
      expect(check.code).toBe(0);
      expect(check.out).toContain("季报表（一）");
      const out = path.join(dir, `${name}-汇总.xlsx`);
      const c = srs(["consolidate", "--json", file, good, "-o", out]);
      bounded(c);
      expect(c.code).toBe(0);
      expect(JSON.parse(c.out).children.map((l: { status: string }) => l.status)).toEqual([
        "included",
        "included",
      ]);
      nothingLive(out, onlySums);
      const stamped = path.join(dir, `${name}-盖章.xlsx`);
      const stamp = srs(["stamp", file, "--period", "2026Q4", "-o", stamped]);
      bounded(stamp);
      expect(stamp.code).toBe(0);
      expect(srs(["check", stamped]).out).toContain("季报表（一）");
      nothingLive(stamped);
      // 退回 finds no problem to send back, and says so; the roster drafts its unit.
      const ret = srs(["return", file, "-o", path.join(dir, `${name}-退回`)]);
      bounded(ret);
      expect(ret.code).toBe(0);
      expect(ret.out).toContain("金淘镇朴里村：未发现问题，无需退回");
      const roster = path.join(dir, `${name}-名册.xlsx`);
      const r = srs(["roster", "--from", file, good, "-o", roster]);
      bounded(r);
      expect(r.code).toBe(0);
      expect(srs(["check", roster]).code).not.toBeNull();
      expect(added(before, dir)).toEqual(
        [`${name}-汇总.xlsx`, `${name}-盖章.xlsx`, `${name}-名册.xlsx`].sort()
      );
    }
  );
});

it("the pane's import refuses each crafted file with the same line, and takes the good one", async () => {
  const { childFiles } = await import("../../src/workbook/office/child-files");
  const bad = await Promise.all(
    REFUSED.map(async ([name]) => ({
      name: `${name}.xlsx`,
      bytes: crafted[name](await village("金淘镇朴里村", 1)),
    }))
  );
  const { ready, unreadable } = await childFiles([
    ...bad,
    { name: "岭兜村.xlsx", bytes: new Uint8Array(readFileSync(good)) },
  ]);
  expect(ready.map((f) => f.name)).toEqual(["岭兜村.xlsx"]);
  expect(unreadable.map((u) => [u.origin, u.reason])).toEqual(
    REFUSED.map(([name, reason]) => [`${name}.xlsx`, reason])
  );
}, 60_000);
