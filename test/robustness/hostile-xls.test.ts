/**
 * Bad and hostile .xls files, each run through a separate srs process as bad-files.test.ts runs
 * .xlsx ones: check, stamp and consolidate each end with one zh line within the same 10 s and
 * 500 MB (helpers/hostile.ts `bounded`), the good village beside it still read, no output file
 * left behind.
 */
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { bounded, srs } from "../helpers/hostile";
import { saveAsXls } from "../helpers/libreoffice";
import {
  type Book,
  bookStream,
  boundSheet,
  cellHead,
  compoundFile,
  parseBook,
  rec,
  T,
} from "../helpers/xls";

const TEN_S = { guard: 10_000 };

/** Two villages' 季报表（一） as LibreOffice saves them as .xls. */
let village: Uint8Array;
let good: Uint8Array;

/**
 * An Excel 5.0/95 workbook (BIFF5), as Excel 95 lays out its "Book" stream: BOF version 0x0500.
 * (LibreOffice reads BIFF5 but no longer writes it.)
 */
function excel95(): Buffer {
  const bof = (dt: number) => rec(T.BOF, [0, 5, dt, 0, 0, 0, 0, 0]);
  const label = Buffer.concat([cellHead(0, 0), Buffer.from([4, 0]), Buffer.from("cun1", "latin1")]);
  const sheet = [bof(0x10), rec(T.LABEL, label), rec(T.EOF, [])];
  const globals = [bof(5), rec(T.EOF, [])];
  return compoundFile({ Book: bookStream({ globals, sheets: [sheet] }) });
}

const book = (): Book => parseBook(village);
const xls = (b: Book, points?: number[]) => compoundFile({ Workbook: bookStream(b, points) });
/** The first sheet's records, with `add` put before its EOF. */
function withCells(b: Book, add: ReturnType<typeof rec>[]): Book {
  const s = b.sheets[0];
  s.splice(s.length - 1, 0, ...add);
  return b;
}
/** `n` more worksheets named S1…, all pointing at the first sheet's substream. */
function aliased(b: Book, n: number, empty = false): Buffer {
  const last = b.globals.map((r) => r.type).lastIndexOf(T.BOUNDSHEET);
  b.globals.splice(last + 1, 0, ...Array.from({ length: n }, (_, i) => boundSheet(`S${i + 1}`)));
  const own = [...b.sheets.keys()];
  // Or all pointing at one empty sheet of their own.
  if (empty) b.sheets.push([b.sheets[0][0], rec(T.EOF, [])]);
  return xls(b, [...own, ...Array<number>(n).fill(empty ? own.length : 0)]);
}

/**
 * One more shared string, of `n` one-byte characters, after the workbook's own (which its cells
 * use), over as many CONTINUE records as it takes; its index.
 */
function addString(b: Book, n: number): number {
  const at = b.globals.findIndex((r) => r.type === T.SST);
  let end = at + 1;
  while (b.globals[end].type === T.CONTINUE) end++;
  const index = b.globals[at].data.readUInt32LE(4);
  b.globals[at].data.writeUInt32LE(index + 1, 4);
  const head = Buffer.from([n & 0xff, n >> 8, 0]); // its length, one byte a character
  const chars = Buffer.alloc(n, 0x78);
  // Characters going on in a further CONTINUE record start it with their width again.
  const pieces = [rec(T.CONTINUE, Buffer.concat([head, chars.subarray(0, 8000)]))];
  for (let c = 8000; c < n; c += 8000)
    pieces.push(rec(T.CONTINUE, Buffer.concat([Buffer.from([0]), chars.subarray(c, c + 8000)])));
  b.globals.splice(end, 0, ...pieces);
  return index;
}

