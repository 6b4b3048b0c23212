/**
 * Cell styles of a printed form (layout/print.ts) added to a workbook's styles.xml, written
 * directly: a font, a border, a fill as needed and the cell format using them, each added once
 * (a style there already, written before, is found again and its index given back).
 */
import {
  FORM_FONT,
  FORM_SHADE,
  FORM_SIZES,
  FORM_STYLES,
  type Part,
} from "../../rules/layout/print";
import { type Parts, partText, setPartText } from "./parts";

export interface CellStyle {
  size: number;
  bold?: boolean;
  horizontal: "left" | "center";
  vertical: "top" | "center";
  border?: boolean;
  /** A solid fill, RRGGBB. */
  fill?: string;
  /** The font's colour, RRGGBB (black when absent). */
  color?: string;
}

/** A part of a form as a cell style; `shaded` for a cell the notice greys out. */
export const partStyle = (part: Part, options: { text?: boolean; shaded?: boolean } = {}) =>
  ({
    size: FORM_SIZES[part],
    ...FORM_STYLES[options.text ? "text" : part],
    ...(options.shaded ? { fill: FORM_SHADE } : {}),
  }) satisfies CellStyle;

/** The style's index in styles.xml's cellXfs, added when missing; undefined when the part has no such lists. */
export function addCellStyle(parts: Parts, style: CellStyle): number | undefined {
  const styles = partText(parts, "xl/styles.xml");
  const block = (tag: string) =>
    styles && new RegExp(`<((?:\\w+:)?)${tag}\\b([^>]*)>([\\s\\S]*?)</\\1${tag}>`).exec(styles);
  const fonts = block("fonts");
  const fills = block("fills");
  const borders = block("borders");
  const xfs = block("cellXfs");
  if (!styles || !fonts || !borders || !xfs || (style.fill && !fills)) return undefined;
  const p = fonts[1];
  const items = (body: string, tag: string) =>
    [...body.matchAll(new RegExp(`<${p}${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${tag}>)`, "g"))].map(
      (m) => m[0]
    );
  const font = `<${p}font>${style.bold ? `<${p}b/>` : ""}<${p}sz val="${style.size}"/>${style.color ? `<${p}color rgb="FF${style.color}"/>` : ""}<${p}name val="${FORM_FONT.name}"/><${p}family val="${FORM_FONT.family}"/><${p}charset val="${FORM_FONT.charset}"/></${p}font>`;
  const side = (s: string) => `<${p}${s} style="thin"><${p}color indexed="64"/></${p}${s}>`;
  const border = `<${p}border>${["left", "right", "top", "bottom"].map(side).join("")}<${p}diagonal/></${p}border>`;
  const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${style.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const align = `<${p}alignment horizontal="${style.horizontal}" vertical="${style.vertical}" wrapText="1"/>`;
  const xf = (fontId: number, fillId: number, borderId: number) =>
    `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""} applyAlignment="1">${align}</${p}xf>`;
  const fontList = items(fonts[3], "font");
  const fillList = fills ? items(fills[3], "fill") : [];
  const borderList = items(borders[3], "border");
  const xfList = items(xfs[3], "xf");
  // Written before (stamped twice): the style is there already.
  const had = (list: string[], item: string, wanted: boolean | undefined) =>
    wanted ? list.indexOf(item) : 0;
  const hadFont = fontList.indexOf(font);
  const hadFill = had(fillList, fill, !!style.fill);
  const hadBorder = had(borderList, border, style.border);
  if (
    hadFont >= 0 &&
    hadFill >= 0 &&
    hadBorder >= 0 &&
    xfList.includes(xf(hadFont, hadFill, hadBorder))
  )
    return xfList.indexOf(xf(hadFont, hadFill, hadBorder));
  const fontId = hadFont >= 0 ? hadFont : fontList.length;
  const fillId = hadFill >= 0 ? hadFill : fillList.length;
  const borderId = hadBorder >= 0 ? hadBorder : borderList.length;
  const xfId = xfList.length;
  const withCount = (attrs: string, n: number) =>
    /\scount="/.test(attrs) ? attrs.replace(/\scount="\d*"/, ` count="${n}"`) : attrs;
  const grow = (m: RegExpExecArray, tag: string, n: number, add: string) =>
    `<${p}${tag}${withCount(m[2], n)}>${m[3]}${add}</${p}${tag}>`;
  let text = styles;
  if (hadFont < 0) text = text.replace(fonts[0], grow(fonts, "fonts", fontId + 1, font));
  if (hadFill < 0 && fills) text = text.replace(fills[0], grow(fills, "fills", fillId + 1, fill));
  if (hadBorder < 0)
    text = text.replace(borders[0], grow(borders, "borders", borderId + 1, border));
  setPartText(
    parts,
    "xl/styles.xml",
    text.replace(xfs[0], grow(xfs, "cellXfs", xfId + 1, xf(fontId, fillId, borderId)))
  );
  return xfId;
}
