import { type CheckOptions, checkGrids, type SheetReport } from "../../rules/check";
import { ruleTitle } from "../../rules/checks";
import type { Finding } from "../../rules/finding";
import { hiddenWords } from "../../rules/grid";
import { explainedWords, staleWords } from "../../rules/review/explanations";
import { type Recognized, recognizeSheet } from "../../rules/recognize";
import { readGrids } from "../../workbook/xlsx/read";
import { UnreadableFile } from "../../workbook/xlsx/sniff";
import { readInput } from "../io";

/** What the command reports of one table on a sheet. */
export interface TableSummary {
  /** 1-based, in the sheet's order (top to bottom, then left to right). */
  table: number;
  /** The table's cells, A1: "A3:AB7". */
  range: string;
  template: { id: string; title: string };
  confidence: number;
  findings: Finding[];
}

/**
 * What the command reports of a sheet; grids are let go as soon as a file is checked. A sheet
 * holding several tables lists each in `tables`; `template` and `confidence` are its first
 * table's and `findings` every table's, as when a sheet held one table.
 */
export interface SheetSummary {
  sheet: string;
  /** A sheet the workbook hides: named so in every line about it. */
  visibility?: "hidden" | "veryHidden";
  template: { id: string; title: string } | null;
  confidence?: number;
  nearest?: { id: string; title: string };
  findings: Finding[];
  tables: TableSummary[];
}

export interface FileReport {
  file: string;
  error?: string;
  /** Said once about the file: an .xls or .et written as an .xlsx. */
  note?: string;
  sheets: SheetSummary[];
}

export function summarize(r: SheetReport): SheetSummary {
  const rec = r.recognition;
  const hidden = rec.grid.visibility && { visibility: rec.grid.visibility };
  if (rec.kind === "none") {
    const near = rec.candidates[0];
    return {
      sheet: r.sheet,
      ...hidden,
      template: null,
      ...(near ? { nearest: { id: near.id, title: near.title } } : {}),
      findings: [],
      tables: [],
    };
  }
  const template = { id: rec.template.id, title: rec.template.title };
  return {
    sheet: r.sheet,
    ...hidden,
    template,
    confidence: rec.confidence,
    findings: r.findings,
    tables: [
      {
        table: rec.place.index,
        range: rec.place.range,
        template,
        confidence: rec.confidence,
        findings: r.findings,
      },
    ],
  };
}

/** One summary a sheet: the reports of a sheet's tables (consecutive, one a table) merged. */
export function summarizeSheets(reports: SheetReport[]): SheetSummary[] {
  const out: SheetSummary[] = [];
  for (const r of reports) {
    const s = summarize(r);
    const prev = out[out.length - 1];
    if (prev?.sheet === r.sheet && prev.tables.length && s.tables.length) {
      prev.findings = [...prev.findings, ...s.findings];
      prev.tables.push(...s.tables);
    } else out.push(s);
  }
  return out;
}

const MAX_SHOWN = 200;

export async function checkFiles(
  files: string[],
  options: CheckOptions = {}
): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (const file of files) {
    try {
      const grids = await readGrids(readInput(file), file);
      out.push({ file, sheets: summarizeSheets(checkGrids(grids, options)) });
    } catch (e) {
      out.push({ file, error: reason(e), sheets: [] });
    }
  }
  return out;
}

/** The previous report's sheets (--previous FILE), recognized. */
export async function readPrevious(file: string): Promise<Recognized[]> {
  try {
    const grids = await readGrids(readInput(file), file);
    return grids
      .flatMap((g) => recognizeSheet(g))
      .filter((r): r is Recognized => r.kind !== "none");
  } catch (e) {
    throw new UnreadableFile(`上期报表 ${file} 无法读取：${reason(e)}`);
  }
}

export function reason(e: unknown): string {
  if (e instanceof UnreadableFile) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "找不到这个文件";
  if (code === "EISDIR") return "这是一个文件夹，不是文件";
  if (code === "EACCES") return "没有读取这个文件的权限";
  return "无法读取这个文件";
}

export function exitCode(reports: FileReport[]): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.sheets.some((s) => s.findings.some((f) => f.severity === "error")))
    ? 1
    : 0;
}

export function toJson(reports: FileReport[]) {
  return {
    files: reports.map((r) => ({
      file: r.file,
      ...(r.error ? { error: r.error } : {}),
      ...(r.note ? { note: r.note } : {}),
      sheets: r.sheets.map((s) => ({
        sheet: s.sheet,
        ...(s.visibility ? { visibility: s.visibility } : {}),
        template: s.template,
        ...(s.confidence === undefined ? {} : { confidence: s.confidence }),
        findings: s.findings.map(findingJson),
        tables: s.tables.map((t) => ({ ...t, findings: t.findings.map(findingJson) })),
      })),
    })),
  };
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    cell: f.cell,
    cells: f.cells,
    row: f.row,
    column: f.column,
    message: f.message,
    source: f.source,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.explained ? { explained: f.explained } : {}),
    ...(f.explainedBefore ? { explainedBefore: f.explainedBefore } : {}),
  };
}

function counts(findings: Finding[]): string {
  const by = new Map<string, number>();
  for (const f of findings) by.set(ruleTitle(f.rule), (by.get(ruleTitle(f.rule)) ?? 0) + 1);
  const errors = findings.filter((f) => f.severity === "error").length;
  const parts = [...by.entries()].map(([c, n]) => `${c} ${n}`).join("，");
  const explained = findings.filter((f) => f.explained).length;
  return `错误 ${errors} 条，提示 ${findings.length - errors} 条${explained ? `（已说明 ${explained} 条）` : ""}（${parts}）`;
}

export function toText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`== ${r.file}`);
    if (r.note) lines.push(`  ${r.note}`);
    if (r.error) {
      lines.push(`  无法读取：${r.error}`);
      continue;
    }
    for (const s of r.sheets) {
      const sheet = `[${s.sheet}]${hiddenWords(s)}`;
      if (!s.template) {
        lines.push(
          `  ${sheet} 未识别为任何报表${s.nearest ? `（最接近：${s.nearest.title}）` : ""}`
        );
        continue;
      }
      // A sheet of several tables names each: [Sheet1] 表1（A3:AB7）季报表（一）…
      for (const t of s.tables) {
        const which = s.tables.length > 1 ? `表${t.table}（${t.range}）` : "";
        lines.push(`  ${sheet} ${which}${t.template.title}（${t.template.id}）`);
        tableLines(lines, t.findings);
      }
    }
  }
  return lines.join("\n");
}

function tableLines(lines: string[], findings: Finding[]) {
  if (findings.length === 0) {
    lines.push("    未发现问题");
    return;
  }
  lines.push(`    ${counts(findings)}`);
  // Errors first, then warnings, each in sheet order.
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity !== "error"),
  ];
  for (const f of ordered.slice(0, MAX_SHOWN)) {
    const where = [f.cell, f.row, f.column].filter(Boolean).join(" ");
    lines.push(
      `    ${f.explained ? "✓" : f.severity === "error" ? "✗" : "!"} ${where ? `${where}：` : ""}${f.message}〔${f.source}〕${f.explained ? ` ${explainedWords(f)}` : ""}${f.explainedBefore ? ` ${staleWords(f)}` : ""}`
    );
  }
  if (findings.length > MAX_SHOWN) lines.push(`    还有 ${findings.length - MAX_SHOWN} 条未显示`);
}
