/**
 * A header's date as clerks enter it (DOMAIN: header; issue #22): a real date cell, whatever its
 * number format (a format the reader knows gives the ISO day; a built-in Chinese one such as
 * 2026年12月20日, id 31, gives the serial), typed text, in the cell after its label, past a
 * merged label or an empty cell, or alone where the notice prints "年 月 日". Over every template
 * with a date field: read as that day, and no "未填写完整的填报日期".
 */
import ExcelJS from "exceljs";
import { checkGrids } from "../../src/rules/check";
import type { CellValue, Grid } from "../../src/rules/grid";
import { parseDay } from "../../src/rules/period";
import { recognize } from "../../src/rules/recognize";
import { reportDay } from "../../src/rules/report-period";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates } from "../../src/rules/templates/catalog";
import type { Template } from "../../src/rules/templates/schema";
import { partText, setPartText, unzipParts, zipParts } from "../../src/workbook/xlsx/parts";
import { readGrids } from "../../src/workbook/xlsx/read";
import { clone } from "../helpers/grids";

const templates = allTemplates().filter((t) => t.headerFields.some((f) => f.key === "date"));
/** The date as filledSheet writes it (inside the window), and the text around it. */
const DATE = /(?:(?:填报时间|填报日期|时间|日期)[:：]\s*)?(\d{4})年(\d{1,2})月(\d{1,2})日/;

/** Excel's serial of a day. */
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

interface Dated {
  grid: Grid;
  row: number;
  /** The first free column of the header line. */
  col: number;
  day: { y: number; m: number; d: number };
}

/** A filled sheet whose header line is split into cells and has its date taken out of the text. */
function undated(t: Template): Dated {
  const grid = clone(filledSheet(t, { seed: 2 }).grid);
  const place = t.headerFields.find((f) => f.key === "date")!.place;
  const rows = grid.values
    .map((r, i) => [r, i] as const)
    .filter(([r]) => typeof r[0] === "string" && DATE.test(r[0]));
  const [line, row] = place === "above" ? rows[0] : rows[rows.length - 1];
  const m = DATE.exec(String(line[0]))!;
  line[0] = String(line[0]).replace(DATE, "").trim();
  grid.merges = grid.merges.filter((x) => x.top !== row);
  const width = Math.max(6, ...grid.values.map((r) => r.length));
  return { grid, row, col: width + 1, day: { y: +m[1], m: +m[2], d: +m[3] } };
}

const put = (g: Grid, row: number, col: number, v: CellValue) => {
  const r = g.values[row];
  while (r.length <= col) r.push(null);
  r[col] = v;
};

const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const HAN = "〇一二三四五六七八九";
/** 2026 → 二〇二六. */
const hanDigits = (n: number) => [...String(n)].map((c) => HAN[+c]).join("");
/** 7 → 七, 10 → 十, 12 → 十二, 20 → 二十, 25 → 二十五. */
const hanNumber = (n: number) =>
  n < 10 ? HAN[n] : `${n >= 20 ? HAN[Math.floor(n / 10)] : ""}十${n % 10 ? HAN[n % 10] : ""}`;

