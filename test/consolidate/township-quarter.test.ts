/**
 * Acceptance: a township's quarter built the way its clerks make files, checked against an oracle
 * that sums the numbers it planted (no SRS code computes the expected totals). Villages and
 * departments fill the blanks `srs distribute` sent or retype the official tables: names in every
 * form (朴里村村民委员会（盖章）, 后洋村 with full-width spaces, 金淘派出所 for the roster's 金淘镇派出所, a blank
 * 填报单位 with the village in the file's name), all three tables on one sheet, a deleted title and
 * a moved, retyped header, 无/—// in place of 0, 1,200 / ３７ / 3家, a re-sent correction, 万元
 * decimals, an .xls saved by LibreOffice, one village missing. The township's totals must equal
 * the oracle as written and after LibreOffice recalculates them; the statuses, the counts, the
 * line under each summary (printed too: test-artifacts/township-quarter/) and the exit status
 * must say what is missing.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import { consolidateExit, consolidateFiles } from "../../src/cli/commands/consolidate";
import { distributeCommand } from "../../src/cli/commands/distribute";
import { readRoster } from "../../src/cli/commands/roster";
import { parsePeriod } from "../../src/rules/period";
import { soffice } from "../helpers/libreoffice";
import { ARTIFACTS, pdfText, printToPdf } from "../helpers/pdf";

const dir = mkdtempSync(path.join(os.tmpdir(), "srs-quarter-"));
const inbox = path.join(dir, "in");
const TEMPLATES = path.join(__dirname, "../../assets/templates");
const TITLE: Record<number, string> = { 1: "季报表（一）", 2: "季报表（二）", 3: "季报表（三）" };
const WIDTH: Record<number, number> = { 1: 27, 2: 29, 3: 45 };
type Row = "村" | "镇直单位";

// Numbers a unit reports, consistent with every identity and plausibility the notes print.
let seed = 20261206;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const ri = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
const wan = () => Math.round(ri(1, 400) * 5) / 100;
function numbers(t: number): number[] {
  if (t === 1) {
    const [a, b, c] = [ri(0, 6), ri(0, 12), ri(5, 60)];
    const tot = a + b + c;
    const le = () => ri(0, tot);
    const [h, k, red, ora, yel] = [le(), ri(0, 40), ri(0, 1), ri(0, 3), ri(0, 10)];
    const blu = ri(0, Math.max(0, tot - red - ora - yel));
    const [tt, v, x, z] = [le(), ri(0, tot >> 1), le(), rnd() < 0.4 ? 0 : ri(1, 4)];
    const aa = z ? ri(1, tot) : 0;
    return [tot, a, b, c, le(), le(), h, h + ri(0, 5), le(), k, ri(0, k), red + ora + yel + blu,
      red, ora, yel, blu, le(), le(), tt, tt + ri(0, 10), v, ri(0, tot - v), x, ri(0, x), z, aa,
      z ? aa + ri(0, 30) : 0]; // prettier-ignore
  }
  if (t === 2) {
    const [g, j, l, v, z] = [ri(0, 60), ri(0, 3), ri(0, 4), ri(0, 30), ri(0, 20)];
    const [w, aa] = [ri(0, v), ri(0, z)];
    return [ri(0, 3), ri(0, 3), ri(0, 2), ri(0, 2), ri(0, 80), g, ri(0, g), j ? ri(1, j) : 0, j,
      ri(0, j), l, l ? wan() : 0, ri(0, 2), 0, ri(0, 1), 0, ri(0, 2), ri(0, 5), ri(0, 3), ri(0, 2),
      v, w, w ? wan() : 0, w ? ri(1, 20) : 0, z, aa, aa ? wan() : 0, aa ? ri(1, 10) : 0,
      ri(0, 30)]; // prettier-ignore
  }
  const kinds = Array.from({ length: 9 }, () => (rnd() < 0.3 ? 0 : ri(1, 12)));
  const tot = kinds.reduce((s, v) => s + v, 0);
  const le = () => ri(0, tot);
  const [o, red, ora, yel, x, g, l, ap, ar] = [ri(0, 30), ri(0, 1), ri(0, 2), ri(0, 5),
    ri(0, tot >> 1), ri(0, 40), ri(0, 3), le(), ri(0, 3)]; // prettier-ignore
  const blu = ri(0, Math.max(0, tot - 8));
  const as = ar ? ri(1, Math.max(1, tot)) : 0;
  return [tot, ...kinds, le(), ri(0, 30), le(), o, ri(0, o), red + ora + yel + blu, red, ora, yel,
    blu, le(), le(), x, ri(0, tot - x), ri(0, 60), g, ri(0, g), 0, 0, 0, l, l ? wan() : 0,
    ri(0, 1), 0, 0, 0, ri(0, 1), ri(0, 4), ri(0, 2), ri(0, 1), ap, ri(0, ap), ar, as,
    ar ? as + ri(0, 40) : 0]; // prettier-ignore
}

// The oracle: what the township's rows must hold.
const expected: Record<number, Partial<Record<Row, number[]>>> = {
  1: { 镇直单位: Array(27).fill(0), 村: Array(27).fill(0) },
  2: { 镇直单位: Array(29).fill(0), 村: Array(29).fill(0) },
  3: { 村: Array(45).fill(0) },
};
const count = (t: number, row: Row, vals: number[]) =>
  vals.forEach(
    (v, i) => (expected[t][row]![i] = Math.round((expected[t][row]![i] + v) * 1e4) / 1e4)
  );

const header = (unit: string, date: string) =>
  `填报单位（盖章）：${unit}      填表人：王建国      联系电话：0595-86181234      ${date}`;

/** A blank `srs distribute` wrote, filled by the clerk in place. */
async function fillDistributed(unit: string, t: number, row: Row, name: string, vals: number[]) {
  const file = readdirSync(path.join(dir, "dist")).find(
    (f) => f.startsWith(`金淘镇${unit}-`) && f.includes(TITLE[t])
  )!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "dist", file));
  const ws = wb.worksheets[0];
  const r = t === 3 || row === "镇直单位" ? 6 : 7;
  vals.forEach((v, i) => (ws.getCell(r, i + 2).value = v));
  ws.getCell("A2").value = header(name, "2026年12月24日");
  await wb.xlsx.writeFile(path.join(inbox, file));
  count(t, row, vals);
}

