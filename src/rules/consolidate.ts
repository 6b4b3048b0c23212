/**
 * Consolidation: the township's summary sheet of a template, each data cell the sum of the
 * children's cells holding the same (unit type, column) — found by recognition, so children
 * laid out differently still add up — as a native formula with its value; and the 汇总说明
 * listing every child: included, or excluded and why, and who is missing since last time.
 */
import type { Finding } from "./finding";
import { type Grid, toA1 } from "./grid";
import { blankTemplate, type Layout } from "./layout/blank-template";
import { numericValue } from "./number";
import type { Recognition, TableRecognition } from "./recognize";
import { sheetRef } from "./sheet-names";
import { getTableInfo } from "./templates/catalog";
import type { TableTemplate } from "./templates/schema";

export interface Child {
  /** The child's sheet name in the output workbook. */
  sheet: string;
  /** Where it came from (file name), for the 汇总说明. */
  origin: string;
  /** The unit it reports for (its 填报单位), or "". */
  unit: string;
  recognition: Recognition;
  findings: Finding[];
}

export interface SummaryCell {
  row: number;
  col: number;
  /** Excel formula without "=": SUM('1村'!C7,'2村'!D8). */
  formula: string;
  value: number;
}

export interface Summary {
  template: TableTemplate;
  sheet: string;
  layout: Layout;
  cells: SummaryCell[];
  children: Child[];
}

export type Status =
  "included" | "no-template" | "other-template" | "errors" | "unreadable" | "missing";

export interface ChildLine {
  unit: string;
  sheet: string;
  origin: string;
  status: Status;
  reason: string;
}

export interface Consolidation {
  summaries: Summary[];
  lines: ChildLine[];
  /** The 汇总说明 sheet. */
  notes: Grid;
}

export const NOTES_SHEET = "汇总说明";

/** A summary sheet of ours (its name or title says 汇总) is never a child. */
export function isSummarySheet(name: string, rec: Recognition): boolean {
  return (
    /汇总/.test(name) ||
    (rec.kind !== "none" && rec.title !== undefined && /汇总/.test(rec.title.text))
  );
}
const NOTES_HEADER = ["填报单位", "工作表", "来源文件", "状态", "说明"];
const STATUS_WORDS: Record<Status, string> = {
  included: "已汇总",
  "no-template": "未汇总",
  "other-template": "未汇总",
  errors: "未汇总",
  unreadable: "未汇总",
  missing: "缺报",
};

function summaryOf(t: TableTemplate, children: Child[], sheet: string): Summary {
  const info = getTableInfo(t.id)!;
  const layout = blankTemplate(t);
  layout.grid.values[0][0] = `${t.title}（汇总）`;
  const labelCols = t.rowHeader === null ? 0 : 1;
  const per = Math.max(1, t.subRows?.length ?? 0);
  const cells: SummaryCell[] = [];
  info.slots.forEach((slot, i) => {
    for (const leaf of info.leaves) {
      if (
        leaf.kind !== "number" ||
        info.notApplicable(slot, leaf.key) ||
        (leaf.perUnit && i % per > 0)
      )
        continue;
      const refs: string[] = [];
      let value = 0;
      for (const c of children) {
        const rec = c.recognition as TableRecognition;
        const r = rec.match.rows.get(slot.key);
        const col = rec.match.columns.get(leaf.key);
        if (r === undefined || col === undefined) continue;
        refs.push(sheetRef(c.sheet, toA1(rec.grid, r, col)));
        value += numericValue(rec.grid.values[r]?.[col] ?? null) ?? 0;
      }
      if (refs.length === 0) continue;
      cells.push({
        row: layout.body.top + i,
        col: labelCols + leaf.index,
        formula: `SUM(${refs.join(",")})`,
        value: Math.round(value * 1e6) / 1e6,
      });
    }
  });
  return { template: t, sheet, layout, cells, children };
}

/** A file that could not be read at all: listed in the 汇总说明 with its reason. */
export interface UnreadableChild {
  origin: string;
  reason: string;
}

export interface ConsolidateOptions {
  /** Units listed as included by the previous consolidation (its 汇总说明). */
  previous?: string[];
  /** The summary sheet's name for a template, unique in the output. */
  summaryName?: (t: TableTemplate) => string;
  unreadable?: UnreadableChild[];
}

export function consolidate(
  children: Child[],
  {
    previous = [],
    summaryName = (t) => `${t.shortTitle}汇总`,
    unreadable = [],
  }: ConsolidateOptions = {}
): Consolidation {
  const byTemplate = new Map<string, Child[]>();
  const lines: ChildLine[] = [];
  for (const c of children) {
    const rec = c.recognition;
    const line = { unit: c.unit, sheet: c.sheet, origin: c.origin };
    if (rec.kind === "none")
      lines.push({ ...line, status: "no-template", reason: "未识别为任何报表" });
    else if (rec.kind !== "table")
      lines.push({
        ...line,
        status: "other-template",
        reason: `是${rec.template.shortTitle}，不是可汇总的统计表`,
      });
    else if (c.findings.some((f) => f.severity === "error"))
      lines.push({
        ...line,
        status: "errors",
        reason: `还有 ${c.findings.filter((f) => f.severity === "error").length} 条错误未改正`,
      });
    else {
      byTemplate.set(rec.template.id, [...(byTemplate.get(rec.template.id) ?? []), c]);
      lines.push({ ...line, status: "included", reason: rec.template.shortTitle });
    }
  }
  for (const u of unreadable)
    lines.push({
      unit: "",
      sheet: "",
      origin: u.origin,
      status: "unreadable",
      reason: `无法读取：${u.reason}`,
    });
  const summaries = [...byTemplate.values()].map((list) => {
    const t = (list[0].recognition as TableRecognition).template;
    return summaryOf(t, list, summaryName(t));
  });
  const here = new Set(lines.map((l) => l.unit).filter(Boolean));
  for (const unit of previous)
    if (!here.has(unit))
      lines.push({
        unit,
        sheet: "",
        origin: "",
        status: "missing",
        reason: "上次汇总有、本次没有报送",
      });
  const notes: Grid = {
    name: NOTES_SHEET,
    values: [
      NOTES_HEADER,
      ...lines.map((l) => [l.unit, l.sheet, l.origin, STATUS_WORDS[l.status], l.reason]),
    ],
    merges: [],
  };
  return { summaries, lines, notes };
}

/** The units a previous 汇总说明 lists as included. */
export function previousUnits(notes: Grid): string[] {
  const [head, ...rows] = notes.values;
  const unit = head?.indexOf("填报单位") ?? -1;
  const status = head?.indexOf("状态") ?? -1;
  if (unit < 0 || status < 0) return [];
  return rows
    .filter((r) => r[status] === STATUS_WORDS.included && r[unit])
    .map((r) => String(r[unit]));
}
