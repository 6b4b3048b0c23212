/** Reads an .xlsx into grids, one per worksheet. */
import type ExcelJS from "exceljs";
import { type Grid, gridSize } from "../../rules/grid";
import { fillFormulaResults } from "../../rules/formula";
import { plainValue } from "./cells";
import { type LeanSheet, leanSheets, parseRange, type SheetSizes } from "./lean-read";
import { partText, setPartText, sheetParts, unzipParts, zipParts } from "./parts";
import {
  isCompoundFile,
  type Sniffed,
  sniffWorkbook,
  UnreadableFile,
  type UnpackedParts,
} from "./sniff";

/**
 * The sheet's merged ranges ("A1:C1"). exceljs's public route, ws.model, rebuilds a model of
 * every row and cell first, which cost more than the rest of reading; its merge table is read
 * directly instead (exceljs is pinned by the lockfile; the tests cover this path).
 */
function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const table = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  return table ? Object.values(table).map((m) => m.range) : (ws.model.merges ?? []);
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  // getSheetValues: 1-based sparse rows of raw values, far cheaper than walking Row/Cell objects.
  const raw = ws.getSheetValues() as unknown as (ExcelJS.CellValue[] | undefined)[];
  const values: Grid["values"] = [];
  const pending: { row: number; col: number; formula: string }[] = [];
  for (let r = 1; r < raw.length; r++) {
    const row = raw[r];
    const out: Grid["values"][number] = [];
    if (row)
      for (let c = 1; c < row.length; c++) {
        const v = row[c];
        if (
          v &&
          typeof v === "object" &&
          ("formula" in v || "sharedFormula" in v) &&
          !("result" in v)
        ) {
          // exceljs's value drops a falsy result (a saved 0); the cell still has it.
          const result = ws.getCell(r, c).result;
          if (result === undefined || result === null) {
            const formula = ws.getCell(r, c).formula;
            pending.push({
              row: r - 1,
              col: c - 1,
              formula: typeof formula === "string" ? formula : "",
            });
            out.push(null);
          } else out.push(plainValue(result as ExcelJS.CellValue));
        } else out.push(plainValue(v));
      }
    values.push(out);
  }
  return finishGrid({
    name: ws.name,
    ...(ws.state === "hidden" || ws.state === "veryHidden" ? { visibility: ws.state } : {}),
    values,
    merges: mergedRanges(ws).map(parseRange),
    pending,
    sizes: {
      widths: (ws.columns ?? []).map((c) => c.width),
      heights: values.map((_, r) => ws.findRow(r + 1)?.height),
      defaultWidth: ws.properties.defaultColWidth,
      defaultHeight: ws.properties.defaultRowHeight,
    },
  });
}

/** Excel's limits: a column 255 characters wide, a row 409 points tall. */
const MOST = { width: 255, height: 409 };

/**
 * The sizes a sheet sets for itself, of its first `count` columns or rows, within Excel's limits
 * (every file is untrusted); none where a size is missing, not a size, or the sheet's default.
 * A width of 9 is no one's own either: exceljs reads a <col> without a width as 9, and 9 is the
 * default zh Excel and WPS write.
 */
function ownSizes(
  given: (number | undefined)[],
  count: number,
  most: number,
  defaults: (number | undefined)[]
): (number | undefined)[] | undefined {
  const out = Array.from({ length: Math.min(count, given.length) }, (_, i) => {
    const v = given[i];
    return v !== undefined && Number.isFinite(v) && v > 0 && !defaults.includes(v)
      ? Math.min(v, most)
      : undefined;
  });
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out.length ? out : undefined;
}

/** A sheet's own widths and heights (Grid.widths, .heights), as both routes read them. */
function ownGridSizes(grid: Grid, s: SheetSizes): Pick<Grid, "widths" | "heights"> {
  const size = gridSize(grid);
  const widths = ownSizes(s.widths, size.cols, MOST.width, [9, s.defaultWidth]);
  const heights = ownSizes(s.heights, size.rows, MOST.height, [s.defaultHeight]);
  return { ...(widths && { widths }), ...(heights && { heights }) };
}

/** Both routes end here: merged areas read as Excel keeps them, formulas without a result worked out. */
export function finishGrid({ name, visibility, values, merges, pending, sizes }: LeanSheet): Grid {
  // exceljs repeats a merged area's value in every cell it covers; Excel (and Office.js) keep it
  // in the top-left cell only. Read as Excel does, or a merged "（达标不分级）" counts three times.
  for (const m of merges)
    for (let r = m.top; r <= m.bottom && r < values.length; r++)
      for (let c = m.left; c <= m.right && c < values[r].length; c++)
        if (r !== m.top || c !== m.left) values[r][c] = null;
  const grid: Grid = { name, values, merges, ...(visibility && { visibility }) };
  Object.assign(grid, ownGridSizes(grid, sizes));
  // A formula saved without its result: same-sheet arithmetic is worked out, anything else marked
  // (not in a merged area's hidden cells, where exceljs repeats the top-left cell's formula).
  const covered = (row: number, col: number) =>
    merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        (row !== m.top || col !== m.left)
    );
  const todo = pending.filter((p) => !covered(p.row, p.col));
  if (todo.length) fillFormulaResults(grid, todo);
  return grid;
}