interface Table {
  t: number;
  row: Row;
  unit: string;
  date: string;
  vals: (number | string)[];
  /** Title row deleted, table moved down 2 and right 1, header retyped, notes added. */
  retyped?: boolean;
}

/** The official table retyped into a sheet by hand, at `top` rows down. */
async function handMade(ws: ExcelJS.Worksheet, x: Table, top = 0) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(TEMPLATES, `nanan-2026-quarterly-${x.t}.xlsx`));
  const tpl = wb.worksheets[0];
  const skip = x.retyped ? 1 : 0;
  const [dr, dc] = x.retyped ? [top + 2 - skip, 1] : [top, 0];
  const rows = x.t === 3 ? { 村: 6 } : { 镇直单位: 6, 村: 7 };
  for (let r = 1 + skip; r <= tpl.rowCount; r++)
    for (let c = 1; c <= tpl.columnCount; c++) {
      // A merged area's value is in its top-left cell only.
      const { address, isMerged, value } = tpl.getCell(r, c);
      if (isMerged && tpl.getCell(address).master.address !== address) continue;
      let v = value as ExcelJS.CellValue;
      if (r === 2) v = c === 1 ? header(x.unit, x.date) : null;
      const row = Object.entries(rows).find(([, n]) => n === r)?.[0];
      if (row && c > 1) v = row === x.row ? x.vals[c - 2] : 0;
      if (x.retyped && r >= 3 && r <= 5 && typeof v === "string" && v.length >= 4)
        v = `${v.slice(0, 2)}${r === 4 ? "\n" : " "}${v.slice(2)}`;
      if (v !== null && v !== undefined) ws.getCell(r + dr, c + dc).value = v;
    }
  for (const m of tpl.model.merges ?? []) {
    const [a, b] = m.split(":").map((s) => tpl.getCell(s));
    if (+a.row <= skip) continue;
    ws.mergeCells(+a.row + dr, +a.col + dc, +b.row + dr, +b.col + dc);
  }
  if (x.retyped) ws.getCell(tpl.rowCount + dr + 1, 1 + dc).value = "备注：数据截至12月20日。";
}

async function workbook(name: string, sheets: Table[][], mtime?: string) {
  const wb = new ExcelJS.Workbook();
  for (const [i, tables] of sheets.entries()) {
    const ws = wb.addWorksheet(`Sheet${i + 1}`);
    let top = 0;
    for (const x of tables) (await handMade(ws, x, top), (top += 12));
  }
  const file = path.join(inbox, name);
  await wb.xlsx.writeFile(file);
  if (mtime) utimesSync(file, new Date(mtime), new Date(mtime));
  return file;
}

const villages = ["朴里村", "占石村", "金淘村", "金淘社区", "深垵村", "后洋村", "尾林村", "南坑村",
  "高坑村", "福庭村", "大宇村"]; // prettier-ignore
