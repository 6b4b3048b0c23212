/**
 * 汇总说明: what a consolidation did, for the reviewer (title, period, when, counts, a line for
 * every sheet received and every unit missing) and for SRS itself. It carries a marker, and lists
 * our own sheets (汇总表, 汇总明细) and the copies kept aside (被替换): the next consolidation, the
 * stamp and QTOTAL know our sheets by this list, not by their names, and one level up the
 * workbook is known as a township's report.
 */
import { countsText } from "./counts";
import { notesIncompleteText } from "./incomplete";
import { missingText } from "./owed";
import type { CellValue, Grid } from "../grid";
import { isOwnSheet, OWN_SHEETS } from "../own-sheets";
import { formatPeriod } from "../period";
import {
  type ChildLine,
  explainedText,
  type Plan,
  remarkedText,
  remarksText,
  STATUS_WORDS,
} from "./plan";
import { MAX_COPIES, type Summary } from "./summary";

const { name, marker } = OWN_SHEETS.notes;
const HEADER = ["填报单位", "单位类型", "报表", "工作表", "来源文件", "状态", "按时/逾期", "说明"];
const SUMMARY = "汇总表";
const DETAIL = "汇总明细";
/** A 明细 holding the reports' numbers themselves: the reports are not in the workbook (MAX_COPIES). */
const NUMBERS = "汇总明细（数值）";

export interface NotesInput {
  plan: Plan<unknown>;
  summaries: Summary[];
  /** The consolidating unit (金淘镇), "" when unknown. */
  unit: string;
  /** When it was made: "2026-12-01 20:30". */
  made: string;
  /** Texts counted at their number, by the child's sheet: C7“1,200”→1200. */
  conversions?: Map<string, string[]>;
  /** The received reports are not in the workbook (past MAX_COPIES): no 工作表 to name. */
  detached?: boolean;
}

export function notesGrid({
  plan,
  summaries,
  unit,
  made,
  conversions,
  detached,
}: NotesInput): Grid {
  const periods = [...plan.periods.entries()].filter(([, p]) => p.period);
  const periodText = [...new Set(periods.map(([, p]) => formatPeriod(p.period!)))].join("、");
  const c = plan.counts;
  const remarks = [...new Set([...plan.periods.values()].map((p) => p.remark).filter(Boolean))];
  const remarked = remarkedText(plan.lines);
  const verdict = plan.clean
    ? remarked
      ? `结论：全部报表已汇总，无缺报；${remarked}（见下表）。`
      : "结论：全部报表已汇总，无缺报、无问题。"
    : `结论：汇总结果需要核对——${[
        c.excluded ? `${c.excluded} 份报表未汇总` : "",
        c.missing ? `${c.missing} 个单位缺报` : "",
        c.absent ? `缺 ${c.absent} 份报表：${missingText(plan.lines)}` : "",
        plan.lines.some((l) => l.problems.length) ? "部分已汇总的报表有问题" : "",
        remarked,
      ]
        .filter(Boolean)
        .join("，")}（见下表）。`;
  const line = (l: ChildLine): CellValue[] => {
    const extra = [...(conversions?.get(l.sheet) ?? [])];
    const reason = [
      l.reason,
      extra.length ? `按数字计：${extra.join("，")}` : "",
      l.zeros?.length ? `空白按 0 计：${l.zeros.join("、")}` : "",
      l.problems.length ? `问题：${l.problems.join("；")}` : "",
      remarksText(l),
      explainedText(l),
      l.contact ?? "",
    ]
      .filter(Boolean)
      .join("；");
    return [
      l.unit,
      l.type,
      l.table,
      detached ? "" : l.sheet && l.place ? tableKey(l.sheet, l.place) : l.sheet,
      l.origin,
      STATUS_WORDS[l.status],
      l.timeliness,
      reason,
    ];
  };
  // Bold and red at the top when the total is short (notes-form.ts), in the summaries' words.
  const short = notesIncompleteText(
    plan.lines,
    summaries.map((s) => s.template)
  );
  const values: CellValue[][] = [
    [`${unit}汇总说明`],
    ...(short ? [[short]] : []),
    [`报告期：${periodText || "未确定"}`],
    [`生成时间：${made}`],
    [countsText(c)],
    [verdict],
    ...(detached
      ? [
          [
            `收到的报表超过 ${MAX_COPIES} 份，未附在本工作簿：已汇总的每份报表的数字和来源文件见${summaries.map((s) => `“${s.detail?.sheet}”`).join("、")}，每份的状态见下表`,
          ],
        ]
      : []),
    ...remarks.map((r) => [r]),
    [],
    HEADER,
    ...summaries.map((s) => [
      unit,
      "",
      s.template.shortTitle,
      s.sheet,
      "",
      SUMMARY,
      "",
      `${s.children.length} 份报表之和`,
    ]),
    ...summaries
      .filter((s) => s.detail)
      .map((s) => [
        unit,
        "",
        s.template.shortTitle,
        s.detail!.sheet,
        "",
        s.detail!.values ? NUMBERS : DETAIL,
        "",
        s.detail!.values
          ? "每份已汇总报表的数字和来源文件，每行一份"
          : "各单位的数字，每行一个单位",
      ]),
    ...plan.lines.map(line),
    [],
    [`汇总单位：${unit}`],
    [`本表由 SRS 生成（${marker}），下一次汇总和盖章据此识别各工作表，请勿修改“工作表”“状态”两列`],
  ];
  return { name, values, merges: [] };
}

