/**
 * The text of a CSV file as Excel and WPS save one: UTF-8 (with or without its mark), UTF-16
 * (Excel's "Unicode text", with its mark), or, in a zh-CN Excel, the system's code page GBK
 * (read as GB18030, which contains it). TextDecoder knows them all in node and in browsers.
 */
import { UnreadableFile } from "./xlsx/budget";

export function csvText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the zh-CN code page.
  }
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFile(
      "CSV 文件的编码无法识别（不是 UTF-8、UTF-16 或 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再试"
    );
  }
}
