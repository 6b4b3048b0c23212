/**
 * A WPS 表格 host double: `window.Application` of a WPS 加载项 (ET), behaving as WPS documents its
 * object model, not as the adapter would like. WPS's ET model mirrors Excel's VBA model, so its
 * behaviour is taken from there where WPS's own material says no more. Sources:
 *   [jsapi]  npm wps-jsapi 1.0.5, WPS's TypeScript description of ET (src/lib.et.d.ts, index.d.ts)
 *   [wpsjs]  npm wpsjs 2.2.3, WPS's toolkit: the 电子表格 template (packages/@wps-jsapi/et)
 *   [vba]    learn.microsoft.com/office/vba/api/excel.<object>.<member>, the model ET mirrors
 * Everything is synchronous ([wpsjs] js/ribbon.js and js/taskpane.js read and write the workbook
 * inline, no promise, no callback): a getter returns its answer, a setter or method has happened
 * when it returns, and a refused one throws, having changed nothing.
 *
 * It runs under node (unit tests) and in Chromium as `window.Application` (test/wps/browser):
 * it imports nothing but src/rules/grid.
 */
import { columnLetters, fromA1, type Grid } from "../../src/rules/grid";

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Fill {
  /** BGR long ([vba] Interior.Color: "a numeric value", RGB(r, g, b) = r + g·256 + b·65536). */
  color: number;
  pattern: number;
  patternColor: number;
  tint: number;
  patternTint: number;
}

/** [vba] XlPattern: xlPatternNone -4142, xlPatternSolid 1; [vba] XlColorIndex xlColorIndexNone. */
const NONE = -4142;
const SOLID = 1;
/** What an unfilled cell reports: white, no pattern ([vba] Interior.Color of a cell with no fill). */
const NO_FILL: Fill = { color: 16777215, pattern: NONE, patternColor: 0, tint: 0, patternTint: 0 };

export interface ProtectionOptions {
  AllowFormattingCells: boolean;
  AllowFormattingColumns: boolean;
  AllowFormattingRows: boolean;
  AllowInsertingColumns: boolean;
  AllowInsertingRows: boolean;
  AllowInsertingHyperlinks: boolean;
  AllowDeletingColumns: boolean;
  AllowDeletingRows: boolean;
  AllowSorting: boolean;
  AllowFiltering: boolean;
  AllowUsingPivotTables: boolean;
}

/** [vba] Worksheet.Protect: every Allow… argument "False" when omitted. */
export const NOTHING_ALLOWED: ProtectionOptions = {
  AllowFormattingCells: false,
  AllowFormattingColumns: false,
  AllowFormattingRows: false,
  AllowInsertingColumns: false,
  AllowInsertingRows: false,
  AllowInsertingHyperlinks: false,
  AllowDeletingColumns: false,
  AllowDeletingRows: false,
  AllowSorting: false,
  AllowFiltering: false,
  AllowUsingPivotTables: false,
};

/** The error WPS raises for a refused call (the COM error surfaces as a thrown Error). */
export class WpsError extends Error {}

const key = (r: number, c: number) => `${r},${c}`;
const a1 = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;
const cellsOf = (x: Rect) => {
  const out: [number, number][] = [];
  for (let r = x.top; r <= x.bottom; r++) for (let c = x.left; c <= x.right; c++) out.push([r, c]);
  return out;
};
const overlaps = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** "A1", "$A$1:B$3", "A1:B2,D4": the areas ([vba] Worksheet.Range: an A1-style reference, areas joined by commas). */
function parseAddress(address: string): Rect[] {
  // A reference string past 255 characters fails in Excel's Range (a long-known VBA limit the
  // Range page does not state): kept here so the adapter never depends on a longer one.
  if (address.length > 255) throw new WpsError("Range 引用超过 255 个字符");
  return address.split(",").map((part) => {
    const [p, q = p] = part.replace(/\$/g, "").trim().split(":");
    const a = fromA1(p);
    const b = fromA1(q);
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  });
}

/** "12", "1,200.5", "-3", "1e3", "50%": what Excel and WPS read as a number when typed. */
const NUMBER = /^\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?\s*$/i;
const DATE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;

