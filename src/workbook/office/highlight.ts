/**
 * Highlight flagged cells (errors red, warnings amber) and give every cell back exactly the
 * fill it had — pattern and pattern colour included — even after the workbook was saved,
 * closed and reopened: the original fills are kept in the document, by sheet id so a renamed
 * sheet still clears. A cell the user recoloured since is left alone. (ExceLint overwrote users'
 * formatting this way; SRS must not.) Theme tints are kept too; a gradient fill, which Office.js
 * cannot set (RangeFill.pattern: "LinearGradient and RectangularGradient are not supported"),
 * could not be given back, so such a cell is not highlighted but listed.
 */
import type { Severity } from "../../rules/finding";
import { columnLetters, fromA1 } from "../../rules/grid";
import { type HighlightResult, type Mark, MARK_COLORS } from "../types";
import { ADDRESSES_PER_CALL, BYTES_PER_REQUEST, chunk, inRequests, utf8Bytes } from "./batches";
import { probeProtection, whileLifted } from "./protection";
import { loadSaved, type SavedFill, storeSaved } from "../saved-fills";
import type { DocumentStore } from "../store";

type FillProps = Excel.CellProperties & { format: { fill: SavedFill } };
const FILL_SPEC: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: {
      color: true,
      pattern: true,
      patternColor: true,
      tintAndShade: true,
      patternTintAndShade: true,
    },
  },
};

const GRADIENT = /Gradient$/;

/**
 * The most one cell's fill takes in getCellProperties' answer, in UTF-8 bytes: every property at
 * its longest (the longest pattern name, a tint's 17 digits). Reads are sized by it.
 */
const FILL_BYTES = utf8Bytes(
  JSON.stringify({
    format: {
      fill: {
        color: "#FFFFFF",
        pattern: "RectangularGradient",
        patternColor: "#FFFFFF",
        tintAndShade: -0.4999999999999999,
        patternTintAndShade: -0.4999999999999999,
      },
    },
  }) + ","
);
/** A range's call in a request, besides its address and sheet (the call, its options, its ids). */
const CALL_BYTES = 400;
/** A sheet's id and protection (its options) as read before highlighting or clearing. */
const PROBE_BYTES = 1024;
/** Columns between two marks in a row read as one range rather than two (cheaper than a call). */
const GAP = 2;

/** A run of marked cells in one row, read as one range. */
interface Run {
  row: number;
  left: number;
  right: number;
}

/** Each sheet's marked cells as runs along their rows: a sheet's far corners are not read. */
function runsOf(cells: string[]): Run[] {
  const at = cells.map(fromA1).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Run[] = [];
  for (const a of at) {
    const last = runs[runs.length - 1];
    if (last && last.row === a.row && a.col - last.right <= GAP + 1) last.right = a.col;
    else runs.push({ row: a.row, left: a.col, right: a.col });
  }
  return runs;
}

const runAddress = (r: Run) =>
  `${columnLetters(r.left)}${r.row + 1}:${columnLetters(r.right)}${r.row + 1}`;

/**
 * Reads the fills of the given cells and each sheet's id and protection. `bySheet` is keyed by
 * sheet name or id (getItem takes either). The cells are read as runs along their rows, as many
 * runs a request as keep its answer, measured in UTF-8 bytes, under Excel on the web's 5 MB: one
 * request for a usual workbook, more as the marks grow. `lift` then unprotects the sheets whose
 * protection does not allow formatting (protection.ts).
 */
