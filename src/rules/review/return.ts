/**
 * 退回: what a township sends back to a unit whose report needs correcting. One list of problems
 * (errors, and warnings the unit has not explained) gives the short message pasted into a chat
 * (单位, 表, each problem with its cell and the note it breaks) and the 问题清单 sheet of the marked
 * copy. The CLI, the pane and the browser page all use these two, so they say the same.
 */
import type { SheetReport } from "../check";
import { headerUnit } from "../units/names";
import type { Severity } from "../finding";
import { hiddenKind } from "../grid";
import { OWN_SHEETS } from "../own-sheets";

/** A chat message is read on a phone: past this many lines, the rest is in the 问题清单. */
const MAX_LINES = 20;

export interface ReturnItem {
  table: string;
  sheet: string;
  /** "隐藏" or "深度隐藏" when the workbook hides the sheet, else "". */
  hidden: string;
  cell: string;
  /** 村 · 企业底数（家）› 总数 */
  where: string;
  severity: Severity;
  message: string;
  source: string;
}

export interface Returned {
  unit: string;
  /** The tables sent back, by short title. */
  tables: string[];
  items: ReturnItem[];
  /** The message to paste into a chat ("" when there is nothing to send back). */
  message: string;
}

/**
 * What to send back for a unit's sheets: every error, and every warning it has not explained
 * (an explained one stays explained). `fallbackUnit` names the unit when no sheet says it.
 */
export function returnNotice(reports: SheetReport[], fallbackUnit: string): Returned {
  const recognized = reports.filter((r) => r.recognition.kind !== "none");
  const unit =
    recognized.map((r) => headerUnit(r.recognition)).find(Boolean) ||
    fallbackUnit ||
    "（未写单位）";
  const items: ReturnItem[] = [];
  for (const r of recognized) {
    const table = r.recognition.template?.shortTitle ?? "";
    const open = r.findings.filter((f) => !f.explained);
    // Errors first: they must be corrected; warnings are to be checked (or explained).
    for (const f of [
      ...open.filter((x) => x.severity === "error"),
      ...open.filter((x) => x.severity !== "error"),
    ])
      items.push({
        table,
        sheet: f.sheet,
        hidden: hiddenKind(r.recognition.grid),
        cell: f.cell,
        where: [f.row, f.column].filter(Boolean).join(" "),
        severity: f.severity,
        message: f.message,
        source: f.source,
      });
  }
  const tables = [...new Set(items.map((i) => i.table))];
  return { unit, tables, items, message: items.length ? messageOf(unit, items) : "" };
}

function messageOf(unit: string, items: ReturnItem[]): string {
  const errors = items.filter((i) => i.severity === "error").length;
  const warnings = items.length - errors;
  const counts = [errors ? `${errors} 处错误` : "", warnings ? `${warnings} 处提示` : ""]
    .filter(Boolean)
    .join("、");
  const lines = [
    `【退回】${unit}：报表有 ${counts}，请改正后重新报送${warnings ? "（提示请核实，确有原因的写审核说明）" : ""}。`,
  ];
  let table = "";
  items.slice(0, MAX_LINES).forEach((i, n) => {
    if (i.table !== table)
      lines.push(
        `${(table = i.table) || "报表"}（${i.hidden && `${i.hidden}的`}工作表“${i.sheet}”）：`
      );
    const cell = [i.cell, i.where].filter(Boolean).join(" ");
    lines.push(
      `${n + 1}. ${i.severity === "error" ? "" : "[提示] "}${cell ? `${cell}：` : ""}${i.message}（依据：${i.source}）`
    );
  });
  if (items.length > MAX_LINES)
    lines.push(
      `……另有 ${items.length - MAX_LINES} 处，见退回文件中的“${OWN_SHEETS.problems.name}”工作表。`
    );
  return lines.join("\n");
}
