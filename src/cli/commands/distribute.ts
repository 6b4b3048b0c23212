/** srs distribute --roster 名册.xlsx --period P [--template ID] -o DIR: a stamped blank table for each unit. */
import { existsSync, mkdirSync } from "fs";
import path from "path";
import {
  blankStamp,
  distributionTemplates,
  planDistribution,
} from "../../rules/consolidation/distribute";
import { formatPeriod, type Period } from "../../rules/period";
import { withAddinReference } from "../../workbook/addin-part";
import { writeTextCells } from "../../workbook/xlsx/text-cells";
import { templatesToXlsx } from "../../workbook/xlsx/write-layout";
import { UsageError } from "../args";
import { writeAtomic } from "../io";
import { readRoster } from "./roster";

export async function distributeCommand(
  rosterFile: string,
  period: Period,
  id: string | undefined,
  dir: string
): Promise<string> {
  const chosen = distributionTemplates(period, id);
  if ("error" in chosen) throw new UsageError(chosen.error);
  const roster = await readRoster(rosterFile);
  // Nothing in the folder is written over: a name already there takes the next (2), (3)….
  const plan = planDistribution(roster, period, chosen.templates, (f) =>
    existsSync(path.join(dir, f))
  );
  if (plan.copies.length === 0)
    throw new UsageError(`单位名册中没有适用的单位：${plan.skipped[0]?.reason ?? ""}`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UsageError(
      `无法在 ${dir} 建立文件夹（-o 给的是文件夹；它是已有的文件，或没有写入权限）`
    );
  }
  // Each table's blank is written once a row it is for, then stamped for each unit as srs stamp would.
  const blanks = new Map<string, Uint8Array>();
  for (const c of plan.copies) {
    const key = `${c.template.id}|${c.row ?? ""}`;
    if (!blanks.has(key))
      blanks.set(key, withAddinReference(await templatesToXlsx([c.template], c.row)));
    const { sheet, edits } = blankStamp(c.template, c.unit, period);
    const bytes = writeTextCells(
      blanks.get(key)!,
      edits.map((e) => ({ sheet, ...e }))
    );
    await writeAtomic(path.join(dir, c.file), bytes, [rosterFile], true);
  }
  return [
    `已写出 ${plan.copies.length} 个文件到 ${dir}（${formatPeriod(period)}，${chosen.templates.map((t) => t.shortTitle).join("、")}）：`,
    ...plan.copies.map((c) => `  ${c.unit}：${c.file}`),
    ...plan.skipped.map((s) => `  未下发：${s.unit}（${s.reason}）`),
  ].join("\n");
}