async function readFills(context: Excel.RequestContext, bySheet: Map<string, string[]>) {
  const probe = probeProtection(
    context,
    [...bySheet.keys()].map((sheet) => ({ sheet, cells: [], formats: true }))
  );
  const sheets = [...bySheet].map(([sheet, cells]) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load("id");
    return { sheet, ws, cells };
  });
  const reads = sheets.flatMap(({ sheet, ws, cells }) =>
    runsOf(cells).map((run) => ({
      sheet,
      ws,
      run,
      props: undefined as OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined,
    }))
  );
  // The first request also carries every sheet's id and protection.
  const first = sheets.length * PROBE_BYTES;
  await inRequests(
    context,
    reads,
    (r) =>
      (r === reads[0] ? first : 0) +
      CALL_BYTES +
      utf8Bytes(r.sheet) +
      (r.run.right - r.run.left + 1) * FILL_BYTES,
    (r) => {
      r.props = r.ws.getRange(runAddress(r.run)).getCellProperties(FILL_SPEC);
    },
    BYTES_PER_REQUEST
  );
  if (!reads.length) await context.sync();
  const out = new Map<string, { id: string; fills: Map<string, SavedFill> }>();
  for (const { sheet, ws } of sheets) out.set(sheet, { id: ws.id, fills: new Map() });
  for (const { sheet, run, props } of reads) {
    const row = props!.value[0];
    for (let c = run.left; c <= run.right; c++) {
      const f = (row[c - run.left] as FillProps).format.fill;
      out.get(sheet)!.fills.set(`${columnLetters(c)}${run.row + 1}`, {
        color: f.color,
        pattern: f.pattern,
        patternColor: f.patternColor,
        tintAndShade: f.tintAndShade ?? 0,
        patternTintAndShade: f.patternTintAndShade ?? 0,
      });
    }
  }
  return { fills: out, lift: probe.lift };
}

function groupBySheet<T extends { sheet: string; cell: string }>(items: T[]) {
  const m = new Map<string, string[]>();
  for (const i of items) {
    const list = m.get(i.sheet);
    if (list) list.push(i.cell);
    else m.set(i.sheet, [i.cell]);
  }
  return m;
}

/**
 * Paints groups of cells sharing one fill, in as few requests as the payload allows: each call's
 * addresses and sheet name measured in UTF-8 bytes, under Excel on the web's 5 MB a request.
 */
async function paint(
  context: Excel.RequestContext,
  groups: { sheet: string; cells: string[]; apply: (fill: Excel.RangeFill) => void }[]
): Promise<void> {
  const calls = groups.flatMap((g) =>
    chunk(g.cells, ADDRESSES_PER_CALL).map((cells) => ({ ...g, cells, addresses: cells.join(",") }))
  );
  await inRequests(
    context,
    calls,
    (c) => CALL_BYTES + utf8Bytes(c.sheet) + utf8Bytes(c.addresses),
    (c) => c.apply(context.workbook.worksheets.getItem(c.sheet).getRanges(c.addresses).format.fill),
    BYTES_PER_REQUEST
  );
}

export async function highlightCells(
  context: Excel.RequestContext,
  marks: Mark[],
  store: DocumentStore
): Promise<HighlightResult> {
  const saved = loadSaved(store);
  const unique = oneMarkACell(marks);
  // One request: every marked cell's fill now, and each sheet's id.
  const { fills: now, lift } = await readFills(context, groupBySheet([...unique.values()]));
  const list: Mark[] = [];
  const untouched: string[] = [];
  for (const m of unique.values()) {
    const { id, fills } = now.get(m.sheet)!;
    // A record keyed by the sheet's name (kept before ids were) moves to its id.
    if (!saved.has(id) && saved.has(m.sheet)) {
      saved.set(id, saved.get(m.sheet)!);
      saved.delete(m.sheet);
    }
    const sheet = saved.get(id) ?? saved.set(id, new Map()).get(id)!;
    // A cell already under our mark keeps its first original.
    const fill = sheet.get(m.cell)?.fill ?? fills.get(m.cell)!;
    if (GRADIENT.test(fill.pattern)) {
      untouched.push(`${m.sheet}!${m.cell}`);
      continue;
    }
    sheet.set(m.cell, { fill, mark: MARK_COLORS[m.severity] });
    list.push(m);
  }
  const groups = (["error", "warning"] as Severity[]).flatMap((sev) =>
    [...groupBySheet(list.filter((m) => m.severity === sev))].map(([sheet, cells]) => ({
      sheet,
      cells,
      apply: (fill: Excel.RangeFill) => {
        // Solid, whatever pattern the cell had: the mark must read as ours (clear checks for it).
        fill.pattern = "Solid";
        fill.color = MARK_COLORS[sev];
        fill.tintAndShade = 0;
      },
    }))
  );
  const painting = new Set(list.map((m) => m.sheet));
  await whileLifted(context, await lift({ sheets: (sheet) => painting.has(sheet) }), async () => {
    // Keep the originals in the document before touching any cell.
    await storeSaved(store, saved);
    await paint(context, groups);
  });
  return { marked: list.length, untouched };
}

