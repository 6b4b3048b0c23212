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
  /**
   * 0 in every data cell left empty, as 注10 asks a clerk (a village writes 0 across the 镇直单位
   * row, over the notice's (达标不分级) too); not-applicable cells stay as they are.
   */
  zeroUnused(): this {
    const { info } = this.rec!;
    for (const slot of info.slots)
      for (const leaf of info.leaves) {
        if (leaf.kind !== "number" || info.notApplicable(slot, leaf.key)) continue;
        const a = cellAddress(this.rec!, slot.key, leaf.key);
        if (!a) continue;
        const { row, col } = fromA1(a);
        const v = this.grid.values[row][col];
        if (v === null || info.holdsLabel(slot, leaf.key, v)) this.grid.values[row][col] = 0;
      }
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
