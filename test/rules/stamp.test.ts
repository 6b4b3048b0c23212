import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { checkGrids } from "../../src/rules/check";
import { fromA1, type Grid } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { formatPeriod, type Period } from "../../src/rules/period";
import { recognize, type Recognized } from "../../src/rules/recognize";
import { findPeriodStamp } from "../../src/rules/report-period";
import { filledSheet } from "../../src/rules/sample/filled";
import { applyEdits, stampEdits } from "../../src/rules/stamp";
import { allTemplates, getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import { deleteRows, shift } from "../helpers/grids";

const periodic = allTemplates().filter((t) => t.cycle === "quarter" || t.cycle === "month");
const periodFor = (id: string, n = 0): Period =>
  getTemplate(id)!.cycle === "quarter"
    ? { cycle: "quarter", year: 2026, quarter: 4 - n }
    : { cycle: "month", year: 2024, month: 6 - n };
const dateFor = (p: Period) =>
  p.cycle === "quarter"
    ? { year: 2026, month: p.quarter * 3, day: 20 }
    : { year: 2024, month: p.month + 1, day: 2 };
const profile = { unit: "金淘镇朴里村", filler: "陈明", phone: "13805951234" };

function stamp(grid: Grid, p: Period): Grid {
  const rec = recognize(grid) as Recognized;
  return applyEdits(grid, stampEdits(rec, { period: p, date: dateFor(p), profile }));
}

/** Every data cell, as text: stamping must leave them all as they were. */
function dataCells(grid: Grid): string[] {
  const rec = recognize(grid);
  if (rec.kind !== "table") return [];
  const out: string[] = [];
  for (const [, r] of rec.match.rows)
    for (const [, c] of rec.match.columns) out.push(`${r},${c}=${String(grid.values[r]?.[c])}`);
  return out;
}

describe.each(periodic.map((t) => t.id))("stamping %s", (id) => {
  // The unit stamped (a village) fills its own row, 0 across the other.
  const base = () => filledSheet(getTemplate(id)!, { seed: 4, unit: profile.unit }).grid;

  it("writes the header, the period and the counting basis, and no data cell", () => {
    const grid = base();
    const p = periodFor(id);
    const once = stamp(grid, p);
    const rec = recognize(once) as Recognized;
    expect(Object.fromEntries(rec.headerFields.map((f) => [f.key, f.value]))).toMatchObject({
      unit: profile.unit,
      filler: profile.filler,
      phone: profile.phone,
    });
    expect(findPeriodStamp(rec)?.period).toEqual(p);
    expect(
      once.values
        .flat()
        .some((v) => typeof v === "string" && v.startsWith("统计口径：") && /以来累计/.test(v))
    ).toBe(true);
    expect(dataCells(once)).toEqual(dataCells(grid));
    expect(checkGrids([once])[0].findings).toEqual([]);
  });

  it("stamping twice equals stamping once; a new period replaces the old", () => {
    const p = periodFor(id);
    const once = stamp(base(), p);
    expect(stamp(once, p)).toEqual(once);
    const q = periodFor(id, 1);
    const moved = stamp(once, q);
    expect(findPeriodStamp(recognize(moved) as Recognized)?.period).toEqual(q);
    const text = moved.values
      .flat()
      .filter((v) => typeof v === "string" && v.includes("报告期")) as string[];
    expect(text).toHaveLength(1);
    expect(text[0]).toContain(`报告期：${formatPeriod(q)}`);
    expect(text[0]).not.toContain(`报告期：${formatPeriod(p)}`);
  });

  it("stamps a clerk's copy without title and moved", () => {
    const grid = shift(deleteRows(base(), 0, 1), 2, 1);
    const once = stamp(grid, periodFor(id));
    expect(stamp(once, periodFor(id))).toEqual(once);
    expect(dataCells(once)).toEqual(dataCells(grid));
  });
});

it("季报表（一）'s basis line states every group, exceptions included", () => {
  const rec = recognize(filledSheet(getTemplate("nanan-2026-quarterly-1")!).grid) as Recognized;
  const line = stampEdits(rec, { period: periodFor("nanan-2026-quarterly-1") }).find((e) =>
    e.value.startsWith("统计口径")
  )!.value;
  expect(line).toBe(
    "统计口径：企业底数（家）以2025年底底数为基数；落实全员安全生产责任制数量2021年8月以来累计（自查隐患数量、整改隐患数量2026年1月以来累计）；标准化创建提升2026年1月以来累计；宣传发动2026年1月以来累计。"
  );
});

/** The cell text of the date field's header line. */
function dateLine(grid: Grid): string {
  const f = (recognize(grid) as Recognized).headerFields.find((h) => h.key === "date")!;
  const { row, col } = fromA1(f.labelCell);
  return String(grid.values[row][col]);
}

// A character's room per digit written by hand: ideographic spaces, a character wide in any CJK font.
const BLANK = "\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

const dated = allTemplates().filter((t) => t.headerFields.some((f) => f.key === "date"));
describe.each(dated.map((t) => t.id))("the printed date of %s", (id) => {
  const t = getTemplate(id)!;
  const field = t.headerFields.find((f) => f.key === "date")!;
  const labelled = field.label === "年 月 日" ? "" : `${field.label}：`;

  it("a blank form, and a summary stamped with no date, leave room before 年, 月 and 日", () => {
    const blank = blankTemplate(t).grid;
    expect(dateLine(blank)).toContain(`${labelled}${BLANK}`);
    const rec = recognize(blank) as Recognized;
    expect(rec.headerFields.find((h) => h.key === "date")!.date).toEqual({});
    const period = t.cycle === "once" ? undefined : periodFor(id);
    const summary = applyEdits(blank, stampEdits(rec, { period, profile: { unit: "金淘镇" } }));
    expect(dateLine(summary)).toContain(`${labelled}${BLANK}`);
  });

  it("a date the clerk wrote is kept as written", () => {
    const grid = filledSheet(t, { seed: 2 }).grid;
    const rec = recognize(grid) as Recognized;
    const f = rec.headerFields.find((h) => h.key === "date")!;
    const { row, col } = fromA1(f.labelCell);
    grid.values[row][col] = String(grid.values[row][col]).replace(
      f.value,
      "二〇二六年十二月二十日"
    );
    const stamped = applyEdits(grid, stampEdits(recognize(grid) as Recognized, {}));
    expect(dateLine(stamped)).toContain(`${labelled}二〇二六年十二月二十日`);
  });
});

/** The cell text holding a header field's label (its line, when fields share a cell). */
function fieldLine(grid: Grid, key: string): string {
  const f = (recognize(grid) as Recognized).headerFields.find((h) => h.key === key)!;
  const { row, col } = fromA1(f.labelCell);
  return String(grid.values[row][col]);
}

// Characters left to write by hand, at least what the notices' tables leave: a name of up to four
// characters, an 11-digit phone number, a unit's or an enterprise's name.
const ROOM: Record<string, number> = { unit: 8, filler: 4, phone: 11, enterprise: 10, head: 4 };
const room = (label: string, n: number) => new RegExp(`${label}：\u3000{${n},}`);

const handFilled = allTemplates().filter((t) => t.headerFields.some((f) => f.key !== "date"));
describe.each(handFilled.map((t) => t.id))("the printed blanks of %s", (id) => {
  const t = getTemplate(id)!;
  const fields = t.headerFields.filter((f) => f.key !== "date");

  it("a blank form leaves room after each label; a summary stamped with its unit, after the others", () => {
    const blank = blankTemplate(t).grid;
    for (const f of fields) expect(fieldLine(blank, f.key)).toMatch(room(f.label, ROOM[f.key]));
    const rec = recognize(blank) as Recognized;
    for (const f of fields) expect(rec.headerFields.find((h) => h.key === f.key)!.value).toBe("");
    const period = t.cycle === "once" ? undefined : periodFor(id);
    const summary = applyEdits(blank, stampEdits(rec, { period, profile: { unit: "金淘镇" } }));
    for (const f of fields)
      if (f.key === "unit") expect(fieldLine(summary, "unit")).toContain(`${f.label}：金淘镇`);
      else expect(fieldLine(summary, f.key)).toMatch(room(f.label, ROOM[f.key]));
    // Stamping the summary again changes nothing: its blanks are recognized as blanks.
    const again = applyEdits(summary, stampEdits(recognize(summary) as Recognized, { period }));
    expect(again.values).toEqual(summary.values);
  });

  it("what the clerk or the stamp wrote is kept as written, with no room added", () => {
    const written: Record<string, string> = {
      filler: "陈 明",
      head: "陈 明",
      phone: "13805951234",
    };
    const grid = filledSheet(t, { seed: 3, filler: written.filler, phone: written.phone }).grid;
    const kept = applyEdits(grid, stampEdits(recognize(grid) as Recognized, {}));
    for (const f of fields.filter((x) => written[x.key]))
      expect(fieldLine(kept, f.key)).toMatch(new RegExp(`：${written[f.key]}(?!\u3000)`));
    const stamp = { unit: "金淘镇朴里村", filler: "林小红", phone: "0595-86123456" };
    const blank = blankTemplate(t).grid;
    const stamped = applyEdits(
      blank,
      stampEdits(recognize(blank) as Recognized, {
        period: t.cycle === "once" ? undefined : periodFor(id),
        profile: stamp,
      })
    );
    for (const f of fields.filter((x) => x.key in stamp))
      expect(fieldLine(stamped, f.key)).toMatch(
        new RegExp(`：${stamp[f.key as keyof typeof stamp]}(?!\u3000)`)
      );
  });
});

it("srs stamp writes a new file and never the input", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-stamp-"));
  const file = path.join(dir, "朴里村.xlsx");
  writeFileSync(
    file,
    await toXlsx((wb) =>
      addGridSheet(wb, filledSheet(getTemplate("nanan-2026-quarterly-2")!, { seed: 1 }).grid)
    )
  );
  const out = path.join(dir, "朴里村-盖章.xlsx");
  const lines: string[] = [];
  const code = await main(
    [
      "stamp",
      file,
      "--period",
      "2026Q4",
      "--date",
      "2026-12-20",
      "--unit",
      "朴里村",
      "--filler",
      "陈明",
      "--phone",
      "0595-86123456",
      "-o",
      out,
    ],
    (s) => lines.push(s)
  );
  expect(code).toBe(0);
  const [grid] = await readGrids(new Uint8Array(require("fs").readFileSync(out)));
  const rec = recognize(grid) as Recognized;
  expect(findPeriodStamp(rec)?.period).toEqual({ cycle: "quarter", year: 2026, quarter: 4 });
  expect(rec.headerFields.find((f) => f.key === "date")?.value).toBe("2026年12月20日");
  expect(await main(["stamp", file, "--period", "2026Q4", "-o", file], () => undefined)).toBe(64);
  expect(await main(["stamp", file, "--period", "2024-05", "-o", out], () => undefined)).toBe(64);
});
