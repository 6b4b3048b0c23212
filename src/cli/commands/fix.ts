/**
 * srs check FILE --fix -o OUT.xlsx: a copy of the file with every certain fix applied (numbers
 * stored as text, full-width digits, 1,200 and 3家 written as numbers; blanks and 无 as 0, or a
 * total as its parts' sum), each cell keeping its style, and a list of what changed. The input is
 * never written.
 */
import { type CheckOptions, checkGrids } from "../../rules/check";
import { ruleTitle } from "../../rules/checks";
import { certainFixes } from "../../rules/fix";
import { type CellValue, cellAt, fromA1, gridCellOf } from "../../rules/grid";
import { openWorkbook, readGrids } from "../../workbook/xlsx/read";
import { writeNumberCells } from "../../workbook/xlsx/text-cells";
import { readInput, writeAtomic, writtenAsXlsx, xlsxPath } from "../io";
import {
  type FileReport,
  summarizeSheets,
  toJson as checkJson,
  toText as checkText,
} from "./check";

export interface Change {
  sheet: string;
  cell: string;
  /** What the cell held, as read. */
  from: CellValue;
  to: number;
  /** The rule whose fix it is, and its words. */
  rule: string;
  title: string;
}

export interface Fixed {
  /** The copy's own check. */
  report: FileReport;
  changes: Change[];
  /** Fixes not written: the cell holds a formula, which only its author should change. */
  kept: Change[];
}

export async function fixFile(
  file: string,
  out: string,
  options: CheckOptions = {}
): Promise<Fixed> {
  // An .xls or .et is fixed in the .xlsx SRS writes in its place (openWorkbook), and said so.
  const { grids, bytes, was } = await openWorkbook(readInput(file), file);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const fixes = certainFixes(checkGrids(grids, options).flatMap((r) => r.findings));
  const changes: Change[] = fixes
    .filter((f) => typeof f.value === "number")
    .map((f) => {
      const grid = byName.get(f.sheet)!;
      const at = gridCellOf(grid, f.cell);
      return {
        sheet: f.sheet,
        cell: f.cell,
        from: cellAt(grid, at.row, at.col),
        to: f.value as number,
        rule: f.finding.rule,
        title: ruleTitle(f.finding.rule),
      };
    });
  const written = writeNumberCells(
    bytes,
    changes.map((c) => ({ sheet: c.sheet, ...fromA1(c.cell), value: c.to }))
  );
  const target = was ? xlsxPath(out) : out;
  await writeAtomic(target, written.xlsx, [file]);
  const kept = new Set(written.kept.map((k) => `${k.sheet}!${k.row},${k.col}`));
  const isKept = (c: Change) => {
    const { row, col } = fromA1(c.cell);
    return kept.has(`${c.sheet}!${row},${col}`);
  };
  const copy = await readGrids(written.xlsx, target);
  return {
    report: {
      file: target,
      ...(was && { note: writtenAsXlsx(file, was, target) }),
      sheets: summarizeSheets(checkGrids(copy, options)),
    },
    changes: changes.filter((c) => !isKept(c)),
    kept: changes.filter(isKept),
  };
}

const shown = (v: CellValue) => (v === null ? "空白" : `“${String(v)}”`);

export function fixText(r: Fixed): string {
  const lines = [
    r.changes.length
      ? `已写出 ${r.report.file}，改了 ${r.changes.length} 格：`
      : `已写出 ${r.report.file}：没有可以确定的修正，内容与原文件相同`,
    ...r.changes.map((c) => `  [${c.sheet}] ${c.cell}：${shown(c.from)} → ${c.to}（${c.title}）`),
    ...(r.kept.length
      ? [
          `未改 ${r.kept.length} 格（是公式，请在 Excel 中修改）：`,
          ...r.kept.map(
            (c) => `  [${c.sheet}] ${c.cell}：${shown(c.from)} 应为 ${c.to}（${c.title}）`
          ),
        ]
      : []),
    "修正后的检查：",
    checkText([r.report]),
  ];
  return lines.join("\n");
}

export const fixJson = (r: Fixed) => ({
  output: r.report.file,
  changes: r.changes,
  kept: r.kept,
  ...checkJson([r.report]),
});
