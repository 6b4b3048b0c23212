/**
 * 审核说明: a clerk's reason why a warning (提示) is right after all (rectifications can outnumber
 * the hazards found this period). Kept in the workbook, on a hidden sheet every spreadsheet keeps
 * (Excel, WPS and LibreOffice all drop custom XML parts they do not know), one row an
 * explanation. SRS knows that sheet by its marker, never by its name. An error (强制性) cannot
 * be explained away: it can only be corrected.
 */
import type { Finding } from "../finding";
import { type CellValue, type Grid } from "../grid";
import { isOwnSheet, OWN_SHEETS } from "../own-sheets";

const { name, marker } = OWN_SHEETS.explanations;
const HEADER = ["工作表", "单元格", "规则", "说明", "时间", "所说明的提示"];
/** Sheets written before explanations named their warning have the first five columns. */
const FIRST_HEADER = HEADER.slice(0, 5);
/** A reason is a sentence, not a document. */
const MAX_REASON = 200;

export interface Explanation {
  sheet: string;
  cell: string;
  /** The rule whose warning it explains (a cell may carry two warnings). */
  rule: string;
  reason: string;
  /** When it was written: "2026-12-01 20:30". */
  time: string;
  /**
   * The warning's message when it was explained ("…是上期的 4 倍…"): the explanation holds while
   * the warning reads the same, not once the number changes. Absent in sheets written before.
   */
  about?: string;
}

/** `L7`, `$L$7`, `Sheet!L7` or `'朴里 村'!L7` → the sheet (when given) and the cell, upper-cased. */
export function parseCellRef(text: string): { sheet?: string; cell: string } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const cell = `${m[3].toUpperCase()}${Number(m[4])}`;
  return sheet === undefined ? { cell } : { sheet, cell };
}

/** One line, no control characters, at most MAX_REASON characters. */
export function cleanReason(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
      .trim()
      .slice(0, MAX_REASON)
  );
}

/** The hidden sheet's contents: a title carrying the marker, the header, a row an explanation. */
export function explanationsGrid(list: Explanation[]): Grid {
  const values: CellValue[][] = [
    [`审核说明（${marker}）：填报单位对提示的说明，由 SRS 维护，请勿修改`],
    HEADER,
    ...list.map((e) => [e.sheet, e.cell, e.rule, e.reason, e.time, e.about ?? null]),
  ];
  return { name, values, merges: [] };
}

/** The explanations a workbook carries: the sheet holding the marker, whatever it is called. */
export function readExplanations(
  grids: Grid[]
): { sheet: string; list: Explanation[] } | undefined {
  const grid = grids.find((g) => isOwnSheet(g, "explanations"));
  if (!grid) return undefined;
  const head = grid.values.findIndex((r) => FIRST_HEADER.every((h, i) => r[i] === h));
  const list: Explanation[] = [];
  for (const r of head < 0 ? [] : grid.values.slice(head + 1)) {
    const s = (i: number) => (r[i] === null || r[i] === undefined ? "" : String(r[i]));
    const at = parseCellRef(s(1));
    const reason = cleanReason(s(3));
    if (s(0) && at && s(2) && reason)
      list.push({
        sheet: s(0),
        cell: at.cell,
        rule: s(2),
        reason,
        time: s(4),
        ...(s(5) ? { about: s(5) } : {}),
      });
  }
  return { sheet: grid.name, list };
}

const explains = (e: Explanation, f: Finding) =>
  f.severity === "warning" && e.sheet === f.sheet && e.cell === f.cell && e.rule === f.rule;

/**
 * The findings, each warning an explanation covers carrying its reason; errors never do. An
 * explanation written when the warning read otherwise (a jump explained at 4× now 30×) no longer
 * covers it: the warning is open again, its earlier reason beside it.
 */
export function applyExplanations(findings: Finding[], list: Explanation[] = []): Finding[] {
  if (list.length === 0) return findings;
  return findings.map((f) => {
    const e = list.find((x) => explains(x, f));
    if (!e) return f;
    return e.about === undefined || e.about === f.message
      ? { ...f, explained: e.reason }
      : { ...f, explainedBefore: e.reason };
  });
}

export type ExplainResult =
  { ok: true; list: Explanation[]; explained: Finding[] } | { ok: false; reason: string };

/**
 * Explains the warnings at one cell of one sheet (every warning there: a cell may carry two),
 * replacing an earlier explanation of the same warning. Refused, with the reason in one line,
 * for an empty reason, a cell with no finding, and a cell whose findings are all errors.
 */
export function addExplanation(
  findings: Finding[],
  list: Explanation[],
  at: { sheet: string; cell: string },
  text: string,
  time: string
): ExplainResult {
  const reason = cleanReason(text);
  const where = `“${at.sheet}”${at.cell}`;
  if (!reason) return { ok: false, reason: `${where}：请写明说明的理由` };
  const here = findings.filter(
    (f) => f.sheet === at.sheet && (f.cell === at.cell || f.cells.includes(at.cell))
  );
  const warnings = here.filter((f) => f.severity === "warning");
  if (warnings.length === 0)
    return {
      ok: false,
      reason: here.length
        ? `${where}是强制性错误（${here[0].message}〔${here[0].source}〕），不能说明，只能改正`
        : `${where}没有提示，无需说明`,
    };
  const added = warnings.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    rule: f.rule,
    reason,
    time,
    about: f.message,
  }));
  const kept = list.filter(
    (e) => !added.some((a) => a.sheet === e.sheet && a.cell === e.cell && a.rule === e.rule)
  );
  return {
    ok: true,
    list: [...kept, ...added],
    explained: warnings.map((f) => ({ ...f, explained: reason })),
  };
}

/** "已说明：…", the words every face shows beside an explained warning. */
export const explainedWords = (f: Finding) => (f.explained ? `已说明：${f.explained}` : "");

/** Beside a warning whose explanation was written for another value: its earlier reason. */
export const staleWords = (f: Finding) =>
  f.explainedBefore
    ? `原说明针对的是另一数值，请重新核实或说明（原说明：${f.explainedBefore}）`
    : "";
