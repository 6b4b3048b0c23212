/**
 * The CLI unpacks with node's zlib (src/cli/zlib.ts), the page with fflate: a file must get the
 * same verdict and the same parts either way — honest, lying about its sizes, truncated or with
 * its deflate data damaged.
 */
import { nodeInflate } from "../../src/cli/zlib";
import { sniffWorkbook, useNativeInflate } from "../../src/workbook/xlsx/sniff";
import { readGrids } from "../../src/workbook/xlsx/read";
import { crafted, SHEET, village } from "../helpers/hostile";
import { pack, zip } from "../helpers/zip";

afterEach(() => useNativeInflate(undefined));

/** What sniffing and reading give: the parts handed over and the grids, or the one-line reason. */
async function outcome(bytes: Uint8Array, native: boolean) {
  useNativeInflate(native ? nodeInflate : undefined);
  try {
    const sniffed = await sniffWorkbook(bytes, "x.xlsx", true);
    const parts = Object.fromEntries(
      Object.entries(sniffed.parts).map(([k, v]) => [k, Buffer.from(v).toString("base64")])
    );
    return { parts, grids: await readGrids(bytes, "x.xlsx") };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

const same = async (bytes: Uint8Array) =>
  expect(await outcome(bytes, true)).toEqual(await outcome(bytes, false));

it("reads a report, and each crafted file, as fflate does", async () => {
  const report = await village("朴里村", 3);
  await same(report);
  for (const make of Object.values(crafted)) await same(await make(report));
});

it("refuses a part that lies about its size, or whose data is damaged, as fflate does", async () => {
  const sheet = Buffer.from(
    `<worksheet><sheetData>${Array.from({ length: 40 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("")}</sheetData></worksheet>`
  );
  const packed = pack(sheet);
  const workbook = { name: "xl/workbook.xml", ...pack(Buffer.from("<workbook/>")) };
  const cases: Buffer[] = [
    zip([workbook, { name: SHEET, ...packed }]),
    // Declared smaller or larger than it unpacks to.
    zip([workbook, { name: SHEET, ...packed, declared: sheet.length - 1 }]),
    zip([workbook, { name: SHEET, ...packed, declared: sheet.length + 100 }]),
    // Cut short.
    zip([workbook, { name: SHEET, packed: packed.packed.subarray(0, 20), size: sheet.length }]),
  ];
  // A byte of the packed data changed, at every position.
  for (let at = 0; at < packed.packed.length; at++) {
    const damaged = Buffer.from(packed.packed);
    damaged[at] ^= 0x5a;
    cases.push(zip([workbook, { name: SHEET, packed: damaged, size: sheet.length }]));
  }
  const verdicts = new Set<string>();
  for (const c of cases) {
    await same(new Uint8Array(c));
    const o = await outcome(new Uint8Array(c), true);
    verdicts.add(o.refused ?? "read");
  }
  // A broken stream or a lying size, XML the damage garbled, and files unpacked whole (their
  // workbook lists no sheet): each way is met.
  expect(verdicts.size).toBeGreaterThanOrEqual(3);
});
