/** A correctly filled sheet of a template, with setters by (row slot, column key) for breaking it on purpose. */
import { checkGrids, type CheckOptions } from "../../src/rules/check";
import type { Finding } from "../../src/rules/finding";
import { type CellValue, fromA1, type Grid } from "../../src/rules/grid";
import { cellAddress, recognize, type TableRecognition } from "../../src/rules/recognize";
import { filledSheet, type FillOptions } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { filledRowTypes } from "../../src/rules/units/rows";
import { clone } from "./grids";

export class Sheet {
  grid: Grid;
  readonly rec: TableRecognition | undefined;
  constructor(
    readonly id: string,
    options: FillOptions = {}
  ) {
    this.grid = clone(filledSheet(getTemplate(id)!, options).grid);
    const rec = recognize(this.grid);
    this.rec = rec.kind === "table" ? rec : undefined;
  }
  address(slot: string, column: string): string {
    const a = this.rec && cellAddress(this.rec, slot, column);
    if (!a) throw new Error(`${this.id}: no cell for ${slot}|${column}`);
    return a;
  }
  get(slot: string, column: string): CellValue {
    const { row, col } = fromA1(this.address(slot, column));
    return this.grid.values[row][col];
  }
  set(slot: string, column: string, v: CellValue): this {
    const { row, col } = fromA1(this.address(slot, column));
    this.grid.values[row][col] = v;
    return this;
  }
  /** Replaces the text of the header line (the row above the column header). */
  header(text: string): this {
    const row = this.grid.values.findIndex(
      (r) => typeof r[0] === "string" && /填报单位|企业名称/.test(r[0])
    );
    this.grid.values[row][0] = text;
    return this;
  }
  findings(options: CheckOptions = {}, extra: Grid[] = []): Finding[] {
    return checkGrids([this.grid, ...extra], options)[0].findings;
  }
  /**
   * The first filled slot's key (a unit-type row, or its first sub-row): of the unit's own rows, the
   * ones holding non-zero numbers (a village's 村 row, not the 镇直单位 row it wrote 0 across).
   */
  get firstSlot(): string {
    const filled = filledRowTypes(this.rec!);
    return (this.rec!.info.slots.find((s) => filled.has(s.rowType)) ?? this.rec!.info.slots[0]).key;
  }
}

export const ofRule = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule);

/**
 * A unit's report as its clerk fills it (注10): a village's 村 row (in 月报表 a township's 乡镇 /
 * 县（市、区） row; in an unlabelled table its first row), 0 across every other row.
 */
export function clerkSheet(id: string, seed = 1): Sheet {
  const t = getTemplate(id)!;
  const rows = t.kind === "table" ? t.rows.map((r) => r.key) : [];
  const row = rows.includes("village") ? "village" : (rows[1] ?? rows[0]);
  const unit = row === "village" || rows.length < 2 ? "金淘镇朴里村" : "湖头镇";
  return new Sheet(id, { seed, unit, ...(row ? { rowTypes: [row] } : {}) });
}
