/** srs return FILE... -o DIR: for each unit's file, the marked copy and the message to paste. */
import { mkdirSync } from "fs";
import path from "path";
import { checkGrids } from "../../rules/check";
import { fileStem } from "../../rules/file-names";
import { returnNotice } from "../../rules/review/return";
import { markedCopy } from "../../workbook/xlsx/marked-copy";
import { openWorkbook } from "../../workbook/xlsx/read";
import { UsageError } from "../args";
import { freeStem, readInput, writeAtomic, writtenAsXlsx } from "../io";
import { reason } from "./check";

export interface ReturnResult {
  file: string;
  error?: string;
  unit?: string;
  /** Written: the marked .xlsx and the message beside it; absent when nothing is wrong. */
  xlsx?: string;
  txt?: string;
  message?: string;
  /** An .xls or .et: its marked copy is an .xlsx, said in one line. */
  note?: string;
}

export async function returnFiles(files: string[], dir: string): Promise<ReturnResult[]> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UsageError(
      `无法在 ${dir} 建立文件夹（-o 给的是文件夹；它是已有的文件，或没有写入权限）`
    );
  }
  const out: ReturnResult[] = [];
  // Two files of one unit (its 季报表（一） and （二）), or names that clean alike (朴里村/一组,
  // 朴里村?一组), each get their own names; nothing already in the folder is written over.
  const taken = new Set<string>();
  for (const file of files) {
    let opened;
    try {
      opened = await openWorkbook(readInput(file), file);
    } catch (e) {
      out.push({ file, error: reason(e) });
      continue;
    }
    const r = returnNotice(checkGrids(opened.grids), path.basename(file, path.extname(file)));
    if (!r.items.length) {
      out.push({ file, unit: r.unit });
      continue;
    }
    // The unit's own file, marked (an .xls or .et: the .xlsx SRS writes in its place).
    const xlsx = markedCopy(opened.bytes, r);
    const stem = path.join(
      dir,
      freeStem(dir, `${fileStem(r.unit)}-退回`, [".xlsx", ".txt"], taken)
    );
    await writeAtomic(`${stem}.xlsx`, xlsx, files, true);
    await writeAtomic(`${stem}.txt`, new TextEncoder().encode(r.message + "\n"), files, true);
    out.push({
      file,
      unit: r.unit,
      xlsx: `${stem}.xlsx`,
      txt: `${stem}.txt`,
      message: r.message,
      ...(opened.was && { note: writtenAsXlsx(file, opened.was, `${stem}.xlsx`) }),
    });
  }
  return out;
}

export function returnText(results: ReturnResult[]): string {
  return results
    .map((r) =>
      r.error
        ? `== ${r.file}\n  无法读取：${r.error}`
        : r.xlsx
          ? `== ${r.file}\n  已写出 ${r.xlsx} 和 ${r.txt}${r.note ? `\n  ${r.note}` : ""}\n${r.message}`
          : `== ${r.file}\n  ${r.unit}：未发现问题，无需退回`
    )
    .join("\n");
}
