/**
 * Formulas saved without their result (some tools write none): the simple arithmetic clerks type
 * (=C6+D6+E6, =SUM(N6:Q6), =C7-2*D7) over cells of the same sheet is evaluated; anything else is
 * marked, so a rule says "公式没有计算结果" and the cell is never read as blank. No eval: a small
 * recursive-descent parser.
 */
import { type CellValue, fromA1, type Grid } from "./grid";
import { numericValue } from "./number";

/** What a cell holds when its formula has no result we can give. */
export const NO_RESULT = "#公式没有计算结果";

type Lookup = (row: number, col: number) => number | undefined;

/** The value of `formula` (without "="), or undefined when it is not simple same-sheet arithmetic. */
export function evaluate(formula: string, cell: Lookup): number | undefined {
  const src = formula.replace(/\s+/g, "").toUpperCase();
  let i = 0;
  const ref = () => {
    const m = /^\$?[A-Z]{1,3}\$?\d{1,7}/.exec(src.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return fromA1(m[0].replace(/\$/g, ""));
  };
  const fail = (): never => {
    throw new Error("unsupported");
  };
  const primary = (): number => {
    if (src[i] === "(") {
      i++;
      const v = expr();
      if (src[i++] !== ")") fail();
      return v;
    }
    if (src[i] === "-") return (i++, -primary());
    if (src[i] === "+") return (i++, primary());
    if (src.startsWith("SUM(", i)) {
      i += 4;
      let total = 0;
      for (;;) {
        const start = i;
        const a = ref();
        if (a && src[i] === ":") {
          i++;
          const b = ref() ?? fail();
          for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
            for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++)
              total += cell(r, c) ?? 0;
        } else {
          i = start;
          total += expr();
        }
        if (src[i] === ",") i++;
        else if (src[i] === ")") return (i++, total);
        else fail();
      }
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) return ((i += num[0].length), Number(num[0]));
    const a = ref() ?? fail();
    return cell(a.row, a.col) ?? 0;
  };
  const term = (): number => {
    let v = primary();
    while (src[i] === "*" || src[i] === "/") {
      const op = src[i++];
      const w = primary();
      v = op === "*" ? v * w : w === 0 ? fail() : v / w;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (src[i] === "+" || src[i] === "-") v = src[i++] === "+" ? v + term() : v - term();
    return v;
  };
  try {
    const v = expr();
    return i === src.length && Number.isFinite(v) ? Math.round(v * 1e9) / 1e9 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fills in the cells whose formula had no saved result: evaluated where possible (a formula may
 * use another such cell), NO_RESULT otherwise. `pending` holds grid positions (0-based, grid
 * coordinates, i.e. before the origin) and their formulas.
 */
export function fillFormulaResults(
  grid: Grid,
  pending: { row: number; col: number; formula: string }[]
): void {
  const o = grid.origin ?? { row: 0, col: 0 };
  const key = (r: number, c: number) => `${r},${c}`;
  const todo = new Map(pending.map((p) => [key(p.row, p.col), p]));
  const busy = new Set<string>();
  const value = (r: number, c: number): number | undefined => {
    const k = key(r, c);
    const p = todo.get(k);
    if (p) {
      if (busy.has(k)) return undefined; // a circular reference
      busy.add(k);
      settle(p);
    }
    const v: CellValue = grid.values[r]?.[c] ?? null;
    return v === NO_RESULT ? Number.NaN : numericValue(v);
  };
  const settle = (p: { row: number; col: number; formula: string }) => {
    todo.delete(key(p.row, p.col));
    // References are sheet addresses: shift them into the grid.
    const v = evaluate(p.formula, (r, c) => value(r - o.row, c - o.col));
    grid.values[p.row][p.col] = v === undefined ? NO_RESULT : v;
  };
  for (const p of pending) if (todo.has(key(p.row, p.col))) settle(p);
}