export class MockSheet {
  /** Constants: numbers (dates as serials), text, booleans. */
  readonly values = new Map<string, number | string | boolean>();
  readonly formulas = new Map<string, string>();
  readonly formats = new Map<string, string>();
  readonly fills = new Map<string, Fill>();
  readonly unlocked = new Set<string>();
  readonly widths = new Map<number, number>();
  merges: Rect[] = [];
  /** [vba] Worksheet.Visible: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible = -1;
  protection?: { password: string; options: ProtectionOptions };
  /** [vba] Worksheet.PageSetup → PageSetup.LeftHeader: "Returns or sets the left part of the header", in the header codes ("&B", "&\"font,style\"", "&&"). */
  readonly PageSetup = { LeftHeader: "" };

  constructor(
    readonly app: MockApplication,
    private name: string
  ) {}

  get Name(): string {
    return this.name;
  }

  /** [vba] Worksheet.Name; Excel's and WPS's rules for a sheet name: unique, ≤ 31 characters, none of []:*?/\. */
  set Name(v: string) {
    const book = this.app.book;
    if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v) || /^'|'$/.test(v))
      throw new WpsError(`工作表名称无效：${v}`);
    if (book.sheets.some((s) => s !== this && s.Name.toLowerCase() === v.toLowerCase()))
      throw new WpsError(`工作表名称已存在：${v}`);
    this.name = v;
  }

  get Index(): number {
    return this.app.book.sheets.indexOf(this) + 1;
  }

  /**
   * [vba] Worksheet.UsedRange: from the first to the last cell ever used, formatted cells
   * included (unlike Office.js getUsedRange(valuesOnly)); A1 on an empty sheet.
   */
  get UsedRange(): MockRange {
    const keys = [
      ...this.values.keys(),
      ...this.formulas.keys(),
      ...this.formats.keys(),
      ...this.fills.keys(),
    ].map((k) => k.split(",").map(Number));
    for (const m of this.merges) keys.push([m.top, m.left], [m.bottom, m.right]);
    if (!keys.length) return new MockRange(this, [{ top: 0, left: 0, bottom: 0, right: 0 }]);
    const rs = keys.map((k) => k[0]);
    const cs = keys.map((k) => k[1]);
    return new MockRange(this, [
      {
        top: Math.min(...rs),
        left: Math.min(...cs),
        bottom: Math.max(...rs),
        right: Math.max(...cs),
      },
    ]);
  }

  Range(address: string): MockRange {
    return new MockRange(this, parseAddress(address));
  }

  get ProtectContents(): boolean {
    return Boolean(this.protection);
  }

  get ProtectDrawingObjects(): boolean {
    return Boolean(this.protection);
  }

  get ProtectScenarios(): boolean {
    return Boolean(this.protection);
  }

  /** [jsapi] EtProtection: the Allow… flags the sheet was protected with (all false unprotected). */
  get Protection(): ProtectionOptions {
    return { ...(this.protection?.options ?? NOTHING_ALLOWED) };
  }

  /** [vba] Worksheet.Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, …). */
  Protect(
    Password?: string,
    _DrawingObjects?: boolean,
    _Contents?: boolean,
    _Scenarios?: boolean,
    _UserInterfaceOnly?: boolean,
    ...allow: (boolean | undefined)[]
  ): void {
    const names = Object.keys(NOTHING_ALLOWED) as (keyof ProtectionOptions)[];
    const options = { ...NOTHING_ALLOWED };
    names.forEach((n, i) => (options[n] = Boolean(allow[i])));
    this.protection = { password: Password ?? "", options };
  }

  /**
   * [vba] Worksheet.Unprotect: "If the sheet … isn't protected with a password, this argument is
   * ignored. If you omit this argument for a sheet that's protected with a password, you'll be
   * prompted for the password." A prompt is a dialog in front of the clerk: the double refuses it.
   */
  Unprotect(Password?: string): void {
    if (!this.protection) return;
    if (this.protection.password) {
      if (Password === undefined)
        throw new WpsError("would ask the user for the password (Unprotect without Password)");
      if (Password !== this.protection.password) throw new WpsError("密码不正确");
    }
    this.protection = undefined;
  }

  Activate(): void {
    this.app.activeSheet = this;
    this.app.activeCell = new MockRange(this, [{ top: 0, left: 0, bottom: 0, right: 0 }]);
  }

  /**
   * [vba] Worksheet.Delete: "this method displays a dialog box that prompts the user to confirm
   * the deletion. This dialog box is displayed by default" (Application.DisplayAlerts = False
   * deletes without asking); a workbook keeps at least one visible sheet.
   */
  Delete(): void {
    if (this.app.DisplayAlerts)
      throw new WpsError("would ask the user to confirm (Delete with DisplayAlerts on)");
    const book = this.app.book;
    if (book.sheets.filter((s) => s !== this && s.Visible === -1).length === 0)
      throw new WpsError("工作簿至少要有一个可见工作表");
    book.sheets.splice(book.sheets.indexOf(this), 1);
    if (this.app.activeSheet === this) book.sheets[0].Activate();
  }

  /** Whether a write into these cells is refused: a locked cell of a protected sheet. */
  refuses(rects: Rect[]): boolean {
    return Boolean(
      this.protection &&
      rects.some((x) => cellsOf(x).some(([r, c]) => !this.unlocked.has(key(r, c))))
    );
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }

  /** The cell's value as Value2 gives it: a formula's result computed now (automatic calculation). */
  valueAt(r: number, c: number): number | string | boolean | undefined {
    const f = this.formulas.get(key(r, c));
    return f ? this.app.evaluate(this, f) : this.values.get(key(r, c));
  }

  /** Typing a value into a cell ([vba] Range.Value: set as if entered): "@" keeps text as given. */
  enter(r: number, c: number, v: unknown): void {
    const k = key(r, c);
    this.values.delete(k);
    this.formulas.delete(k);
    if (v === undefined || v === null || v === "") return;
    if (typeof v === "number" || typeof v === "boolean") {
      this.values.set(k, v);
      return;
    }
    const s = String(v);
    if (this.formats.get(k) === "@") this.values.set(k, s);
    else if (s.startsWith("'")) this.values.set(k, s.slice(1));
    else if (s.startsWith("=")) this.formulas.set(k, s);
    else if (NUMBER.test(s)) {
      const n = Number(s.replace(/[,%\s]/g, "")) / (s.includes("%") ? 100 : 1);
      this.values.set(k, n);
    } else if (DATE.test(s)) {
      const [, y, m, d] = DATE.exec(s)!.map(Number);
      this.values.set(k, (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
      if (!this.formats.has(k)) this.formats.set(k, "yyyy/m/d");
    } else this.values.set(k, s);
  }
}

export class MockRange {
  constructor(
    readonly sheet: MockSheet,
    readonly areas: Rect[]
  ) {}

  private get first(): Rect {
    return this.areas[0];
  }

  private each(): [number, number][] {
    return this.areas.flatMap(cellsOf);
  }

  private guardCells(): void {
    if (this.sheet.refuses(this.areas))
      throw new WpsError("您试图更改的单元格或图表位于受保护的工作表中");
  }

  private guardFormats(): void {
    const p = this.sheet.protection;
    if (p && !p.options.AllowFormattingCells)
      throw new WpsError("工作表受保护，不能设置单元格格式");
  }

  /** [vba] Range.Value2 of several cells is a 2-D array (rows of columns); of one cell, its value. */
  private grid<T>(at: (r: number, c: number) => T): T | T[][] {
    const x = this.first;
    if (x.top === x.bottom && x.left === x.right) return at(x.top, x.left);
    const rows: T[][] = [];
    for (let r = x.top; r <= x.bottom; r++) {
      const row: T[] = [];
      for (let c = x.left; c <= x.right; c++) row.push(at(r, c));
      rows.push(row);
    }
    return rows;
  }

  /** Sets every cell from a scalar, or from rows of columns the size of the range. */
  private put(v: unknown, set: (r: number, c: number, v: unknown) => void): void {
    this.guardCells();
    const x = this.first;
    if (Array.isArray(v)) {
      const rows = x.bottom - x.top + 1;
      const cols = x.right - x.left + 1;
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new WpsError(`数组大小与区域 ${this.Address(false, false)} 不符`);
      v.forEach((row: unknown[], i) => row.forEach((cell, j) => set(x.top + i, x.left + j, cell)));
    } else for (const [r, c] of this.each()) set(r, c, v);
  }

  /** [vba] Range.Value2: a date is its serial number; an empty cell reads Empty (undefined). */
  get Value2(): unknown {
    return this.grid((r, c) => this.sheet.valueAt(r, c));
  }

  set Value2(v: unknown) {
    this.put(v, (r, c, cell) => this.sheet.enter(r, c, cell));
  }

  /** [vba] Range.Formula: a formula cell's formula, a constant as text, "" for an empty cell. */
  get Formula(): unknown {
    return this.grid((r, c) => {
      const f = this.sheet.formulas.get(key(r, c));
      if (f) return f;
      const v = this.sheet.values.get(key(r, c));
      return v === undefined ? "" : typeof v === "boolean" ? String(v).toUpperCase() : String(v);
    });
  }

  set Formula(v: unknown) {
    this.put(v, (r, c, cell) => this.sheet.enter(r, c, cell));
  }

  /** [vba] Range.NumberFormat: "returns Null if all cells in the specified range don't have the same number format". */
  get NumberFormat(): string | null {
    const all = new Set(
      this.each().map(([r, c]) => this.sheet.formats.get(key(r, c)) ?? "General")
    );
    return all.size === 1 ? [...all][0] : null;
  }

  set NumberFormat(v: string | null) {
    this.guardFormats();
    for (const [r, c] of this.each())
      if (v === "General" || v === null) this.sheet.formats.delete(key(r, c));
      else this.sheet.formats.set(key(r, c), v);
  }

  get Row(): number {
    return this.first.top + 1;
  }

  get Column(): number {
    return this.first.left + 1;
  }

  get Rows() {
    return { Count: this.first.bottom - this.first.top + 1 };
  }

  get Columns() {
    return { Count: this.first.right - this.first.left + 1 };
  }

  /**
   * [vba] Range.MergeCells: "True if the range contains merged cells". Over a range merged only in
   * part Excel reads Null, as its other range-wide properties do; `app.mergeCellsOverMix` makes it
   * read True instead (the page's literal wording), and the adapter must read merges right either way.
   */
  get MergeCells(): boolean | null {
    const cells = this.each();
    const merged = cells.filter(([r, c]) => this.sheet.mergeAt(r, c)).length;
    if (merged === 0) return false;
    return merged === cells.length ? true : this.sheet.app.mergeCellsOverMix;
  }

  /** [vba] Range.MergeArea: "only works on a single-cell range"; the cell itself when not merged. */
  get MergeArea(): MockRange {
    const x = this.first;
    if (this.areas.length > 1 || x.top !== x.bottom || x.left !== x.right)
      throw new WpsError("MergeArea 只适用于单个单元格");
    return new MockRange(this.sheet, [this.sheet.mergeAt(x.top, x.left) ?? x]);
  }

  /** [vba] Range.Merge; a protected sheet refuses it. Existing merges inside are absorbed. */
  Merge(): void {
    if (this.sheet.protection) throw new WpsError("工作表受保护，不能合并单元格");
    for (const x of this.areas) {
      this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, x));
      if (x.top !== x.bottom || x.left !== x.right) this.sheet.merges.push({ ...x });
    }
  }

  ClearContents(): void {
    this.guardCells();
    for (const [r, c] of this.each()) this.sheet.enter(r, c, undefined);
  }

  /** [vba] Range.Locked: Null over a mix; every cell starts locked. A protected sheet refuses a change. */
  get Locked(): boolean | null {
    const all = new Set(this.each().map(([r, c]) => !this.sheet.unlocked.has(key(r, c))));
    return all.size === 1 ? [...all][0] : null;
  }

  set Locked(v: boolean | null) {
    if (this.sheet.protection) throw new WpsError("工作表受保护，不能更改锁定");
    for (const [r, c] of this.each())
      if (v) this.sheet.unlocked.delete(key(r, c));
      else this.sheet.unlocked.add(key(r, c));
  }

  /** [vba] Range.ColumnWidth: characters of the Normal font; Null over columns of different widths. */
  get ColumnWidth(): number | null {
    const x = this.first;
    const all = new Set<number>();
    for (let c = x.left; c <= x.right; c++) all.add(this.sheet.widths.get(c) ?? 8.38);
    return all.size === 1 ? [...all][0] : null;
  }

  set ColumnWidth(v: number | null) {
    const p = this.sheet.protection;
    if (p && !p.options.AllowFormattingColumns) throw new WpsError("工作表受保护，不能设置列宽");
    for (const x of this.areas)
      for (let c = x.left; c <= x.right; c++) this.sheet.widths.set(c, Number(v));
  }

  /** [vba] Range.Interior: a range-wide property reads Null when the cells differ. */
  get Interior() {
    const range = this;
    const sheet = this.sheet;
    const read = (f: keyof Fill) => {
      const all = new Set(range.each().map(([r, c]) => (sheet.fills.get(key(r, c)) ?? NO_FILL)[f]));
      return all.size === 1 ? [...all][0] : null;
    };
    const write = (change: (fill: Fill) => Fill | undefined) => {
      range.guardFormats();
      for (const [r, c] of range.each()) {
        const next = change({ ...(sheet.fills.get(key(r, c)) ?? NO_FILL) });
        if (next) sheet.fills.set(key(r, c), next);
        else sheet.fills.delete(key(r, c));
      }
    };
    return {
      get Color() {
        return read("color");
      },
      /** Setting a colour fills the cells solid ([vba] Interior.Color). */
      set Color(v: number | null) {
        write((f) => ({ ...f, color: Number(v), pattern: f.pattern === NONE ? SOLID : f.pattern }));
      },
      get Pattern() {
        return read("pattern");
      },
      /** xlPatternNone clears the fill: the cell reads as unfilled again. */
      set Pattern(v: number | null) {
        write((f) => (v === NONE ? undefined : { ...f, pattern: Number(v) }));
      },
      get PatternColor() {
        return read("patternColor");
      },
      set PatternColor(v: number | null) {
        write((f) => ({ ...f, patternColor: Number(v) }));
      },
      get TintAndShade() {
        return read("tint");
      },
      set TintAndShade(v: number | null) {
        write((f) => ({ ...f, tint: Number(v) }));
      },
      get PatternTintAndShade() {
        return read("patternTint");
      },
      set PatternTintAndShade(v: number | null) {
        write((f) => ({ ...f, patternTint: Number(v) }));
      },
    };
  }

  /** [vba] Range.Address(RowAbsolute = True, ColumnAbsolute = True). */
  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const one = (r: number, c: number) =>
      `${ColumnAbsolute ? "$" : ""}${columnLetters(c)}${RowAbsolute ? "$" : ""}${r + 1}`;
    return this.areas
      .map((x) =>
        x.top === x.bottom && x.left === x.right
          ? one(x.top, x.left)
          : `${one(x.top, x.left)}:${one(x.bottom, x.right)}`
      )
      .join(",");
  }

  /** [vba] Range.Select: "Select method of Range class failed" unless its sheet is the active one. */
  Select(): void {
    if (this.sheet.app.activeSheet !== this.sheet)
      throw new WpsError("Range 类的 Select 方法无效：工作表不是活动工作表");
    this.sheet.app.activeCell = new MockRange(this.sheet, [
      { ...this.first, bottom: this.first.top, right: this.first.left },
    ]);
  }

  Activate(): void {
    this.Select();
  }
}

