/** A clerk's file as SRS's blank template makes it, typed into: the form's own styles, validation and protection kept. */
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { unlockedCells } from "../../src/rules/layout/protection";
import type { FillOptions } from "../../src/rules/sample/filled";
import type { Template } from "../../src/rules/templates/schema";
import {
  partText,
  setPartText,
  sheetParts,
  unzipParts,
  zipParts,
} from "../../src/workbook/xlsx/parts";
import { writeTextCells } from "../../src/workbook/xlsx/text-cells";
import { templatesToXlsx } from "../../src/workbook/xlsx/write-layout";
import { Sheet } from "./filled";

/** The template filled correctly (sample numbers), then changed; typed into its own cells, nothing else touched. */
export async function typedInto(
  t: Template,
  change: (s: Sheet) => void = () => {},
  options: FillOptions = {}
): Promise<Uint8Array> {
  const sheet = new Sheet(t.id, options);
  change(sheet);
  const layout = blankTemplate(t);
  // The clerk types into the cells left unlocked: the header lines and the data cells.
  const edits = unlockedCells(t, layout).flatMap(({ row, col }) => {
    const v = sheet.grid.values[row]?.[col];
    return v === null || v === undefined
      ? []
      : [{ sheet: layout.grid.name, row, col, value: String(v) }];
  });
  const parts = unzipParts(writeTextCells(await templatesToXlsx([t]), edits));
  const part = sheetParts(parts)[0].part;
  // Written as text first (text-cells.ts keeps each cell's style); a number is typed as one.
  setPartText(
    parts,
    part,
    partText(parts, part)!.replace(
      /<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t xml:space="preserve">(\d+(?:\.\d+)?)<\/t><\/is><\/c>/g,
      '<c r="$1"$2><v>$3</v></c>'
    )
  );
  return zipParts(parts);
}
