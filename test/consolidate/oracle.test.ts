/**
 * Oracle test of consolidation: random township sets holding what villages really send (by
 * default filled as 注10 asks, 0 across the other unit type's row; the other row left blank; a
 * report all 0; duplicates, re-sends, text numbers, a formula saved with its 0, another period,
 * last quarter's summary, numbers in the wrong unit-type row, a unit that sent nothing, 300 and
 * 1,000 children), each unit's name written as clerks write it (金淘镇朴里村, 朴里村, 朴里村委会,
 * 朴里村村委会, 朴里村村民委员会, 社区 as 居委会 / 社区居民委员会, spaces, full-width forms, （盖章）,
 * a zero-width character; a name the roster gives as 别名; the same numbers under two spellings),
 * for 季报表（一）（二）（三） and 月报表（一）（二); at the county level, townships' workbooks as
 * SRS made them, edited by hand afterwards, and made entirely by hand. Every summary cell must
 * equal the oracle as written and after LibreOffice recalculates it; every file has exactly one
 * status and only the problems it should; 应报/已报/缺报 count each unit once; the exit code says
 * whether anything was left out or is in doubt; =SRS.QTOTAL() equals each summary cell. A round of
 * 季报表（一）（二）（三） together: a village that sent two of them is 缺报 for the third alone.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import type { Status } from "../../src/rules/consolidation/plan";
import type { Grid } from "../../src/rules/grid";
import { numericValue } from "../../src/rules/number";
import type { Period } from "../../src/rules/period";
import { qtotal } from "../../src/rules/qtotal";
import { recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet, seeded } from "../../src/rules/sample/filled";
import { getTableInfo, getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { readGrids } from "../../src/workbook/xlsx/read";
import { addGridSheet } from "../../src/workbook/xlsx/write-workbook";
import { recalculatedSheets } from "../helpers/csv";
import { tableNumbers } from "../helpers/table-numbers";

type Case =
  | "normal"
  | "blank-other"
  | "all-zero"
  | "text"
  | "zero-formula"
  | "duplicate"
  | "resend"
  | "wrong-row"
  | "stale"
  | "missing"
  | "respelled"
  | "alias";

interface Unit {
  name: string;
  type: string;
  row: string;
  /** The row a wrong-row unit filled instead. */
  otherRow?: string;
}

interface Input {
  file: string;
  status: Status;
  /** The numbers this file adds to the summary (slot|leaf → value), when it is summed. */
  adds?: Map<string, number>;
  /** Its problems, when it is summed (none unless given). */
  problems?: string[];
}

const Q4: Period = { cycle: "quarter", year: 2026, quarter: 4 };
const Q3: Period = { cycle: "quarter", year: 2026, quarter: 3 };
const JUNE: Period = { cycle: "month", year: 2024, month: 6 };
const MAY: Period = { cycle: "month", year: 2024, month: 5 };

function unitsFor(t: TableTemplate, n: number): Unit[] {
  const rows = t.rows.map((r) => r.key);
  return Array.from({ length: n }, (_, i) => {
    if (rows.includes("village")) {
      const dept = rows.includes("town-dept") && i % 6 === 5;
      return dept
        ? { name: `金淘镇第${i}应急站`, type: "镇直单位", row: "town-dept", otherRow: "village" }
        : {
            // A community is a 村-type unit too.
            name: i % 4 === 2 ? `金淘镇第${i}社区` : `金淘镇第${i}村`,
            type: "村",
            row: "village",
            otherRow: rows.includes("town-dept") ? "town-dept" : undefined,
          };
    }
    // 月报表: townships fill 乡镇 / 县（市、区）, departments 县直单位 / 市直单位.
    const [deptRow, townRow] = rows;
    const dept = i % 5 === 4;
    const label = (k: string) => t.rows.find((r) => r.key === k)!.label;
    return dept
      ? { name: `第${i}局`, type: label(deptRow), row: deptRow, otherRow: townRow }
      : { name: `第${i}镇`, type: label(townRow), row: townRow, otherRow: deptRow };
  });
}

