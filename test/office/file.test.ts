/** The pane's workbook file for 退回's marked copy (office/file.ts) over the documented getFileAsync. */
import { checkGrids } from "../../src/rules/check";
import { returnNotice } from "../../src/rules/review/return";
import { workbookFile } from "../../src/workbook/office/file";
import { markedCopy } from "../../src/workbook/xlsx/marked-copy";
import { readGrids } from "../../src/workbook/xlsx/read";
import { installOfficeFile } from "../helpers/office-file";
import { reviewed } from "../helpers/reviewed";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";

afterEach(() => delete (globalThis as Record<string, unknown>).Office);

test("the file comes whole from its slices, and every file is closed", async () => {
  const bytes = new Uint8Array(4_500_000).map((_, i) => (i * 7) % 251);
  const calls = installOfficeFile({ bytes });
  // Three in a row: a file left open would make the third fail (two in memory at most).
  for (let i = 0; i < 3; i++) {
    const got = await workbookFile();
    // Compared as buffers: jest's deep equality takes minutes over megabytes.
    expect(Buffer.from(got!).equals(Buffer.from(bytes))).toBe(true);
  }
  expect(calls).toEqual({ getFile: 3, closed: 3 });
});

test("no file where the host has none to give: not supported, or refused", async () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const none = installOfficeFile({ bytes, supported: false });
  expect(await workbookFile()).toBeUndefined();
  expect(none.getFile).toBe(0);
  installOfficeFile({ bytes, refuse: true });
  expect(await workbookFile()).toBeUndefined();
});

test("the pane's marked copy: the unit's sheet alone, out of the township's workbook", async () => {
  const { s, error } = reviewed();
  const unit = { ...s.grid, name: "朴里村" };
  const other = { ...s.grid, name: "岭兜村" };
  installOfficeFile({
    bytes: await toXlsx((wb) => [other, unit].forEach((g) => addGridSheet(wb, g))),
  });
  const r = returnNotice(checkGrids([unit]), "");
  const copy = markedCopy((await workbookFile())!, r, ["朴里村"]);
  const grids = await readGrids(copy);
  expect(grids.map((g) => g.name)).toEqual(["朴里村", "问题清单"]);
  expect(grids[1].values.slice(2).map((row) => row[3])).toContain(error);
});
