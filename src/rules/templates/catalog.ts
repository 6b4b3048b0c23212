/**
 * The template catalog: every official table, checked when first used, with the derived views
 * the recognizer and the rules read (leaves with their paths, inherited units and counting
 * bases; row slots). Its schema (zod, schema.ts) checks every source in
 * test/rules/catalog.test.ts, which also compares what it gives with what the catalog holds:
 * loading zod and its locales and parsing the sources cost every run of srs a tenth of a second.
 */
import { jinjiangTargets, jinjiangTasklist } from "./jinjiang-2024-plan";
import { monthlyTemplates } from "./monthly-2024";
import { nananQuarterly1, nananQuarterly2, nananQuarterly3 } from "./nanan-2026-quarterly";
import { reviewChecklistDept, reviewChecklistEnterprise, reviewStats } from "./nanan-2024-review";
import { normalizeLabel } from "../text";
import { relationColumns } from "./relations";
import type {
  Basis,
  ColumnNode,
  ListTemplate,
  TableTemplate,
  Template,
  TemplateInput,
  Unit,
} from "./schema";

export const TEMPLATE_SOURCES: TemplateInput[] = [
  nananQuarterly1,
  nananQuarterly2,
  nananQuarterly3,
  ...monthlyTemplates,
  reviewStats,
  reviewChecklistDept,
  reviewChecklistEnterprise,
  jinjiangTargets,
  jinjiangTasklist,
];

export interface Leaf {
  key: string;
  /** Labels from the outermost group to the leaf, as printed. */
  path: string[];
  unit?: Unit;
  basis?: Basis;
  kind: "number" | "label" | "text";
  perUnit: boolean;
  /** 0-based position among the template's leaves (official column order). */
  index: number;
}

/** A data row of a table: a unit type, or a unit type's sub-row. */
export interface RowSlot {
  /** "village", or "county-dept.national" for sub-rows. */
  key: string;
  rowType: string;
  subRow?: string;
  /** The row type's label, for messages. */
  label: string;
  /** An unlabelled table's further data row (2 for the second): read and checked like the first. */
  line?: number;
}

const SUB_ROW_WORDS: Record<string, string> = {
  national: "国标",
  provincial: "省标",
  local: "地标",
};

/** A row slot in words, for messages: "村", "县直单位·国标", or "数据行" for an unlabelled row. */
export function slotWords(slot: RowSlot): string {
  if (slot.line) return `第${slot.line}数据行`;
  return slot.subRow
    ? `${slot.label}·${SUB_ROW_WORDS[slot.subRow] ?? slot.subRow}`
    : slot.label || "数据行";
}

export interface TableInfo {
  template: TableTemplate;
  leaves: Leaf[];
  leafByKey: Map<string, Leaf>;
  slots: RowSlot[];
  /** Is (slot, column) a cell that must not be filled (地标 二级, third 标杆 level …)? */
  notApplicable(slot: RowSlot, column: string): boolean;
  /** Does a cell still hold the label the notice prints in it ((达标不分级))? Then it says nothing of the unit. */
  holdsLabel(slot: RowSlot, column: string, value: unknown): boolean;
}

export function flattenColumns(columns: ColumnNode[]): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: ColumnNode, path: string[], unit?: Unit, basis?: Basis) => {
    const u = node.unit ?? unit;
    const b = node.basis ?? basis;
    const p = [...path, node.label];
    if (node.children) node.children.forEach((c) => walk(c, p, u, b));
    else
      out.push({
        key: node.key as string,
        path: p,
        unit: u,
        basis: node.kind === "label" || node.kind === "text" ? undefined : b,
        kind: node.kind ?? "number",
        perUnit: node.perUnit ?? false,
        index: out.length,
      });
  };
  columns.forEach((c) => walk(c, []));
  return out;
}