const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * The `k`th way a clerk writes unit `u` (the roster writes u.name): one unit however it is
 * written (#22 item 2), the township's name in front optional once the roster gives it. A
 * committee's forms come first, so a township's few communities write each of theirs.
 */
function spelled(u: Unit, k: number): string {
  const local = u.name.replace(/^金淘镇/, "");
  const stem = local.replace(/(村|社区)$/, "");
  const committee = /村$/.test(u.name)
    ? [`${stem}村委会`, `${stem}村村委会`, `${stem}村村民委员会`]
    : /社区$/.test(u.name)
      ? [`${stem}社区居委会`, `${stem}居委会`, `${stem}社区居民委员会`]
      : [];
  const forms = [
    ...committee,
    u.name,
    ...(local !== u.name ? [local, `金淘镇\u3000${local}`] : []),
    `${u.name}（盖章）`,
    ` ${fullWidth(local)} `,
    `${local.slice(0, 1)}\u200b${local.slice(1)}`,
  ];
  return forms[k % forms.length];
}

/** A name only the roster's 别名 column ties to `u`. */
const aliasOf = (u: Unit) =>
  `${u.name.replace(/^金淘镇/, "")}${u.type === "村" ? "两委" : "办公室"}`;

async function write(
  file: string,
  grid: Grid,
  formulas: { row: number; col: number }[] = []
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = addGridSheet(wb, { ...grid, name: "Sheet1" });
  // A cell LibreOffice saved as a formula with its result 0.
  for (const f of formulas) ws.getCell(f.row + 1, f.col + 1).value = { formula: "0*1", result: 0 };
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Text forms clerks type for a number. */
const TEXT_FORMS = [
  (n: number) => `${n}`,
  (n: number) => `${n}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  (n: number) => `${n}家`,
  (n: number) => ` ${n} `,
];

async function township(dir: string, id: string, n: number, seed: number, cases: Case[]) {
  const t = getTemplate(id) as TableTemplate;
  const period = t.cycle === "quarter" ? Q4 : JUNE;
  const before = t.cycle === "quarter" ? Q3 : MAY;
  const rand = seeded(seed);
  const units = unitsFor(t, n);
  const inputs: Input[] = [];
  const roster: string[] = ["单位名称,单位类型,别名"];
  const missing: string[] = [];
  // Each kind of name (村, 社区, other) runs through its spellings in turn: the next one's index.
  const written = new Map<string, number>();
  const spellingIndex = (u: Unit) => {
    const kind = /(村|社区)$/.exec(u.name)?.[1] ?? "";
    written.set(kind, (written.get(kind) ?? -1) + 1);
    return written.get(kind)!;
  };
  for (const [i, u] of units.entries()) {
    // Every case at least once, then at random.
    const kind = i < cases.length ? cases[i] : cases[Math.floor(rand() * cases.length)];
    roster.push(`${u.name},${u.type},${kind === "alias" ? aliasOf(u) : ""}`);
    // 0 across the rows the unit does not fill (注10), unless the case leaves them blank; the
    // unit named as its clerk writes it.
    const k = spellingIndex(u);
    const name = kind === "alias" ? aliasOf(u) : spelled(u, k);
    const fill = (s: number, p = period, rows = [u.row], otherRows?: "blank", unit = name) =>
      filledSheet(t, { seed: s, rowTypes: rows, unit, period: p, otherRows });
    const file = (suffix = "") => path.join(dir, `${i}-${u.name}${suffix}.xlsx`);
    const f =
      kind === "blank-other"
        ? fill(seed * 1000 + i, period, [u.row], "blank")
        : kind === "all-zero"
          ? fill(seed * 1000 + i, period, [])
          : fill(seed * 1000 + i);
    if (kind === "missing") {
      missing.push(u.name);
      continue;
    }
    if (kind === "wrong-row" && u.otherRow) {
      await write(file(), fill(seed * 1000 + i, period, [u.otherRow]).grid);
      inputs.push({ file: file(), status: "wrong-row" });
      continue;
    }
    if (kind === "text") {
      const rec = recognize(f.grid) as TableRecognition;
      let k = 0;
      for (const [key, c] of rec.match.columns) {
        const r = rec.match.rows.get(u.row);
        const v = r === undefined ? null : f.grid.values[r][c];
        if (
          typeof v !== "number" ||
          v <= 0 ||
          !Number.isInteger(v) ||
          rec.info.leafByKey.get(key)!.kind !== "number"
        )
          continue;
        f.grid.values[r!][c] = TEXT_FORMS[k++ % TEXT_FORMS.length](v);
        if (k >= 4) break;
      }
    }
    const zeros: { row: number; col: number }[] = [];
    if (kind === "zero-formula") {
      const rec = recognize(f.grid) as TableRecognition;
      const r = rec.match.rows.get(u.row);
      for (const c of rec.match.columns.values())
        if (r !== undefined && f.grid.values[r][c] === 0 && zeros.length < 3)
          zeros.push({ row: r, col: c });
    }
    await write(file(), f.grid, zeros);
    const adds = tableNumbers(f.grid);
    if (kind === "duplicate") {
      writeFileSync(file("（再发）"), readFileSync(file()));
      inputs.push(
        { file: file(), status: "included", adds },
        { file: file("（再发）"), status: "duplicate" }
      );
    } else if (kind === "respelled") {
      // The same numbers again, the unit written another way: one report.
      const again = fill(seed * 1000 + i, period, [u.row], undefined, spelled(u, k + 1));
      await write(file("（另写）"), again.grid);
      inputs.push(
        { file: file(), status: "included", adds },
        { file: file("（另写）"), status: "duplicate" }
      );
    } else if (kind === "resend") {
      // The correction names the unit another way: it still replaces the first.
      const later = fill(seed * 1000 + i + 500_000, period, [u.row], undefined, spelled(u, k + 2));
      await write(file("-更正"), later.grid);
      // Dated alike: the file's own time tells which came later.
      utimesSync(file(), new Date(2026, 11, 1), new Date(2026, 11, 1));
      utimesSync(file("-更正"), new Date(2026, 11, 2), new Date(2026, 11, 2));
      inputs.push(
        { file: file(), status: "replaced" },
        { file: file("-更正"), status: "included", adds: tableNumbers(later.grid) }
      );
    } else if (kind === "stale") {
      inputs.push({ file: file(), status: "included", adds });
      await write(file("-上期"), fill(seed * 1000 + i + 700_000, before).grid);
      inputs.push({ file: file("-上期"), status: "other-period" });
    } else inputs.push({ file: file(), status: "included", adds });
  }
  const rosterFile = path.join(dir, "名册.csv");
  writeFileSync(rosterFile, roster.join("\n"));
  return { t, period, before, inputs, rosterFile, units, missing };
}

async function run(args: string[]) {
  let printed = "";
  const code = await main(args, (s) => (printed += s));
  return { code, json: JSON.parse(printed) };
}

/** The summary's data cells: as written (cached) and as LibreOffice recalculates them. */
async function check(out: string, t: TableTemplate, inputs: Input[], recalc = true) {
  const info = getTableInfo(t.id)!;
  const oracle = new Map<string, number>();
  for (const i of inputs)
    for (const [k, v] of i.adds ?? []) oracle.set(k, (oracle.get(k) ?? 0) + v);
  const grids = await readGrids(readFileSync(out));
  const summaryName = `${t.shortTitle}汇总`;
  const summary = grids.find((g) => g.name === summaryName)!;
  const rec = recognize(summary) as TableRecognition;
  const recs = grids.map((g) => recognize(g));
  const csv = recalc
    ? recalculatedSheets(readFileSync(out), [summaryName]).get(summaryName)!
    : undefined;
  let checked = 0;
  for (const slot of info.slots)
    for (const leaf of info.leaves) {
      const key = `${slot.key}|${leaf.key}`;
      const r = rec.match.rows.get(slot.key);
      const c = rec.match.columns.get(leaf.key);
      if (
        !oracle.has(key) ||
        r === undefined ||
        c === undefined ||
        info.notApplicable(slot, leaf.key)
      )
        continue;
      const want = Math.round(oracle.get(key)! * 1e4) / 1e4;
      const written = numericValue(summary.values[r]?.[c] ?? null) ?? 0;
      expect({ key, written }).toEqual({ key, written: want });
      if (csv)
        expect({ key, recalculated: Number(csv[r][c] || 0) }).toEqual({ key, recalculated: want });
      const q = qtotal(recs, summaryName, colAddress(r, c));
      expect({ key, qtotal: q.ok ? Math.round(q.value * 1e4) / 1e4 : q.message }).toEqual({
        key,
        qtotal: want,
      });
      checked++;
    }
  expect(checked).toBeGreaterThan(10);
}

const colAddress = (r: number, c: number) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
};

interface Json {
  children: { unit: string; origin: string; status: Status; problems: string[] }[];
  counts: { expected: number; received: number; unlisted: number; missing: number };
}

/** Each input's one status, and a summed one's problems (none unless the input says). */
function statuses(json: Json, inputs: Input[]) {
  for (const i of inputs) {
    const file = path.basename(i.file);
    const mine = json.children.filter((l) => l.origin === file);
    expect({ file, statuses: mine.map((l) => l.status) }).toEqual({ file, statuses: [i.status] });
    if (i.status === "included")
      expect({ file, problems: mine[0].problems }).toEqual({ file, problems: i.problems ?? [] });
  }
}

/** Each roster unit counted once however its reports wrote it: 缺报 is exactly who sent nothing. */
function counted(json: Json, units: Unit[], missing: string[], unlisted = 0) {
  expect(json.children.filter((l) => l.status === "missing").map((l) => l.unit)).toEqual(missing);
  expect(json.counts).toMatchObject({
    expected: units.length,
    received: units.length - missing.length + unlisted,
    unlisted,
    missing: missing.length,
  });
}

const ALL: Case[] = [
  "normal",
  "normal",
  "normal",
  "blank-other",
  "all-zero",
  "text",
  "zero-formula",
  "duplicate",
  "resend",
  "wrong-row",
  "stale",
  "missing",
  "respelled",
  "alias",
];

describe("consolidation oracle", () => {
  it.each([
    ["nanan-2026-quarterly-1", 16, 1],
    ["nanan-2026-quarterly-2", 14, 2],
    ["nanan-2026-quarterly-3", 14, 3],
    ["anxi-2024-monthly-1", 14, 4],
    ["jinjiang-2024-monthly-2", 14, 5],
  ])(
    "%s: %i units with every messy case, plus last period's township summary",
    async (id, n, seed) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "srs-oracle-"));
      const set = await township(dir, id, n, seed, ALL);
      // Last period's township summary, sent along by mistake.
      const staleDir = mkdtempSync(path.join(os.tmpdir(), "srs-oracle-old-"));
      const old = await township(staleDir, id, 2, seed + 100, ["normal"]);
      const oldFiles = old.inputs.map((i) => i.file);
      for (const f of oldFiles) {
        // Re-date them to last period.
        const grid = filledSheet(set.t, {
          seed: 9,
          rowTypes: [old.units[0].row],
          unit: path.basename(f, ".xlsx"),
          period: set.before,
        }).grid;
        await write(f, grid);
      }
      const lastSummary = path.join(dir, "上期汇总.xlsx");
      expect((await run(["consolidate", "--json", ...oldFiles, "-o", lastSummary])).code).toBe(0);
      const inputs = [...set.inputs, { file: lastSummary, status: "other-period" as Status }];
      // The set really holds the messy cases.
      const held = new Set(inputs.map((i) => i.status));
      for (const s of ["included", "duplicate", "replaced", "other-period"] as Status[])
        expect([s, held.has(s)]).toEqual([s, true]);
      if (set.t.rows.length > 1) expect(held.has("wrong-row")).toBe(true);

      const out = path.join(dir, "汇总.xlsx");
      const { code, json } = await run([
        "consolidate",
        "--json",
        "--roster",
        set.rosterFile,
        ...inputs.map((i) => i.file),
        "-o",
        out,
      ]);
      statuses(json, inputs);
      // Last period's summary is a unit the roster does not list.
      counted(json, set.units, set.missing, 1);
      expect(code).toBe(1);
      await check(out, set.t, inputs);
    },
    300_000
  );

  it.each([
    ["nanan-2026-quarterly-1", 300, 11],
    ["anxi-2024-monthly-2", 1000, 12],
  ])(
    "%s: %i children stay within Excel's formula limits and add up",
    async (id, n, seed) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "srs-oracle-many-"));
      const set = await township(dir, id, n, seed, [
        "normal",
        "normal",
        "normal",
        "normal",
        "text",
        "duplicate",
      ]);
      const out = path.join(dir, "汇总.xlsx");
      const { code, json } = await run([
        "consolidate",
        "--json",
        "--roster",
        set.rosterFile,
        ...set.inputs.map((i) => i.file),
        "-o",
        out,
      ]);
      statuses(json, set.inputs);
      counted(json, set.units, set.missing);
      expect(code).toBe(set.inputs.every((i) => i.status === "included") ? 0 : 1);
      // No formula passes 255 arguments or 8,192 characters.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const f = cell.formula;
            if (!f) return;
            expect(f.length).toBeLessThanOrEqual(8191);
            expect(f.split(",").length).toBeLessThanOrEqual(255);
          })
        );
      await check(out, set.t, set.inputs);
    },
    900_000
  );
});

describe("a round of several tables", () => {
  it("南安 季报表（一）（二）（三）: a village that sent （一） and （三） but not （二） is 缺报 for （二） alone", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "srs-oracle-tables-"));
    const tables = [1, 2, 3].map((n) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate);
    // 第1村 sends no （二）; 第3村 sends nothing; the department (第5应急站) owes no （三）.
    const units = unitsFor(tables[0], 8);
    const [partial, absent] = [units[1], units[3]];
    const roster = ["单位名称,单位类型", ...units.map((u) => `${u.name},${u.type}`)];
    const rosterFile = path.join(dir, "名册.csv");
    writeFileSync(rosterFile, roster.join("\n"));
    const inputs = new Map(tables.map((t) => [t.id, [] as Input[]]));
    for (const [i, u] of units.entries())
      for (const [k, t] of tables.entries()) {
        if (u === absent || (u === partial && k === 1)) continue;
        if (!t.rows.some((r) => r.key === u.row)) continue;
        // Each table names the unit its own way, as clerks do.
        const grid = filledSheet(t, {
          ...{ seed: 300 + i * 3 + k, rowTypes: [u.row], unit: spelled(u, i + k), period: Q4 },
        }).grid;
        const file = path.join(dir, `${i}-${u.name}-${t.shortTitle}.xlsx`);
        await write(file, grid);
        inputs.get(t.id)!.push({ file, status: "included", adds: tableNumbers(grid) });
      }
    const out = path.join(dir, "汇总.xlsx");
    const all = [...inputs.values()].flat();
    const { code, json } = await run([
      "consolidate",
      "--json",
      "--roster",
      rosterFile,
      ...all.map((i) => i.file),
      "-o",
      out,
    ]);
    statuses(json, all);
    const missing = json.children
      .filter((l: { status: Status }) => l.status === "missing")
      .map((l: { unit: string; table: string; owes?: string[] }) => [l.unit, l.table, l.owes]);
    expect(missing).toEqual([
      [absent.name, "", tables.map((t) => t.shortTitle)],
      [partial.name, tables[1].shortTitle, undefined],
    ]);
    expect(json.counts).toMatchObject({ expected: 8, received: 7, missing: 1, absent: 4 });
    expect(code).toBe(1);
    for (const t of tables) await check(out, t, inputs.get(t.id)!);
  }, 600_000);
});

/**
 * What a clerk does to a township's workbook before it goes up (DOMAIN, third round): types a
 * number over one of its summary's SUMs (the 村 row's 自查隐患数量, in no identity, so the summary
 * holds no error). The problem line the county's output must give for it.
 */
async function typeOver(file: string, t: TableTemplate): Promise<string> {
  const name = `${t.shortTitle}汇总`;
  const grid = (await readGrids(readFileSync(file))).find((g) => g.name === name)!;
  const rec = recognize(grid) as TableRecognition;
  const r = rec.match.rows.get("village")!;
  const c = rec.match.columns.get("resp.lists3.found")!;
  const was = numericValue(grid.values[r][c])!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  wb.getWorksheet(name)!.getCell(r + 1, c + 1).value = was + 6;
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return `汇总表与其所附明细不符（${colAddress(r, c)}：${was + 6}，明细合计 ${was}）`;
}

/** A township's workbook made by hand: its villages' sheets and a summary (填报单位 the township) adding them. */
async function byHand(file: string, t: TableTemplate, town: string, seed: number) {
  const units = unitsFor(t, 3).map((u) => ({ ...u, name: u.name.replace(/^金淘镇/, town) }));
  const villages = units.map((u, k) => ({
    ...filledSheet(t, { seed: seed + k, rowTypes: [u.row], unit: spelled(u, k + 1), period: Q4 })
      .grid,
    name: u.name.replace(town, ""),
  }));
  const summary: Grid = {
    ...filledSheet(t, { seed, unit: town, rowTypes: ["village"], period: Q4 }).grid,
    name: "汇总",
  };
  summary.values[0][0] = `${t.title}汇总`;
  const rec = recognize(summary) as TableRecognition;
  const sums = new Map<string, number>();
  for (const v of villages)
    for (const [k, n] of tableNumbers(v)) sums.set(k, (sums.get(k) ?? 0) + n);
  for (const [slot, r] of rec.match.rows)
    for (const [leaf, c] of rec.match.columns)
      if (sums.has(`${slot}|${leaf}`)) summary.values[r][c] = sums.get(`${slot}|${leaf}`)!;
  const wb = new ExcelJS.Workbook();
  for (const g of [summary, ...villages]) addGridSheet(wb, g);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("county level", () => {
  it.each([
    ["nanan-2026-quarterly-1", false, true],
    ["anxi-2024-monthly-1", true, false],
    ["jinjiang-2024-monthly-1", true, false],
  ])(
    "%s: three townships' workbooks (and county departments) add up to their summaries as they stand",
    async (id, depts, byHandToo) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "srs-county-"));
      const t = getTemplate(id) as TableTemplate;
      const outputs: string[] = [];
      const problems: string[][] = [];
      for (const [k, town] of ["金淘镇", "仙夹镇", "码头镇"].entries()) {
        const out = path.join(dir, `${town}.xlsx`);
        outputs.push(out);
        // 季报表: 码头镇's workbook made by hand, 仙夹镇's summary typed over after SRS made it.
        problems.push([]);
        if (byHandToo && town === "码头镇") {
          await byHand(out, t, town, 60);
          continue;
        }
        const sub = mkdtempSync(path.join(dir, "t-"));
        const set = await township(sub, id, 4, 40 + k, ["normal"]);
        const made = path.join(sub, `${town}-未盖章.xlsx`);
        // 月报表: the township's own units all report in its 乡镇 row.
        const r = await run([
          "consolidate",
          "--json",
          "--unit",
          town,
          ...set.inputs.map((i) => i.file),
          "-o",
          made,
        ]);
        expect(r.json.summaries).toHaveLength(1);
        // Stamped before it goes up, as a township does.
        const stamp = t.cycle === "quarter" ? ["2026Q4", "2026-12-20"] : ["2024-06", "2024-06-25"];
        const who = ["--unit", town, "--filler", "林小红", "--phone", "0595-86123456"];
        const stamped = await main(
          ["stamp", made, "--period", stamp[0], "--date", stamp[1], ...who, "-o", out],
          () => undefined
        );
        expect(stamped).toBe(0);
        if (byHandToo && town === "仙夹镇") problems[k] = [await typeOver(out, t)];
      }
      const extra: string[] = [];
      if (depts) {
        const deptRow = t.rows[0].key;
        for (const [k, name] of ["县应急管理局", "县市场监管局"].entries()) {
          const f = path.join(dir, `${name}.xlsx`);
          await write(
            f,
            filledSheet(t, { seed: 70 + k, rowTypes: [deptRow], unit: name, period: JUNE }).grid
          );
          extra.push(f);
        }
      }
      const county = path.join(dir, "县汇总.xlsx");
      const { code, json } = await run([
        "consolidate",
        "--json",
        ...outputs,
        ...extra,
        "-o",
        county,
      ]);
      expect(
        json.children.map((l: Json["children"][number]) => [l.origin, l.status, l.problems])
      ).toEqual(
        [...outputs, ...extra].map((f, k) => [path.basename(f), "included", problems[k] ?? []])
      );
      // A summary unlike its copies is summed, and said: the exit status says so too.
      expect(code).toBe(problems.some((p) => p.length) ? 1 : 0);
      expect(json.children.slice(0, 3).map((l: { unit: string }) => l.unit)).toEqual([
        "金淘镇",
        "仙夹镇",
        "码头镇",
      ]);
      // The county's summary = the townships' summaries (and departments' sheets), cell by cell.
      const inputs: Input[] = [];
      for (const f of [...outputs, ...extra]) {
        const grids = await readGrids(readFileSync(f));
        const sheet = outputs.includes(f)
          ? grids.find((g) => g.name === `${t.shortTitle}汇总` || g.name === "汇总")!
          : grids[0];
        inputs.push({ file: f, status: "included", adds: tableNumbers(sheet) });
      }
      await check(county, t, inputs);
    },
    300_000
  );
});
