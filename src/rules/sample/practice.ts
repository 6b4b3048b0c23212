/**
 * Practice sheets for training: a correctly filled sheet of a template with N typical mistakes
 * planted from a seed (the same seed gives the same sheet), and how far a trainee has got.
 */
import type { Finding } from "../finding";
import { checkGrids } from "../check";
import { type CellValue, type Grid, toA1 } from "../grid";
import { recognize } from "../recognize";
import { OWN_SHEETS } from "../own-sheets";
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

/** A practice sheet, or why the number of mistakes asked for cannot be honoured. */
export type PracticeResult = Practice | { refused: string };

/**
 * Plants `mistakes` mistakes, each independent: alone it gives exactly one finding, at its own
 * cell and of its own category (so a slip in a summed cell never also upsets the total), and
 * together they give exactly one finding each. Typing the original value back corrects it.
 * Asking for more than the sheet can hold, or for less than one, is refused with the reason.
 */
export function practiceSheet(
  t: TableTemplate,
  mistakes: number,
  seed: number,
  name = "练习"
): PracticeResult {
  const rand = seeded(seed);
  // Never a real unit's report: no unit's name, and a title that says so (consolidation and 上期对比
  // leave it out: own-sheets.ts).
  const filled = filledSheet(t, {
    seed,
    rowTypes: [t.rows[t.rows.length - 1].key],
    unit: "培训练习",
  });
  const values = filled.grid.values.map((r) => [...r]);
  values[0][0] = `${OWN_SHEETS.practiceSheet.marker}${String(values[0][0] ?? "")}`;
  const grid = { ...filled.grid, values, name };
  const rec = recognize(grid);
  if (rec.kind !== "table" || findingsOf(grid).length > 0)
    return { refused: `${t.shortTitle}不能生成练习表` };
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
  const wanted = Number.isInteger(mistakes) && mistakes >= 1 ? mistakes : Infinity;
  const planted: Planted[] = [];
  // The clean sheet, to try each mistake alone on.
  const base = grid.values.map((r) => [...r]);
  while (planted.length < wanted && cells.length > 0) {
    const [{ row, col }] = cells.splice(Math.floor(rand() * cells.length), 1);
    const v = Number(grid.values[row][col]);
    const first = Math.floor(rand() * KINDS.length);
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[(first + k) % KINDS.length];
      const p = { cell: toA1(grid, row, col), what: kind.what(v), category: kind.category };
      const alone = { ...grid, values: base.map((r) => [...r]) };
      alone.values[row][col] = kind.write(v);
      grid.values[row][col] = kind.write(v);
      if (exactly(findingsOf(alone), [p]) && exactly(findingsOf(grid), [...planted, p])) {
        planted.push(p);
        break;
      }
      grid.values[row][col] = v;
    }
  }
  if (planted.length < mistakes || wanted === Infinity)
    return {
      refused:
        planted.length === 0
          ? `${t.shortTitle}没有可以放错误的格`
          : `错误个数应为 1 到 ${planted.length} 的整数：这张表最多能放 ${planted.length} 处互不影响的错误`,
    };
  return { grid, planted };
}

function findingsOf(grid: Grid): Finding[] {
  return checkGrids([grid]).flatMap((r) => r.findings);
}

/** The findings are exactly one per planted mistake, at its cell and of its category. */
function exactly(findings: Finding[], planted: Planted[]): boolean {
  return (
    findings.length === planted.length &&
    planted.every((p) => findings.some((f) => f.cell === p.cell && f.category === p.category))
  );
}

/** The planted mistakes still flagged in the sheet's current findings. */
export function remaining(planted: Planted[], findings: Finding[]): Planted[] {
  return planted.filter((p) =>
    findings.some((f) => f.cell === p.cell && f.category === p.category)
  );
}
