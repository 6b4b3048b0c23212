/**
 * A workbook held in memory (grids plus cell fills), behind the same contract as Excel:
 * the browser demo mounts the pane over it, and pane tests drive it. Loaded from and saved
 * to .xlsx by the xlsx adapter.
 */
import type { ChildLine, UnreadableChild } from "../rules/consolidation/plan";
import { detailValues, type Summary } from "../rules/consolidation/summary";
import { type InsertedFile, planWorkbook } from "../rules/consolidation/workbook";
import { headerCode } from "../rules/consolidation/incomplete";
import type { CellValue, Grid } from "../rules/grid";
import { type Explanation, explanationsGrid, readExplanations } from "../rules/review/explanations";
import { type PracticeRound, practiceGrid, readPractice } from "../rules/sample/practice-record";
import { isOwnSheet, OWN_SHEETS } from "../rules/own-sheets";
import { uniqueSheetName } from "../rules/sheet-names";
import { copyGrid, fromA1 } from "../rules/grid";
import { nowText } from "./today";
import { UnreadableFile } from "./xlsx/sniff";
import {
  type CellWrite,
  type ConsolidateOptions,
  type HighlightResult,
  MARK_COLORS,
  type Mark,
  type Profile,
  type ReceivedFile,
  type WorkbookSource,
} from "./types";

type Listener = { changed(): void; selected(): void };

export class MemoryWorkbook implements WorkbookSource {
  /** sheet → cell → fill colour (#RRGGBB); a cell absent has no fill. */
  readonly fills = new Map<string, Map<string, string>>();
  selection: { sheet: string; cell: string } | undefined;
  private saved = new Map<string, { fill: string | undefined; mark: string }>();
  private undo: { sheet: string; cell: string; before: CellValue; after: CellValue }[] = [];
  private listeners = new Set<Listener>();
  private watchers = new Set<() => void>();
  private profile: Profile | undefined;

  /**
   * The file this workbook was opened from, its sheets as read, and those still here: current
   * name → name in the file (a sheet deleted leaves it, a sheet renamed takes its new name along).
   */
  private original: { bytes: Uint8Array; grids: Grid[]; names: Map<string, string> } | undefined;

  /**
   * Sheets that came from another file (several opened at once, a child imported by
   * consolidation): that file as read and the sheet's name in it, so 退回's marked copy is made
   * from the unit's own file, its formatting kept.
   */
  private received = new Map<
    string,
    { file: { bytes: Uint8Array; grids: Grid[] }; name: string }
  >();

  constructor(public sheets: Grid[]) {}

  /** Set when the file opened was an .xls or .et (its kind): the workbook is its .xlsx now. */
  was: string | undefined;

  /** The last consolidation's summaries (their formulas) and 汇总说明, for saving as the CLI writes them. */
  private township: { summaries: Summary[]; notes: string } | undefined;

  /** The workbook as an .xlsx: the opened file with the changes written into it, or a new one. */
  async toXlsx(): Promise<Uint8Array> {
    const { saveXlsx } = await import("./xlsx/save");
    return saveXlsx({
      original: this.original,
      sheets: this.sheets,
      hidden: this.hidden,
      township: this.township,
      headers: this.headers,
    });
  }

  /**
   * Page headers a consolidation set on copies ("未汇总：…", Excel's codes) or took off (""), by
   * sheet: saved into each sheet's XML (a file's own header stays where none is set).
   */
  headers = new Map<string, string>();

  /**
   * A workbook opened from a file (the browser demo's "open a local file"). An .xls or .et opens
   * as the .xlsx SRS writes in its place (`was` names its kind): saved, it is that .xlsx.
   */
  static async fromXlsx(file: Uint8Array, name = "workbook.xlsx"): Promise<MemoryWorkbook> {
    const { asXlsx, readGrids } = await import("./xlsx/read");
    const { bytes, was } = await asXlsx(file, name);
    const book = new MemoryWorkbook(await readGrids(bytes, name));
    book.was = was;
    // What was opened, for saving into the file's own parts (its formatting kept).
    book.original = {
      bytes,
      grids: book.sheets.map(copyGrid),
      names: new Map(book.sheets.map((g) => [g.name, g.name])),
    };
    const notes = readExplanations(book.sheets);
    if (notes) book.hidden.add(notes.sheet);
    for (const g of book.sheets.filter((g) => isOwnSheet(g, "practice"))) book.hidden.add(g.name);
    return book;
  }

