/**
 * A grid as worksheet XML, written directly: the copies of a thousand children are most of a
 * township workbook, and exceljs's cell model cost more than reading them (docs/PERFORMANCE.md).
 * Strings are inline (no shared-string table to merge), so a sheet is one self-contained part.
 */
import { strToU8 } from "fflate";
import type { Grid, Merge } from "../../rules/grid";
import { columnLetters } from "../../rules/grid";
import type { Layout } from "../../rules/layout/blank-template";
import {
  copyForm,
  FORM_FOOTER,
  FORM_PAGE,
  partOf,
  rowHeights,
  spanLines,
  textHeight,
} from "../../rules/layout/print";
import { formStyle } from "./across-lines";
import { addCellStyle, type CellStyle, partStyle } from "./cell-styles";
import { concatBytes, type Parts, partText, setPartText, xmlEncode } from "./parts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A formula cell: the formula (no "=") with its value cached, as Excel saves one. */
export interface FormulaCell {
  row: number;
  col: number;
  formula: string;
  value: number;
}

type Written = string | number | boolean | { formula: string; value: number };

function cellXml(ref: string, v: Written, s = ""): string {
  if (typeof v === "object")
    return `<c r="${ref}"${s}><f>${xmlEncode(v.formula)}</f><v>${v.value}</v></c>`;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEncode(String(v))}</t></is></c>`;
}

/**
 * A sheet printed as a form: its column widths and row heights; each cell's style (a table row's
 * empty cells too, bordered across the table); A4 landscape one page wide. A child's copy
 * (copyForm) or an official layout (a summary, 汇总说明: layoutForm).
 */
export interface SheetForm {
  widths: number[];
  heights: number[];
  /** Merged areas beside the grid's own: lines across the table. */
  spans: Merge[];
  /** A cell's style (its index in styles.xml), or undefined. */
  style: (row: number, col: number) => number | undefined;
  /** A table's row: its empty cells that have a style are written, bordered. */
  table: (row: number) => boolean;
  /** Centred on the page (an official layout). */
  centered?: boolean;
  /** The tab the workbook opens on. */
  selected?: boolean;
  /** Its page header's left section, in Excel's codes (a copy not summed: incomplete.ts headerCode). */
  header?: string;
}

/** A summary's 本汇总不完整 line (Layout.alert): bold, dark red, a size above the other lines. */
const ALERT: CellStyle = { ...partStyle("line"), size: 11, bold: true, color: "C00000" };

const page = (header = "") =>
  `<pageMargins left="${FORM_PAGE.margins.left}" right="${FORM_PAGE.margins.right}" top="${FORM_PAGE.margins.top}" bottom="${FORM_PAGE.margins.bottom}" header="${FORM_PAGE.margins.header}" footer="${FORM_PAGE.margins.footer}"/>` +
  `<pageSetup paperSize="${FORM_PAGE.paperSize}" orientation="${FORM_PAGE.orientation}" fitToWidth="1" fitToHeight="0"/>` +
  `<headerFooter>${header ? `<oddHeader>${xmlEncode(`&L${header}`)}</oddHeader>` : ""}<oddFooter>${xmlEncode(FORM_FOOTER)}</oddFooter></headerFooter>`;

/**
 * Text written into UTF-8 a piece at a time: a 明细 of 5,000 rows never becomes one string (16 MB
 * in UTF-16, and its rows kept until the end), only its bytes.
 */
class Utf8Pieces {
  private done: Uint8Array[] = [];
  private pending: string[] = [];
  private size = 0;

  add(text: string) {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }

  bytes(): Uint8Array {
    this.flush();
    return concatBytes(this.done);
  }

  private flush() {
    this.done.push(strToU8(this.pending.join("")));
    this.pending = [];
    this.size = 0;
  }
}

/**
 * The worksheet part of a plain sheet, in UTF-8: values and merged areas at the grid's origin,
 * and formula cells (grid positions) over the values.
 */
export function gridSheetPart(
  grid: Grid,
  formulas: FormulaCell[] = [],
  form?: SheetForm
): Uint8Array {
  const o = grid.origin ?? { row: 0, col: 0 };
  const byRow = new Map<number, Map<number, Written>>();
  let last = grid.values.length - 1;
  for (const f of formulas) {
    if (!byRow.has(f.row)) byRow.set(f.row, new Map());
    byRow.get(f.row)!.set(f.col, { formula: f.formula, value: f.value });
    last = Math.max(last, f.row);
  }
  const letters: string[] = [];
  const xml = new Utf8Pieces();
  xml.add('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  xml.add(`<worksheet xmlns="${MAIN}">${sheetHead(o.col, form)}<sheetData>`);
  for (let r = 0; r <= last; r++) {
    const values = grid.values[r] ?? [];
    const over = byRow.get(r);
    const table = form?.table(r);
    // A table row is bordered across the sheet's width, its empty cells too.
    const width = Math.max(
      values.length,
      over ? Math.max(...over.keys()) + 1 : 0,
      table ? form!.widths.length : 0
    );
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = over?.get(c) ?? values[c];
      const empty = v === null || v === undefined || v === "";
      const style = form?.style(r, c);
      if (empty && (!table || style === undefined)) continue;
      const s = style === undefined ? "" : ` s="${style}"`;
      letters[c] ??= columnLetters(c + o.col);
      const ref = `${letters[c]}${r + o.row + 1}`;
      cells.push(empty ? `<c r="${ref}"${s}/>` : cellXml(ref, v, s));
    }
    const ht = form ? ` ht="${form.heights[r] ?? 15}" customHeight="1"` : "";
    if (cells.length || form) xml.add(`<row r="${r + o.row + 1}"${ht}>${cells.join("")}</row>`);
  }
  const ref = (row: number, col: number) => `${columnLetters(col + o.col)}${row + o.row + 1}`;
  const all = form ? [...grid.merges, ...form.spans] : grid.merges;
  const merges = all.length
    ? `<mergeCells count="${all.length}">${all
        .map((m) => `<mergeCell ref="${ref(m.top, m.left)}:${ref(m.bottom, m.right)}"/>`)
        .join("")}</mergeCells>`
    : "";
  const setup = form
    ? (form.centered ? '<printOptions horizontalCentered="1"/>' : "") + page(form.header)
    : "";
  xml.add(`</sheetData>${merges}${setup}</worksheet>`);
  return xml.bytes();
}

/** What comes before a form's rows: fit to the page, the tab it opens on, its column widths. */
const sheetHead = (col: number, form?: SheetForm) =>
  form
    ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      (form.selected
        ? '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        : "") +
      `<cols>${form.widths
        .map(
          (w, c) => `<col min="${c + col + 1}" max="${c + col + 1}" width="${w}" customWidth="1"/>`
        )
        .join("")}</cols>`
    : "";

const WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WORKSHEET_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/**
 * Adds these sheets after the workbook's own: each a worksheet part, its relationship, content
 * type and entry in xl/workbook.xml (and in docProps/app.xml's list of titles, as Excel keeps it).
 */
export function addSheets(
  parts: Parts,
  sheets: { name: string; xml: Uint8Array; titles?: { top: number; bottom: number } }[]
): void {
  const edit = (name: string, change: (text: string) => string) => {
    const text = partText(parts, name);
    if (text === undefined) throw new Error(`${name} missing: not an .xlsx`);
    setPartText(parts, name, change(text));
  };
  const maxOf = (text: string, re: RegExp) =>
    Math.max(0, ...[...text.matchAll(re)].map((m) => Number(m[1])));
  const firstPart = maxOf(Object.keys(parts).join(" "), /xl\/worksheets\/sheet(\d+)\.xml/g) + 1;
  // A workbook SRS wrote before (saved again from the page) holds ids of ours already.
  const firstRel =
    maxOf(partText(parts, "xl/_rels/workbook.xml.rels") ?? "", /Id="rIdSrsSheet(\d+)"/g) + 1;
  const added = sheets.map((s, i) => ({
    ...s,
    part: `worksheets/sheet${firstPart + i}.xml`,
    rel: `rIdSrsSheet${firstRel + i}`,
  }));
  edit("xl/workbook.xml", (text) => {
    const firstId = maxOf(text, /sheetId="(\d+)"/g) + 1;
    const before = [...text.matchAll(/<(?:\w+:)?sheet\b/g)].length;
    const tags = added
      .map(
        (s, i) => `<sheet sheetId="${firstId + i}" name="${xmlEncode(s.name)}" r:id="${s.rel}"/>`
      )
      .join("");
    let book = text.includes("</sheets>")
      ? text.replace("</sheets>", `${tags}</sheets>`)
      : // A workbook written with no sheet has no <sheets>: it goes where the schema orders it.
        text.replace(
          /<(?:functionGroups|externalReferences|definedNames|calcPr|\/workbook)\b/,
          (next) => `<sheets>${tags}</sheets>${next}`
        );
    // Rows printed at the top of every page: the sheet's own defined name.
    const names = added.flatMap((s, i) =>
      s.titles
        ? [
            `<definedName name="_xlnm.Print_Titles" localSheetId="${before + i}">${xmlEncode(
              `'${s.name.replace(/'/g, "''")}'!$${s.titles.top + 1}:$${s.titles.bottom + 1}`
            )}</definedName>`,
          ]
        : []
    );
    if (names.length)
      book = book.includes("</definedNames>")
        ? book.replace("</definedNames>", `${names.join("")}</definedNames>`)
        : book.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
    return book;
  });
  edit("xl/_rels/workbook.xml.rels", (text) =>
    text.replace(
      "</Relationships>",
      added
        .map((s) => `<Relationship Id="${s.rel}" Type="${WORKSHEET_REL}" Target="${s.part}"/>`)
        .join("") + "</Relationships>"
    )
  );
  edit("[Content_Types].xml", (text) =>
    text.replace(
      "</Types>",
      added.map((s) => `<Override PartName="/xl/${s.part}" ContentType="${WORKSHEET}"/>`).join("") +
        "</Types>"
    )
  );
  if (parts["docProps/app.xml"])
    edit("docProps/app.xml", (text) =>
      text
        .replace(
          /(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)(\d+)/,
          (_, head: string, n: string) => `${head}${Number(n) + added.length}`
        )
        .replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, (list) => {
          const titles = [...list.matchAll(/<vt:lpstr>[^<]*<\/vt:lpstr>/g)].map((m) => m[0]);
          for (const s of added) titles.push(`<vt:lpstr>${xmlEncode(s.name)}</vt:lpstr>`);
          return `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.join("")}</vt:vector></TitlesOfParts>`;
        })
    );
  for (const s of added) parts[`xl/${s.part}`] = s.xml;
}

/** A sheet of values, merged areas and formulas, written directly as its part (sheet-xml.ts). */
export interface PlainSheet {
  grid: Grid;
  formulas?: FormulaCell[];
  /** Printed as a form (a child's copy): widths, heights, borders, A4 landscape. */
  form?: boolean;
  /** Printed as this official layout (a summary, 汇总说明), its grid the sheet's. */
  layout?: Layout;
  /** A form that is the tab the workbook opens on. */
  selected?: boolean;
  /** A form's page header's left section, in Excel's codes. */
  header?: string;
}

/**
 * Plain sheets appended to a package's parts: copies printed as forms, in one shared bordered
 * style for their table cells, one for their lines and one for the title (not one a cell); official layouts in a
 * style a part (title, lines, header, body), their column header repeated on every page. The
 * styles are added to its styles.xml.
 */
export function addPlainSheets(parts: Parts, plain: PlainSheet[]): void {
  const styles = plain.some((p) => p.form)
    ? {
        cell: formStyle(parts, "cell"),
        line: formStyle(parts, "line"),
        heading: formStyle(parts, "title"),
      }
    : undefined;
  addSheets(
    parts,
    plain.map((p) => {
      if (p.layout)
        return {
          name: p.grid.name,
          xml: gridSheetPart(p.grid, p.formulas, layoutForm(parts, p.layout, p.selected)),
          titles: p.layout.header,
        };
      const copy =
        p.form && styles?.cell !== undefined && styles.line !== undefined && copyForm(p.grid);
      return {
        name: p.grid.name,
        xml: gridSheetPart(
          p.grid,
          p.formulas,
          copy
            ? {
                ...copy,
                style: (r) =>
                  r === copy.title
                    ? (styles!.heading ?? styles!.line)
                    : copy.lines.has(r)
                      ? styles!.line
                      : styles!.cell,
                table: (r) => !copy.lines.has(r),
                selected: p.selected,
                header: p.header,
              }
            : undefined
        ),
      };
    })
  );
}

/**
 * An official layout as a form, as write-layout.ts prints it through exceljs: its widths; rows as
 * tall as their wrapped text; the title, lines and notes spanning the table, each styled in its
 * first cell; the column header and body bordered, shaded cells grey; centred on the page.
 */
function layoutForm(parts: Parts, layout: Layout, selected?: boolean): SheetForm {
  const { grid, header } = layout;
  const spans = spanLines(grid, { ...header, bottom: layout.body.bottom });
  const shaded = new Set(layout.shaded.map((s) => `${s.row},${s.col}`));
  const ids = new Map<string, number | undefined>();
  return {
    widths: layout.widths,
    heights: rowHeights({ ...grid, merges: [...grid.merges, ...spans] }, layout.widths, layout).map(
      (h, r) => (r === layout.alert ? Math.max(h, textHeight("一", 9, ALERT.size)) : h)
    ),
    spans,
    table: (r) => ["header", "body"].includes(partOf(layout, r)),
    style: (r, c) => {
      const part = partOf(layout, r);
      const table = part === "header" || part === "body";
      if (table ? c < header.left || c > header.right : c !== header.left) return undefined;
      if (r === layout.alert) {
        if (!ids.has("alert")) ids.set("alert", addCellStyle(parts, ALERT));
        return ids.get("alert");
      }
      const text = part === "body" && layout.topLeft.includes(c);
      const grey = shaded.has(`${r},${c}`);
      const key = `${part}|${text}|${grey}`;
      if (!ids.has(key)) ids.set(key, addCellStyle(parts, partStyle(part, { text, shaded: grey })));
      return ids.get(key);
    },
    centered: true,
    selected,
  };
}
