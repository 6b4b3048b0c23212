/**
 * An Excel host double for adapter tests: an office-addin-mock context whose sync applies the
 * queued writes to a backing book of values and fills, the way Excel applies a batch. Reads
 * (getCellProperties, loaded values) answer from the book as it is when the batch runs.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetters, fromA1 } from "../../src/rules/grid";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
}

/** What Excel reports for a cell with no fill. */
export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

export class Book {
  sheets = new Map<string, { values: Map<string, unknown>; fills: Map<string, Fill> }>();
  add(name: string): this {
    this.sheets.set(name, { values: new Map(), fills: new Map() });
    return this;
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

export function excelContext(book: Book) {
  const pending: (() => void)[] = [];
  /** Payload counter: cells touched per request (for the 5 MB budget). */
  const requests: number[] = [0];
  const touch = (n: number) => (requests[requests.length - 1] += n);
  const sheet = (name: string) => ({
    name,
    getRange: (address: string) => {
      let loaded = false;
      return {
        load: () => (loaded = true),
        get values() {
          if (!loaded) throw new Error("values not loaded");
          return [[book.value(name, address)]];
        },
        set values(v: unknown[][]) {
          touch(1);
          pending.push(() => book.sheets.get(name)!.values.set(address, v[0][0]));
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
        return items();
      },
      getItem: (name: string) => sheet(name),
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
