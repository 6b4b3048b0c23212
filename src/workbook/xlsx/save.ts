/**
 * Saves the page's workbook. Opened from a file, the file's own parts are edited: the cells that
 * differ from what was opened are written into their sheets (text-cells.ts), sheets deleted or
 * renamed since are so in the file (sheet-list.ts), the sheets added since (a practice sheet, a
 * summary, 汇总说明) are appended, so the user's fills, widths, styles
 * and everything SRS does not model stay as they were. A workbook with no file behind it (the
 * sample) is written afresh through exceljs.
 */
import type { Summary } from "../../rules/consolidation/summary";
import type { CellValue, Grid } from "../../rules/grid";
import { toA1 } from "../../rules/grid";
import {
  partText,
  type Parts,
  setPartText,
  sheetParts,
  unzipParts,
  xmlEncode,
  zipParts,
} from "./parts";
import { setPageHeader } from "./page-header";
import { dropSheets, renameSheets } from "./sheet-list";
import { addPlainSheets, type FormulaCell, type PlainSheet } from "./sheet-xml";
import { type TextEdit, writeTextCells } from "./text-cells";

export interface SaveInput {
  /**
   * The file as opened, its sheets as read then, and the sheets still there: current name → its
   * name in the file. A sheet of the file not among them was deleted; one under another name renamed.
   */
  original?: { bytes: Uint8Array; grids: Grid[]; names: ReadonlyMap<string, string> };
  sheets: Grid[];
  hidden: ReadonlySet<string>;
  /** The page's last consolidation: its summaries (their formulas) and 汇总说明's name. */
  township?: { summaries: Summary[]; notes: string };
  /** Page headers' left sections set ("" taken off) by sheet, in Excel's codes (a copy not summed). */
  headers?: ReadonlyMap<string, string>;
}

export async function saveXlsx({
  original,
  sheets,
  hidden,
  township,
  headers = new Map(),
}: SaveInput): Promise<Uint8Array> {
  const town = township && liveTownship(sheets, township);
  if (!original) return town ? freshTownship(sheets, hidden, town, headers) : fresh(sheets, hidden);
  const formulas = new Map<string, Map<string, FormulaCell>>();
  for (const s of town?.summaries ?? [])
    formulas.set(s.sheet, new Map(s.cells.map((c) => [`${c.row},${c.col}`, c])));
  const before = new Map(original.grids.map((g) => [g.name, g]));
  const inFile = (g: Grid) => {
    const name = original.names.get(g.name);
    return name === undefined ? undefined : before.get(name);
  };
  const edits: TextEdit[] = [];
  const typed: Typed[] = [];
  for (const g of sheets) {
    const old = inFile(g);
    if (!old) continue;
    const o = g.origin ?? { row: 0, col: 0 };
    const sums = formulas.get(g.name);
    const rows = Math.max(g.values.length, old.values.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.values[r]?.length ?? 0, old.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const v: CellValue = g.values[r]?.[c] ?? null;
        // A summary updated in place: every sum is written, its formula may read new children.
        const sum = sums?.get(`${r},${c}`);
        if (sum) {
          edits.push({ sheet: old.name, row: r + o.row, col: c + o.col, value: "" });
          typed.push({
            sheet: old.name,
            cell: toA1(g, r, c),
            value: sum.value,
            formula: sum.formula,
          });
          continue;
        }
        if (v === (old.values[r]?.[c] ?? null)) continue;
        edits.push({
          sheet: old.name,
          row: r + o.row,
          col: c + o.col,
          value: v === null ? "" : String(v),
        });
        if (typeof v === "number" || v === null)
          typed.push({ sheet: old.name, cell: toA1(g, r, c), value: v });
      }
    }
  }
  const parts = unzipParts(edits.length ? writeTextCells(original.bytes, edits) : original.bytes);
  if (typed.length) setTyped(parts, typed);
  setHeaders(
    parts,
    sheets.flatMap((g) => {
      const old = inFile(g);
      const code = headers.get(g.name);
      return old && code !== undefined ? [{ sheet: old.name, code }] : [];
    })
  );
  const kept = new Set(original.names.values());
  dropSheets(
    parts,
    original.grids.map((g) => g.name).filter((n) => !kept.has(n))
  );
  renameSheets(
    parts,
    new Map([...original.names].filter(([now, was]) => now !== was).map(([now, was]) => [was, now]))
  );
  const added = sheets.filter((g) => !inFile(g));
  if (added.length) {
    const w = await import("./township");
    addPlainSheets(
      parts,
      added.map((g) => ({
        ...plainSheet(g, town, w, headers),
        header: headers.get(g.name) || undefined,
      }))
    );
    hide(
      parts,
      added.filter((g) => hidden.has(g.name)).map((g) => g.name)
    );
  }
  return zipParts(parts);
}

type Typed = { sheet: string; cell: string; value: number | null; formula?: string };

