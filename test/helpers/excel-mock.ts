/**
 * An Excel host double for adapter tests that behaves as Excel is documented to, not as the code
 * under test would like. Work is queued and applied at context.sync(), in order; a failing action
 * fails the request (the actions before it stay applied, nothing after it runs, nothing loaded in
 * it can be read), as Office.js batches do. Each documented behaviour carries its source:
 *   [d.ts]  node_modules/@types/office-js/index.d.ts (the Excel JavaScript API reference text)
 *   [docs]  office-js-docs (learn.microsoft.com/office/dev/add-ins/…), named page
 */
import type ExcelJS from "exceljs";
import { columnLetters, fromA1, type Grid } from "../../src/rules/grid";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  /** [d.ts] CellPropertiesFill.tintAndShade / patternTintAndShade (ExcelApi 1.9): theme tints. */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** What Excel reports for a cell with no fill. */
export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

/** Things a sheet may hold that Excel on the web cannot insert ([d.ts] insertWorksheetsFromBase64). */
export type Feature = "comment" | "chart" | "pivot" | "slicer";
/**
 * formulas: A1 → "=…" of the file's formula cells, whose values hold their saved results;
 * protection and unlocked: the sheet's protection as the file has it (see Sheet).
 */
export type FixtureSheet = Grid & {
  features?: Feature[];
  formulas?: Map<string, string>;
  protection?: Protection;
  unlocked?: string[];
};

/**
 * [d.ts] WorksheetProtectionOptions (ExcelApi 1.2; allowEditObjects, allowEditScenarios and
 * selectionMode 1.7), every field as Excel reports it once loaded.
 */
export type ProtectionOptions = Required<Excel.WorksheetProtectionOptions>;

/** What protect() leaves unset: nothing allowed but selecting ([d.ts] protect: options "Optional"). */
export const PROTECTION_DEFAULTS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

/** A protected sheet's options and password ("" or absent: none). */
export interface Protection {
  options: ProtectionOptions;
  password?: string;
}

export interface Sheet {
  /** [d.ts] Worksheet.id: "Returns a value that uniquely identifies the worksheet in a given workbook. The value of the identifier remains the same even when the worksheet is renamed or moved." */
  id: string;
  /** Constants: numbers (dates are serial numbers), text, booleans. For a formula cell, its last result. */
  values: Map<string, unknown>;
  /** Formula text ("=SUM(…)") of formula cells. */
  formulas: Map<string, string>;
  /** Number formats other than "General" ("@" is text, "yyyy/m/d" a date). */
  formats: Map<string, string>;
  fills: Map<string, Fill>;
  merges: string[];
  /** Column index → width in points, where one was set ([d.ts] RangeFormat.columnWidth). */
  widths: Map<number, number>;
  features: Feature[];
  /** [d.ts] Worksheet.visibility: "The visibility of the worksheet." ("Visible" | "Hidden" | "VeryHidden") */
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** [d.ts] WorksheetProtection.protected / options (ExcelApi 1.2); undefined while unprotected. */
  protection?: Protection;
  /**
   * Cells whose [d.ts] FormatProtection.locked is false. Every other cell is locked, as in Excel
   * ([docs] support.microsoft.com "Protect a worksheet": "By default, all cells on a worksheet
   * are locked"; locking takes effect once the sheet is protected).
   */
  unlocked: Set<string>;
  /**
   * [d.ts] HeaderFooter.leftHeader (ExcelApi 1.9): "The left header of the worksheet. To apply
   * formatting or insert variable values, use format codes", of PageLayout.headersFooters
   * .defaultForAllPages: "The general header/footer, used for all pages unless even/odd or first
   * page is specified."
   */
  leftHeader?: string;
}

let nextId = 1;
const newId = () =>
  `{${(nextId++).toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`;

/** Days from 1899-12-30: Excel's date serial ([docs] "Work with dates using the Excel JavaScript API"). */
export const serialOf = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

export class Book {
  sheets = new Map<string, Sheet>();
  /** The user is typing in a cell ([d.ts] RunOptions.delayForCellEdit). */
  editing = false;
  /**
   * The host keeps the user's undo history through an add-in's writes ([docs] "Undo capabilities
   * with the Excel JavaScript API", "Check for undo support": isSetSupported("ExcelUndoApiAll",
   * "1.0"); ExcelApi 1.20 "adds undo support for Excel JavaScript APIs"). False for an older
   * Excel (the perpetual 2016/2019), where any write clears it (OfficeDev/office-js#3788: "most of
   * the set operation of Excel API will disable undo/redo operation, it's a by-design behavior").
   */
  undoKept = true;
  /**
   * The calls that cleared the user's undo history, in order: on a host that keeps it, the undo
   * page's "unsupported APIs" ("the user's undo stack is cleared starting from that API call"),
   * and the document's settings saved (MemoryStore, OfficeDev/office-js#3141); on one that does
   * not, every write.
   */
  undoCleared: string[] = [];
  private editEnded: (() => void)[] = [];