/** A table on a sheet holding several, as 汇总说明's 工作表 column names it: 朴里村!A12:AB19. */
export const tableKey = (sheet: string, range: string) => `${sheet}!${range}`;

export interface NotesRow {
  unit: string;
  table: string;
  sheet: string;
  /** The table's range, when its sheet holds several tables. */
  place?: string;
  origin: string;
  status: string;
  /** Its 说明: the reason, and the problems listed. */
  note: string;
}

export interface ReadNotes {
  sheet: string;
  unit: string;
  rows: NotesRow[];
  /** Our summary and 明细 sheets. */
  ours: Set<string>;
  /** The 明细 holding the reports' numbers (their reports are not in the workbook), by table: 季报表（一）. */
  numbers: Map<string, string>;
  summaries: string[];
  /** Copies kept aside by an earlier round (every table on them replaced): never children. */
  replaced: Set<string>;
  /** Tables replaced on a sheet that holds a current one too, by tableKey: never children. */
  replacedTables: Set<string>;
  /** Units whose reports the summaries hold. */
  included: string[];
}

/** The 汇总说明 SRS wrote, found by its marker on any sheet, whatever the sheet is called. */
export function readNotes(grids: Grid[]): ReadNotes | undefined {
  const grid = grids.find((g) => isOwnSheet(g, "notes"));
  if (!grid) return undefined;
  const head = grid.values.findIndex((r) => HEADER.every((h, i) => r[i] === h));
  if (head < 0) return undefined;
  const rows: NotesRow[] = [];
  let unit = "";
  for (const r of grid.values.slice(head + 1)) {
    const first = String(r[0] ?? "");
    if (first.startsWith("汇总单位：")) unit = first.slice("汇总单位：".length).trim();
    if (r.length < 6 || r[5] === null || r[5] === undefined) continue;
    const s = (i: number) => String(r[i] ?? "");
    const at = /^(.*)!([A-Z]+\d+:[A-Z]+\d+)$/.exec(s(3));
    const where = at ? { sheet: at[1], place: at[2] } : { sheet: s(3) };
    rows.push({ unit: s(0), table: s(2), ...where, origin: s(4), status: s(5), note: s(7) });
  }
  const isReplaced = (r: NotesRow) => r.status === STATUS_WORDS.replaced;
  const summaries = rows.filter((r) => r.status === SUMMARY && r.sheet).map((r) => r.sheet);
  return {
    sheet: grid.name,
    unit,
    rows,
    ours: new Set(
      rows
        .filter((r) => [SUMMARY, DETAIL, NUMBERS].includes(r.status) && r.sheet)
        .map((r) => r.sheet)
    ),
    numbers: new Map(
      rows.filter((r) => r.status === NUMBERS && r.sheet).map((r) => [r.table, r.sheet])
    ),
    summaries,
    // A sheet is set aside only when every table on it was replaced; otherwise each replaced
    // table is known by its own line.
    replaced: new Set(
      rows
        .filter((r) => isReplaced(r) && r.sheet)
        .map((r) => r.sheet)
        .filter((n) => rows.every((r) => r.sheet !== n || isReplaced(r)))
    ),
    replacedTables: new Set(
      rows
        .filter((r) => isReplaced(r) && r.sheet && r.place)
        .map((r) => tableKey(r.sheet, r.place!))
    ),
    included: rows.filter((r) => r.status === STATUS_WORDS.included && r.unit).map((r) => r.unit),
  };
}