const depts = ["派出所", "市场监督管理所", "农业服务中心"];
let result: Awaited<ReturnType<typeof consolidateFiles>>;
let written: ExcelJS.Workbook;
let recalculated: ExcelJS.Workbook;
let printed: string;

beforeAll(async () => {
  mkdirSync(inbox, { recursive: true });
  const roster = path.join(dir, "名册.csv");
  writeFileSync(
    roster,
    ["单位名称,单位类型", ...villages.map((v) => `金淘镇${v},村`),
      ...depts.map((d) => `金淘镇${d},镇直单位`)].join("\n") // prettier-ignore
  );
  await distributeCommand(roster, parsePeriod("2026Q4")!, undefined, path.join(dir, "dist"));
  const plain: [string, string][] = [
    ["朴里村", "朴里村村民委员会（盖章）"],
    ["占石村", "占石村"],
    ["金淘村", "金淘镇金淘村委会"],
    ["金淘社区", "金淘社区居委会"],
  ];
  for (const [unit, name] of plain)
    for (const t of [1, 2, 3]) await fillDistributed(unit, t, "村", name, numbers(t));
  for (const t of [1, 2]) await fillDistributed("派出所", t, "镇直单位", "金淘派出所", numbers(t));

  const table = (t: number, unit: string, o: Partial<Table> = {}): Table => {
    const vals = numbers(t);
    const x = { t, row: "村" as Row, unit, date: "2026年12月25日", vals, ...o };
    return x;
  };
  const summed = (x: Table) => (count(x.t, x.row, x.vals as number[]), x);
  // All three tables on one sheet.
  await workbook("深垵村季度报表.xlsx", [
    [1, 2, 3].map((t) => summed(table(t, "金淘镇深垵村委会"))),
  ]);
  // One sheet each, title deleted, moved, headers retyped, a note; full-width spaces in the name.
  await workbook(
    "后洋村.xlsx",
    [1, 2, 3].map((t) => [summed(table(t, "后洋村\u3000\u3000（盖章）", { retyped: true }))])
  );
  // 无, — and / where the clerk had nothing: not numbers, the report is not summed.
  const weilin = table(1, "尾林村");
  weilin.vals.splice(24, 3, "无", "—", "/");
  await workbook("尾林村-季报表（一）.xlsx", [[weilin]]);
  for (const t of [2, 3]) await workbook(`尾林村-${TITLE[t]}.xlsx`, [[summed(table(t, "尾林村"))]]);
  // 1,200, ３７ and 3家: counted at their number.
  const nankeng = table(1, "南坑村村委会");
  const asNumbers = nankeng.vals.slice() as number[];
  [asNumbers[9], asNumbers[10], asNumbers[16]] = [1200, 37, 3];
  nankeng.vals.splice(9, 2, "1,200", "３７");
  nankeng.vals[16] = "3家";
  await workbook("南坑村季报表（一）.xlsx", [[nankeng]]);
  count(1, "村", asNumbers);
  for (const t of [2, 3]) await workbook(`南坑村${TITLE[t]}.xlsx`, [[summed(table(t, "南坑村"))]]);
  // A wrong 总数 sent first, the correction re-sent later.
  const good = summed(table(1, "高坑村", { date: "2026年12月27日" }));
  const bad = {
    ...good,
    date: "2026年12月18日",
    vals: [(good.vals[0] as number) + 5, ...good.vals.slice(1)],
  };
  await workbook("高坑村季报表一.xlsx", [[bad]], "2026-12-18T09:00:00Z");
  await workbook("高坑村季报表一（修改后）.xlsx", [[good]], "2026-12-27T09:00:00Z");
  for (const t of [2, 3]) await workbook(`高坑村${TITLE[t]}.xlsx`, [[summed(table(t, "高坑村"))]]);
  // 填报单位 left blank; the file's name says who.
  for (const t of [1, 2, 3])
    await workbook(`金淘镇福庭村-${TITLE[t]}.xlsx`, [[summed(table(t, ""))]]);
  // A department's 万元 with decimals, its title deleted; another's saved as .xls by LibreOffice.
  for (const t of [1, 2]) {
    const x = table(t, "南安市金淘市场监督管理所", { row: "镇直单位" });
    if (t === 2) [x.vals[10], x.vals[11]] = [4, 12.6];
    await workbook(`市场监督管理所-${TITLE[t]}.xlsx`, [[summed(x)]]);
  }
  const xls = [];
  for (const t of [1, 2])
    xls.push(
      await workbook(`农业服务中心${TITLE[t]}.xlsx`, [
        [summed(table(t, "金淘镇农业服务中心", { row: "镇直单位" }))],
      ])
    );
  soffice(dir, "xls", path.join(dir, "xls"), xls);
  for (const f of xls) {
    const name = path.basename(f).replace(/\.xlsx$/, ".xls");
    rmSync(f);
    renameSync(path.join(dir, "xls", name), path.join(inbox, name));
  }
  // 大宇村 sends nothing.

  const out = path.join(dir, "金淘镇汇总.xlsx");
  const files = readdirSync(inbox).map((f) => path.join(inbox, f));
  result = await consolidateFiles(files, out, {
    roster: await readRoster(roster),
    unit: "金淘镇",
    period: parsePeriod("2026Q4")!,
    made: "2026-12-30 10:00",
  });
  written = new ExcelJS.Workbook();
  await written.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  soffice(dir, "xlsx", path.join(dir, "lo"), [out], { recalc: true });
  recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.load(
    readFileSync(path.join(dir, "lo", "金淘镇汇总.xlsx")) as unknown as ArrayBuffer
  );
  printed = printToPdf([{ name: "township-quarter", bytes: readFileSync(out) }]).get(
    "township-quarter"
  )!;
  const target = path.join(ARTIFACTS, "township-quarter");
  mkdirSync(target, { recursive: true });
  execFileSync("pdftoppm", ["-r", "70", "-png", "-l", "3", printed, path.join(target, "page")]);
}, 600_000);

