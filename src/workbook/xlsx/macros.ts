/**
 * A macro-enabled package inside an .xlsx (a renamed .xlsm: vbaProject.bin and the macro-enabled
 * content type) is a file Excel refuses to open as .xlsx. What SRS writes from one carries no
 * macro: the VBA project is taken out and the workbook typed as a plain workbook. Excel 4.0 macro
 * sheets are sheets of the workbook, not a part beside it: such a file is refused, not cut.
 */
import { partText, setPartText, unzipParts, zipParts } from "./parts";
import { UnreadableFile } from "./budget";

const MACRO_TYPES = /application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml/;
const PLAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const VBA = /(^|\/)vba(Project|ProjectSignature|Data)\w*\.(bin|xml)$/i;

/** The package without its VBA project (and `removed`), or the same bytes when it has none. */
export function withoutMacros(bytes: Uint8Array): { bytes: Uint8Array; removed: boolean } {
  const types =
    partText(
      unzipParts(bytes, (n) => n === "[Content_Types].xml"),
      "[Content_Types].xml"
    ) ?? "";
  if (!MACRO_TYPES.test(types) && !/vbaProject|macrosheet/i.test(types))
    return { bytes, removed: false };
  if (/macrosheet/i.test(types))
    throw new UnreadableFile(
      "文件含 Excel 4.0 宏表，SRS 不处理含宏的文件：请在 Excel 中删除宏表，另存为 .xlsx 后再试"
    );
  const parts = unzipParts(bytes);
  for (const name of Object.keys(parts)) if (VBA.test(name)) delete parts[name];
  setPartText(
    parts,
    "[Content_Types].xml",
    types
      .replace(MACRO_TYPES, PLAIN)
      .replace(/<(?:\w+:)?(?:Override|Default)\b[^>]*vbaProject[^>]*\/>/gi, "")
  );
  for (const name of Object.keys(parts).filter((n) => n.endsWith(".rels"))) {
    const rels = partText(parts, name)!;
    const kept = rels.replace(/<(?:\w+:)?Relationship\b[^>]*vba\w*[^>]*\/>/gi, "");
    if (kept !== rels) setPartText(parts, name, kept);
  }
  return { bytes: zipParts(parts), removed: true };
}