function tableInfo(t: TableTemplate): TableInfo {
  const leaves = flattenColumns(t.columns);
  const slots: RowSlot[] = t.rows.flatMap((r) =>
    t.subRows
      ? t.subRows.map((s) => ({
          key: `${r.key}.${s.key}`,
          rowType: r.key,
          subRow: s.key,
          label: r.label,
        }))
      : [{ key: r.key, rowType: r.key, label: r.label }]
  );
  // By row, then column: asked for every cell by every rule, so no key is built a question.
  const na = new Map<string, Set<string>>();
  for (const n of t.notApplicable) {
    const columns = na.get(n.row) ?? new Set<string>();
    for (const c of n.columns) columns.add(c);
    na.set(n.row, columns);
  }
  return {
    template: t,
    leaves,
    leafByKey: new Map(leaves.map((l) => [l.key, l])),
    slots,
    notApplicable: (slot, column) =>
      na.get(slot.rowType)?.has(column) === true ||
      (slot.subRow !== undefined && na.get(slot.subRow)?.has(column) === true),
    holdsLabel: (slot, column, value) => {
      const label = t.subRows?.find((s) => s.key === slot.subRow)?.labels[column];
      return label !== undefined && normalizeLabel(value) === normalizeLabel(label);
    },
  };
}

/**
 * The table as found on one sheet: an unlabelled table (统计表) holds as many data rows as the
 * clerk filled, each a slot "total#2" … of the first row's type, so every reader of slots reads them.
 */
export function withLines(info: TableInfo, lines: number): TableInfo {
  if (lines <= info.slots.length) return info;
  const last = info.slots[info.slots.length - 1];
  const more = Array.from({ length: lines - info.slots.length }, (_, i) => {
    const line = info.slots.length + i + 1;
    return { ...last, key: `${last.key}#${line}`, line };
  });
  return { ...info, slots: [...info.slots, ...more] };
}

/** Every slot of a recognized table that a slot of the template covers: itself and its further lines. */
export const linesOf = (info: TableInfo, slot: string): RowSlot[] =>
  info.slots.filter(
    (s) => s.key === slot || (s.line !== undefined && s.key.startsWith(`${slot}#`))
  );

/** A source as its schema gives it: the lists a source may leave out (aliases, relations …), empty. */
export function fromSource(s: TemplateInput): Template {
  const headerFields = s.headerFields.map((f) => ({ ...f, aliases: f.aliases ?? [] }));
  if (s.kind === "list")
    return {
      ...s,
      headerFields,
      columns: s.columns.map((c) => ({ ...c, aliases: c.aliases ?? [] })),
    };
  return {
    ...s,
    headerFields,
    // The schema's input type leaves a column unknown (a recursive schema); the test checks it.
    columns: s.columns as ColumnNode[],
    rows: s.rows.map((r) => ({ ...r, aliases: r.aliases ?? [] })),
    notApplicable: s.notApplicable ?? [],
    relations: s.relations ?? [],
  };
}

function validate(sources: TemplateInput[]): Template[] {
  const templates = sources.map(fromSource);
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) throw new Error(`duplicate template id ${t.id}`);
    ids.add(t.id);
    if (t.kind === "table") {
      const keys = flattenColumns(t.columns).map((l) => l.key);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup) throw new Error(`template ${t.id}: duplicate column key ${dup}`);
      const known = new Set([...keys]);
      const rowKeys = new Set([
        ...t.rows.map((r) => r.key),
        ...(t.subRows ?? []).map((s) => s.key),
      ]);
      for (const r of t.relations) {
        const used = relationColumns(r);
        const bad = used.find((k) => !known.has(k));
        if (bad)
          throw new Error(`template ${t.id}: relation ${r.kind} names unknown column ${bad}`);
      }
      for (const n of t.notApplicable) {
        if (!rowKeys.has(n.row))
          throw new Error(`template ${t.id}: notApplicable row ${n.row} is unknown`);
        const bad = n.columns.find((c) => !known.has(c));
        if (bad) throw new Error(`template ${t.id}: notApplicable column ${bad} is unknown`);
      }
    }
  }
  return templates;
}

let cache:
  { all: Template[]; byId: Map<string, Template>; tables: Map<string, TableInfo> } | undefined;

function load() {
  if (!cache) {
    const all = validate(TEMPLATE_SOURCES);
    const tables = new Map<string, TableInfo>();
    for (const t of all) if (t.kind === "table") tables.set(t.id, tableInfo(t));
    cache = { all, byId: new Map(all.map((t) => [t.id, t])), tables };
  }
  return cache;
}

export function allTemplates(): Template[] {
  return load().all;
}

export function getTemplate(id: string): Template | undefined {
  return load().byId.get(id);
}

export function getTableInfo(id: string): TableInfo | undefined {
  return load().tables.get(id);
}

export type { ListTemplate, TableTemplate, Template };
