/** Checks every sheet of a workbook: recognize it, then run the rules that apply. */
import { type CheckOptions, listContext, tableContext } from "./checks/context";
import { RULES } from "./checks";
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import { type Recognition, type Recognized, recognizeSheet } from "./recognize";
import { applyExplanations, readExplanations } from "./review/explanations";
import { isProblemList } from "./review/problem-list";
import { isPracticeRecord } from "./sample/practice-record";

export type { CheckOptions };

/** One table's report: a sheet holding several tables gives one each, in their order on the sheet. */
export interface SheetReport {
  sheet: string;
  recognition: Recognition;
  findings: Finding[];
}

export function checkRecognized(rec: Recognized, options: CheckOptions = {}): Finding[] {
  const ctx = rec.kind === "table" ? tableContext(rec, options) : listContext(rec, options);
  const findings = [...rec.findings];
  for (const rule of RULES) if (rule.appliesTo(rec.template)) findings.push(...rule.check(ctx));
  return findings;
}

/**
 * Every table of every sheet but SRS's own 审核说明 (whose explanations the warnings then carry)
 * and training record, and a 问题清单 a returned file came back with.
 */
export function checkGrids(grids: Grid[], options: CheckOptions = {}): SheetReport[] {
  const notes = readExplanations(grids);
  const recognitions = grids
    .filter((g) => g.name !== notes?.sheet && !isProblemList(g) && !isPracticeRecord(g))
    .flatMap((g) => recognizeSheet(g));
  const workbook = recognitions.filter((r): r is Recognized => r.kind !== "none");
  return recognitions.map((recognition) => ({
    sheet: recognition.sheet,
    recognition,
    findings:
      recognition.kind === "none"
        ? []
        : applyExplanations(checkRecognized(recognition, { workbook, ...options }), notes?.list),
  }));
}