class MockProperty {
  constructor(
    private readonly props: MockProperties,
    readonly Name: string,
    public Value: unknown
  ) {}

  Delete(): void {
    this.props.list.splice(this.props.list.indexOf(this), 1);
  }
}

/**
 * [vba] Workbook.CustomDocumentProperties ([jsapi] KsoDocumentProperties: Count, Item, Add): a
 * text property holds at most 255 characters (Office's limit for a custom property's text,
 * File › 属性 › 自定义), names unique; Item of a missing name fails.
 */
export class MockProperties {
  readonly list: MockProperty[] = [];

  get Count(): number {
    return this.list.length;
  }

  Item(index: number | string): MockProperty {
    const p =
      typeof index === "number"
        ? this.list[index - 1]
        : this.list.find((x) => x.Name.toLowerCase() === index.toLowerCase());
    if (!p) throw new WpsError(`没有文档属性 ${index}`);
    return p;
  }

  Add(Name: string, LinkToContent: boolean, Type: number, Value: unknown): MockProperty {
    if (LinkToContent) throw new WpsError("not modelled: a property linked to content");
    if (Type !== 4)
      throw new WpsError("not modelled: a property other than text (msoPropertyTypeString 4)");
    if (this.list.some((x) => x.Name.toLowerCase() === Name.toLowerCase()))
      throw new WpsError(`文档属性已存在：${Name}`);
    if (String(Value).length > 255) throw new WpsError("文档属性的文本最多 255 个字符");
    const p = new MockProperty(this, Name, String(Value));
    this.list.push(p);
    return p;
  }
}