  /**
   * The sheets from now on, `renamed` (old name → new) among them: the file's sheets left out are
   * deleted in the saved file, those renamed renamed.
   */
  private setSheets(next: Grid[], renamed: ReadonlyMap<string, string> = new Map()): void {
    this.sheets = next;
    this.version++;
    const here = new Set(next.map((g) => g.name));
    const follow = <T>(from: Map<string, T>) => {
      const to = new Map<string, T>();
      for (const [now, v] of from) {
        const name = renamed.get(now) ?? now;
        if (here.has(name)) to.set(name, v);
      }
      return to;
    };
    this.received = follow(this.received);
    this.headers = follow(this.headers);
    if (this.original) this.original.names = follow(this.original.names);
  }

  /** Several workbooks as one (files opened together): each sheet under a unique name, remembering its file. */
  static combine(books: MemoryWorkbook[]): MemoryWorkbook {
    const book = new MemoryWorkbook([]);
    const taken = new Set<string>();
    for (const b of books)
      for (const g of b.sheets) {
        const name = uniqueSheetName(g.name, taken);
        taken.add(name);
        book.sheets.push({ ...g, name });
        if (b.hidden.has(g.name)) book.hidden.add(name);
        const was = b.original?.names.get(g.name);
        if (b.original && was !== undefined)
          book.received.set(name, { file: b.original, name: was });
      }
    return book;
  }

  /** These sheets in the file they came from, with the page's changes written in (save.ts). */
  async sheetsFile(sheets: string[]): Promise<Uint8Array | undefined> {
    const grids = sheets.map((s) => this.grid(s));
    const from = this.received.get(sheets[0]);
    const file = from
      ? sheets.every((s) => this.received.get(s)?.file === from.file) && from.file
      : sheets.every((s) => this.original?.names.has(s)) && this.original;
    if (!file) return undefined;
    const names = new Map(
      sheets.map((s) => [s, from ? this.received.get(s)!.name : this.original!.names.get(s)!])
    );
    const [{ saveXlsx }, { asXlsx }] = await Promise.all([
      import("./xlsx/save"),
      import("./xlsx/read"),
    ]);
    // A child imported from an .xls or .et: the .xlsx SRS writes for it (read back, its grids).
    const { bytes } = await asXlsx(file.bytes, "");
    return saveXlsx({ original: { ...file, bytes, names }, sheets: grids, hidden: new Set() });
  }

  private grid(sheet: string): Grid {
    const g = this.sheets.find((s) => s.name === sheet);
    if (!g) throw new Error(`没有名为“${sheet}”的工作表`);
    return g;
  }

  getCell(sheet: string, cell: string): CellValue {
    const { row, col } = fromA1(cell);
    return this.grid(sheet).values[row]?.[col] ?? null;
  }

  /** An edit, as a user would make it: listeners hear about it. */
  setCell(sheet: string, cell: string, value: CellValue): void {
    this.put(sheet, cell, value);
    this.listeners.forEach((l) => l.changed());
  }

  /** The user's own edits (typing, paste, delete), newest last: each one step to undo. */
  private edits: { sheet: string; cell: string; before: CellValue }[][] = [];

  /** Cells the user typed, pasted or deleted at once: one change heard, one step to undo. */
  editCells(sheet: string, changes: { cell: string; value: CellValue }[]): void {
    const changed = changes.filter((c) => this.getCell(sheet, c.cell) !== c.value);
    if (!changed.length) return;
    this.edits.push(
      changed.map((c) => ({ sheet, cell: c.cell, before: this.getCell(sheet, c.cell) }))
    );
    for (const c of changed) this.put(sheet, c.cell, c.value);
    this.listeners.forEach((l) => l.changed());
  }

  /** Takes back the last edit; false when there is none. */
  undoEdit(): boolean {
    const last = this.edits.pop();
    if (!last) return false;
    for (const e of [...last].reverse()) this.put(e.sheet, e.cell, e.before);
    this.listeners.forEach((l) => l.changed());
    return true;
  }

  get editsToUndo(): number {
    return this.edits.length;
  }

  private put(sheet: string, cell: string, value: CellValue): void {
    const { row, col } = fromA1(cell);
    const values = this.grid(sheet).values;
    while (values.length <= row) values.push([]);
    while (values[row].length <= col) values[row].push(null);
    values[row][col] = value;
    this.version++;
    this.updated();
  }

  /** Counts every change of values or sheets, so what is derived from them is worked out once. */
  private version = 0;

  /** Each copy the last consolidation read, as it was then ("" for those of an earlier page). */
  private copiesRead = new Map<string, string>();
  private stale: { version: number; copies: string[] } | undefined;

