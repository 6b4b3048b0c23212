/**
 * A unit that wrote its own name where the table prints its unit type (A7 朴里村 instead of 村):
 * recognition reads that row as the type's row when the name is the sheet's own unit
 * (units/own-name-row.ts), so it is checked and summed; the label should still read as printed.
 */
import { toA1 } from "../grid";
import type { TableTemplate } from "../templates/schema";
import type { Rule } from "./rule";

/** The note saying each unit fills its own type's row (季报表 注1), if the table prints one. */
const typeNote = (t: TableTemplate) => {
  const n = Object.entries(t.notes).find(([, text]) => /单位类型/.test(text))?.[0];
  return n === undefined ? undefined : Number(n);
};

export const ownNameRowRule: Rule = {
  id: "own-name-row",
  category: "structure",
  severity: "warning",
  title: { zh: "行标签写成了单位名称", en: "Row label is the unit's name" },
  description: {
    zh: "“填报单位类型”一列应照表样写“村”“镇直单位”等类型，不写本单位名称。写成本单位名称（如“朴里村”）时，按该名称的单位类型读取这一行，照常检查和汇总，并提示改回表样的类型名称；写的若不是本表填报单位的名称，这一行不读取，报错。",
    en: "The row label names the unit type (村, 镇直单位), not the unit. A row labelled with the sheet's own unit's name is read as its type's row, checked and summed, with this warning; any other name stays a row not read.",
  },
  examples: { good: "A7 写“村”，朴里村的数字填在这一行", bad: "A7 写“朴里村”" },
  appliesTo: (t) => t.kind === "table" && t.rowHeader !== null && !t.subRows,
  notesFor: (t) => {
    const n = t.kind === "table" ? typeNote(t) : undefined;
    return n === undefined ? [] : [n];
  },
  check(ctx) {
    if (ctx.kind !== "table") return [];
    const { rec, template: t } = ctx;
    const col = rec.match.stray.labelCol ?? rec.match.band.left;
    return rec.match.byName.map((n) => {
      const type = t.rows.find((r) => r.key === n.slot)!.label;
      const cell = toA1(rec.grid, n.row, col);
      const note = typeNote(t);
      return {
        rule: this.id,
        category: this.category,
        severity: this.severity,
        sheet: rec.sheet,
        cell,
        cells: [cell],
        row: type,
        column: "",
        message: `第${cell.replace(/^\D+/, "")}行的行标签写的是本单位名称“${n.label}”，已按“${type}”行检查和汇总；请把行标签改为“${type}”${note === undefined ? "（按表样）" : `（${t.shortTitle}注${note}：${t.notes[note]}）`}`,
        messageEn: `Row ${cell.replace(/^\D+/, "")} is labelled with the unit's own name "${n.label}": read, checked and summed as the ${type} row; the label should read ${type}`,
        source: ctx.source(note),
      };
    });
  },
};