export class MockBook {
  readonly sheets: MockSheet[] = [];
  readonly CustomDocumentProperties = new MockProperties();
  constructor(
    private readonly app: MockApplication,
    readonly Name: string
  ) {}

  /** [vba] Worksheets: Item(index) 1-based or by name (any case); Add(Before, After). */
  get Worksheets() {
    const book = this;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(index: number | string): MockSheet {
        const s =
          typeof index === "number"
            ? book.sheets[index - 1]
            : book.sheets.find((x) => x.Name.toLowerCase() === String(index).toLowerCase());
        if (!s) throw new WpsError(`下标越界：${index}`);
        return s;
      },
      /** [vba] Sheets.Add: before the active sheet unless Before or After is given; the new sheet becomes active. */
      Add(Before?: MockSheet, After?: MockSheet): MockSheet {
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name.toLowerCase() === `sheet${n}`)) n++;
        const s = new MockSheet(book.app, `Sheet${n}`);
        const at = After
          ? book.sheets.indexOf(After) + 1
          : Before
            ? book.sheets.indexOf(Before)
            : Math.max(0, book.sheets.indexOf(book.app.activeSheet!));
        book.sheets.splice(at, 0, s);
        s.Activate();
        return s;
      },
    };
  }
}

type Listener = (...args: unknown[]) => void;

