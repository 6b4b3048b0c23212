/**
 * "Explain this cell": where a cell sits in its table and which rules bind it — the row type,
 * the column path, unit, counting basis, the identities and bounds it takes part in, and the
 * notes they come from. Trainers project this.
 */
import { basisText } from "./basis";
import { fromA1 } from "./grid";
import type { Recognition } from "./recognize";
import { relationColumns } from "./templates/schema";

export interface Explanation {
  template: { id: string; title: string; shortTitle: string };
  row: string;
  column: string;
  unit?: string;
  basis?: string;
  notApplicable: boolean;
  /** Each relation the cell takes part in, in words. */
  relations: string[];
  /** The notes cited, by number. */
  notes: { n: number; text: string }[];
}

const SUB: Record<string, string> = { national: "国标", provincial: "省标", local: "地标" };

export function explainCell(
  recs: Recognition[],
  sheet: string,
  address: string
): Explanation | undefined {
  const rec = recs.find((r) => r.sheet === sheet);
  if (!rec || rec.kind !== "table") return undefined;
  const { row, col } = fromA1(address);
  const o = rec.grid.origin ?? { row: 0, col: 0 };
  const slotKey = [...rec.match.rows.entries()].find(([, r]) => r === row - o.row)?.[0];
  const column = [...rec.match.columns.entries()].find(([, c]) => c === col - o.col)?.[0];
  if (!slotKey || !column) return undefined;
  const { info, template: t } = rec;
  const slot = info.slots.find((s) => s.key === slotKey)!;
  const leaf = info.leafByKey.get(column)!;
  const words = (k: string) => info.leafByKey.get(k)!.path.join(" › ");
  const label = (k: string) => info.leafByKey.get(k)!.path.at(-1)!;
  const relations: string[] = [];
  const notes = new Set<number>();
  for (const r of t.relations) {
    if (!relationColumns(r).includes(column)) continue;
    if (r.kind === "sum") {
      relations.push(
        `${label(r.total)} = ${r.parts.map(label).join(" + ")}（${r.total === column ? "本格是合计" : "本格是其中一项"}）`
      );
      if (r.note) notes.add(r.note);
    } else if (r.kind === "zero-implies-zero")
      relations.push(`${words(r.when)}为 0 时，${r.then.map(label).join("、")}也应为 0`);
    else if (r.kind === "zero-iff-zero")
      relations.push(`${label(r.a)}与${label(r.b)}同为 0 或同不为 0`);
    else if (r.kind === "at-most")
      relations.push(
        `${r.left.map(words).join(" + ")} 一般不超过 ${r.right.map(words).join(" + ")}（提示性）`
      );
    else {
      relations.push("填了数就要同步提供佐证材料");
      notes.add(r.note);
    }
  }
  if (leaf.basis) notes.add(leaf.basis.note);
  if (t.noBlankNote) notes.add(t.noBlankNote);
  return {
    template: { id: t.id, title: t.title, shortTitle: t.shortTitle },
    row: slot.subRow ? `${slot.label}·${SUB[slot.subRow] ?? slot.subRow}` : slot.label || "数据行",
    column: leaf.path.join(" › "),
    unit: leaf.unit,
    basis: leaf.basis ? basisText(leaf.basis) : undefined,
    notApplicable: info.notApplicable(slot, column),
    relations,
    notes: [...notes].sort((a, b) => a - b).map((n) => ({ n, text: t.notes[String(n)] ?? "" })),
  };
}
