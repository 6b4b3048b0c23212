/** Checks every sheet of a workbook: recognize it, then run the rules that apply. */
import { type CheckOptions, listContext, tableContext } from "./checks/context";
import { workbookRoster } from "./consolidation/roster";
import { RULES } from "./checks";
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import { type Recognition, type Recognized, recognizeSheet } from "./recognize";
import { isAside } from "./own-sheets";
import { applyExplanations, readExplanations } from "./review/explanations";

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

/** What a check has done so far: the reports that are final, in sheet order, and how far it got. */
export interface CheckStep {
  reports: SheetReport[];
  /** Sheets recognized so far, of `total` (SRS's own sheets not counted). */
  checked: number;
  total: number;
  /** Every report is in: `reports` is the whole workbook's. */
  done: boolean;
}

/** A table one of whose rules reads another sheet's table: it is checked once every sheet is read. */
const readsWorkbook = (r: Recognition) =>
  r.kind !== "none" && RULES.some((rule) => rule.readsWorkbook && rule.appliesTo(r.template));

/**
 * checkGrids a few sheets at a time, for a front end that shows the first sheets' findings while
 * the rest are checked. A table whose rules read the whole workbook (a plan's targets may be on a
 * later sheet) is left out until the last step; every other report, once given, is final. The
 * last step's reports are checkGrids's.
 */
export function* checkInSteps(
  grids: Grid[],
  options: CheckOptions = {},
  sheetsPerStep = Infinity
): Generator<CheckStep> {
  const notes = readExplanations(grids);
  // The workbook's 单位名册 (a township's) gives unit types where names say none.
  const roster = options.roster ?? workbookRoster(grids);
  if (roster) options = { ...options, roster };
  const sheets = grids.filter((g) => !isAside(g));
  const recognitions: Recognition[] = [];
  const reports: (SheetReport | undefined)[] = [];
  let at = 0;
  do {
    const end = Math.min(sheets.length, at + sheetsPerStep);
    for (; at < end; at++) recognitions.push(...recognizeSheet(sheets[at]));
    const done = at === sheets.length;
    const workbook = recognitions.filter((r): r is Recognized => r.kind !== "none");
    recognitions.forEach((recognition, i) => {
      if (reports[i] || (!done && readsWorkbook(recognition))) return;
      reports[i] = {
        sheet: recognition.sheet,
        recognition,
        findings:
          recognition.kind === "none"
            ? []
            : applyExplanations(
                checkRecognized(recognition, { workbook, ...options }),
                notes?.list
              ),
      };
    });
    yield {
      reports: reports.filter((r): r is SheetReport => r !== undefined),
      checked: at,
      total: sheets.length,
      done,
    };
  } while (at < sheets.length);
}

/**
 * Every table of every sheet but SRS's own 审核说明 (whose explanations the warnings then carry)
 * and training record, and a 问题清单 a returned file came back with.
 */
export function checkGrids(grids: Grid[], options: CheckOptions = {}): SheetReport[] {
  const [all] = checkInSteps(grids, options);
  return all.reports;
}