export class MockApplication {
  readonly book: MockBook;
  activeSheet: MockSheet | undefined;
  activeCell: MockRange | undefined;
  DisplayAlerts = true;
  /** What MergeCells reads over a range merged only in part (see MockRange.MergeCells). */
  mergeCellsOverMix: boolean | null = null;
  readonly listeners = new Map<string, Set<Listener>>();
  /** [wpsjs] ribbon.js: PluginStorage.setItem/getItem, shared by the add-in's pages. */
  readonly storage = new Map<string, unknown>();

  constructor(name = "工作簿1.xlsx") {
    this.book = new MockBook(this, name);
  }

  get ActiveWorkbook() {
    return this.book;
  }

  get ActiveSheet() {
    return this.activeSheet ?? null;
  }

  get ActiveCell() {
    return this.activeCell ?? null;
  }

  /** [jsapi] ApiEvent.AddApiEventListener(name, callback) / RemoveApiEventListener(name[, callback]). */
  readonly ApiEvent = {
    AddApiEventListener: (name: string, callback: Listener) => {
      if (!this.listeners.has(name)) this.listeners.set(name, new Set());
      this.listeners.get(name)!.add(callback);
    },
    RemoveApiEventListener: (name: string, callback?: Listener) => {
      if (callback) this.listeners.get(name)?.delete(callback);
      else this.listeners.delete(name);
    },
  };

