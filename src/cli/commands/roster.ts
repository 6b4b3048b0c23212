/** srs roster --from FILE... -o 名册.xlsx, and reading the roster given to srs consolidate. */
import path from "path";
import { draftRoster } from "../../rules/consolidation/draft-roster";
import {
  csvGrid,
  type Roster,
  MAX_ROSTER_UNITS,
  rosterFromGrid,
  rosterSheet,
  TOO_MANY_UNITS,
} from "../../rules/consolidation/roster";
import type { Source } from "../../rules/consolidation/plan";
import { fileSources } from "../../rules/consolidation/sources";
import { csvText } from "../../workbook/csv-text";
import { readGrids } from "../../workbook/xlsx/read";
import { addGridSheet, toXlsx } from "../../workbook/xlsx/write-workbook";
import { UsageError } from "../args";
import { readInput, writeAtomic } from "../io";
import { reason } from "./check";

/** The roster in an .xlsx (its 单位名册 sheet, or the first that is one) or a .csv. */
export async function readRoster(file: string): Promise<Roster> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(file);
  } catch (e) {
    throw new UsageError(`无法读取单位名册 ${file}：${reason(e)}`);
  }
  let grids;
  try {
    if (/\.csv$/i.test(file)) {
      const text = csvText(bytes);
      // Bounded before it is parsed: a line a unit, and some to spare for blank lines.
      if (lineCount(text) > 2 * MAX_ROSTER_UNITS) throw new UsageError(TOO_MANY_UNITS);
      grids = [csvGrid(path.basename(file), text)];
    } else grids = await readGrids(bytes, file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法读取单位名册 ${file}：${reason(e)}`);
  }
  let first: string | undefined;
  for (const g of grids) {
    const r = rosterFromGrid(g);
    if (!("error" in r)) return r;
    first ??= r.error;
  }
  throw new UsageError(`单位名册 ${file} 不可用：${first ?? "文件中没有工作表"}`);
}

/** srs roster: a draft roster from the reports received, to be checked and completed. */
export async function draftRosterFile(files: string[], out: string) {
  const sources: Source[] = [];
  let unreadable = 0;
  const lines: string[] = [];
  for (const file of files) {
    try {
      const grids = await readGrids(readInput(file), file);
      sources.push(...fileSources(grids, { origin: path.basename(file) }).sources);
    } catch (e) {
      unreadable++;
      lines.push(`  无法读取：${file}：${reason(e)}`);
    }
  }
  const entries = draftRoster(sources);
  // Nothing read: each file's own reason, not a guess at what was in them.
  if (entries.length === 0 && unreadable === files.length)
    return { unreadable, text: ["没有可读取的报表，未写出名册", ...lines].join("\n") };
  if (entries.length === 0)
    throw new UsageError("收到的文件中没有填了“填报单位”的报表，无法起草单位名册");
  await writeAtomic(out, await toXlsx((wb) => addGridSheet(wb, rosterSheet(entries))), files);
  const untyped = entries.filter((e) => !e.type).map((e) => e.unit);
  return {
    unreadable,
    text: [
      `已写出 ${out}：${entries.length} 个单位（名册草稿，请补上未报送的单位并核对单位类型）`,
      ...(untyped.length ? [`  单位类型待填：${untyped.join("、")}`] : []),
      ...lines,
    ].join("\n"),
  };
}

function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) n++;
  return n;
}