/** How a date cell reaches the rules. */
const SHAPES: [string, (d: Dated["day"]) => CellValue][] = [
  [
    "a date cell of a format the reader knows (ISO day)",
    ({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  ],
  ["a date cell of a built-in Chinese format (its serial)", ({ y, m, d }) => serial(y, m, d)],
  ["typed 2026年12月7日", ({ y, m, d }) => `${y}年${m}月${d}日`],
  ["typed 2026.12.7", ({ y, m, d }) => `${y}.${m}.${d}`],
  // Typed with a Chinese input method, and as official papers date themselves.
  [
    "typed in full-width digits ２０２６年１２月７日",
    ({ y, m, d }) => fullWidth(`${y}年${m}月${d}日`),
  ],
  ["typed 2026年12月7号", ({ y, m, d }) => `${y}年${m}月${d}号`],
  [
    "typed 二〇二六年十二月七日",
    ({ y, m, d }) => `${hanDigits(y)}年${hanNumber(m)}月${hanNumber(d)}日`,
  ],
];

/** Where the value sits after its label. */
const PLACES: [string, (x: Dated, v: CellValue) => void][] = [
  [
    "the cell after 填报日期：",
    (x, v) => (put(x.grid, x.row, x.col, "填报日期："), put(x.grid, x.row, x.col + 1, v)),
  ],
  [
    "the cell after 日期 (no colon)",
    (x, v) => (put(x.grid, x.row, x.col, "日期"), put(x.grid, x.row, x.col + 1, v)),
  ],
  [
    "past a label merged over two cells",
    (x, v) => {
      put(x.grid, x.row, x.col, "填报日期：");
      x.grid.merges.push({ top: x.row, bottom: x.row, left: x.col, right: x.col + 1 });
      put(x.grid, x.row, x.col + 2, v);
    },
  ],
  [
    "past an empty cell",
    (x, v) => (put(x.grid, x.row, x.col, "填报日期："), put(x.grid, x.row, x.col + 2, v)),
  ],
];

describe.each(templates.map((t) => [t.id, t] as const))("%s", (_, t) => {
  it.each(SHAPES)("%s, after its label wherever it is, is the report's date", (__, shape) => {
    for (const [where, place] of PLACES) {
      const x = undated(t);
      place(x, shape(x.day));
      const [report] = checkGrids([x.grid]);
      const rec = report.recognition;
      expect([where, rec.template?.id]).toEqual([where, t.id]);
      if (rec.kind === "none") return;
      expect([where, reportDay(rec)]).toEqual([
        where,
        parseDay(`${x.day.y}-${x.day.m}-${x.day.d}`),
      ]);
      expect([
        where,
        report.findings.filter((f) => f.category === "header" || f.category === "period"),
      ]).toEqual([where, []]);
    }
  });

  if (t.headerFields.some((f) => f.key === "date" && f.label === "年 月 日"))
    it("a date cell with no label, where the notice prints 年 月 日, is the date", () => {
      const x = undated(t);
      put(x.grid, x.row, x.col, serial(x.day.y, x.day.m, x.day.d));
      const [report] = checkGrids([x.grid]);
      expect(report.findings).toEqual([]);
      expect(reportDay(report.recognition as never)).toEqual({
        year: x.day.y,
        month: x.day.m,
        day: x.day.d,
      });
    });

  it("still says so when the cell after the label is empty, or holds no date", () => {
    for (const v of [null, "  年  月  日", "12月"]) {
      const x = undated(t);
      put(x.grid, x.row, x.col, "填报日期：");
      put(x.grid, x.row, x.col + 1, v);
      const messages = checkGrids([x.grid])[0].findings.map((f) => f.message);
      expect(messages).toContain("未填写完整的填报日期（年、月、日）");
    }
  });
});

it("through an .xlsx: a date cell in the built-in 2026年12月20日 format (id 31) after its label", async () => {
  const t = templates.find((x) => x.id === "nanan-2026-quarterly-1")!;
  const x = undated(t);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("季报表一");
  x.grid.values.forEach((r, i) =>
    r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
  );
  for (const m of x.grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.getCell(x.row + 1, x.col + 1).value = "填报日期：";
  const cell = ws.getCell(x.row + 1, x.col + 2);
  cell.value = serial(x.day.y, x.day.m, x.day.d);
  cell.numFmt = 'yyyy"年"m"月"d"日"';
  // As Excel saves it: the built-in id, not a custom format.
  const parts = unzipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
  const styles = partText(parts, "xl/styles.xml")!;
  const custom = /<numFmt numFmtId="(\d+)" formatCode="[^"]*年[^"]*"\/>/.exec(styles)!;
  setPartText(
    parts,
    "xl/styles.xml",
    styles.replace(custom[0], "").replaceAll(`numFmtId="${custom[1]}"`, 'numFmtId="31"')
  );
  const [grid] = await readGrids(zipParts(parts));
  expect(grid.values[x.row][x.col + 1]).toBe(serial(x.day.y, x.day.m, x.day.d));
  const rec = recognize(grid);
  expect(rec.kind !== "none" && reportDay(rec)).toEqual({
    year: x.day.y,
    month: x.day.m,
    day: x.day.d,
  });
  expect(checkGrids([grid])[0].findings).toEqual([]);
});

it("in the notice's one header line, a date typed in full-width digits, with 号 or in Chinese numerals ends the phone number before it", () => {
  const t = templates.find((x) => x.id === "nanan-2026-quarterly-1")!;
  for (const date of ["２０２６年１２月２５日", "2026年12月25号", "二〇二六年十二月二十五日"]) {
    const grid = clone(filledSheet(t, { seed: 2 }).grid);
    const row = grid.values.find((r) => typeof r[0] === "string" && DATE.test(r[0]))!;
    row[0] = String(row[0]).replace(/联系电话[:：].*$/, `联系电话：13905951234      ${date}`);
    const rec = recognize(grid);
    if (rec.kind !== "table") throw new Error("not recognized");
    expect([date, reportDay(rec)]).toEqual([date, parseDay("2026-12-25")]);
    expect(rec.headerFields.find((f) => f.key === "phone")?.value).toBe("13905951234");
    expect(
      checkGrids([grid])
        .flatMap((s) => s.findings)
        .filter((f) => f.category === "header")
    ).toEqual([]);
  }
});