  readonly PluginStorage = {
    getItem: (k: string) => this.storage.get(k),
    setItem: (k: string, v: unknown) => void this.storage.set(k, v),
    removeItem: (k: string) => void this.storage.delete(k),
  };

  /** [jsapi] CreateTaskPane(url, title): created hidden ("需要将Visible属性置为true"), found again by its ID. */
  readonly panes: { ID: number; url: string; Visible: boolean }[] = [];

  CreateTaskPane(url: string) {
    const pane = { ID: this.panes.length + 1, url, Visible: false };
    this.panes.push(pane);
    return pane;
  }

  GetTaskPane(id: number) {
    const pane = this.panes.find((p) => p.ID === Number(id));
    if (!pane) throw new WpsError(`没有任务窗格 ${id}`);
    return pane;
  }

  /** What WPS tells the add-in: an event with its arguments. */
  fire(name: string, ...args: unknown[]): void {
    this.listeners.get(name)?.forEach((l) => l(...args));
  }

  sheet(name: string): MockSheet {
    return this.book.Worksheets.Item(name);
  }

  /**
   * A formula's result, for what SRS writes: =SUM(…) of numbers, cells and ranges, and =ref;
   * anything else (an add-in function WPS does not know) reads "#NAME?".
   */
  evaluate(sheet: MockSheet, formula: string): number | string {
    const body = formula.slice(1).trim();
    const sum = /^SUM\((.*)\)$/i.exec(body);
    const args = sum ? splitArgs(sum[1]) : [body];
    let total = 0;
    for (const arg of args) {
      if (/^[+-]?\d+(\.\d+)?$/.test(arg)) {
        total += Number(arg);
        continue;
      }
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))?!?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(
        arg
      );
      if (!m || (!sum && !/!|^\$?[A-Z]+\$?\d+$/.test(arg))) return "#NAME?";
      const name = m[1]?.replace(/''/g, "'") ?? m[2];
      let target: MockSheet;
      try {
        target = name ? this.sheet(name) : sheet;
      } catch {
        return "#REF!";
      }
      for (const x of parseAddress(m[3]))
        for (const [r, c] of cellsOf(x)) {
          const v = target.valueAt(r, c);
          if (typeof v === "number") total += v;
          else if (!sum && v !== undefined) return v as string;
        }
    }
    return Math.round(total * 1e9) / 1e9;
  }
}

