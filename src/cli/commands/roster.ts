/** srs roster --from FILE... -o 名册.xlsx, and reading the roster given to srs consolidate. */
import path from "path";
import { draftRoster } from "../../rules/consolidation/draft-roster";
import {
  csvGrid,
  type Roster,
  rosterFromGrid,
  rosterSheet,
} from "../../rules/consolidation/roster";
import type { Source } from "../../rules/consolidation/plan";
import { fileSources } from "../../rules/consolidation/sources";
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
  if (/\.csv$/i.test(file))
    grids = [csvGrid(path.basename(file), new TextDecoder("utf-8").decode(bytes))];
  else
    try {
      grids = await readGrids(bytes, file);
    } catch (e) {
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
