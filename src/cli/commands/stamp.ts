/** srs stamp FILE --period P [--date D] [--unit U --filler F --phone T] -o OUT.xlsx */
import { parseDay, type Period } from "../../rules/period";
import { readNotes } from "../../rules/consolidation/notes";
import { type Recognized, recognizeSheet } from "../../rules/recognize";
import { cycleOf } from "../../rules/period";
import { stampSheetEdits, type StampInput } from "../../rules/stamp";
import { openWorkbook } from "../../workbook/xlsx/read";
import { withoutMacros } from "../../workbook/xlsx/macros";
import { writeTextCells, type TextEdit } from "../../workbook/xlsx/text-cells";
import { UsageError } from "../args";
import { readInput, writeAtomic, writtenAsXlsx, xlsxPath } from "../io";
import { today } from "../../workbook/today";

export async function stampFile(
  file: string,
  out: string,
  period: Period,
  options: { date?: string; profile?: StampInput["profile"] }
) {
  const date = options.date === undefined ? today() : parseDay(options.date);
  if (!date) throw new UsageError(`无法识别日期“${options.date}”，请写成 2026-12-20`);
  // Read as every route reads it (the same verdict); its parts are then edited, not re-written.
  const opened = await openWorkbook(readInput(file), file);
  const { grids } = opened;
  // A renamed .xlsm would be written as an .xlsx Excel refuses: its macros are taken out.
  const { bytes, removed } = withoutMacros(opened.bytes);
  const stamped: string[] = [];
  const edits: TextEdit[] = [];
  // In a consolidated workbook only the summaries are the township's: a copied village sheet
  // keeps its own header, or its next re-send would no longer be matched to its village.
  const notes = readNotes(grids);
  for (const grid of grids) {
    if (notes && !notes.summaries.includes(grid.name)) continue;
    // Every table on the sheet has its own header and its own 统计口径 line.
    const recs = recognizeSheet(grid);
    const periodic = (rec: Recognized) => cycleOf(rec.template) !== undefined;
    for (const rec of recs) {
      if (rec.kind === "none" || !periodic(rec)) continue;
      if (cycleOf(rec.template) !== period.cycle)
        throw new UsageError(
          `工作表“${grid.name}”是${rec.template.shortTitle}，报告期应写成${period.cycle === "quarter" ? "月份，如 2024-05" : "季度，如 2026Q4"}`
        );
      if (!stamped.includes(grid.name)) stamped.push(grid.name);
    }
    for (const e of stampSheetEdits(recs, { period, date, profile: options.profile }, periodic))
      edits.push({ sheet: grid.name, ...e });
  }
  if (stamped.length === 0) throw new UsageError("文件中没有可盖章的季报表或月报表");
  // Only the stamped cells change: the rest of the user's workbook is kept as saved.
  // An .xls or .et is stamped as the .xlsx SRS writes in its place (openWorkbook), and said so.
  const written = opened.was ? xlsxPath(out) : out;
  await writeAtomic(written, writeTextCells(bytes, edits), [file]);
  return {
    stamped,
    macrosRemoved: removed,
    written,
    ...(opened.was && { note: writtenAsXlsx(file, opened.was, written) }),
  };
}
