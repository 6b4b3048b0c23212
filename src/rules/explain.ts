/**
 * "Explain this cell": where a cell sits in its table and which rules bind it — the row type,
 * the column path, unit, counting basis, the identities and bounds it takes part in, and the
 * notes they come from. Trainers project this.
 */
import { basisText } from "./basis";
import { locateCell, type Recognition } from "./recognize";
import { slotWords } from "./templates/catalog";
import { relationColumns } from "./templates/relations";

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

export function explainCell(
  recs: Recognition[],
  sheet: string,
  address: string
): Explanation | undefined {
  const at = locateCell(recs, sheet, address);
  if (!at?.slot || !at.column) return undefined;
  const { rec, slot: slotKey, column } = at;
  const { info, template: t } = rec;
  const slot = info.slots.find((s) => s.key === slotKey)!;
  const leaf = info.leafByKey.get(column)!;
  const words = (k: string) => info.leafByKey.get(k)!.path.join(" › ");
  const label = (k: string) => {
    const path = info.leafByKey.get(k)!.path;
    return path[path.length - 1];
  };
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
    row: slotWords(slot),
    column: leaf.path.join(" › "),
    unit: leaf.unit,
    basis: leaf.basis ? basisText(leaf.basis) : undefined,
    notApplicable: info.notApplicable(slot, column),
    relations,
    notes: [...notes].sort((a, b) => a - b).map((n) => ({ n, text: t.notes[String(n)] ?? "" })),
  };
}