  add(name: string, features: Feature[] = []): this {
    this.sheets.set(name, {
      id: newId(),
      values: new Map(),
      formulas: new Map(),
      formats: new Map(),
      fills: new Map(),
      merges: [],
      widths: new Map(),
      features,
      visibility: "Visible",
      unlocked: new Set(),
    });
    return this;
  }
  /** Puts a grid's values and merges into a sheet (A1 at the grid's top-left), as a file holds them: text stays text. */
  load(grid: FixtureSheet): this {
    this.add(grid.name, grid.features);
    const s = this.sheets.get(grid.name)!;
    const o = grid.origin ?? { row: 0, col: 0 };
    grid.values.forEach((r, i) =>
      r.forEach(
        (v, c) => v !== null && s.values.set(`${columnLetters(c + o.col)}${i + o.row + 1}`, v)
      )
    );
    s.merges = grid.merges.map(
      (m) =>
        `${columnLetters(m.left + o.col)}${m.top + o.row + 1}:${columnLetters(m.right + o.col)}${m.bottom + o.row + 1}`
    );
    for (const [cell, f] of grid.formulas ?? []) s.formulas.set(cell, f);
    for (const cell of grid.unlocked ?? []) s.unlocked.add(cell);
    if (grid.protection) this.protect(grid.name, grid.protection.options, grid.protection.password);
    return this;
  }
  /** Unlocks cells (A1), as Format Cells → Protection → Locked off does before protecting. */
  unlock(sheet: string, cells: string[]): this {
    for (const c of cells) this.sheets.get(sheet)!.unlocked.add(c);
    return this;
  }
  /** Protects a sheet as 审阅 → 保护工作表 does (options not given are not allowed). */
  protect(sheet: string, options: Excel.WorksheetProtectionOptions = {}, password?: string): this {
    this.sheets.get(sheet)!.protection = {
      options: { ...PROTECTION_DEFAULTS, ...options },
      ...(password ? { password } : {}),
    };
    return this;
  }
  /** Whether a cell is locked (it counts only while the sheet is protected). */
  locked(sheet: string, cell: string): boolean {
    return !this.sheets.get(sheet)!.unlocked.has(cell);
  }
  /** The sheets insertWorksheetsFromBase64 inserts from a workbook: values, formulas and merges as the file has them. */
  static insertable(wb: ExcelJS.Workbook): FixtureSheet[] {
    return [...Book.fromWorkbook(wb).sheets].map(([name, s]) => {
      const values: Grid["values"] = [];
      for (const [cell, v] of s.values) {
        const { row, col } = fromA1(cell);
        while (values.length <= row) values.push([]);
        while (values[row].length <= col) values[row].push(null);
        values[row][col] = v as Grid["values"][number][number];
      }
      const merges = s.merges.map((m) => {
        const [a, b] = m.split(":").map(fromA1);
        return { top: a.row, left: a.col, bottom: b.row, right: b.col };
      });
      return { name, values, merges, formulas: s.formulas };
    });
  }
  /** Opens an exceljs workbook as Excel would: dates become serial numbers with their date format. */
  static fromWorkbook(wb: ExcelJS.Workbook): Book {
    const book = new Book();
    for (const ws of wb.worksheets) {
      book.add(ws.name);
      const s = book.sheets.get(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const v = cell.value;
          if (v instanceof Date) {
            s.values.set(cell.address, v.getTime() / 86400000 + 25569);
            s.formats.set(cell.address, cell.numFmt || "yyyy/m/d");
          } else if (v && typeof v === "object" && "formula" in v) {
            s.formulas.set(cell.address, `=${v.formula}`);
            s.values.set(cell.address, (v as { result?: unknown }).result ?? 0);
          } else if (v && typeof v === "object" && "richText" in v)
            s.values.set(cell.address, v.richText.map((p) => p.text).join(""));
          else if (v !== null && v !== undefined) {
            s.values.set(cell.address, v);
            if (cell.numFmt && cell.numFmt !== "General") s.formats.set(cell.address, cell.numFmt);
          }
        })
      );
      s.merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).map(
        (k) =>
          String((ws as unknown as { _merges: Record<string, { range: string }> })._merges[k].range)
      );
    }
    return book;
  }
  /** The sheet's cell contents (constants as stored, formulas as text) laid out from A1, for recognition in tests. */
  grid(name: string): Grid {
    const s = this.sheets.get(name)!;
    const values: Grid["values"] = [];
    for (const cell of new Set([...s.values.keys(), ...s.formulas.keys()])) {
      const { row, col } = fromA1(cell);
      while (values.length <= row) values.push([]);
      while (values[row].length <= col) values[row].push(null);
      values[row][col] = this.value(name, cell) as Grid["values"][number][number];
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
  /** What the cell holds as typed: its formula, or its constant ("" when empty). */
  value(sheet: string, cell: string): unknown {
    const s = this.sheets.get(sheet)!;
    return s.formulas.get(cell) ?? s.values.get(cell) ?? "";
  }
  format(sheet: string, cell: string): string {
    return this.sheets.get(sheet)!.formats.get(cell) ?? "General";
  }
  /** A formula cell with the result Excel last computed for it. */
  setFormula(sheet: string, cell: string, formula: string, result: unknown): this {
    this.sheets.get(sheet)!.formulas.set(cell, formula);
    this.sheets.get(sheet)!.values.set(cell, result);
    return this;
  }
  /** The sheet called `key`, or whose id is `key`; names compare ignoring case, as Excel's do. */
  find(key: string): [string, Sheet] | undefined {
    for (const entry of this.sheets) if (entry[1].id === key) return entry;
    for (const entry of this.sheets) if (entry[0].toLowerCase() === key.toLowerCase()) return entry;
    return undefined;
  }
  rename(from: string, to: string) {
    // Renaming keeps the sheet's place (and its id).
    this.sheets = new Map([...this.sheets].map(([n, s]) => [n === from ? to : n, s]));
  }
  startEdit() {
    this.editing = true;
  }
  /** The user presses Enter: batches waiting for cell edit to end run. */
  endEdit() {
    this.editing = false;
    this.editEnded.splice(0).forEach((f) => f());
  }
  whenNotEditing(): Promise<void> {
    return this.editing ? new Promise((r) => this.editEnded.push(r)) : Promise.resolve();
  }
  /** A deep copy, as if saved and reopened. */
  clone(): Book {
    const b = new Book();
    for (const [name, s] of this.sheets)
      b.sheets.set(name, {
        id: s.id,
        values: new Map(s.values),
        formulas: new Map(s.formulas),
        formats: new Map(s.formats),
        fills: new Map([...s.fills].map(([k, v]) => [k, { ...v }])),
        merges: [...s.merges],
        widths: new Map(s.widths),
        features: [...s.features],
        visibility: s.visibility,
        protection: s.protection && {
          options: { ...s.protection.options },
          ...(s.protection.password ? { password: s.protection.password } : {}),
        },
        unlocked: new Set(s.unlocked),
      });
    return b;
  }
}

/** An error as Office.js reports it: OfficeExtension.Error has a `code` ([d.ts] Excel.ErrorCodes). */
export class HostError extends Error {
  constructor(
    public code: string,
    message = code
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function cellsOf(address: string): string[] {
  const out: string[] = [];
  for (const part of address.split(",")) {
    const { p, rows, cols } = shape(part.trim());
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) out.push(`${columnLetters(p.col + c)}${p.row + r + 1}`);
  }
  return out;
}

/** Rows × columns of a rectangle address ("A1:B2", "A1", or a whole sheet). */
function shape(address: string) {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  const [a, b = a] = bare.split(":");
  const p = fromA1(a);
  const q = fromA1(b);
  return { p, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

const cellAt = (p: { row: number; col: number }, r: number, c: number) =>
  `${columnLetters(p.col + c)}${p.row + r + 1}`;

/** [docs] "Resource limits and performance optimization for Office Add-ins": Excel on the web limits requests and responses to 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** [d.ts] getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this method will fail". */
export const MERGED_AREAS_LIMIT = 512;
/** [docs] "Excel specifications and limits": formula contents 8,192 characters; 255 arguments to a function. */
export const FORMULA_LENGTH_LIMIT = 8192;
export const ARGUMENTS_LIMIT = 255;

const utf8 = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), "utf8");

/** The most arguments any one function call in the formula has. */
function mostArguments(formula: string): number {
  let most = 0;
  const stack: number[] = [];
  let quoted: string | undefined;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (quoted) {
      if (ch === quoted) quoted = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quoted = ch;
    else if (ch === "(") stack.push(formula[i + 1] === ")" ? 0 : 1);
    else if (ch === "," && stack.length) stack[stack.length - 1]++;
    else if (ch === ")") most = Math.max(most, stack.pop() ?? 0);
  }
  return most;
}

/** [docs] "Excel specifications and limits"; Excel refuses to enter such a formula. */
function checkFormula(f: string) {
  if (f.length > FORMULA_LENGTH_LIMIT)
    throw new HostError("InvalidArgument", `formula of ${f.length} characters`);
  if (mostArguments(f) > ARGUMENTS_LIMIT)
    throw new HostError("InvalidArgument", "more than 255 arguments to a function");
}

/**
 * [docs] "Rename a worksheet" / Excel's rules for sheet names: 1–31 characters; none of
 * [ ] : * ? / \; not starting or ending with an apostrophe; not "History" (reserved); unique
 * in the workbook ignoring case.
 */
export function checkSheetName(book: Book, name: string, self?: Sheet) {
  const bad =
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history";
  if (bad) throw new HostError("InvalidArgument", `invalid sheet name: ${name}`);
  const taken = book.find(name);
  if (taken && taken[1] !== self && taken[0].toLowerCase() === name.toLowerCase())
    throw new HostError("ItemAlreadyExists", `sheet exists: ${name}`);
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/**
 * What a cell becomes when a value is written through Range.values ([d.ts] Range.values: "If the
 * returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula"; and as typing does: numeric text becomes a number, a date text a
 * date serial), unless the cell's number format is text ("@"), which keeps text as given.
 */
function enter(s: Sheet, cell: string, x: unknown, asFormula: boolean) {
  s.values.delete(cell);
  s.formulas.delete(cell);
  if (x === "" || x === null || x === undefined) return;
  if (typeof x !== "string") {
    s.values.set(cell, x);
    return;
  }
  if (s.formats.get(cell) === "@" && !asFormula) {
    s.values.set(cell, x);
    return;
  }
  if (x.startsWith("'")) {
    s.values.set(cell, x.slice(1)); // the quote prefix: text, shown without the apostrophe
    return;
  }
  const num = x.trim().replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(num)) {
    const n = Number(num.replace(/%$/, ""));
    s.values.set(cell, num.endsWith("%") ? n / 100 : n);
    return;
  }
  const d = ISO_DATE.exec(x.trim());
  if (d) {
    s.values.set(cell, serialOf(+d[1], +d[2], +d[3]));
    if (!s.formats.has(cell)) s.formats.set(cell, "yyyy/m/d");
    return;
  }
  if (/^[=+-]./.test(x)) {
    const f = x.startsWith("=") ? x : `=${x}`;
    checkFormula(f);
    s.formulas.set(cell, f);
    return;
  }
  s.values.set(cell, x);
}

export interface HostOptions {
  /** "web" (the default) enforces Excel on the web's limits: 5 MB requests, no comments/charts on insert. */
  platform?: "web" | "windows";
  /** Loads the request with no delay for cell edit ([d.ts] RunOptions). */
  delayForCellEdit?: boolean;
}

type Loaded = Record<string, unknown>;

/** @param fixtures what insertWorksheetsFromBase64 inserts for a given base64 string. */
export function excelContext(
  book: Book,
  fixtures = new Map<string, FixtureSheet[]>(),
  options: HostOptions = {}
) {
  const web = (options.platform ?? "web") === "web";
  /** Queued actions: each applies itself and returns the bytes of its answer (0 if none). */
  let pending: { sent: number; run: () => number }[] = [];
  /** Objects whose loaded properties are readable (set when their request succeeds). */
  const readable = new WeakSet<object>();
  let staged: object[] = [];
  /** Cells touched per request (the payload, in cells). */
  const requests: number[] = [0];
  /** UTF-8 bytes sent + received per request. */
  const bytes: number[] = [];
  const touch = (n: number) => (requests[requests.length - 1] += n);
  const queue = (sent: unknown, run: () => number | void) =>
    pending.push({ sent: utf8(sent), run: () => run() ?? 0 });
  /**
   * A write reaching the host, by its API name, and whether the undo page's table lists it as
   * unsupported: "everywhere" (Worksheet.delete, WorksheetProtection.protect/unprotect,
   * Workbook.insertWorksheetsFromBase64) or "desktop" (Worksheet.name and Worksheet.visibility:
   * supported in Excel on the web, not on Windows and Mac). Every write clears undo on a host that
   * does not keep it (Book.undoKept).
   */
  const wrote = (api: string, unsupported: "everywhere" | "desktop" | "no" = "no") => {
    if (!book.undoKept || unsupported === "everywhere" || (unsupported === "desktop" && !web))
      book.undoCleared.push(api);
  };

  /** An object whose loaded properties can be read only after the request that loaded them. */
  const loadable = (fill: (props: Set<string>) => Loaded) => {
    const data: Loaded = {};
    const obj = {
      load(props?: string | string[]) {
        const names = new Set(
          (Array.isArray(props) ? props : String(props ?? "").split(","))
            .map((p) => p.trim())
            .filter(Boolean)
        );
        queue({ load: [...names] }, () => {
          Object.assign(data, fill(names));
          staged.push(obj);
          return utf8(data);
        });
        return obj;
      },
      read(prop: string) {
        if (!readable.has(obj) || !(prop in data))
          throw new HostError("PropertyNotLoaded", `${prop} not loaded`);
        return data[prop];
      },
    };
    return obj;
  };

  const sheetOf = (key: string) => {
    const found = book.find(key);
    if (!found) throw new HostError("ItemNotFound", `no sheet ${key}`);
    return found;
  };

  /** How many of a rectangle's cells are unlocked (counted from the few unlocked ones). */
  const unlockedIn = (s: Sheet, p: { row: number; col: number }, rows: number, cols: number) => {
    let n = 0;
    for (const c of s.unlocked) {
      const a = fromA1(c);
      if (a.row >= p.row && a.row < p.row + rows && a.col >= p.col && a.col < p.col + cols) n++;
    }
    return n;
  };
  /**
   * A protected sheet refuses values and formulas in any locked cell of the range, the whole
   * write failing. The Excel JavaScript API reference does not name the error for this case; the
   * Excel service behind Microsoft Graph answers a write over a locked cell with AccessDenied,
   * "You cannot perform the requested operation." (microsoftgraph/microsoft-graph-docs#4546), the
   * code [docs] "Error handling with the application-specific JavaScript APIs" lists for that
   * message, and the one [d.ts] gives for what protection refuses ("If worksheet protection is
   * enabled and not paused, this method throws an `AccessDenied` error").
   */
  const guardContents = (s: Sheet, p: { row: number; col: number }, rows: number, cols: number) => {
    if (s.protection && unlockedIn(s, p, rows, cols) < rows * cols)
      throw new HostError("AccessDenied", "You cannot perform the requested operation.");
  };
  /**
   * Formatting a protected sheet needs its option, locked cell or not ([docs] support.microsoft.com
   * "Protect a worksheet": Format cells is "changing any of the options in the Format Cells or
   * Conditional Formatting dialog boxes", so number formats, fills and merging; Format columns
   * "changing column width"). Refused as above, AccessDenied.
   */
  const guardFormat = (s: Sheet, allow: "allowFormatCells" | "allowFormatColumns") => {
    if (s.protection && !s.protection.options[allow])
      throw new HostError("AccessDenied", "You cannot perform the requested operation.");
  };

  /**
   * [d.ts] RangeFormat.protection (ExcelApi 1.2): FormatProtection.locked, "A `null` value
   * indicates that the entire range doesn't have a uniform lock setting."
   */
  const cellProtection = (
    key: () => string,
    geometry: () => { p: { row: number; col: number }; rows: number; cols: number }
  ) => {
    const lo = loadable((names) => {
      const [, s] = sheetOf(key());
      const { p, rows, cols } = geometry();
      const out: Loaded = {};
      for (const n of names) {
        if (n !== "locked") throw new HostError("InvalidArgument", `unknown property ${n}`);
        const open = unlockedIn(s, p, rows, cols);
        out.locked = open === 0 ? true : open === rows * cols ? false : null;
      }
      return out;
    });
    const obj = {
      load: (props: string) => (lo.load(props), obj),
      get locked() {
        return lo.read("locked") as boolean; // null when mixed, as the d.ts types it
      },
      /**
       * Locking cells is done before protecting (Format Cells → Protection); on a protected sheet
       * the double refuses it (the reference is silent; SRS never changes a cell's lock).
       */
      set locked(v: boolean) {
        queue({ set: "locked", v }, () => {
          wrote("FormatProtection.locked");
          const [, s] = sheetOf(key());
          if (s.protection) throw new HostError("AccessDenied", "the sheet is protected");
          const { p, rows, cols } = geometry();
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < cols; c++)
              if (v) s.unlocked.delete(cellAt(p, r, c));
              else s.unlocked.add(cellAt(p, r, c));
        });
      },
    };
    return obj;
  };

  const rangeObject = (key: () => string, address: () => string) => {
    const geometry = () => shape(address());
    const lo = loadable((names) => {
      const [name, s] = sheetOf(key());
      const { p, rows, cols } = geometry();
      const grid = (f: (cell: string) => unknown) =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => f(cellAt(p, r, c)))
        );
      const out: Loaded = {};
      touch(rows * cols);
      for (const n of names) {
        // [d.ts] Range.values: formulas' results, dates as serial numbers; "" for empty cells.
        if (n === "values")
          out.values = grid((c) => s.values.get(c) ?? (s.formulas.has(c) ? 0 : ""));
        else if (n === "formulas")
          out.formulas = grid((c) => s.formulas.get(c) ?? s.values.get(c) ?? "");
        else if (n === "numberFormat")
          out.numberFormat = grid((c) => s.formats.get(c) ?? "General");
        else if (n === "valueTypes")
          out.valueTypes = grid((c) => {
            const v = s.values.get(c) ?? (s.formulas.has(c) ? 0 : "");
            return v === ""
              ? "Empty"
              : typeof v === "number"
                ? "Double"
                : typeof v === "boolean"
                  ? "Boolean"
                  : "String";
          });
        else if (n === "rowIndex") out.rowIndex = p.row;
        else if (n === "columnIndex") out.columnIndex = p.col;
        else if (n === "rowCount") out.rowCount = rows;
        else if (n === "columnCount") out.columnCount = cols;
        else if (n === "address") out.address = `'${name}'!${address()}`;
        else throw new HostError("InvalidArgument", `unknown property ${n}`);
      }
      return out;
    });
    const prop = (n: string) => lo.read(n) as unknown[][];
    const write = (asFormula: boolean) => (v: unknown[][]) => {
      const { p, rows, cols } = geometry();
      if (v.length !== rows || v.some((r) => r.length !== cols))
        throw new HostError("InvalidArgument", "the values' size does not match the range");
      touch(rows * cols);
      queue({ set: asFormula ? "formulas" : "values", v }, () => {
        wrote(asFormula ? "Range.formulas" : "Range.values");
        const [, s] = sheetOf(key());
        guardContents(s, p, rows, cols);
        v.forEach((row, r) => row.forEach((x, c) => enter(s, cellAt(p, r, c), x, asFormula)));
      });
    };
    return {
      load(props: string) {
        lo.load(props);
      },
      get values() {
        return prop("values");
      },
      set values(v: unknown[][]) {
        write(false)(v);
      },
      get formulas() {
        return prop("formulas");
      },
      set formulas(v: unknown[][]) {
        write(true)(v);
      },
      get numberFormat() {
        return prop("numberFormat");
      },
      set numberFormat(v: unknown[][]) {
        const { p } = geometry();
        queue({ set: "numberFormat", v }, () => {
          wrote("Range.numberFormat");
          const [, s] = sheetOf(key());
          guardFormat(s, "allowFormatCells");
          v.forEach((row, r) =>
            row.forEach((f, c) => {
              const cell = cellAt(p, r, c);
              if (f === "General") s.formats.delete(cell);
              else s.formats.set(cell, String(f));
            })
          );
        });
      },
      get valueTypes() {
        return prop("valueTypes");
      },
      get rowIndex() {
        return prop("rowIndex");
      },
      get columnIndex() {
        return prop("columnIndex");
      },
      get rowCount() {
        return prop("rowCount");
      },
      get columnCount() {
        return prop("columnCount");
      },
      get address() {
        return prop("address");
      },
      merge: () =>
        queue({ call: "merge" }, () => {
          wrote("Range.merge");
          const [, s] = sheetOf(key());
          guardFormat(s, "allowFormatCells");
          s.merges.push(address());
        }),
      format: {
        /** [d.ts] RangeFormat.columnWidth: "Specifies the width of all columns within the range." */
        set columnWidth(w: number) {
          const { p, cols } = geometry();
          queue({ set: "columnWidth", w }, () => {
            wrote("RangeFormat.columnWidth");
            if (typeof w !== "number" || !(w >= 0))
              throw new HostError("InvalidArgument", `columnWidth ${w}`);
            const [, s] = sheetOf(key());
            guardFormat(s, "allowFormatColumns");
            for (let c = 0; c < cols; c++) s.widths.set(p.col + c, w);
          });
        },
        protection: cellProtection(key, geometry),
      },
      clear: (what?: string) =>
        queue({ call: "clear", what }, () => {
          wrote("Range.clear");
          const [, s] = sheetOf(key());
          const { p, rows, cols } = geometry();
          guardContents(s, p, rows, cols);
          const inside = (c: string) => {
            const a = fromA1(c);
            return a.row >= p.row && a.row < p.row + rows && a.col >= p.col && a.col < p.col + cols;
          };
          for (const c of [...s.values.keys(), ...s.formulas.keys()].filter(inside)) {
            s.values.delete(c);
            s.formulas.delete(c);
          }
        }),
      select: () => queue({ call: "select" }, () => undefined),
      getMergedAreasOrNullObject: () => {
        const result: Loaded = {};
        const obj = {
          load: (p: string) =>
            queue({ load: p }, () => {
              const [name, s] = sheetOf(key());
              const { p: at, rows, cols } = geometry();
              const inside = s.merges.filter((m) => {
                const q = shape(m).p;
                return (
                  q.row >= at.row &&
                  q.row < at.row + rows &&
                  q.col >= at.col &&
                  q.col < at.col + cols
                );
              });
              if (inside.length > MERGED_AREAS_LIMIT)
                throw new HostError("GeneralException", "too many merged areas");
              result.isNullObject = inside.length === 0;
              result.address = inside.map((m) => `'${name}'!${m}`).join(",");
              staged.push(obj);
              return utf8(result.address);
            }),
          get isNullObject() {
            if (!readable.has(obj)) throw new HostError("PropertyNotLoaded", "isNullObject");
            return result.isNullObject;
          },
          get address() {
            if (!readable.has(obj) || result.isNullObject)
              throw new HostError("PropertyNotLoaded", "address");
            return result.address;
          },
        };
        return obj;
      },
      getCellProperties: (spec: { format?: { fill?: Record<string, boolean> } }) => {
        const { p, rows, cols } = geometry();
        touch(rows * cols);
        let value: unknown;
        const obj = {
          get value() {
            if (!readable.has(obj)) throw new HostError("PropertyNotLoaded", "value");
            return value;
          },
        };
        const wanted = Object.keys(spec.format?.fill ?? {});
        queue({ call: "getCellProperties", spec }, () => {
          const [name] = sheetOf(key());
          value = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => {
              const f = book.fill(name, cellAt(p, r, c)) as unknown as Record<string, unknown>;
              // [d.ts] CellPropertiesFill: tints read 0 where none is set.
              const all: Record<string, unknown> = {
                tintAndShade: 0,
                patternTintAndShade: 0,
                ...f,
              };
              return { format: { fill: Object.fromEntries(wanted.map((k) => [k, all[k]])) } };
            })
          );
          staged.push(obj);
          return utf8(value);
        });
        return obj;
      },
    };
  };

  /** [d.ts] Worksheet.getUsedRange(valuesOnly): the smallest range holding every value (A1 on an empty sheet). */
  const usedAddress = (key: () => string) => {
    const [, s] = sheetOf(key());
    const cells = [...new Set([...s.values.keys(), ...s.formulas.keys()])].map(fromA1);
    if (!cells.length) return "A1";
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const c of cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    return `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
  };

  const fillOf = (key: () => string, addresses: string) => {
    const cells = cellsOf(addresses);
    touch(cells.length);
    const apply = (what: unknown, f: (s: string, cell: string) => void) =>
      queue(what, () => {
        wrote("RangeFill");
        const [name, s] = sheetOf(key());
        guardFormat(s, "allowFormatCells");
        cells.forEach((c) => f(name, c));
      });
    return {
      set color(c: string) {
        // An RGB colour replaces a theme colour and its tint (OOXML CT_Color: rgb, or theme with
        // tint), so the tint goes unless set again after the colour.
        apply({ color: c }, (n, cell) => {
          const f = { ...book.fill(n, cell) };
          delete f.tintAndShade;
          book.setFill(n, cell, {
            ...f,
            color: c,
            pattern: f.pattern === "None" ? "Solid" : f.pattern,
          });
        });
      },
      set pattern(p: string) {
        // [d.ts] RangeFill.pattern: "LinearGradient and RectangularGradient are not supported."
        if (/Gradient$/.test(p)) throw new HostError("InvalidArgument", p);
        apply({ pattern: p }, (n, cell) =>
          book.setFill(n, cell, { ...book.fill(n, cell), pattern: p })
        );
      },
      set patternColor(c: string) {
        apply({ patternColor: c }, (n, cell) =>
          book.setFill(n, cell, { ...book.fill(n, cell), patternColor: c })
        );
      },
      set tintAndShade(t: number) {
        apply({ tintAndShade: t }, (n, cell) =>
          book.setFill(n, cell, { ...book.fill(n, cell), tintAndShade: t })
        );
      },
      set patternTintAndShade(t: number) {
        apply({ patternTintAndShade: t }, (n, cell) =>
          book.setFill(n, cell, { ...book.fill(n, cell), patternTintAndShade: t })
        );
      },
      clear: () => apply({ call: "clear" }, (n, cell) => book.setFill(n, cell, undefined)),
    };
  };

  /**
   * A worksheet proxy. getItem resolves its key (a name or an id) where it stands in the batch;
   * from then on the proxy follows that sheet by id, through renames.
   */
  const sheet = (key: string, loaded?: Loaded, resolveNow = true) => {
    let id: string | undefined;
    const resolve = () => id ?? (id = sheetOf(key)[1].id);
    if (resolveNow) queue({ call: "getItem", key }, () => void resolve());
    const lo = loadable((names) => {
      const [name, s] = sheetOf(resolve());
      const out: Loaded = {};
      for (const n of names)
        out[n] =
          n === "name" ? name : n === "id" ? s.id : n === "visibility" ? s.visibility : undefined;
      return out;
    });
    const read = (n: "name" | "id" | "visibility") =>
      (loaded && n in loaded ? loaded[n] : lo.read(n)) as string;
    const guard = loadable((names) => {
      const [, s] = sheetOf(resolve());
      const out: Loaded = {};
      for (const n of names)
        if (n === "protected") out.protected = !!s.protection;
        else if (n === "options")
          out.options = { ...(s.protection?.options ?? PROTECTION_DEFAULTS) };
        else throw new HostError("InvalidArgument", `unknown property ${n}`);
      return out;
    });
    /** [d.ts] Worksheet.protection: WorksheetProtection (ExcelApi 1.2). */
    const protection = {
      load: (props: string | string[]) => (guard.load(props), protection),
      get protected() {
        return (
          loaded && "protection/protected" in loaded
            ? loaded["protection/protected"]
            : guard.read("protected")
        ) as boolean;
      },
      get options() {
        return guard.read("options") as ProtectionOptions;
      },
      /**
       * [d.ts] protect: "Protects a worksheet. Fails if the worksheet has already been
       * protected." The code is not documented; Excel answers AccessDenied
       * (OfficeDev/office-js#6784).
       */
      protect: (options: Excel.WorksheetProtectionOptions = {}, password?: string) =>
        queue({ call: "protect", options }, () => {
          wrote("WorksheetProtection.protect", "everywhere");
          const [name, s] = sheetOf(resolve());
          if (s.protection) throw new HostError("AccessDenied", "already protected");
          book.protect(name, options, password);
        }),
      /**
       * [d.ts] unprotect(password?): "Unprotects a worksheet." On a sheet already unprotected it
       * does nothing (throwing there was a regression, OfficeDev/office-js#6784). Without the
       * sheet's password it fails; the reference does not say with which code, so the double
       * gives the one [d.ts] pauseProtection documents for an incorrect password, InvalidArgument.
       */
      unprotect: (password?: string) =>
        queue({ call: "unprotect" }, () => {
          wrote("WorksheetProtection.unprotect", "everywhere");
          const [, s] = sheetOf(resolve());
          if (!s.protection) return;
          if (s.protection.password && password !== s.protection.password)
            throw new HostError("InvalidArgument", "The password you supplied is incorrect.");
          s.protection = undefined;
        }),
    };
    return {
      protection,
      pageLayout: {
        headersFooters: {
          defaultForAllPages: {
            set leftHeader(to: string) {
              queue({ set: "leftHeader", to }, () => {
                sheetOf(resolve())[1].leftHeader = to;
              });
            },
          },
        },
      },
      load: (p: string) => void lo.load(p),
      get name() {
        return read("name");
      },
      set name(to: string) {
        queue({ set: "name", to }, () => {
          wrote("Worksheet.name", "desktop");
          const [from, s] = sheetOf(resolve());
          checkSheetName(book, to, s);
          book.rename(from, to);
        });
      },
      get id() {
        return read("id");
      },
      get visibility() {
        return read("visibility");
      },
      set visibility(to: string) {
        queue({ set: "visibility", to }, () => {
          wrote("Worksheet.visibility", "desktop");
          if (to !== "Visible" && to !== "Hidden" && to !== "VeryHidden")
            throw new HostError("InvalidArgument", `visibility ${to}`);
          sheetOf(resolve())[1].visibility = to;
        });
      },
      /** [d.ts] Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an `InvalidOperation` exception." */
      delete: () =>
        queue({ call: "delete" }, () => {
          wrote("Worksheet.delete", "everywhere");
          const [name, s] = sheetOf(resolve());
          if (s.visibility === "VeryHidden")
            throw new HostError("InvalidOperation", "a very hidden sheet cannot be deleted");
          book.sheets.delete(name);
        }),
      activate: () => queue({ call: "activate" }, () => void resolve()),
      getUsedRange: () => rangeObject(resolve, () => usedAddress(resolve)),
      getRange: (address = "A1:XFD1048576") => rangeObject(resolve, () => address),
      getRanges: (addresses: string) => ({ format: { fill: fillOf(resolve, addresses) } }),
    };
  };

  let items:
    { name: string; id: string; visibility: string; "protection/protected": boolean }[] | undefined;
  let itemsRequested: Set<string> | undefined;
  const worksheets = {
    load(props: string) {
      const names = new Set(
        props
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .filter(Boolean)
      );
      queue({ load: props }, () => {
        itemsRequested = names;
        // "protection/protected": a property of a navigation property, loaded by its path as
        // [docs] "Work with worksheets using the Excel JavaScript API" (Data protection) does:
        // load("protection/protected"), here under items/.
        items = [...book.sheets].map(([name, s]) => ({
          name,
          id: s.id,
          visibility: s.visibility,
          "protection/protected": !!s.protection,
        }));
        staged.push(worksheets);
        return utf8(items.map((i) => [...names].map((n) => i[n as keyof typeof i])));
      });
    },
    get items() {
      if (!readable.has(worksheets) || !items) throw new HostError("PropertyNotLoaded", "items");
      return items.map((i) =>
        sheet(
          i.id,
          Object.fromEntries([...itemsRequested!].map((n) => [n, i[n as keyof typeof i]])),
          false
        )
      );
    },
    /** [d.ts] WorksheetCollection.getItem(key): "The name or ID of the worksheet." */
    getItem: (key: string) => sheet(key),
    add: (name: string) => {
      queue({ call: "add", name }, () => {
        wrote("WorksheetCollection.add");
        checkSheetName(book, name);
        book.add(name);
      });
      return sheet(name);
    },
  };

  const context = {
    workbook: {
      worksheets,
      /**
       * [d.ts] insertWorksheetsFromBase64 returns "An array of IDs corresponding to each newly
       * inserted worksheet"; "In Excel on the web, this API doesn't support inserting charts,
       * comments, PivotTables, or slicers."
       */
      insertWorksheetsFromBase64: (base64: string) => {
        let value: string[] | undefined;
        const result = {
          get value() {
            if (!readable.has(result) || !value) throw new HostError("PropertyNotLoaded", "value");
            return value;
          },
        };
        queue({ call: "insertWorksheetsFromBase64", base64 }, () => {
          wrote("Workbook.insertWorksheetsFromBase64", "everywhere");
          const grids = fixtures.get(base64);
          if (!grids) throw new HostError("InvalidArgument", "not a workbook");
          if (web && grids.some((g) => g.features?.length))
            throw new HostError("UnsupportedFeature", "This feature isn't supported");
          value = [];
          for (const g of grids) {
            let n = g.name;
            for (let i = 2; book.find(n); i++) n = `${g.name} (${i})`;
            book.load({ ...g, name: n });
            value.push(book.sheets.get(n)!.id);
          }
          staged.push(result);
          return utf8(value);
        });
        return result;
      },
    },
    async sync() {
      const batch = pending;
      pending = [];
      staged = [];
      // [d.ts] RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the
      // batch request is processed by the host, the batch automatically fails."
      if (book.editing) {
        if (!options.delayForCellEdit)
          throw new HostError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
        await book.whenNotEditing();
      }
      const sent = batch.reduce((n, a) => n + a.sent, 0);
      requests.push(0);
      if (web && sent > PAYLOAD_LIMIT)
        throw new HostError("RequestPayloadSizeLimitExceeded", `${sent} bytes sent`);
      let received = 0;
      for (const a of batch) received += a.run();
      bytes.push(sent + received);
      if (web && received > PAYLOAD_LIMIT)
        throw new HostError("ResponsePayloadSizeLimitExceeded", `${received} bytes received`);
      // Loaded properties stay readable after later requests.
      staged.forEach((o) => readable.add(o));
    },
  };
  return { context: context as unknown as Excel.RequestContext, requests, bytes, book };
}

/**
 * Excel.run over the double: each run gets a fresh context; options as Excel.run takes them.
 * @param honoursDelay false for an Excel that predates RunOptions.delayForCellEdit (it fails the
 *   batch during cell edit whatever the options).
 */
export function excelRun(
  book: Book,
  {
    fixtures,
    platform,
    honoursDelay = true,
  }: {
    fixtures?: Map<string, FixtureSheet[]>;
    platform?: HostOptions["platform"];
    honoursDelay?: boolean;
  } = {}
) {
  const runs: HostOptions[] = [];
  let syncs = 0;
  async function run<T>(
    a: Excel.RunOptions | ((c: Excel.RequestContext) => Promise<T>),
    b?: (c: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    const options = typeof a === "function" ? {} : (a as HostOptions);
    const batch = typeof a === "function" ? a : b!;
    runs.push(options);
    const { context } = excelContext(book, fixtures, {
      platform,
      delayForCellEdit: honoursDelay && options.delayForCellEdit,
    });
    const sync = context.sync.bind(context);
    context.sync = () => (syncs++, sync());
    return batch(context);
  }
  return { run, runs, requests: () => syncs };
}

/**
 * A document store that can be "saved and reopened": what was saved survives a new instance.
 * Saving is Office.context.document.settings.saveAsync, which clears the user's undo history
 * (OfficeDev/office-js#3141, open: "saveAsync() disables the undo button"): recorded in `book`'s
 * undoCleared when one is given.
 */
export class MemoryStore {
  private data: Record<string, unknown>;
  saved: string;
  constructor(
    saved = "{}",
    private book?: Book
  ) {
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
    this.book?.undoCleared.push("settings.saveAsync");
    this.saved = JSON.stringify(this.data);
  }
}