/** A workbook parsed by exceljs after the sniff (tests compare both routes with it). */
/**
 * The bytes as an .xlsx: an .xls or .et converted to the workbook SRS writes in its place
 * (../xls/to-xlsx.ts; SRS writes only .xlsx), an .xlsx as it is. `was` names the old kind.
 */
export async function asXlsx(
  buf: Uint8Array,
  name: string
): Promise<{ bytes: Uint8Array; was?: string }> {
  if (!isCompoundFile(buf)) return { bytes: buf };
  const { readXlsBook, xlsKind } = await import("../xls/read");
  // Read first: a file that cannot be read costs no writer.
  const book = readXlsBook(buf, name);
  const { bookToXlsx } = await import("../xls/to-xlsx");
  return { bytes: await bookToXlsx(book), was: xlsKind(name) };
}

export async function loadWorkbook(
  buf: Uint8Array,
  name = "workbook.xlsx"
): Promise<ExcelJS.Workbook> {
  return parse(await sniffWorkbook((await asXlsx(buf, name)).bytes, name));
}

/**
 * Past this many cells covered by data validations and defined names, exceljs is handed the file
 * without them: it lays out each covered cell (a validation over A1:XFD1048576 would never end),
 * and neither is needed to read the cells. A whole column validated is 1,048,576.
 */
const MAX_RANGES = 4_000_000;

/** exceljs's reading of a file already sniffed. */
async function parse({ bytes, ranges }: Sniffed): Promise<ExcelJS.Workbook> {
  // Loaded here only: a plain workbook is read without exceljs's code (in the page, 0.1 s to set up).
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(
      (ranges > MAX_RANGES ? withoutRanges(bytes) : bytes) as unknown as ArrayBuffer
    );
  } catch {
    throw new UnreadableFile("文件已损坏或不是完整的 .xlsx 工作簿，无法读取");
  }
  return wb;
}

/** The package without its data validations and defined names. */
function withoutRanges(bytes: Uint8Array): Uint8Array {
  const parts = unzipParts(bytes);
  const drop = (part: string, tag: string) => {
    const xml = partText(parts, part);
    const re = new RegExp(`<((?:\\w+:)?)${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${tag}>)`, "g");
    if (xml !== undefined) setPartText(parts, part, xml.replace(re, ""));
  };
  drop("xl/workbook.xml", "definedNames");
  for (const { part } of sheetParts(parts)) drop(part, "dataValidations");
  return zipParts(parts);
}

/** The grids read from the parts alone, or undefined when exceljs must read the file (sniffed already). */
export function leanGrids(
  buf: Uint8Array,
  unpacked?: UnpackedParts,
  texts?: Record<string, string>
): Grid[] | undefined {
  const sheets = leanSheets(buf, unpacked, texts);
  return sheets?.length ? sheets.map(finishGrid) : undefined;
}

/**
 * A file opened the one way every route opens one (so each gives the same verdict): sniffed and
 * bounded, then read from its parts, or by exceljs when the lean reader declines. `bytes` is the
 * file as read (UTF-16 parts re-encoded as UTF-8), for a writer that edits its parts.
 */
export async function openWorkbook(
  buf: Uint8Array,
  name = "workbook.xlsx"
): Promise<{ grids: Grid[]; bytes: Uint8Array; was?: string }> {
  // An .xls or .et: its grids as it reads, its bytes the .xlsx SRS writes in its place.
  if (isCompoundFile(buf)) {
    const grids = (await import("../xls/read")).readXls(buf, name);
    return { grids, ...(await asXlsx(buf, name)) };
  }
  const sniffed = await sniffWorkbook(buf, name, true, true);
  const grids = await gridsOf(sniffed);
  // A writer repacks every part: each is bounded first.
  sniffed.rest();
  return { grids, bytes: sniffed.bytes };
}

/** The grids alone: the parts no reader of a plain workbook parses are never unpacked. */
export async function readGrids(buf: Uint8Array, name = "workbook.xlsx"): Promise<Grid[]> {
  // An .xls or .et: its own reader, loaded only when such a file comes (its own chunk in the page).
  if (isCompoundFile(buf)) return (await import("../xls/read")).readXls(buf, name);
  return gridsOf(await sniffWorkbook(buf, name, true, true));
}

/**
 * A sniffed file's grids, read from the parts the sniff unpacked to check them (no part is
 * unpacked twice), or by exceljs when the lean reader declines (lean-read.ts says why), every
 * part bounded first.
 */
async function gridsOf(sniffed: Sniffed): Promise<Grid[]> {
  const lean = leanGrids(sniffed.bytes, sniffed.parts, sniffed.texts);
  if (lean) return lean;
  sniffed.rest();
  const wb = await parse(sniffed);
  // A workbook with no sheet would otherwise pass without a word.
  if (wb.worksheets.length === 0) throw new UnreadableFile("工作簿中没有任何工作表");
  return wb.worksheets.map(worksheetToGrid);
}
