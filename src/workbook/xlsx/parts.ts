/**
 * An .xlsx as its parts, for edits that must leave everything else as the user saved it (a
 * parser-writer round trip drops what it does not model: external links, charts, HYPERLINK
 * formulas). fflate: synchronous and the same in node and the browser. Call only after the file
 * was sniffed (sniff.ts), so its parts are known to unpack to a bounded size.
 */
import { strFromU8, strToU8, unzipSync, Zip, type ZipInputFile, zipSync } from "fflate";

export type Parts = Record<string, Uint8Array>;

/** The parts (or those whose names pass `keep`), unpacked. */
export const unzipParts = (bytes: Uint8Array, keep?: (name: string) => boolean): Parts =>
  unzipSync(bytes, keep ? { filter: (f) => keep(f.name) } : undefined);
/**
 * A native raw DEFLATE and its CRC-32 (node's zlib in the CLI): a 5,000-child township workbook
 * is 11 MB of XML, which fflate's deflate took half a second to pack (docs/PERFORMANCE.md).
 */
export interface Deflater {
  raw: (data: Uint8Array) => Uint8Array;
  crc32: (data: Uint8Array) => number;
}

/** The parts packed, each deflated: by `deflater` when given, else by fflate. */
export const zipParts = (parts: Parts, deflater?: Deflater): Uint8Array =>
  deflater ? zipDeflated(parts, deflater) : zipSync(parts);

/** fflate's zip around parts deflated elsewhere (each entry's sizes then follow its data). */
function zipDeflated(parts: Parts, deflater: Deflater): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(parts)) {
    const file: ZipInputFile = {
      filename,
      size: data.length,
      crc: deflater.crc32(data),
      compression: 8,
    };
    zip.add(file);
    // fflate types its chunks as ArrayBuffer-backed; it only copies them into the output.
    file.ondata!(null, deflater.raw(data) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  return concatBytes(chunks);
}

/** The pieces in one array. */
export function concatBytes(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of pieces) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
export const partText = (parts: Parts, name: string) =>
  parts[name] === undefined ? undefined : strFromU8(parts[name]);
export const setPartText = (parts: Parts, name: string, text: string) => {
  parts[name] = strToU8(text);
};

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
  "&amp;": "&",
};

/** XML text with its entities and character references resolved. */
export const xmlDecode = (s: string) =>
  s.replace(/&(?:lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, dec, hex) =>
    dec ? String.fromCodePoint(+dec) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[m]
  );

// eslint-disable-next-line no-control-regex -- the characters xmlEncode drops or escapes
const NEEDS_ENCODING = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff&<>"]|_x[0-9a-fA-F]{4}_/;

/**
 * Text as XML character data or attribute value. Characters XML 1.0 cannot hold are dropped (as
 * exceljs does), and a literal "_x001B_" gets its underscore escaped: readers decode _xHHHH_ in
 * cell text (ECMA-376 22.9.2.19 ST_Xstring), so written bare it would come back as a control
 * character.
 */
export const xmlEncode = (s: string) =>
  // Most text needs nothing: one test instead of five replacements (thousands of names a 汇总说明).
  !NEEDS_ENCODING.test(s)
    ? s
    : s
        // eslint-disable-next-line no-control-regex -- control characters are what is removed
        .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g, "")
        .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;");

/** One attribute's value from a tag's attribute text, decoded. */
export const attr = (attrs: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(attrs);
  return m ? xmlDecode(m[1]) : undefined;
};

/** Each worksheet's name and part, in tab order, as xl/workbook.xml and its relationships say. */
export function sheetParts(parts: Parts): { name: string; part: string }[] {
  const book = partText(parts, "xl/workbook.xml") ?? "";
  const rels = partText(parts, "xl/_rels/workbook.xml.rels") ?? "";
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], "Id");
    const to = attr(m[1], "Target");
    if (id && to) target.set(id, to.startsWith("/") ? to.slice(1) : `xl/${to}`);
  }
  const out: { name: string; part: string }[] = [];
  for (const m of book.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], "name");
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[1])?.[1];
    const part = id === undefined ? undefined : target.get(id);
    if (name !== undefined && part && parts[part]) out.push({ name, part });
  }
  return out;
}

/**
 * Drops xl/calcChain.xml, the order Excel last calculated formulas in: it must name only formula
 * cells, and Excel rebuilds it when it is missing.
 */
export function dropCalcChain(parts: Parts) {
  if (!parts["xl/calcChain.xml"]) return;
  delete parts["xl/calcChain.xml"];
  const drop = (name: string, tag: RegExp) => {
    const text = partText(parts, name);
    if (text !== undefined) setPartText(parts, name, text.replace(tag, ""));
  };
  drop("[Content_Types].xml", /<(?:\w+:)?Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/g);
  drop(
    "xl/_rels/workbook.xml.rels",
    /<(?:\w+:)?Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/g
  );
}