const SUMMARY: Record<number, RegExp> = {
  1: /^季报表（一）汇总/,
  2: /^季报表（二）汇总/,
  3: /季报表（三）汇总/,
};
const text = (v: ExcelJS.CellValue) =>
  v && typeof v === "object" && "richText" in v
    ? v.richText.map((r) => r.text).join("")
    : String(v ?? "");

function rowsOf(wb: ExcelJS.Workbook, t: number) {
  const ws = wb.worksheets.find((w) => SUMMARY[t].test(w.name))!;
  const found: Record<string, number[]> = {};
  let line = "";
  ws.eachRow((row) => {
    const label = text(row.getCell(1).value).replace(/\s/g, "").replace("镇直直", "镇直");
    if (label.startsWith("本汇总")) line = label;
    if (label !== "村" && label !== "镇直单位") return;
    found[label] = Array.from({ length: WIDTH[t] }, (_, i) => {
      const v = row.getCell(i + 2).value;
      return Number(v && typeof v === "object" && "formula" in v ? (v.result ?? 0) : v);
    });
  });
  return { found, line };
}

test.each([1, 2, 3])(
  "季报表 %i: the township's rows equal the oracle, as written and recalculated",
  (t) => {
    for (const wb of [written, recalculated]) expect(rowsOf(wb, t).found).toEqual(expected[t]);
  }
);

test("each file's status: the errors, the correction and the blank name said, nothing else lost", () => {
  const lines = result.plan.lines.map((l) => [l.origin, l.status]);
  expect(lines.filter(([, s]) => s !== "included").sort()).toEqual(
    [
      ["", "missing"],
      ["尾林村-季报表（一）.xlsx", "errors"],
      ["高坑村季报表一.xlsx", "replaced"],
    ].sort()
  );
  expect(result.plan.lines.find((l) => l.status === "missing")!.unit).toBe("金淘镇大宇村");
  const futing = result.plan.lines.filter((l) => l.origin.startsWith("金淘镇福庭村"));
  expect(futing.map((l) => [l.unit, l.problems[0]])).toEqual(
    Array(3).fill(["金淘镇福庭村", "按文件名认作金淘镇福庭村，请核对填报单位"])
  );
  // The departments that wrote 金淘 without 镇 are the roster's units.
  expect(result.plan.counts).toMatchObject({
    expected: 14,
    received: 13,
    unlisted: 0,
    missing: 1,
    excluded: 2,
  });
  expect(consolidateExit(result.plan, result.unreadable)).toBe(1);
});

test("the line under each summary says what is missing, in the file and on the printed page", () => {
  const lines = {
    1: "本汇总不完整：缺报1个单位，1份报表未汇总，详见汇总说明",
    2: "本汇总不完整：缺报1个单位，详见汇总说明",
    3: "本汇总不完整：缺报1个单位，详见汇总说明",
  };
  for (const t of [1, 2, 3]) expect(rowsOf(written, t).line.replace(/\s/g, "")).toBe(lines[t as 1]);
  expect(pdfText(printed, 1)).toContain(lines[1]);
});
