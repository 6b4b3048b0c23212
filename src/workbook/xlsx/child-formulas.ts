/**
 * What a child's sheets may bring into the township's workbook (the pane inserts them with
 * insertWorksheetsFromBase64, formulas and all): formulas that stay inside their own sheet. A
 * formula that reaches outside it — another sheet, another workbook ([1]…), a DDE link (cmd|…),
 * the web (WEBSERVICE, IMAGE), code (CALL, REGISTER), a reference built from text (INDIRECT) or a
 * defined name — is replaced by the value the child saved with it, so that opening the township's
 * workbook fetches, runs and links nothing a village file chose. Done on the .xlsx bytes, before
 * they are sent to Excel.
 */
import {
  dropCalcChain,
  partText,
  setPartText,
  sheetParts,
  unzipParts,
  xmlDecode,
  zipParts,
} from "./parts";

/** Functions that reach past the sheet: the network, other programs, text made into references, hyperlinks. */
const OUTSIDE_FUNCTIONS =
  /^(WEBSERVICE|FILTERXML|HYPERLINK|IMAGE|CALL|REGISTER|REGISTER\.ID|EXEC|EVALUATE|INDIRECT|RTD|SQL\.REQUEST|INFO|CUBE\w*|GET\.\w+)$/i;

const STRINGS = /"(?:[^"]|"")*"/g;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/g;
const SHEET = /([^\s!(),;=+\-*/&^<>'"{}%:]+(?::[^\s!(),;=+\-*/&^<>'"{}%:]+)?)!/g;
const ERRORS = /#(?:REF!|N\/A|NAME\?|DIV\/0!|NULL!|NUM!|VALUE!|SPILL!|CALC!|GETTING_DATA)/gi;
// No lookbehind (Safari before 16.4 cannot parse one). A reference takes the character before it
// as group 1, given back: it ends in a letter or digit, which cannot stand before the next one.
const CELL_REFS =
  /(^|[^\w.$\u0080-\uffff])(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w.(\u0080-\uffff])/g;
/** A name, a function's included; one whose character before is a name's own is inside another. */
const NAMES = /[A-Za-z_\\\u0080-\uffff][\w.\u0080-\uffff]*/g;
const NAME_CHAR = /[\w.\u0080-\uffff]/;
const CALL = /\s*\(/y;

/** Whether a formula (as saved, without "=") refers to anything outside the sheet named `own`. */
export function reachesOutside(formula: string, own: string): boolean {
  let f = formula.replace(STRINGS, '""');
  let outside = false;
  const sheet = (name: string) => {
    if (name.toLowerCase() !== own.toLowerCase()) outside = true;
    return " ";
  };
  f = f
    .replace(ERRORS, " ")
    .replace(QUOTED_SHEET, (_, n: string) => sheet(n.replace(/''/g, "'")))
    .replace(SHEET, (_, n: string) => sheet(n));
  // External workbooks and structured references ([1]Sheet1!A1, Table1[列]), DDE links (cmd|…).
  if (outside || /[[\]|]/.test(f)) return true;
  const rest = f.replace(CELL_REFS, "$1 ");
  NAMES.lastIndex = 0;
  for (let m; (m = NAMES.exec(rest));) {
    if (m.index && NAME_CHAR.test(rest[m.index - 1])) {
      NAMES.lastIndex = m.index + 1; // inside another name: a name may start further on
      continue;
    }
    const name = m[0].replace(/^_xl(?:fn|ws)\./i, "");
    CALL.lastIndex = m.index + m[0].length;
    if (CALL.test(rest)) {
      // Add-in functions and those that reach past the sheet.
      if (OUTSIDE_FUNCTIONS.test(name) || /^_xll\.|^_xldudf/i.test(name)) return true;
    } else if (!/^(TRUE|FALSE)$/i.test(name) && !/^_xlpm\./i.test(m[0])) return true; // a defined name
  }
  return false;
}

const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const FORMULA = /<((?:\w+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1f>)/;

/**
 * The .xlsx with each formula that reaches outside its sheet replaced by its saved value; the
 * same bytes when there is none.
 */
export function keepFormulasInside(xlsx: Uint8Array): Uint8Array {
  const parts = unzipParts(xlsx);
  let changed = false;
  for (const { name, part } of sheetParts(parts)) {
    const xml = partText(parts, part)!;
    if (!/<(?:\w+:)?f\b/.test(xml)) continue;
    // A shared formula's text is on its first cell only: the others follow its verdict.
    const shared = new Map<string, boolean>();
    const si = (attrs: string) =>
      /\bt="shared"/.test(attrs) ? /\bsi="(\d+)"/.exec(attrs)?.[1] : undefined;
    for (const f of xml.matchAll(new RegExp(FORMULA, "g"))) {
      const id = si(f[2]);
      if (id !== undefined && f[3]) shared.set(id, reachesOutside(xmlDecode(f[3]), name));
    }
    const verdict = (attrs: string, text: string | undefined) => {
      const id = si(attrs);
      if (id !== undefined) return shared.get(id) === true;
      return !!text && reachesOutside(xmlDecode(text), name);
    };
    const next = xml.replace(CELL, (cell, p: string, attrs: string, body: string | undefined) => {
      const f = body === undefined ? null : FORMULA.exec(body);
      if (!f || !verdict(f[2], f[3])) return cell;
      changed = true;
      return valueOnly(p, attrs, body!.replace(f[0], ""));
    });
    setPartText(parts, part, next);
  }
  if (!changed) return xlsx;
  dropCalcChain(parts);
  return zipParts(parts);
}

/** The cell as a constant: its saved value (a text result as inline text), its style kept. */
function valueOnly(p: string, attrs: string, rest: string): string {
  const type = /\st="(\w+)"/.exec(attrs)?.[1];
  const kept = attrs.replace(/\s(?:t|cm|vm)="[^"]*"/g, "");
  const v = new RegExp(`<${p}v\\b[^>]*>([\\s\\S]*?)</${p}v>`).exec(rest);
  if (!v) return `<${p}c${kept}/>`;
  if (type === "str" || type === "inlineStr")
    return `<${p}c${kept} t="inlineStr"><${p}is><${p}t xml:space="preserve">${v[1]}</${p}t></${p}is></${p}c>`;
  return `<${p}c${kept}${type ? ` t="${type}"` : ""}><${p}v>${v[1]}</${p}v></${p}c>`;
}
