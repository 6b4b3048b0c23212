/**
 * 退回's marked copy, made from the unit's own file: its parts as they were, the problem cells
 * filled (an error's red over a warning's amber) and a 问题清单 sheet added and opened first.
 * Each marked cell gets a style of its own, its original one (font, border, number format,
 * alignment, lock) with the mark's fill: the cells of a row share one style in most files (all of
 * them after a LibreOffice save), and a fill put on that shared style paints every one of them.
 * Validation, protection and conditional formats are the sheet's and stay as they were, but for
 * live content: formulas off the allow-list become their values (child-formulas.ts).
 * Browser-safe: the pane and the page make it too.
 */
import { fromA1 } from "../../rules/grid";
import { problemListGrid } from "../../rules/review/problem-list";
import type { Returned } from "../../rules/review/return";
import { uniqueSheetName } from "../../rules/sheet-names";
import { MARK_COLORS } from "../types";
import { dropLiveContent } from "./child-formulas";
import { type Parts, partText, setPartText, sheetParts, unzipParts, zipParts } from "./parts";
import { cellAddress, editSheetCells } from "./sheet-cells";
import { dropSheets } from "./sheet-list";
import { addPlainSheets } from "./sheet-xml";

/** The 问题清单's columns: 单位, 表, 工作表, 单元格, 类别, 问题 (wrapped), 依据. */
const LIST_WIDTHS = [16, 14, 14, 8, 6, 70, 18];

/**
 * The marked copy of `xlsx` (the unit's file, or the sheets a host exported): only the `keep`
 * sheets when given, the problem cells marked, the 问题清单 added and opened first.
 */
export function markedCopy(xlsx: Uint8Array, r: Returned, keep?: readonly string[]): Uint8Array {
  const parts = unzipParts(xlsx);
  // What goes back to the unit runs, fetches and links nothing its file chose (child-formulas.ts).
  dropLiveContent(parts);
  if (keep) {
    const kept = new Set(keep);
    dropSheets(
      parts,
      sheetParts(parts)
        .map((s) => s.name)
        .filter((n) => !kept.has(n))
    );
  }
  const marks = new Map<string, string>();
  for (const i of r.items)
    if (i.cell && (i.severity === "error" || !marks.has(`${i.sheet}!${i.cell}`)))
      marks.set(`${i.sheet}!${i.cell}`, MARK_COLORS[i.severity]);
  markCells(
    parts,
    [...marks].map(([key, color]) => {
      const at = key.lastIndexOf("!");
      return { sheet: key.slice(0, at), cell: key.slice(at + 1), color };
    })
  );
  addProblemList(parts, r);
  return zipParts(parts);
}

export interface CellMark {
  sheet: string;
  cell: string;
  /** #RRGGBB */
  color: string;
}

/** Fills each cell in a style of its own derived from the one it had (see above). */
export function markCells(parts: Parts, marks: CellMark[]): void {
  const where = new Map(sheetParts(parts).map((s) => [s.name, s.part]));
  const styles = new CellStyles(parts);
  for (const sheet of new Set(marks.map((m) => m.sheet))) {
    const part = where.get(sheet);
    if (!part) continue;
    const xml = partText(parts, part)!;
    const p = /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? "";
    const cols = columnStyles(xml, p);
    const cells = marks
      .filter((m) => m.sheet === sheet)
      .map((m) => ({ ...fromA1(m.cell), color: m.color }));
    setPartText(
      parts,
      part,
      editSheetCells(xml, cells, (c, old, rowAttrs, p) => {
        // A cell the sheet lacks shows its row's style (when the row has one), else its column's.
        const base = old
          ? Number(/^<[^>]*\ss="(\d+)"/.exec(old)?.[1] ?? 0)
          : /\scustomFormat="(1|true)"/.test(rowAttrs)
            ? Number(/\ss="(\d+)"/.exec(rowAttrs)?.[1] ?? 0)
            : (cols.find((x) => x.min <= c.col && c.col <= x.max)?.style ?? 0);
        const s = ` s="${styles.marked(base, c.color)}"`;
        if (!old) return `<${p}c r="${cellAddress(c.row, c.col)}"${s}/>`;
        return old.replace(/^<([^>]*?)(\/?)>/, (_, head: string, close: string) => {
          return `<${head.replace(/\ss="\d+"/, "")}${s}${close}>`;
        });
      })
    );
  }
  styles.write();
}

/** `<col min max style>`: the style a column's cells take when the sheet has none for them. */
function columnStyles(xml: string, p: string): { min: number; max: number; style: number }[] {
  const cols = new RegExp(`<${p}cols\\b[^>]*>([\\s\\S]*?)</${p}cols>`).exec(xml)?.[1] ?? "";
  return [...cols.matchAll(new RegExp(`<${p}col\\b([^>]*)/?>`, "g"))].flatMap((m) => {
    const n = (a: string) => Number(new RegExp(`\\s${a}="(\\d+)"`).exec(m[1])?.[1] ?? NaN);
    const style = n("style");
    return Number.isNaN(style) ? [] : [{ min: n("min") - 1, max: n("max") - 1, style }];
  });
}

