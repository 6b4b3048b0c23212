/**
 * The part of WPS 表格's object model (ET, `window.Application` in a WPS 加载项) that SRS uses. It
 * mirrors Excel's VBA object model: the names and arguments are those of the wps-jsapi package's
 * lib.et.d.ts (WPS's TypeScript description of ET, npm `wps-jsapi`), the behaviour that of the
 * Excel VBA reference the model follows (learn.microsoft.com/office/vba/api/excel.*), and every
 * call is synchronous: a property read or a method call returns its answer, never a promise
 * (wpsjs's 电子表格 templates read `Application.ActiveWorkbook.Name` and write
 * `Cells.Item(1, 1).Formula` inline). test/helpers/wps-mock.ts is the double that behaves so.
 */

/** XlSheetVisibility (Worksheet.Visible). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

/** XlPattern (Interior.Pattern): no fill, solid, the two gradients (which Interior cannot set). */
export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const XL_PATTERN_GRADIENTS = [4000, 4001];

/** MsoDocProperties (DocumentProperties.Add Type): text. */
export const MSO_PROPERTY_TYPE_STRING = 4;

export interface EtInterior {
  /** BGR as a long (red + green × 256 + blue × 65536); null over cells of different colours. */
  Color: number | null;
  Pattern: number | null;
  PatternColor: number | null;
  TintAndShade: number | null;
  PatternTintAndShade: number | null;
}

export interface EtRange {
  /**
   * One cell: its value (a number, text, boolean; a date as its serial number; undefined when
   * empty). Several cells: rows of such values. Setting it writes every cell.
   */
  Value2: unknown;
  /** As Value2, a formula cell giving its formula ("=SUM(…)") and a constant its text. */
  Formula: unknown;
  /** One format for the range; null when its cells have different formats. */
  NumberFormat: string | null;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** True when every cell is in a merged area, false when none is, null when some are. */
  readonly MergeCells: boolean | null;
  /** The merged area holding this one cell (the cell itself when it is in none). */
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** True for locked cells (every cell, by default), null over a mix. */
  Locked: boolean | null;
  /** Column width in characters of the default font. */
  ColumnWidth: number | null;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Merge(Across?: boolean): void;
  ClearContents(): void;
  Select(): void;
  Activate(): void;
}

export interface EtProtection {
  readonly AllowFormattingCells: boolean;
  readonly AllowFormattingColumns: boolean;
  readonly AllowFormattingRows: boolean;
  readonly AllowInsertingColumns: boolean;
  readonly AllowInsertingRows: boolean;
  readonly AllowInsertingHyperlinks: boolean;
  readonly AllowDeletingColumns: boolean;
  readonly AllowDeletingRows: boolean;
  readonly AllowSorting: boolean;
  readonly AllowFiltering: boolean;
  readonly AllowUsingPivotTables: boolean;
}

export interface EtWorksheet {
  Name: string;
  /** XL_SHEET_VISIBLE, XL_SHEET_HIDDEN or XL_SHEET_VERY_HIDDEN. */
  Visible: number;
  readonly Index: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  /** Page setup: the left section of the page header ([vba] PageSetup.LeftHeader, Excel's header codes). */
  readonly PageSetup: { LeftHeader: string };
  readonly ProtectContents: boolean;
  readonly ProtectDrawingObjects: boolean;
  readonly ProtectScenarios: boolean;
  readonly Protection: EtProtection;
  Protect(
    Password?: string,
    DrawingObjects?: boolean,
    Contents?: boolean,
    Scenarios?: boolean,
    UserInterfaceOnly?: boolean,
    AllowFormattingCells?: boolean,
    AllowFormattingColumns?: boolean,
    AllowFormattingRows?: boolean,
    AllowInsertingColumns?: boolean,
    AllowInsertingRows?: boolean,
    AllowInsertingHyperlinks?: boolean,
    AllowDeletingColumns?: boolean,
    AllowDeletingRows?: boolean,
    AllowSorting?: boolean,
    AllowFiltering?: boolean,
    AllowUsingPivotTables?: boolean
  ): void;
  /** A password-protected sheet asks the user for it when Password is omitted: SRS passes "". */
  Unprotect(Password?: string): void;
  Activate(): void;
  Delete(): void;
}

/** Worksheets: 1-based, by index or by name. */
export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtDocumentProperty {
  readonly Name: string;
  Value: unknown;
  Delete(): void;
}

/** CustomDocumentProperties: 1-based, by index or by name. */
export interface EtDocumentProperties {
  readonly Count: number;
  Item(index: number | string): EtDocumentProperty;
  Add(Name: string, LinkToContent: boolean, Type: number, Value: unknown): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly CustomDocumentProperties: EtDocumentProperties;
}

/** Application.ApiEvent (wps-jsapi index.d.ts): the add-in's application events. */
export interface EtApiEvent {
  AddApiEventListener(name: string, callback: (...args: unknown[]) => void): void;
  RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): void;
}

/** A task pane (wps-jsapi CustomTaskpane): a page of the add-in docked beside the workbook. */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveCell: EtRange | null;
  /** False: Worksheet.Delete deletes without asking the user first. */
  DisplayAlerts: boolean;
  readonly ApiEvent: EtApiEvent;
  /** Values shared by the add-in's pages (wpsjs ribbon.js keeps its task pane's ID there). */
  readonly PluginStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: string | number | boolean): void;
  };
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane;
}
