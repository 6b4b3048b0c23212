/**
 * The BIFF8 reader record by record, on workbooks built here ([MS-XLS]): every way a value is
 * stored (RK and MULRK, NUMBER, LABEL and LABELSST, text over CONTINUE records switching width,
 * BOOLERR, each kind of formula result), dates in built-in and custom formats and the 1904
 * calendar, merges, sizes, hidden sheets, a chart inside a sheet, and a small workbook kept in the
 * compound file's mini stream.
 */
import { readXls } from "../../src/workbook/xls/read";
import { bookStream, boundSheet, cellHead, compoundFile, rec, type Rec, T } from "../helpers/xls";

const u16 = (n: number) => [n & 0xff, n >> 8];
const f64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return b;
};
/** An XF whose number format is `format` (the other 16 bytes: no font change, no border). */
const xf = (format: number) => rec(0x00e0, [...u16(0), ...u16(format), ...Array(16).fill(0)]);
/** An XLUnicodeString, two bytes a character. */
const wide = (s: string) =>
  Buffer.concat([Buffer.from(u16(s.length)), Buffer.from([1]), Buffer.from(s, "utf16le")]);
const bof = (dt: number) => rec(T.BOF, [0, 6, dt, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const eof = rec(T.EOF, []);
const [RK, MULRK, BOOLERR, FORMULA, STRING, BLANK] = [
  0x027e, 0x00bd, 0x0205, 0x0006, 0x0207, 0x0201,
];
const cell = (type: number, row: number, col: number, xfIndex: number, body: Buffer | number[]) =>
  rec(type, Buffer.concat([cellHead(row, col, xfIndex), Buffer.from(body)]));
/** An RK holding the integer n (×1/100 with `cents`). */
const rk = (n: number, cents = false) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE((n << 2) | 2 | (cents ? 1 : 0));
  return b;
};

/** A workbook of `sheets` (name, its records between BOF and EOF), `globals` added to the globals. */
function workbook(globals: Rec[], sheets: [string, Rec[]][], mini = false): Buffer {
  const stream = bookStream({
    globals: [bof(5), ...globals, ...sheets.map(([n]) => boundSheet(n)), eof],
    sheets: sheets.map(([, recs]) => [bof(0x10), ...recs, eof]),
  });
  return compoundFile({ Workbook: stream }, { mini });
}

const XFS = [
  xf(0), // 0: General
  xf(14), // 1: built-in date
  xf(164), // 2: a custom date format
  xf(2), // 3: 0.00, no date
];
const FORMAT = rec(0x041e, Buffer.concat([Buffer.from(u16(164)), wide('yyyy"年"m"月"d"日"')]));

it("reads every way BIFF8 stores a value", () => {
  const long = "安全生产标准化".repeat(700); // 4,900 characters: more than one record holds
  const mixed = "ascii 然后中文";
  const head = Buffer.alloc(8); // the string counts, which are not trusted anyway
  const second = Buffer.from(long, "utf16le");
  const sst = [
    rec(
      T.SST,
      Buffer.concat([
        head,
        wide("金淘镇朴里村"),
        Buffer.from([...u16(long.length), 1]),
        second.subarray(0, 6000),
      ])
    ),
    // Characters going on in a CONTINUE record: its first byte says their width again.
    rec(T.CONTINUE, Buffer.concat([Buffer.from([1]), second.subarray(6000)])),
    // A string starting one byte a character and going on two bytes a character.
    rec(
      T.CONTINUE,
      Buffer.concat([Buffer.from([...u16(mixed.length), 0]), Buffer.from("ascii ", "latin1")])
    ),
    rec(T.CONTINUE, Buffer.concat([Buffer.from([1]), Buffer.from("然后中文", "utf16le")])),
  ];
  const special = (kind: number, value = 0) => [
    kind,
    0,
    value,
    0,
    0,
    0,
    0xff,
    0xff,
    ...Array(8).fill(0),
  ];
  const recs: Rec[] = [
    cell(T.LABELSST, 0, 0, 0, [0, 0, 0, 0]),
    cell(T.LABELSST, 0, 1, 0, [1, 0, 0, 0]),
    cell(T.LABELSST, 0, 2, 0, [2, 0, 0, 0]),
    cell(T.LABEL, 0, 3, 0, wide("１２")),
    cell(RK, 1, 0, 0, rk(12)),
    cell(RK, 1, 1, 0, rk(-350, true)),
    cell(T.NUMBER, 1, 2, 3, f64(0.1 + 0.2)),
    // MULRK: row 2, columns A to C.
    rec(
      MULRK,
      Buffer.concat([
        Buffer.from([...u16(2), ...u16(0)]),
        ...[5, 6, 7].map((n) => Buffer.concat([Buffer.from(u16(0)), rk(n)])),
        Buffer.from(u16(2)),
      ])
    ),
    cell(BOOLERR, 3, 0, 0, [1, 0]),
    cell(BOOLERR, 3, 1, 0, [0x07, 1]),
    // Formula results: a number, a text (in the STRING record after it), a boolean, an error, "".
    cell(FORMULA, 4, 0, 0, Buffer.concat([f64(24), Buffer.alloc(8)])),
    cell(FORMULA, 4, 1, 0, special(0)),
    rec(STRING, wide("村")),
    cell(FORMULA, 4, 2, 0, special(1, 1)),
    cell(FORMULA, 4, 3, 0, special(2, 0x2a)),
    cell(FORMULA, 4, 4, 0, special(3)),
    // 46376 is 2026-12-20: a date in a built-in and a custom date format, a number in 0.00.
    cell(T.NUMBER, 5, 0, 1, f64(46376)),
    cell(T.NUMBER, 5, 1, 2, f64(46376)),
    cell(T.NUMBER, 5, 2, 3, f64(46376)),
    // A chart drawn on the sheet: a substream of its own, whose cells are none of the sheet's.
    bof(0x20),
    cell(T.NUMBER, 9, 9, 0, f64(99)),
    eof,
    // A blank cell with a format: nothing to read.
    rec(BLANK, cellHead(6, 5)),
  ];
  const [g] = readXls(workbook([FORMAT, ...XFS, ...sst], [["值", recs]]), "各种值.xls");
  expect(g.values).toEqual([
    ["金淘镇朴里村", long, mixed, "１２"],
    [12, -3.5, 0.1 + 0.2],
    [5, 6, 7],
    [true, "#DIV/0!"],
    [24, "村", true, "#N/A"], // an empty text shows nothing
    ["2026-12-20", "2026-12-20", 46376],
  ]);
});

it("reads the 1904 calendar's dates as their days", () => {
  const book = workbook(
    [rec(0x0022, u16(1)), ...XFS],
    [["S", [cell(T.NUMBER, 0, 0, 1, f64(46376 - 1462))]]]
  );
  expect(readXls(book, "1904.xls")[0].values).toEqual([["2026-12-20"]]);
});

it("reads merges, widths and heights, and every worksheet, hidden and very hidden ones as such, but no chart sheet", () => {
  const sheet = [
    rec(0x0099, u16(9 * 256)), // STANDARDWIDTH: 9 characters
    rec(0x007d, [...u16(0), ...u16(0), ...u16(20 * 256), ...u16(15), 0, 0, 0, 0]), // A: 20
    rec(0x007d, [...u16(1), ...u16(255), ...u16(9 * 256), ...u16(15), 0, 0, 0, 0]), // the rest: 9
    rec(T.ROW, [...u16(0), 0, 0, 3, 0, ...u16(40 * 20), 0, 0, 0, 0, 0x40, 0, 0, 0]), // 40 pt
    cell(T.LABEL, 0, 0, 0, wide("标题")),
    cell(T.NUMBER, 1, 2, 0, f64(1)),
    rec(T.MERGECELLS, [2, 0, ...[0, 0, 0, 2, 3, 4, 0, 0].flatMap(u16)]),
  ];
  const hidden = boundSheet("隐藏");
  hidden.data[4] = 1;
  const veryHidden = boundSheet("深藏");
  veryHidden.data[4] = 2;
  const chart = boundSheet("图表");
  chart.data[5] = 2;
  const stream = bookStream({
    globals: [bof(5), ...XFS, boundSheet("表"), hidden, veryHidden, chart, eof],
    sheets: [
      [bof(0x10), ...sheet, eof],
      [bof(0x10), cell(T.NUMBER, 0, 0, 0, f64(2)), eof],
      [bof(0x10), cell(T.NUMBER, 0, 0, 0, f64(3)), eof],
      [bof(0x20), eof],
    ],
  });
  const [g, h, v, ...rest] = readXls(compoundFile({ Workbook: stream }), "表.xls");
  expect(g.merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 2 },
    { top: 3, left: 0, bottom: 4, right: 0 },
  ]);
  expect(g.values).toEqual([["标题", null, null], [null, null, 1], [], [null], [null]]);
  expect(g.widths).toEqual([20]);
  expect(g.heights).toEqual([40]);
  expect(g.visibility).toBeUndefined();
  expect(h).toEqual({ name: "隐藏", values: [[2]], merges: [], visibility: "hidden" });
  expect(v).toEqual({ name: "深藏", values: [[3]], merges: [], visibility: "veryHidden" });
  expect(rest).toEqual([]);
});

it("reads a small workbook kept in the mini stream", () => {
  const book = workbook(XFS, [["小", [cell(T.NUMBER, 0, 0, 0, f64(7))]]], true);
  expect(readXls(book, "小.xls")).toEqual([{ name: "小", values: [[7]], merges: [] }]);
});