/** One mark a cell, an error winning over a warning on the same cell (as they are painted). */
function oneMarkACell(marks: Mark[]): Map<string, Mark> {
  const unique = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  for (const m of marks) if (m.severity === "error") unique.set(`${m.sheet}!${m.cell}`, m);
  return unique;
}

/**
 * Whether the document's record is exactly these marks, each cell under its severity's colour:
 * then the highlights a reopened workbook shows are the ones a repaint would give, and the pane
 * need not repaint (which saves the settings and so clears Excel's undo history, undo.ts). Reads
 * only the sheets' names and ids. A cell the user recoloured since stays as they chose; a gradient
 * cell, never recorded, makes the record differ.
 */
export async function marksRecorded(
  context: Excel.RequestContext,
  marks: Mark[],
  store: DocumentStore
): Promise<boolean> {
  const saved = loadSaved(store);
  const unique = oneMarkACell(marks);
  const recorded = [...saved.values()].reduce((n, cells) => n + cells.size, 0);
  if (recorded !== unique.size) return false;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const idOf = new Map(sheets.items.map((s) => [s.name, s.id]));
  return [...unique.values()].every((m) => {
    const id = idOf.get(m.sheet);
    const cells = (id !== undefined && saved.get(id)) || saved.get(m.sheet);
    return cells?.get(m.cell)?.mark.toUpperCase() === MARK_COLORS[m.severity].toUpperCase();
  });
}

export function hasHighlights(store: DocumentStore): boolean {
  return [...loadSaved(store).values()].some((cells) => cells.size > 0);
}

/** Restores every highlighted cell's original fill; returns how many cells were given back. */
export async function clearHighlights(
  context: Excel.RequestContext,
  store: DocumentStore
): Promise<number> {
  const saved = loadSaved(store);
  if (!saved.size) return 0;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  // Kept by id (a renamed sheet still clears); older records by name. A deleted sheet is skipped.
  const existing = new Set(sheets.items.flatMap((s) => [s.id, s.name]));
  const bySheet = new Map(
    [...saved]
      .filter(([sheet, cells]) => existing.has(sheet) && cells.size)
      .map(([sheet, cells]) => [sheet, [...cells.keys()]] as [string, string[]])
  );
  const read = bySheet.size ? await readFills(context, bySheet) : undefined;
  const now = new Map([...(read?.fills ?? [])].map(([k, v]) => [k, v.fills]));
  // Group the cells still showing our mark by the fill they get back.
  const groups = new Map<string, { sheet: string; cells: string[]; fill: SavedFill }>();
  for (const [sheet, cells] of bySheet)
    for (const cell of cells) {
      const { fill, mark } = saved.get(sheet)!.get(cell)!;
      const current = now.get(sheet)!.get(cell)!;
      if (current.color.toUpperCase() !== mark.toUpperCase() || current.pattern !== "Solid")
        continue;
      const key = `${sheet}\u0000${JSON.stringify(fill)}`;
      if (!groups.has(key)) groups.set(key, { sheet, cells: [], fill });
      groups.get(key)!.cells.push(cell);
    }
  const painting = new Set([...groups.values()].map((g) => g.sheet));
  const lifted = read ? await read.lift({ sheets: (sheet) => painting.has(sheet) }) : [];
  await whileLifted(context, lifted, async () => {
    await paint(
      context,
      [...groups.values()].map((g) => ({
        sheet: g.sheet,
        cells: g.cells,
        apply: (f: Excel.RangeFill) => {
          if (g.fill.pattern === "None") f.clear();
          else {
            f.pattern = g.fill.pattern as Excel.FillPattern;
            f.color = g.fill.color;
            if (g.fill.tintAndShade) f.tintAndShade = g.fill.tintAndShade;
            if (g.fill.pattern !== "Solid") {
              f.patternColor = g.fill.patternColor;
              if (g.fill.patternTintAndShade) f.patternTintAndShade = g.fill.patternTintAndShade;
            }
          }
        },
      }))
    );
    await storeSaved(store, new Map());
  });
  return [...groups.values()].reduce((n, g) => n + g.cells.length, 0);
}
