/**
 * Practice sheets for training: a correctly filled sheet of a template with N typical mistakes
 * planted from a seed (the same seed gives the same sheet), and how far a trainee has got.
 */
import type { Finding } from "../finding";
import { type CellValue, type Grid, toA1 } from "../grid";
import { recognize } from "../recognize";
import { getTableInfo } from "../templates/catalog";
import type { TableTemplate } from "../templates/schema";
import { filledSheet, seeded } from "./filled";

export interface Planted {
  cell: string;
  /** What was done to the cell, in the trainer's words. */
  what: string;
  /** The finding category that reveals it. */
  category: Finding["category"];
}

export interface Practice {
  grid: Grid;
  planted: Planted[];
}

type Kind = {
  what: (v: number) => string;
  category: Finding["category"];
  write: (v: number) => CellValue;
};

const KINDS: Kind[] = [
  { what: () => "留空", category: "blank", write: () => null },
  { what: () => "填了“无”", category: "not-number", write: () => "无" },
  { what: () => "填了“—”", category: "not-number", write: () => "—" },
  {
    what: (v) =>
      `全角数字“${String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}”`,
    category: "number-format",
    write: (v) => String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  },
  { what: (v) => `带了单位“${v}家”`, category: "number-format", write: (v) => `${v}家` },
  { what: (v) => `负数 -${v + 1}`, category: "negative", write: (v) => -(v + 1) },
  { what: (v) => `小数 ${v}.5`, category: "not-whole", write: (v) => v + 0.5 },
];

export function practiceSheet(
  t: TableTemplate,
  mistakes: number,
  seed: number,
  name = "练习"
): Practice {
  const rand = seeded(seed);
  const grid = {
    ...filledSheet(t, { seed, rowTypes: [t.rows[t.rows.length - 1].key] }).grid,
    name,
  };
  const rec = recognize(grid);
  if (rec.kind !== "table") return { grid, planted: [] };
  const info = getTableInfo(t.id)!;
  const cells = info.slots
    .filter((s) => rec.match.rows.has(s.key) && s.rowType === t.rows[t.rows.length - 1].key)
    .flatMap((slot) =>
      info.leaves
        .filter(
          (l) =>
            l.kind === "number" &&
            l.unit !== "万元" &&
            !info.notApplicable(slot, l.key) &&
            typeof grid.values[rec.match.rows.get(slot.key)!][rec.match.columns.get(l.key)!] ===
              "number"
        )
        .map((l) => ({ row: rec.match.rows.get(slot.key)!, col: rec.match.columns.get(l.key)! }))
    );
  const planted: Planted[] = [];
  for (let i = 0; i < mistakes && cells.length > 0; i++) {
    const [{ row, col }] = cells.splice(Math.floor(rand() * cells.length), 1);
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    const v = Number(grid.values[row][col]);
    grid.values[row][col] = kind.write(v);
    planted.push({ cell: toA1(grid, row, col), what: kind.what(v), category: kind.category });
  }
  return { grid, planted };
}

/** The planted mistakes still flagged in the sheet's current findings. */
export function remaining(planted: Planted[], findings: Finding[]): Planted[] {
  return planted.filter((p) =>
    findings.some((f) => f.cell === p.cell && f.category === p.category)
  );
}