/** Each bad file, and what its one line must say. */
const FILES: Record<string, [() => Buffer, RegExp]> = {
  "truncated.xls": [() => Buffer.from(village.subarray(0, village.length >> 1)), /损坏/],
  "not-compound.xls": [
    () => Buffer.concat([Buffer.from(village.subarray(0, 8)), Buffer.alloc(4000, 0x41)]),
    /损坏/,
  ],
  "huge-size.xls": [
    () => compoundFile({ Workbook: bookStream(book()) }, { lie: { Workbook: 0x7fffffff } }),
    /损坏/,
  ],
  "chain-loop.xls": [
    () => {
      const stream = bookStream(book());
      // The chain comes back to its start, and the directory claims more than it holds once.
      return compoundFile(
        { Workbook: stream },
        { loop: true, lie: { Workbook: stream.length + 600 } }
      );
    },
    /损坏/,
  ],
  "no-workbook.xls": [() => compoundFile({ WordDocument: Buffer.alloc(5000) }), /没有工作表/],
  "encrypted.xls": [
    () => {
      const b = book();
      b.globals.splice(1, 0, rec(T.FILEPASS, [1, 0, 1, 0, 1, 0, ...Array(48).fill(7)]));
      return xls(b);
    },
    /密码/,
  ],
  "excel95.xls": [excel95, /Excel 95/],
  // A used range claiming a row at 1,000,000,000: BIFF8 sheets end at 65,536.
  "far-row.xls": [
    () => {
      const b = book();
      const dims = b.sheets[0].find((r) => r.type === T.DIMENSIONS)!;
      dims.data.writeUInt32LE(1_000_000_000, 4);
      return xls(b);
    },
    /结构超出范围/,
  ],
  "far-column.xls": [
    () =>
      xls(withCells(book(), [rec(T.NUMBER, Buffer.concat([cellHead(3, 300), Buffer.alloc(8)]))])),
    /结构超出范围/,
  ],
  "long-text.xls": [
    () => {
      const b = book();
      addString(b, 40_000);
      return xls(b);
    },
    /超过 32767 个字符/,
  ],
  // One 32,767-character text in 1,000 cells: 32 million characters once laid out.
  "string-bomb.xls": [
    () => {
      const b = book();
      const index = Buffer.alloc(4);
      index.writeUInt32LE(addString(b, 32_767));
      const cells = Array.from({ length: 1000 }, (_, i) =>
        rec(T.LABELSST, Buffer.concat([cellHead(100 + i, 0), index]))
      );
      return xls(withCells(b, cells));
    },
    /文字总量远超/,
  ],
  "merges.xls": [
    () => {
      const list = Array.from({ length: 6 }, (_, k) => {
        const d = Buffer.alloc(2 + 1000 * 8);
        d.writeUInt16LE(1000, 0);
        for (let i = 0; i < 1000; i++) {
          const row = 100 + (k * 1000 + i) * 2;
          d.writeUInt16LE(row, 2 + i * 8);
          d.writeUInt16LE(row, 4 + i * 8);
          d.writeUInt16LE(0, 6 + i * 8);
          d.writeUInt16LE(1, 8 + i * 8);
        }
        return rec(T.MERGECELLS, d);
      });
      return xls(withCells(book(), list));
    },
    /合并单元格过多/,
  ],
  // Every row of a sheet described, the sheet listed four times: 262,144 rows read.
  "rows.xls": [
    () => {
      const rows = Array.from({ length: 65_536 }, (_, r) => {
        const d = Buffer.alloc(16);
        d.writeUInt16LE(r, 0);
        d.writeUInt16LE(300, 6);
        return rec(T.ROW, d);
      });
      return aliased(withCells(book(), rows), 3);
    },
    /行数远超/,
  ],
  "cells.xls": [
    () => {
      const blanks = Array.from({ length: 4200 }, (_, r) => {
        const d = Buffer.alloc(6 + 256 * 2);
        d.writeUInt16LE(1000 + r, 0);
        d.writeUInt16LE(0, 2);
        d.writeUInt16LE(255, 4 + 256 * 2);
        return rec(T.MULBLANK, d);
      });
      return xls(withCells(book(), blanks));
    },
    /单元格数远超/,
  ],
  // One value at the sheet's far corner, the sheet listed 200 times: 13 million rows to lay out.
  "far-corner.xls": [
    () =>
      aliased(
        withCells(book(), [rec(T.NUMBER, Buffer.concat([cellHead(65_535, 255), Buffer.alloc(8)]))]),
        200
      ),
    /范围远超/,
  ],
  "sheets.xls": [() => aliased(book(), 10_001, true), /工作表超过/],
};

describe("hostile .xls files", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-bad-xls-"));
  const goodFile = path.join(dir, "岭兜村.xls");

  beforeAll(async () => {
    const t = getTemplate("nanan-2026-quarterly-1")!;
    const books = await Promise.all(
      ["金淘镇朴里村", "金淘镇岭兜村"].map((unit, i) => {
        const f = filledSheet(t, { seed: 90 + i, unit, rowTypes: ["village"] });
        return layoutsToXlsx([{ ...f.layout, grid: f.grid }]);
      })
    );
    [village, good] = saveAsXls(books);
    writeFileSync(goodFile, good);
    for (const [name, [make]] of Object.entries(FILES)) writeFileSync(path.join(dir, name), make());
  }, 300_000);

  it("the crafting keeps a file whole: taken apart and put back, it reads as LibreOffice wrote it", async () => {
    expect(await readGrids(xls(book()), "x.xls")).toEqual(await readGrids(village, "x.xls"));
  });

  it.each(Object.keys(FILES))(
    "%s: check, stamp and consolidate give one zh line within 10 s and 500 MB; the good village is still read",
    (name) => {
      const [, says] = FILES[name];
      const bad = path.join(dir, name);
      const check = srs(["check", "--json", bad, goodFile], TEN_S);
      bounded(check);
      expect(check.code).toBe(2);
      const [file, other] = JSON.parse(check.out).files;
      expect(file.error).toMatch(says);
      expect(file.error).not.toMatch(/\n|at .*\(|Error/);
      expect(other.error).toBeUndefined();
      expect(other.sheets[0].template.id).toBe("nanan-2026-quarterly-1");

      const out = path.join(dir, `${name}.stamped.xlsx`);
      const stamp = srs(["stamp", bad, "--period", "2026Q4", "-o", out], TEN_S);
      bounded(stamp);
      expect(stamp.code).toBe(2);
      expect(stamp.err).toMatch(says);
      expect(existsSync(out)).toBe(false);

      const summary = path.join(dir, `${name}.summary.xlsx`);
      const consolidate = srs(["consolidate", "--json", bad, goodFile, "-o", summary], TEN_S);
      bounded(consolidate);
      expect(consolidate.code).toBe(2);
      const json = JSON.parse(consolidate.out);
      expect(json.unreadable[0].error).toMatch(says);
      expect(json.children.map((l: { status: string }) => l.status)).toContain("included");
    }
  );
});
