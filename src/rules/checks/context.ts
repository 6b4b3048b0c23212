/** What a rule reads: the recognized sheet, its cells by (row slot, column key), and the run's options. */
import type { Finding } from "../finding";
import { type CellValue, toA1 } from "../grid";
import { type CellNumber, readNumber } from "../number";
import type { Period } from "../period";
import type { ListRecognition, Recognized, TableRecognition } from "../recognize";
import { type Leaf, type RowSlot, slotWords } from "../templates/catalog";
import type { Template } from "../templates/schema";
import type { KnownTypes } from "../units/types";

export interface CheckOptions {
  /** The reporting period (--period), when not read from the sheet's stamp or date. */
  period?: Period;
  /** The same unit's previous report (sheets of an earlier period). */
  previous?: Recognized[];
  /** Every recognized sheet of the run: plans (任务分解指导数, 任务清单) are looked up here. */
  workbook?: Recognized[];
  /** The unit types a roster gives (the workbook's 单位名册); else names say them. */
  roster?: KnownTypes;
}

export interface Cell {
  address: string;
  value: CellValue;
  number: CellNumber;
}

export interface Entry {
  slot: RowSlot;
  column: string;
  leaf: Leaf;
  cell: Cell;
  notApplicable: boolean;
}

export interface TableContext {
  kind: "table";
  rec: TableRecognition;
  template: TableRecognition["template"];
  options: CheckOptions;
  /** Rows found on the sheet. */
  slots: RowSlot[];
  /** Rows the unit filled in (a village leaves the 镇直单位 row empty); every row when none is filled. */
  filledSlots: RowSlot[];
  cell(slot: RowSlot, column: string): Cell | undefined;
  /** Every numeric data cell of the rows found, read once: what most rules walk. */
  entries: Entry[];
  leaf(column: string): Leaf;
  notApplicable(slot: RowSlot, column: string): boolean;
  /** "季报表（一）注10" */
  source(note?: number): string;
  /** "村" or "县直单位·国标". */
  rowWords(slot: RowSlot): string;
  /** "企业底数（家）› 总数" */
  columnWords(column: string): string;
}

export interface ListContext {
  kind: "list";
  rec: ListRecognition;
  template: ListRecognition["template"];
  options: CheckOptions;
  source(note?: number): string;
}

export type SheetContext = TableContext | ListContext;

export function sourceOf(t: Template, note?: number): string {
  return note === undefined ? t.shortTitle : `${t.shortTitle}注${note}`;
}

export function tableContext(rec: TableRecognition, options: CheckOptions): TableContext {
  const { info, match, grid } = rec;
  // Every rule reads the same cells: read each once.
  const cache = new Map<RowSlot, Map<string, Cell | undefined>>();
  const cell = (slot: RowSlot, column: string) => {
    let row = cache.get(slot);
    if (!row) cache.set(slot, (row = new Map()));
    if (!row.has(column)) {
      const r = match.rows.get(slot.key);
      const c = match.columns.get(column);
      const value = r === undefined || c === undefined ? undefined : (grid.values[r]?.[c] ?? null);
      row.set(
        column,
        value === undefined
          ? undefined
          : { address: toA1(grid, r!, c!), value, number: readNumber(value) }
      );
    }
    return row.get(column);
  };
  const slots = info.slots.filter((s) => match.rows.has(s.key));
  const numbers = info.leaves.filter((l) => l.kind === "number" && match.columns.has(l.key));
  // A unit fills its own row type; the other type's rows stay empty in its file.
  // Cells that do not apply (they may carry the notice's own label, 达标不分级) say nothing of it.
  const rowFilled = (s: RowSlot) =>
    numbers.some((l) => {
      const at = cell(s, l.key);
      return (
        !info.notApplicable(s, l.key) &&
        at?.number.kind !== "blank" &&
        !info.holdsLabel(s, l.key, at?.value)
      );
    });
  const filled = slots.filter(rowFilled);
  const typesFilled = new Set(filled.map((s) => s.rowType));
  // An unlabelled table's rows are each the unit's own: an empty one is spare (统计表 prints two).
  const filledSlots =
    rec.template.rowHeader === null
      ? filled.length
        ? filled
        : slots.slice(0, 1)
      : typesFilled.size
        ? slots.filter((s) => typesFilled.has(s.rowType))
        : slots;
  const entries: Entry[] = [];
  for (const slot of slots)
    for (const leaf of numbers)
      entries.push({
        slot,
        column: leaf.key,
        leaf,
        cell: cell(slot, leaf.key)!,
        notApplicable: info.notApplicable(slot, leaf.key),
      });
  return {
    kind: "table",
    rec,
    template: rec.template,
    options,
    slots,
    filledSlots,
    cell,
    entries,
    leaf: (column) => info.leafByKey.get(column)!,
    notApplicable: info.notApplicable,
    source: (note) => sourceOf(rec.template, note),
    rowWords: slotWords,
    columnWords: (column) => info.leafByKey.get(column)!.path.join("›").replace(/›/g, " › "),
  };
}

export function listContext(rec: ListRecognition, options: CheckOptions): ListContext {
  return {
    kind: "list",
    rec,
    template: rec.template,
    options,
    source: (note) => sourceOf(rec.template, note),
  };
}

/** A finding on one table cell, with the row and column in words. */
export function cellFinding(
  ctx: TableContext,
  slot: RowSlot,
  column: string,
  f: Omit<Finding, "sheet" | "cell" | "cells" | "row" | "column"> & { cells?: string[] }
): Finding {
  const at = ctx.cell(slot, column)!;
  return {
    ...f,
    sheet: ctx.rec.sheet,
    cell: at.address,
    cells: f.cells ?? [at.address],
    row: ctx.rowWords(slot),
    column: ctx.columnWords(column),
  };
}

/** How a number reads in a message: 1,200 → 1200, 0.30000000000000004 → 0.3. */
export const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);