/** "a,'b,c'!A1,SUM(x)" → its top-level arguments (commas inside quotes stay). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A sheet as a fixture: a grid (numbers, text; ISO dates typed as dates), merges, and more. */
export type WpsFixture = Grid & {
  formats?: Record<string, string>;
  formulas?: Record<string, string>;
  /** Protected with these options (and password, "" for none); `unlocked` cells open. */
  protection?: { password?: string; options?: Partial<ProtectionOptions> };
  unlocked?: string[];
  fills?: Record<string, Partial<Fill>>;
  hidden?: boolean;
};

/** A WPS application whose active workbook holds these sheets, the first one active. */
export function wpsApp(fixtures: WpsFixture[], name?: string): MockApplication {
  const app = new MockApplication(name);
  for (const f of fixtures) {
    const s = new MockSheet(app, f.name);
    app.book.sheets.push(s);
    const o = f.origin ?? { row: 0, col: 0 };
    for (const [k, fmt] of Object.entries(f.formats ?? {})) {
      const { row, col } = fromA1(k);
      s.formats.set(key(row, col), fmt);
    }
    f.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const k = key(o.row + i, o.col + j);
        if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
          s.enter(o.row + i, o.col + j, v);
        else s.values.set(k, v);
      })
    );
    for (const [k, formula] of Object.entries(f.formulas ?? {})) {
      const { row, col } = fromA1(k);
      s.formulas.set(key(row, col), formula);
    }
    for (const [k, fill] of Object.entries(f.fills ?? {})) {
      const { row, col } = fromA1(k);
      s.fills.set(key(row, col), { ...NO_FILL, pattern: SOLID, ...fill });
    }
    s.merges = f.merges.map((m) => ({
      top: m.top + o.row,
      left: m.left + o.col,
      bottom: m.bottom + o.row,
      right: m.right + o.col,
    }));
    for (const u of f.unlocked ?? []) {
      const { row, col } = fromA1(u);
      s.unlocked.add(key(row, col));
    }
    if (f.protection)
      s.protection = {
        password: f.protection.password ?? "",
        options: { ...NOTHING_ALLOWED, ...f.protection.options },
      };
    if (f.hidden) s.Visible = 0;
  }
  app.book.sheets[0]?.Activate();
  return app;
}

/** A cell's fill as a test reads it: "#RRGGBB" of a solid fill, undefined when none. */
export function fillOf(app: MockApplication, sheet: string, cell: string): string | undefined {
  const { row, col } = fromA1(cell);
  const f = app.sheet(sheet).fills.get(key(row, col));
  if (!f || f.pattern === NONE) return undefined;
  const hex = (n: number) => n.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(f.color & 255)}${hex((f.color >> 8) & 255)}${hex((f.color >> 16) & 255)}`;
}

/** A cell as the workbook holds it: its value (a formula's result) and its formula. */
export function cellOf(app: MockApplication, sheet: string, cell: string) {
  const { row, col } = fromA1(cell);
  const s = app.sheet(sheet);
  return {
    value: s.valueAt(row, col),
    formula: s.formulas.get(key(row, col)),
    format: s.formats.get(key(row, col)),
  };
}

export { a1 as cellName };
