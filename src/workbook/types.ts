/** What both adapters (Office.js and .xlsx) take and give: the pane's contract with a workbook. */
import type { Severity } from "../rules/finding";
import type { ChildLine } from "../rules/consolidation/plan";
import type { Period } from "../rules/period";
import type { CellValue, Grid } from "../rules/grid";
import type { Explanation } from "../rules/review/explanations";
import type { PracticeRound } from "../rules/sample/practice-record";

/** Highlight fills: errors light red, warnings amber. */
export const MARK_COLORS: Record<Severity, string> = { error: "#F8C4C4", warning: "#FFE699" };

export interface Mark {
  sheet: string;
  cell: string;
  severity: Severity;
}

export interface CellWrite {
  sheet: string;
  cell: string;
  value: number | string;
  /** What the cell held when it was checked: a cell changed since is not touched. */
  expected: CellValue;
}

/** Remembered for stamping: who fills the reports. */
export interface Profile {
  unit: string;
  filler: string;
  phone: string;
}

/** The files a picker offers: .xlsx, Excel 97–2003 .xls and WPS 表格 .et (read by xls/). */
export const WORKBOOK_FILES = ".xlsx,.xls,.et";
export const isWorkbookName = (name: string) => /\.(xlsx|xls|et)$/i.test(name);

/** A file picked for consolidation. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  /** The file's own time (File.lastModified), to order two reports of a unit dated alike. */
  lastModified?: number;
}

export interface ConsolidateOptions {
  /** The period consolidated (the pane's 报告期). */
  period?: Period;
  /** The consolidating unit (the profile's 填报单位). */
  unit?: string;
  /** Told before each file is read and when all are (done of all), and awaited: a long import shows its progress and lets the page draw. */
  onProgress?: (done: number, all: number) => void | Promise<void>;
}

/** A sheet left unread (too big to be a report, or refused by Excel), and why, in one line. */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export type SheetsRead = Grid[] & { skipped?: SkippedSheet[] };

export interface HighlightResult {
  /** Cells now showing a mark. */
  marked: number;
  /** Cells left as they were because their fill could not be given back (a gradient), "Sheet!A1". */
  untouched: string[];
}

export interface WorkbookSource {
  /** Every sheet's values and merged areas; `skipped`: sheets left unread, each with its reason. */
  readSheets(): Promise<SheetsRead>;
  /** Selects a cell and brings it into view. */
  select(sheet: string, cell: string): Promise<void>;
  /** Colours the cells (errors red, warnings amber), keeping their fills to give back. */
  highlight(marks: Mark[]): Promise<HighlightResult>;
  /** Gives every highlighted cell its own fill back; returns how many. */
  clearHighlights(): Promise<number>;
  hasHighlights(): boolean;
  /**
   * Whether the highlights kept in the workbook are exactly these marks, so a workbook reopened
   * needs no repaint; where a repaint clears the host's undo history (Excel), else absent.
   */
  marksKept?(marks: Mark[]): Promise<boolean>;
  /** Writes confirmed fixes; returns how many cells changed. */
  writeFixes(writes: CellWrite[]): Promise<number>;
  /** Gives back what the last fixes replaced. */
  undoFixes(): Promise<number>;
  /** How many cells the last fixes changed (0: nothing to give back). */
  lastFixes(): number;
  /** The selected cell. */
  activeCell(): Promise<{ sheet: string; cell: string } | undefined>;
  /** Calls back after edits and sheet switches (changed) and selection moves (selected). */
  subscribe(on: { changed(): void; selected(): void }): () => void;
  loadProfile(): Profile | undefined;
  saveProfile(p: Profile): Promise<void>;
  /** The training round kept with the workbook, so its progress survives leaving 培训 and a reload. */
  loadPractice(): PracticeRound | undefined;
  savePractice(p: PracticeRound): Promise<void>;
  /**
   * Adds a sheet (a training practice sheet, a blank template) under a unique name, with its
   * column widths in characters when given; returns the name.
   */
  addSheet(grid: Grid, widths?: number[]): Promise<string>;
  /**
   * Keeps the workbook's 审核说明 (every explanation, on a hidden sheet), replacing the sheet
   * `existing` that the last read found by its marker.
   */
  writeExplanations(list: Explanation[], existing?: string): Promise<void>;
  /** Imports the children's files as sheets and writes or updates the summaries and 汇总说明. */
  consolidate(files: ReceivedFile[], options?: ConsolidateOptions): Promise<ChildLine[]>;
  /**
   * An .xlsx holding these sheets as the host keeps them (their styles, validation, protection),
   * for 退回's marked copy; absent where the host cannot hand over its file.
   */
  sheetsFile?(sheets: string[]): Promise<Uint8Array | undefined>;
  /**
   * The copies changed since the last consolidation, where the host's summaries hold numbers
   * rather than formulas (the page): they are out of date until 重新汇总.
   */
  staleCopies?(): string[];
  /**
   * Opens a workbook SRS made (退回's marked copy) as a new workbook of the host, where it can:
   * Excel.createWorkbook. A host without it (the page) is given the file as a download.
   */
  openCopy?(bytes: Uint8Array): Promise<void>;
  /**
   * Whether this action clears the host's undo history, which the pane says before it runs
   * (office/undo.ts for Excel). A host without it (the page, WPS) keeps no undo SRS could clear.
   */
  clearsUndo?(action: UndoAction): boolean;
}

/**
 * The pane's actions that change the workbook: fixes and stamps (`fix`), 撤销上次修改, 标出问题格
 * (and the marks following the findings), the marks a reopened workbook kept brought up to its
 * findings (`followHighlights`), 清除标记, 审核说明 written into a new sheet or into the
 * one there, consolidation, a sheet added (表样, the roster's draft), a practice round, the profile.
 */
export type UndoAction =
  | "fix"
  | "undoFixes"
  | "highlight"
  | "followHighlights"
  | "clearHighlights"
  | "explainNew"
  | "explainInPlace"
  | "consolidate"
  | "addSheet"
  | "practice"
  | "profile";
