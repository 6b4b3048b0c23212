/**
 * Files no report could be. Each ends with exit status 2 and one clear line, within 10 s and
 * 500 MB of memory (measured: the spawned process's peak RSS; helpers/hostile.ts `bounded`), and
 * leaves no output file behind.
 */
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { getTemplate } from "../../src/rules/templates/catalog";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";
import { bounded, srs } from "../helpers/hostile";
import { pack, packZeros, type Packed, zip } from "../helpers/zip";

const TEN_S = { guard: 10_000 };

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SHEET = "xl/worksheets/sheet1.xml";
/** 1 GB of zeros packs into about 1 MB. */
let zeros: Packed;

/** Each bad file, and what its one line must say. */
const FILES: Record<string, [() => Promise<Buffer>, RegExp]> = {
  "empty.xlsx": [async () => Buffer.alloc(0), /空/],
  "not-a-zip.xlsx": [async () => Buffer.from("这不是表格"), /不是 Excel 工作簿/],
  "truncated.xlsx": [
    async () => {
      const whole = Buffer.from(
        await layoutsToXlsx([blankTemplate(getTemplate("nanan-2026-quarterly-1")!)])
      );
      return whole.subarray(0, whole.length >> 1);
    },
    /损坏/,
  ],
  "old.xls": [async () => Buffer.concat([OLE, Buffer.alloc(504)]), /\.xls/],
  "password.xlsx": [
    async () => Buffer.concat([OLE, Buffer.from("EncryptedPackage", "utf16le")]),
    /密码/,
  ],
  // A zip bomb that says in its headers what it unpacks to…
  "bomb.xlsx": [async () => zip([{ name: SHEET, ...zeros }]), /超过/],
  // …and one that claims 1 KB: the parser would unpack all of it into memory.
  "lying-bomb.xlsx": [async () => zip([{ name: SHEET, ...zeros, declared: 1024 }]), /损坏/],
  // A sheet with every one of Excel's 1,048,576 rows.
  "million-rows.xlsx": [
    async () => {
      const rows = Array.from(
        { length: 1_048_576 },
        (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`
      );
      return zip([
        {
          name: SHEET,
          ...pack(Buffer.from(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`)),
        },
      ]);
    },
    /过大/,
  ],
};

describe("bad files", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-bad-"));

  // Packing 1 GB and writing a million rows takes some seconds, several on a slow CI machine.
  beforeAll(async () => {
    zeros = await packZeros(1024 ** 3);
    for (const [name, [make]] of Object.entries(FILES))
      writeFileSync(path.join(dir, name), await make());
  }, 180_000);

  it.each(Object.keys(FILES))(
    "%s: check, stamp and consolidate exit 2 with one clear line, within 10 s and 500 MB, no output file",
    (name) => {
      const [, says] = FILES[name];
      const check = srs(["check", "--json", path.join(dir, name)], TEN_S);
      bounded(check);
      expect(check.code).toBe(2);
      const [file] = JSON.parse(check.out).files;
      expect(file.error).toMatch(says);
      expect(file.error).not.toMatch(/\n|at .*\(/);

      const out = path.join(dir, `${name}.stamped.xlsx`);
      const stamp = srs(["stamp", path.join(dir, name), "--period", "2026Q4", "-o", out], TEN_S);
      bounded(stamp);
      expect(stamp.code).toBe(2);
      expect(stamp.err).toMatch(says);
      expect(existsSync(out)).toBe(false);

      const summary = path.join(dir, `${name}.summary.xlsx`);
      const consolidate = srs(
        ["consolidate", "--json", path.join(dir, name), "-o", summary],
        TEN_S
      );
      bounded(consolidate);
      expect(consolidate.code).toBe(2);
      expect(JSON.parse(consolidate.out).unreadable[0].error).toMatch(says);
      expect(existsSync(summary)).toBe(false);
    }
  );
});
