/**
 * Saves the page's workbook. Opened from a file, the file's own parts are edited: the cells that
 * differ from what was opened are written into their sheets (text-cells.ts), sheets deleted or
 * renamed since are so in the file (sheet-list.ts), the sheets added since (a practice sheet, a
 * summary, 汇总说明) are appended, so the user's fills, widths, styles
 * and everything SRS does not model stay as they were. A workbook with no file behind it (the
 * sample) is written afresh through exceljs.
 */
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
import { dropSheets, renameSheets } from "./sheet-list";
import { addSheets, gridSheetXml } from "./sheet-xml";
import { type TextEdit, writeTextCells } from "./text-cells";

export interface SaveInput {
  /**
   * The file as opened, its sheets as read then, and the sheets still there: current name → its
   * name in the file. A sheet of the file not among them was deleted; one under another name renamed.
   */
  original?: { bytes: Uint8Array; grids: Grid[]; names: ReadonlyMap<string, string> };
  sheets: Grid[];
  hidden: ReadonlySet<string>;
}

export async function saveXlsx({ original, sheets, hidden }: SaveInput): Promise<Uint8Array> {
  if (!original) return fresh(sheets, hidden);
  const before = new Map(original.grids.map((g) => [g.name, g]));
  const inFile = (g: Grid) => {
    const name = original.names.get(g.name);
    return name === undefined ? undefined : before.get(name);
  };
  const edits: TextEdit[] = [];
  const typed: { sheet: string; cell: string; value: number | null }[] = [];
  for (const g of sheets) {
    const old = inFile(g);
    if (!old) continue;
    const o = g.origin ?? { row: 0, col: 0 };
    const rows = Math.max(g.values.length, old.values.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.values[r]?.length ?? 0, old.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const v: CellValue = g.values[r]?.[c] ?? null;
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
    addSheets(
      parts,
      added.map((g) => ({ name: g.name, xml: gridSheetXml(g) }))
    );
    hide(
      parts,
      added.filter((g) => hidden.has(g.name)).map((g) => g.name)
    );
  }
  return zipParts(parts);
}

/** Numbers and emptied cells: written as text first (keeping the cell's style), then typed. */
function setTyped(parts: Parts, cells: { sheet: string; cell: string; value: number | null }[]) {
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
          : `<${p}c r="${c.cell}"${style}><${p}v>${c.value}</${p}v></${p}c>`
      );
    }
    setPartText(parts, part, xml);
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