/** styles.xml's fills and cell formats, grown by the marked styles, each (style, colour) once. */
class CellStyles {
  private xml: string;
  private p: string;
  private fills: string[];
  private xfs: string[];
  private added = new Map<string, number>();
  private fillOf = new Map<string, number>();

  constructor(private parts: Parts) {
    this.xml = partText(parts, "xl/styles.xml") ?? addStylesPart(parts);
    this.p = /<((?:\w+:)?)styleSheet\b/.exec(this.xml)?.[1] ?? "";
    this.fills = this.items("fills", "fill");
    this.xfs = this.items("cellXfs", "xf");
  }

  private block(tag: string) {
    return new RegExp(`<${this.p}${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${this.p}${tag}>)`).exec(
      this.xml
    );
  }

  private items(block: string, tag: string): string[] {
    const body = this.block(block)?.[2] ?? "";
    const re = new RegExp(`<${this.p}${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.p}${tag}>)`, "g");
    return [...body.matchAll(re)].map((m) => m[0]);
  }

  /** The index of a style like `base` but for its solid fill of `color`. */
  marked(base: number, color: string): number {
    const key = `${base},${color}`;
    const had = this.added.get(key);
    if (had !== undefined) return had;
    const p = this.p;
    let fill = this.fillOf.get(color);
    if (fill === undefined) {
      fill = this.fills.length;
      this.fills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${color.slice(1)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
      );
      this.fillOf.set(color, fill);
    }
    const xf =
      this.xfs[base] ??
      this.xfs[0] ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const start = /^<[^>]*?(?=\/?>)/.exec(xf)![0];
    const attrs = start.replace(/\s(?:fillId|applyFill)="[^"]*"/g, "");
    this.xfs.push(xf.replace(start, `${attrs} fillId="${fill}" applyFill="1"`));
    this.added.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  write() {
    if (!this.added.size) return;
    const p = this.p;
    const set = (block: string, list: string[]) => {
      const m = this.block(block);
      const text = `<${p}${block} count="${list.length}">${list.join("")}</${p}${block}>`;
      if (m) this.xml = this.xml.replace(m[0], text);
      else
        this.xml = this.xml.replace(
          block === "fills"
            ? new RegExp(`<${p}borders\\b`)
            : new RegExp(`<${p}cellStyles\\b|</${p}styleSheet>`),
          (next) => text + next
        );
    };
    // A fills list starts with the two fills the format reserves (none, gray125).
    if (this.fills.length === this.fillOf.size)
      this.fills.unshift(
        `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
        `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`
      );
    set("fills", this.fills);
    set("cellXfs", this.xfs);
    setPartText(this.parts, "xl/styles.xml", this.xml);
  }
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A workbook with no styles part (some generators write none) gets the smallest one. */
function addStylesPart(parts: Parts): string {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
  const edit = (name: string, at: string, add: string) =>
    setPartText(parts, name, partText(parts, name)!.replace(at, add + at));
  edit(
    "[Content_Types].xml",
    "</Types>",
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  );
  edit(
    "xl/_rels/workbook.xml.rels",
    "</Relationships>",
    '<Relationship Id="rIdSrsStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
  );
  setPartText(parts, "xl/styles.xml", xml);
  return xml;
}

/** The 问题清单 after the workbook's sheets, printed as a form, the tab the file opens on. */
function addProblemList(parts: Parts, r: Returned) {
  const list = problemListGrid(r);
  const name = uniqueSheetName(list.name, new Set(sheetParts(parts).map((s) => s.name)));
  // One selected tab: a tab still selected beside it would group the sheets in Excel.
  for (const s of sheetParts(parts)) {
    const xml = partText(parts, s.part)!;
    const next = xml.replace(/(<(?:\w+:)?sheetView\b[^>]*?)\stabSelected="(?:1|true)"/g, "$1");
    if (next !== xml) setPartText(parts, s.part, next);
  }
  addPlainSheets(parts, [
    { grid: { ...list, name, widths: LIST_WIDTHS }, form: true, selected: true },
  ]);
  const book = partText(parts, "xl/workbook.xml")!;
  const tab = sheetParts(parts).findIndex((s) => s.name === name);
  const view = /<((?:\w+:)?)workbookView\b([^>]*?)(\/?)>/.exec(book);
  setPartText(
    parts,
    "xl/workbook.xml",
    view
      ? book.replace(
          view[0],
          `<${view[1]}workbookView${view[2].replace(/\s(?:activeTab|firstSheet)="\d+"/g, "")} activeTab="${tab}"${view[3]}>`
        )
      : book.replace(
          /<((?:\w+:)?)sheets\b/,
          (m, p: string) =>
            `<${p}bookViews><${p}workbookView activeTab="${tab}"/></${p}bookViews>${m}`
        )
  );
}