  /**
   * The copies changed (or gone) since the last consolidation: the summaries hold sums of what
   * they were, until 重新汇总.
   */
  staleCopies(): string[] {
    if (this.stale?.version !== this.version) {
      const copies = [...this.copiesRead]
        .filter(([name, was]) => {
          const g = this.sheets.find((s) => s.name === name);
          return !g || JSON.stringify(g.values) !== was;
        })
        .map(([name]) => name);
      this.stale = { version: this.version, copies };
    }
    return this.stale.copies;
  }

  /** Calls back after any change a view must show (values, fills, selection). */
  onUpdate(cb: () => void): () => void {
    this.watchers.add(cb);
    return () => this.watchers.delete(cb);
  }

  private updated(): void {
    this.watchers.forEach((w) => w());
  }

  fillOf(sheet: string, cell: string): string | undefined {
    return this.fills.get(sheet)?.get(cell);
  }

  private setFill(sheet: string, cell: string, fill: string | undefined): void {
    if (!this.fills.has(sheet)) this.fills.set(sheet, new Map());
    if (fill === undefined) this.fills.get(sheet)!.delete(cell);
    else this.fills.get(sheet)!.set(cell, fill);
    this.updated();
  }

  async readSheets(): Promise<Grid[]> {
    return this.sheets.map((g) => ({
      ...g,
      values: g.values.map((r) => [...r]),
      merges: [...g.merges],
    }));
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selection = { sheet, cell };
    this.listeners.forEach((l) => l.selected());
    this.updated();
  }

  async highlight(marks: Mark[]): Promise<HighlightResult> {
    const byCell = new Map<string, Mark>();
    for (const m of marks)
      if (!byCell.has(`${m.sheet}!${m.cell}`) || m.severity === "error")
        byCell.set(`${m.sheet}!${m.cell}`, m);
    for (const [key, m] of byCell) {
      const mark = MARK_COLORS[m.severity];
      const before = this.saved.get(key)?.fill ?? this.fillOf(m.sheet, m.cell);
      this.saved.set(key, { fill: before, mark });
      this.setFill(m.sheet, m.cell, mark);
    }
    return { marked: byCell.size, untouched: [] };
  }

  async clearHighlights(): Promise<number> {
    let n = 0;
    for (const [key, { fill, mark }] of this.saved) {
      const at = key.lastIndexOf("!");
      const sheet = key.slice(0, at);
      const cell = key.slice(at + 1);
      if (this.fillOf(sheet, cell) !== mark) continue; // recoloured since: the user's choice stands
      this.setFill(sheet, cell, fill);
      n++;
    }
    this.saved.clear();
    return n;
  }

  hasHighlights(): boolean {
    return this.saved.size > 0;
  }

  async writeFixes(writes: CellWrite[]): Promise<number> {
    const todo = writes.filter((w) => this.getCell(w.sheet, w.cell) === w.expected);
    this.undo = todo.map((w) => ({
      sheet: w.sheet,
      cell: w.cell,
      before: w.expected,
      after: w.value,
    }));
    for (const w of todo) this.put(w.sheet, w.cell, w.value);
    return todo.length;
  }

  async undoFixes(): Promise<number> {
    const todo = this.undo.filter((u) => this.getCell(u.sheet, u.cell) === u.after);
    for (const u of todo) this.put(u.sheet, u.cell, u.before);
    this.undo = [];
    return todo.length;
  }

  lastFixes(): number {
    return this.undo.length;
  }

  async activeCell() {
    return this.selection;
  }

  subscribe(on: Listener): () => void {
    this.listeners.add(on);
    return () => this.listeners.delete(on);
  }

  async addSheet(grid: Grid): Promise<string> {
    const name = uniqueSheetName(grid.name, new Set(this.sheets.map((s) => s.name)));
    this.sheets.push({ ...grid, name, values: grid.values.map((r) => [...r]) });
    this.selection = { sheet: name, cell: "A1" }; // shown at once, as Excel activates a new sheet
    this.updated();
    this.listeners.forEach((l) => l.changed());
    return name;
  }

  /** Sample sheets (the demo's): shown and checked, but set aside when files are consolidated. */
  readonly examples = new Set<string>();

  /** Sheets a user does not see (the 审核说明 SRS keeps); an .xlsx export writes them hidden. */
  readonly hidden = new Set<string>();

  async writeExplanations(list: Explanation[], existing?: string): Promise<void> {
    const rest = this.sheets.filter((s) => s.name !== existing);
    if (existing !== undefined) this.hidden.delete(existing);
    if (list.length) {
      const grid = explanationsGrid(list);
      const name = uniqueSheetName(grid.name, new Set(rest.map((s) => s.name)));
      rest.push({ ...grid, name });
      this.hidden.add(name);
    }
    this.setSheets(rest);
    this.updated();
    this.listeners.forEach((l) => l.changed());
  }

