/** srs check FILE --explain CELL=TEXT… -o OUT.xlsx: a copy of the file carrying the clerk's 审核说明. */
import { type CheckOptions, checkGrids } from "../../rules/check";
import {
  addExplanation,
  applyExplanations,
  parseCellRef,
  readExplanations,
} from "../../rules/review/explanations";
import { nowText } from "../../workbook/today";
import { putExplanations } from "../../workbook/xlsx/explanations";
import { loadWorkbook, openWorkbook } from "../../workbook/xlsx/read";
import { UsageError } from "../args";
import { readInput, writeAtomic, writtenAsXlsx, xlsxPath } from "../io";
import { type FileReport, summarizeSheets } from "./check";

/**
 * Explains the warnings each `CELL=TEXT` names, writes the explained copy to `out` (never over
 * the input), and returns the copy's check. Any request refused (no warning there, an error, no
 * such sheet) refuses the whole run with its reason, and nothing is written.
 */
export async function explainFile(
  file: string,
  out: string,
  requests: string[],
  options: CheckOptions = {}
): Promise<FileReport> {
  // Read as every route reads it (the same verdict); exceljs writes the copy.
  const { grids, bytes, was } = await openWorkbook(readInput(file), file);
  const reports = checkGrids(grids, options);
  const findings = reports.flatMap((r) => r.findings);
  const notes = readExplanations(grids);
  let list = notes?.list ?? [];
  const time = nowText();
  for (const request of requests) {
    const eq = request.indexOf("=");
    const at = eq > 0 ? parseCellRef(request.slice(0, eq)) : undefined;
    if (!at)
      throw new UsageError(
        `--explain 写成 单元格=说明，如 L7=本期整改了上期发现的隐患（收到“${request}”）`
      );
    const reportSheets = reports.filter((r) => r.recognition.kind !== "none").map((r) => r.sheet);
    const sheet = at.sheet ?? (reportSheets.length === 1 ? reportSheets[0] : undefined);
    if (sheet === undefined)
      throw new UsageError(
        `${file} 有 ${reportSheets.length} 张报表，请写明工作表，如 --explain "'${reportSheets[0] ?? "Sheet1"}'!${at.cell}=…"`
      );
    if (!reports.some((r) => r.sheet === sheet))
      throw new UsageError(`${file} 中没有名为“${sheet}”的工作表`);
    const r = addExplanation(findings, list, { sheet, cell: at.cell }, request.slice(eq + 1), time);
    if (!r.ok) throw new UsageError(r.reason);
    list = r.list;
  }
  const wb = await loadWorkbook(bytes, file);
  putExplanations(wb, notes?.sheet, list);
  const written = was ? xlsxPath(out) : out;
  await writeAtomic(written, new Uint8Array(await wb.xlsx.writeBuffer()), [file]);
  return {
    file: written,
    ...(was && { note: writtenAsXlsx(file, was, written) }),
    sheets: summarizeSheets(
      reports.map((r) => ({ ...r, findings: applyExplanations(r.findings, list) }))
    ),
  };
}