/** Numbers, sums and emptied cells: written as text first (keeping the cell's style), then typed. */
function setTyped(parts: Parts, cells: Typed[]) {
  const where = new Map(sheetParts(parts).map((s) => [s.name, s.part]));
  for (const sheet of new Set(cells.map((c) => c.sheet))) {
    const part = where.get(sheet)!;
    let xml = partText(parts, part)!;
    for (const c of cells.filter((x) => x.sheet === sheet)) {
      const re = new RegExp(
        `<((?:\\w+:)?)c r="${c.cell}"((?: s="\\d+")?) t="inlineStr"><\\1is><\\1t xml:space="preserve">[^<]*</\\1t></\\1is></\\1c>`
      );
      xml = xml.replace(re, (_, p: string, style: string) =>
        c.value === null
          ? `<${p}c r="${c.cell}"${style}/>`
          : `<${p}c r="${c.cell}"${style}>${c.formula === undefined ? "" : `<${p}f>${xmlEncode(c.formula)}</${p}f>`}<${p}v>${c.value}</${p}v></${p}c>`
      );
    }
    setPartText(parts, part, xml);
  }
}

/** Page headers into the sheets of the file (by their names in it). */
function setHeaders(parts: Parts, list: { sheet: string; code: string }[]) {
  const where = new Map(sheetParts(parts).map((s) => [s.name, s.part]));
  for (const { sheet, code } of list) {
    const part = where.get(sheet);
    if (part) setPartText(parts, part, setPageHeader(partText(parts, part)!, code));
  }
}

/** SRS's own hidden sheets (审核说明) stay hidden in the file. */
function hide(parts: Parts, names: string[]) {
  let xml = partText(parts, "xl/workbook.xml")!;
  for (const n of names)
    xml = xml.replace(
      `name="${xmlEncode(n)}" r:id=`,
      `name="${xmlEncode(n)}" state="hidden" r:id=`
    );
  setPartText(parts, "xl/workbook.xml", xml);
}

/**
 * The consolidation's summaries as the page shows them now: those still there, over the sheet's
 * current values, each sum a formula while the cell still shows its sum (a number typed over
 * one stays that number).
 */
function liveTownship(sheets: Grid[], t: { summaries: Summary[]; notes: string }) {
  const notes = sheets.find((g) => g.name === t.notes);
  if (!notes) return undefined;
  const summaries = t.summaries.flatMap((s) => {
    const grid = sheets.find((g) => g.name === s.sheet);
    if (!grid) return [];
    const cells = s.cells.filter((c) => grid.values[c.row]?.[c.col] === c.value);
    const detail =
      s.detail && sheets.some((g) => g.name === s.detail!.sheet) ? s.detail : undefined;
    return [{ ...s, layout: { ...s.layout, grid }, cells, detail }];
  });
  const ours = new Set([notes.name, ...summaries.flatMap((s) => [s.sheet, s.detail?.sheet ?? ""])]);
  const copies = new Set(summaries.flatMap((s) => s.children.map((c) => c.sheet)));
  return { summaries, notes, ours, copies };
}
type LiveTownship = NonNullable<ReturnType<typeof liveTownship>>;
type Writer = typeof import("./township");

/** An added sheet as the township workbook writes it: a summary or 明细 with its formulas, a copy as a form. */
function plainSheet(
  g: Grid,
  town: LiveTownship | undefined,
  w: Writer,
  headers: ReadonlyMap<string, string>
): PlainSheet {
  const s = town?.summaries.find((x) => x.sheet === g.name);
  if (s) return { grid: g, formulas: s.cells, form: true };
  const d = town?.summaries.find((x) => x.detail?.sheet === g.name)?.detail;
  if (d) return w.detailSheet(d, false);
  return { grid: g, form: town?.copies.has(g.name) || !!headers.get(g.name) };
}

/** A workbook with no file behind it, consolidated: written as `srs consolidate` writes one. */
async function freshTownship(
  sheets: Grid[],
  hidden: ReadonlySet<string>,
  town: LiveTownship,
  headers: ReadonlyMap<string, string>
) {
  const { townshipXlsx } = await import("./township");
  const rest = sheets.filter((g) => !town.ours.has(g.name));
  // A copy not summed prints as a form too, its header saying why.
  const copy = (g: Grid) => town.copies.has(g.name) || !!headers.get(g.name);
  return townshipXlsx(
    {
      summaries: town.summaries,
      notes: town.notes,
      headers,
      copies: rest.filter(copy),
      others: rest.filter((g) => !copy(g)),
    },
    (parts) => hide(parts, [...hidden])
  );
}

async function fresh(sheets: Grid[], hidden: ReadonlySet<string>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const { addGridSheet } = await import("./grid-sheet");
  const wb = new ExcelJS.Workbook();
  wb.creator = "SRS";
  for (const g of sheets) {
    const ws = addGridSheet(wb, g);
    if (hidden.has(g.name)) ws.state = "hidden";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
