/** srs consolidate FILE... -o OUT.xlsx [--values] [--json] */
import path from "path";
import { checkRecognized } from "../../rules/check";
import { type Child, consolidate, NOTES_SHEET, previousUnits } from "../../rules/consolidate";
import type { Grid } from "../../rules/grid";
import { recognize } from "../../rules/recognize";
import { uniqueSheetName } from "../../rules/sheet-names";
import { readGrids } from "../../workbook/xlsx/read";
import { addGridSheet, addSummarySheet, toXlsx } from "../../workbook/xlsx/write-workbook";
import { UsageError } from "../args";
import { readInput, writeAtomic } from "../io";
import { reason } from "./check";

/** No input could be read: nothing is written, and each file's reason is told. */
export class NothingReadable extends Error {
  constructor(public unreadable: { file: string; error: string }[]) {
    super("没有可读取的报表，未写出文件");
  }
}

export async function consolidateFiles(files: string[], out: string, values: boolean) {
  const taken = new Set<string>();
  const children: Child[] = [];
  const copies: Grid[] = [];
  const unreadable: { file: string; error: string }[] = [];
  let previous: string[] = [];
  for (const file of files) {
    let grids: Grid[];
    try {
      grids = await readGrids(readInput(file), file);
    } catch (e) {
      unreadable.push({ file, error: reason(e) });
      continue;
    }
    // A previous consolidation among the inputs: its 汇总说明 says who reported last time.
    const notes = grids.find((g) => g.name === NOTES_SHEET);
    if (notes) {
      previous = previousUnits(notes);
      continue;
    }
    for (const grid of grids) {
      const recognition = recognize(grid);
      const unit =
        recognition.kind === "none"
          ? ""
          : (recognition.headerFields.find((h) => h.key === "unit")?.value ?? "");
      const base =
        unit ||
        (grids.length > 1
          ? `${path.basename(file, path.extname(file))}-${grid.name}`
          : path.basename(file, path.extname(file)));
      const sheet = uniqueSheetName(base, taken);
      taken.add(sheet);
      const renamed = { ...grid, name: sheet };
      const rec = { ...recognition, sheet, grid: renamed };
      children.push({
        sheet,
        origin: path.basename(file),
        unit,
        recognition: rec,
        findings: rec.kind === "none" ? [] : checkRecognized(rec),
      });
      copies.push(renamed);
    }
  }
  if (children.length === 0 && unreadable.length) throw new NothingReadable(unreadable);
  if (children.length === 0) throw new UsageError("没有可汇总的报表");
  const result = consolidate(children, {
    previous,
    summaryName: (t) => {
      const name = uniqueSheetName(`${t.shortTitle}汇总`, taken);
      taken.add(name);
      return name;
    },
    unreadable: unreadable.map((u) => ({ origin: path.basename(u.file), reason: u.error })),
  });
  const bytes = await toXlsx((wb) => {
    for (const s of result.summaries) addSummarySheet(wb, s, values);
    addGridSheet(wb, result.notes);
    for (const g of copies) addGridSheet(wb, g);
  });
  await writeAtomic(out, bytes, files);
  return { result, unreadable };
}

export function consolidateJson(r: Awaited<ReturnType<typeof consolidateFiles>>, out: string) {
  return {
    output: out,
    summaries: r.result.summaries.map((s) => ({
      sheet: s.sheet,
      template: { id: s.template.id, title: s.template.title },
      children: s.children.map((c) => c.sheet),
    })),
    children: r.result.lines,
    unreadable: r.unreadable,
  };
}

export function consolidateText(
  r: Awaited<ReturnType<typeof consolidateFiles>>,
  out: string
): string {
  const lines = [`已写出 ${out}`];
  for (const s of r.result.summaries)
    lines.push(
      `  ${s.sheet}：汇总了 ${s.children.length} 个单位（${s.children.map((c) => c.sheet).join("、")}）`
    );
  // Unreadable files are told below, with their full path.
  for (const l of r.result.lines.filter(
    (x) => x.status !== "included" && x.status !== "unreadable"
  ))
    lines.push(`  未汇总：${l.unit || l.sheet}（${l.origin || "—"}）：${l.reason}`);
  lines.push(...unreadableLines(r.unreadable));
  return lines.join("\n");
}

export const unreadableLines = (files: { file: string; error: string }[]) =>
  files.map((u) => `  无法读取：${u.file}：${u.error}`);
