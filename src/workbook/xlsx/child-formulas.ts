/**
 * What a child's sheets may carry into anything SRS hands on (the pane inserts them into the
 * township's workbook with insertWorksheetsFromBase64, formulas and all; srs return sends a marked
 * copy back): formulas made only of the functions on an allow-list (same-sheet arithmetic and the
 * aggregates the summaries need), referring only to cells of their own sheet. Any other formula —
 * another sheet, another workbook ([1]…), a DDE link (cmd|…), a defined name, a structured
 * reference, or any function not on the list (WEBSERVICE, STOCKHISTORY, PY, COPILOT, INDIRECT,
 * add-in functions, those Excel adds tomorrow…) — is replaced by the value the child saved with
 * it. Cell hyperlinks, and conditional formats and validations whose formulas are not allowed, are
 * dropped. So opening what SRS hands on fetches, runs and links nothing a village file chose.
 * Done on the .xlsx bytes, before they go anywhere.
 */
import {
  dropCalcChain,
  type Parts,
  partText,
  setPartText,
  sheetParts,
  unzipParts,
  xmlDecode,
  zipParts,
} from "./parts";

/**
 * The functions that may stay live in a child's copy. Nothing here reads beyond its arguments or
 * changes by itself: no volatile function (TODAY, RAND, OFFSET), none that reaches the network,
 * a file, another program or text made into a reference.
 */
export const ALLOWED_FUNCTIONS = [
  // arithmetic and aggregates
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "SUBTOTAL",
  "PRODUCT",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "AVERAGE",
  "AVERAGEIF",
  "AVERAGEIFS",
  "MAX",
  "MIN",
  "MAXIFS",
  "MINIFS",
  "ROUND",
  "ROUNDUP",
  "ROUNDDOWN",
  "INT",
  "TRUNC",
  "ABS",
  "MOD",
  "SQRT",
  "POWER",
  // logic and tests
  "IF",
  "IFS",
  "IFERROR",
  "IFNA",
  "AND",
  "OR",
  "NOT",
  "ISBLANK",
  "ISNUMBER",
  "ISTEXT",
  "ISERROR",
  "N",
  // text and dates a form's cells are made of
  "VALUE",
  "TEXT",
  "LEN",
  "TRIM",
  "LEFT",
  "RIGHT",
  "MID",
  "CONCATENATE",
  "CONCAT",
  "DATE",
  "YEAR",
  "MONTH",
  "DAY",
] as const;

const ALLOWED = new Set<string>(ALLOWED_FUNCTIONS);

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

/**
 * Whether a formula (as saved, without "=") may stay live in a copy of the sheet named `own`:
 * every function on the allow-list, every reference a cell or range of that sheet.
 */
export function allowedLive(formula: string, own: string): boolean {
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
  if (outside || /[[\]|@#]/.test(f)) return false;
  const rest = f.replace(CELL_REFS, "$1 ");
  NAMES.lastIndex = 0;
  for (let m; (m = NAMES.exec(rest));) {
    if (m.index && NAME_CHAR.test(rest[m.index - 1])) {
      NAMES.lastIndex = m.index + 1; // inside another name: a name may start further on
      continue;
    }
    // _xlfn. marks a function newer than Excel 2007 (_xlfn.MAXIFS); _xlws. and others stay as
    // written, and so are off the list.
    const name = m[0].replace(/^_xlfn\./i, "").toUpperCase();
    CALL.lastIndex = m.index + m[0].length;
    if (CALL.test(rest) ? !ALLOWED.has(name) : !/^(TRUE|FALSE)$/.test(name)) return false; // a defined name
  }
  return true;
}

const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const FORMULA = /<((?:\w+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1f>)/;
const HYPERLINKS = /<((?:\w+:)?)hyperlinks\b[^>]*?(?:\/>|>[\s\S]*?<\/\1hyperlinks>)/g;
/** A block of conditional formats or validations, and the formulas inside it. */
const RULES =
  /<((?:\w+:)?)(conditionalFormatting|dataValidations)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\2>)/g;
const RULE_FORMULAS =
  /<(?:\w+:)?(?:formula|formula1|formula2)\b[^>]*>([\s\S]*?)<\/(?:\w+:)?formula[12]?>/g;

/** A sheet's XML with only allowed formulas live; undefined when nothing had to change. */
function sheetWithoutLive(xml: string, own: string): string | undefined {
  let changed = false;
  let next = xml;
  if (/<(?:\w+:)?f\b/.test(xml)) {
    // A shared formula's text is on its first cell only: the others follow its verdict.
    const shared = new Map<string, boolean>();
    const si = (attrs: string) =>
      /\bt="shared"/.test(attrs) ? /\bsi="(\d+)"/.exec(attrs)?.[1] : undefined;
    for (const f of xml.matchAll(new RegExp(FORMULA, "g"))) {
      const id = si(f[2]);
      if (id !== undefined && f[3]) shared.set(id, allowedLive(xmlDecode(f[3]), own));
    }
    const live = (attrs: string, text: string | undefined) => {
      const id = si(attrs);
      if (id !== undefined) return shared.get(id) === true;
      return !text || allowedLive(xmlDecode(text), own);
    };
    next = next.replace(CELL, (cell, p: string, attrs: string, body: string | undefined) => {
      const f = body === undefined ? null : FORMULA.exec(body);
      if (!f || live(f[2], f[3])) return cell;
      changed = true;
      return valueOnly(p, attrs, body!.replace(f[0], ""));
    });
  }
  next = next.replace(HYPERLINKS, () => ((changed = true), ""));
  next = next.replace(RULES, (block) => {
    const ok = [...block.matchAll(RULE_FORMULAS)].every((m) => allowedLive(xmlDecode(m[1]), own));
    if (ok) return block;
    changed = true;
    return "";
  });
  return changed ? next : undefined;
}

/**
 * The parts with every formula off the allow-list (or reaching past its sheet) replaced by its
 * saved value, cell hyperlinks dropped, and conditional formats and validations with such
 * formulas dropped; whether anything changed.
 */
export function dropLiveContent(parts: Parts): boolean {
  let changed = false;
  for (const { name, part } of sheetParts(parts)) {
    const next = sheetWithoutLive(partText(parts, part)!, name);
    if (next === undefined) continue;
    setPartText(parts, part, next);
    changed = true;
  }
  if (changed) dropCalcChain(parts);
  return changed;
}

/** The .xlsx as dropLiveContent leaves it; the same bytes when there is nothing to change. */
export function withoutLiveContent(xlsx: Uint8Array): Uint8Array {
  const parts = unzipParts(xlsx);
  return dropLiveContent(parts) ? zipParts(parts) : xlsx;
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
