/**
 * Stamping: the header line (填报单位, 填表人, 联系电话, date) filled from the unit profile,
 * the reporting period (报告期：2026年第4季度) and a line stating each column group's counting
 * basis (统计口径：…2021年8月以来累计…). Never a data cell; stamping twice equals stamping once;
 * a new period replaces the old one.
 */
import { basisText } from "./basis";
import { type CellValue, fromA1, type Grid } from "./grid";
import { FORM_SIZES, textHeight } from "./layout/print";
import { type Day, dayZh, formatPeriod, type Period } from "./period";
import type { Recognized, TableRecognition } from "./recognize";
import { getTableInfo } from "./templates/catalog";

export interface StampInput {
  period: Period;
  date?: Day;
  profile?: { unit?: string; filler?: string; phone?: string };
}

export interface Edit {
  row: number;
  col: number;
  value: string;
  /** A line printed across the table (统计口径): merged to this column, wrapped, this tall (points). */
  across?: { right: number; height: number };
}

const BASIS_PREFIX = "统计口径：";
const GAP = "      ";

/** "统计口径：企业底数（家）以2025年底底数为基数；落实…2021年8月以来累计（自查隐患数量、整改隐患数量2026年1月以来累计）；…。" */
export function basisLine(rec: TableRecognition): string {
  const info = getTableInfo(rec.template.id)!;
  const groups = new Map<string, { leaf: string; basis: string }[]>();
  for (const l of info.leaves) {
    if (!l.basis) continue;
    const g = l.path[0];
    groups.set(g, [
      ...(groups.get(g) ?? []),
      { leaf: l.path[l.path.length - 1].replace(/（[^（）]*）$/, ""), basis: basisText(l.basis) },
    ]);
  }
  const parts = [...groups].map(([group, leaves]) => {
    const counts = new Map<string, number>();
    for (const x of leaves) counts.set(x.basis, (counts.get(x.basis) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const others = [...counts.keys()].filter((b) => b !== main);
    const extra = others
      .map(
        (b) =>
          `${leaves
            .filter((x) => x.basis === b)
            .map((x) => x.leaf)
            .join("、")}${b}`
      )
      .join("；");
    return `${group}${main}${extra ? `（${extra}）` : ""}`;
  });
  return parts.length ? `${BASIS_PREFIX}${parts.join("；")}。` : "";
}

const at = (grid: Grid, address: string) => {
  const o = grid.origin ?? { row: 0, col: 0 };
  const p = fromA1(address);
  return { row: p.row - o.row, col: p.col - o.col };
};

export function stampEdits(rec: Recognized, input: StampInput): Edit[] {
  const edits: Edit[] = [];
  const { grid, template } = rec;
  const date = input.date ? dayZh(input.date) : undefined;
  const profile = input.profile ?? {};
  const want: Record<string, string | undefined> = {
    unit: profile.unit,
    filler: profile.filler,
    phone: profile.phone,
    date,
  };
  const period = `报告期：${formatPeriod(input.period)}`;
  // Fields written inline share a cell: rebuild that cell's line from the template's labels.
  const byCell = new Map<string, typeof rec.headerFields>();
  for (const f of rec.headerFields)
    byCell.set(f.labelCell, [...(byCell.get(f.labelCell) ?? []), f]);
  let periodPlaced = false;
  for (const [cell, fields] of byCell) {
    const inline = fields.filter((f) => f.valueCell === f.labelCell);
    for (const f of fields.filter((x) => x.valueCell !== x.labelCell))
      if (want[f.key]) edits.push({ ...at(grid, f.valueCell), value: want[f.key]! });
    if (inline.length === 0) continue;
    const parts = template.headerFields
      .filter((hf) => inline.some((f) => f.key === hf.key))
      .map((hf) => {
        const value = want[hf.key] ?? inline.find((f) => f.key === hf.key)!.value;
        if (hf.key !== "date") return `${hf.label}：${value}`;
        const line =
          hf.label === "年 月 日" ? value || "    年    月    日" : `${hf.label}：${value}`;
        periodPlaced = true;
        return `${period}${GAP}${line}`;
      });
    if (!periodPlaced) {
      parts.push(period);
      periodPlaced = true;
    }
    edits.push({ ...at(grid, cell), value: parts.join(GAP) });
  }
  if (rec.kind === "table") {
    const line = basisLine(rec);
    // No header line to carry the period (the clerk deleted it): it leads the basis line.
    const text = periodPlaced ? line : [period, line].filter(Boolean).join(GAP);
    if (text) {
      const at = basisCell(rec);
      const right = Math.max(at.col, rec.match.band.right);
      // Excel's default column is 8.43 characters wide; the writer sets 宋体 10pt.
      const height = textHeight(text, (right - at.col + 1) * 8.43, FORM_SIZES.line);
      edits.push({ ...at, value: text, across: { right, height } });
    }
  }
  return edits;
}

/** Where the 统计口径 line goes: where it already is, else the first empty row below everything. */
function basisCell(rec: TableRecognition): { row: number; col: number } {
  const values = rec.grid.values;
  for (let r = 0; r < values.length; r++)
    for (let c = 0; c < values[r].length; c++) {
      const v = values[r][c];
      if (
        typeof v === "string" &&
        (v.startsWith(BASIS_PREFIX) || /^报告期[:：]\S+\s+统计口径/.test(v))
      )
        return { row: r, col: c };
    }
  let last = values.length - 1;
  while (last >= 0 && values[last].every((v) => v === null || v === "")) last--;
  const merged = rec.grid.merges.some((m) => m.bottom > last);
  return {
    row: Math.max(last + 1, ...(merged ? rec.grid.merges.map((m) => m.bottom + 1) : [])),
    col: rec.match.band.left,
  };
}

export function applyEdits(grid: Grid, edits: Edit[]): Grid {
  const values: CellValue[][] = grid.values.map((r) => [...r]);
  for (const e of edits) {
    while (values.length <= e.row) values.push([]);
    while (values[e.row].length <= e.col) values[e.row].push(null);
    values[e.row][e.col] = e.value;
  }
  return { ...grid, values };
}
