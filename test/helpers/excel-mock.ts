/**
 * An Excel host double for adapter tests: an office-addin-mock context whose sync applies the
 * queued writes to a backing book of values and fills, the way Excel applies a batch. Reads
 * (getCellProperties, loaded values) answer from the book as it is when the batch runs.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetters, fromA1, type Grid } from "../../src/rules/grid";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
}

/** What Excel reports for a cell with no fill. */
export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

export class Book {
  sheets = new Map<
    string,
    { values: Map<string, unknown>; fills: Map<string, Fill>; merges: string[] }
  >();
  add(name: string): this {
    this.sheets.set(name, { values: new Map(), fills: new Map(), merges: [] });
    return this;
  }
  /** Puts a grid's values and merges into a sheet (A1 at the grid's top-left). */
  load(grid: Grid): this {
    this.add(grid.name);
    const s = this.sheets.get(grid.name)!;
    grid.values.forEach((r, i) =>
      r.forEach((v, c) => v !== null && s.values.set(`${columnLetters(c)}${i + 1}`, v))
    );
    s.merges = grid.merges.map(
      (m) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`
    );
    return this;
  }
  /** The sheet as Excel's used range would show it. */
  grid(name: string): Grid {
    const s = this.sheets.get(name)!;
    const values: Grid["values"] = [];
    for (const [cell, v] of s.values) {
      const { row, col } = fromA1(cell);
      while (values.length <= row) values.push([]);
      while (values[row].length <= col) values[row].push(null);
      values[row][col] = v as Grid["values"][number][number];
    }
    return { name, values, merges: [] };
  }
  fill(sheet: string, cell: string): Fill {
    return this.sheets.get(sheet)!.fills.get(cell) ?? NO_FILL;
  }
  setFill(sheet: string, cell: string, f: Fill | undefined) {
    if (f) this.sheets.get(sheet)!.fills.set(cell, { ...f });
    else this.sheets.get(sheet)!.fills.delete(cell);
  }
  value(sheet: string, cell: string): unknown {
    return this.sheets.get(sheet)!.values.get(cell) ?? "";
  }
  /** A deep copy, as if saved and reopened. */
  clone(): Book {
    const b = new Book();
    for (const [name, s] of this.sheets)
      b.sheets.set(name, {
        values: new Map(s.values),
        fills: new Map([...s.fills].map(([k, v]) => [k, { ...v }])),
        merges: [...s.merges],
      });
    return b;
  }
}

function cellsOf(address: string): string[] {
  const out: string[] = [];
  for (const part of address.split(",")) {
    const [a, b = a] = part.trim().split(":");
    const p = fromA1(a);
    const q = fromA1(b);
    for (let r = p.row; r <= q.row; r++)
      for (let c = p.col; c <= q.col; c++) out.push(`${columnLetters(c)}${r + 1}`);
  }
  return out;
}

/** Rows × columns of a rectangle address. */
function shape(address: string) {
  const [a, b = a] = address.split(":");
  const p = fromA1(a);
  const q = fromA1(b);
  return { p, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

/** @param fixtures what insertWorksheetsFromBase64 inserts for a given base64 string. */
export function excelContext(book: Book, fixtures = new Map<string, Grid[]>()) {
  const pending: (() => void)[] = [];
  /** Payload counter: cells touched per request (for the 5 MB budget). */
  const requests: number[] = [0];
  const touch = (n: number) => (requests[requests.length - 1] += n);
  const sheet = (name: string) => ({
    get name() {
      return name;
    },
    set name(to: string) {
      pending.push(() => {
        book.sheets.set(to, book.sheets.get(name)!);
        book.sheets.delete(name);
      });
    },
    delete: () => pending.push(() => book.sheets.delete(name)),
    getUsedRange: () => {
      const used = { values: [] as unknown[][], rowIndex: 0, columnIndex: 0 };
      pending.push(() => {
        const g = book.grid(name);
        const width = Math.max(1, ...g.values.map((r) => r.length));
        used.values = g.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
      });
      const merges = book.sheets.get(name)!.merges;
      return {
        load: () => undefined,
        get values() {
          return used.values;
        },
        rowIndex: 0,
        columnIndex: 0,
        getMergedAreasOrNullObject: () => ({
          load: () => undefined,
          isNullObject: merges.length === 0,
          address: merges.map((m) => `'${name}'!${m}`).join(", "),
        }),
      };
    },
    getRange: (address = "A1:XFD1048576") => {
      let loaded = false;
      const writeRect = (v: unknown[][]) => {
        const { p } = shape(address);
        touch(v.length * (v[0]?.length ?? 0));
        pending.push(() =>
          v.forEach((row, r) =>
            row.forEach((x, c) => {
              const cell = `${columnLetters(p.col + c)}${p.row + r + 1}`;
              if (x === "" || x === null) book.sheets.get(name)!.values.delete(cell);
              else book.sheets.get(name)!.values.set(cell, x);
            })
          )
        );
      };
      return {
        set formulas(v: unknown[][]) {
          writeRect(v);
        },
        set numberFormat(_: unknown[][]) {},
        merge: () => pending.push(() => book.sheets.get(name)!.merges.push(address)),
        clear: () => pending.push(() => book.sheets.get(name)!.values.clear()),
        load: () => (loaded = true),
        get values() {
          if (!loaded) throw new Error("values not loaded");
          return [[book.value(name, address)]];
        },
        set values(v: unknown[][]) {
          writeRect(v);
        },
        select: () => undefined,
        getCellProperties: () => {
          const { p, rows, cols } = shape(address);
          touch(rows * cols);
          let value: unknown;
          pending.push(() => {
            value = Array.from({ length: rows }, (_, r) =>
              Array.from({ length: cols }, (_, c) => ({
                format: {
                  fill: { ...book.fill(name, `${columnLetters(p.col + c)}${p.row + r + 1}`) },
                },
              }))
            );
          });
          return {
            get value() {
              return value;
            },
          };
        },
      };
    },
    getRanges: (addresses: string) => {
      const cells = cellsOf(addresses);
      touch(cells.length);
      const apply = (f: (cell: string) => void) => pending.push(() => cells.forEach(f));
      const fill = {
        set color(c: string) {
          apply((cell) =>
            book.setFill(name, cell, {
              ...book.fill(name, cell),
              color: c,
              pattern:
                book.fill(name, cell).pattern === "None" ? "Solid" : book.fill(name, cell).pattern,
            })
          );
        },
        set pattern(p: string) {
          apply((cell) => book.setFill(name, cell, { ...book.fill(name, cell), pattern: p }));
        },
        set patternColor(c: string) {
          apply((cell) => book.setFill(name, cell, { ...book.fill(name, cell), patternColor: c }));
        },
        clear: () => apply((cell) => book.setFill(name, cell, undefined)),
      };
      return { format: { fill } };
    },
  });
  const context = new OfficeMockObject({}) as unknown as Excel.RequestContext & {
    sync: () => Promise<void>;
  };
  const items = () => [...book.sheets.keys()].map((n) => ({ name: n }));
  (context as unknown as { workbook: unknown }).workbook = {
    worksheets: {
      load: () => undefined,
      get items() {
        return items().map((i) => sheet(i.name));
      },
      getItem: (name: string) => sheet(name),
      add: (name: string) => {
        pending.push(() => book.add(name));
        return sheet(name);
      },
    },
    insertWorksheetsFromBase64: (base64: string) => {
      const result = { value: [] as string[] };
      pending.push(() => {
        for (const g of fixtures.get(base64) ?? []) {
          let n = g.name;
          for (let i = 2; book.sheets.has(n); i++) n = `${g.name} (${i})`;
          book.load({ ...g, name: n });
          result.value.push(n);
        }
      });
      return result;
    },
  };
  const mockSync = context.sync.bind(context);
  const sync = async () => {
    pending.splice(0).forEach((f) => f());
    requests.push(0);
    await mockSync();
  };
  Object.assign(context, { sync });
  return { context, requests };
}

/** A document store that can be "saved and reopened": what was saved survives a new instance. */
export class MemoryStore {
  private data: Record<string, unknown>;
  saved: string;
  constructor(saved = "{}") {
    this.saved = saved;
    this.data = JSON.parse(saved);
  }
  get<T>(key: string) {
    return this.data[key] as T | undefined;
  }
  set(key: string, value: unknown) {
    this.data[key] = JSON.parse(JSON.stringify(value));
  }
  remove(key: string) {
    delete this.data[key];
  }
  async save() {
    this.saved = JSON.stringify(this.data);
  }
}