  async consolidate(files: ReceivedFile[], options: ConsolidateOptions = {}): Promise<ChildLine[]> {
    const { readGrids } = await import("./xlsx/read");
    const inserted: InsertedFile[] = [];
    const unreadable: UnreadableChild[] = [];
    // Example sheets are shown and checked but never summed: the township workbook starts without them.
    this.setSheets(this.sheets.filter((s) => !this.examples.has(s.name)));
    this.examples.clear();
    const taken = new Set(this.sheets.map((s) => s.name));
    for (const [i, f] of files.entries()) {
      await options.onProgress?.(i, files.length); // reading is the long part
      let grids: Grid[];
      try {
        grids = await readGrids(f.bytes, f.name);
      } catch (e) {
        if (!(e instanceof UnreadableFile)) throw e;
        unreadable.push({ origin: f.name, reason: e.message });
        continue;
      }
      const sheets: string[] = [];
      const file = { bytes: f.bytes, grids: grids.map(copyGrid) };
      for (const g of grids) {
        const name = uniqueSheetName(g.name, taken);
        taken.add(name);
        sheets.push(name);
        this.sheets.push({ ...g, name });
        this.received.set(name, { file, name: g.name });
      }
      inserted.push({ origin: f.name, sheets, fileTime: f.lastModified });
    }
    await options.onProgress?.(files.length, files.length);
    const plan = planWorkbook(this.sheets, inserted, { ...options, unreadable, made: nowText() });
    const renamed = new Map([...plan.renames, ...plan.backups]);
    this.setSheets(
      this.sheets
        .filter((s) => !plan.deletions.includes(s.name))
        .map((s) => ({ ...s, name: renamed.get(s.name) ?? s.name })),
      renamed
    );
    for (const [sheet, list] of plan.conversions) {
      const g = this.grid(sheet);
      for (const c of list) g.values[c.row][c.col] = c.value;
    }
    const put = (g: Grid) => {
      const i = this.sheets.findIndex((s) => s.name === g.name);
      if (i >= 0) this.sheets[i] = g;
      else this.sheets.push(g);
    };
    // In memory the summary holds the sums themselves (the .xlsx export writes them as formulas).
    // A summary there already is updated in place, as in Excel: only its sums change, so what
    // was stamped on it (填表人, 日期, 报告期, 统计口径) stays.
    for (const s of plan.summaries) {
      const here = plan.existingSummaries.has(s.sheet)
        ? this.sheets.find((g) => g.name === s.sheet)
        : undefined;
      const base = here ?? s.layout.grid;
      const values = base.values.map((r) => [...r]);
      for (const c of s.cells) (values[c.row] ??= [])[c.col] = c.value;
      if (s.line) (values[s.line.row] ??= [])[s.line.col] = s.line.value || null;
      put({ ...base, name: s.sheet, values });
      if (s.detail) put(detailValues(s.detail));
    }
    put(plan.notes);
    for (const [sheet, text] of plan.headers) this.headers.set(sheet, headerCode(text));
    this.township = { summaries: plan.summaries, notes: plan.notes.name };
    this.copiesRead = new Map(
      plan.lines.flatMap((l) => {
        const g = l.sheet ? this.sheets.find((x) => x.name === l.sheet) : undefined;
        return g ? [[g.name, JSON.stringify(g.values)] as [string, string]] : [];
      })
    );
    this.version++;
    if (plan.explanations)
      await this.writeExplanations(plan.explanations.list, plan.explanations.existing);
    this.updated();
    this.listeners.forEach((l) => l.changed());
    return plan.lines;
  }

  loadPractice(): PracticeRound | undefined {
    return readPractice(this.sheets)?.round;
  }

  /** On a hidden sheet, as the 审核说明: saved with the workbook (and by the page across reloads). */
  async savePractice(round: PracticeRound): Promise<void> {
    const old = this.sheets.filter((g) => isOwnSheet(g, "practice")).map((g) => g.name);
    old.forEach((n) => this.hidden.delete(n));
    const rest = this.sheets.filter((g) => !old.includes(g.name));
    const name = uniqueSheetName(OWN_SHEETS.practice.name, new Set(rest.map((g) => g.name)));
    this.setSheets([...rest, { ...practiceGrid(round), name }]);
    this.hidden.add(name);
    this.updated();
    this.listeners.forEach((l) => l.changed());
  }

  loadProfile(): Profile | undefined {
    return this.profile;
  }

  async saveProfile(p: Profile): Promise<void> {
    this.profile = p;
  }
}
