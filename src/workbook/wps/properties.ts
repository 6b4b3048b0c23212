/**
 * What SRS keeps in a WPS workbook (original fills, the last fixes, the profile, the training
 * round, whether the pane opens with it): the workbook's custom document properties
 * (Workbook.CustomDocumentProperties, in wps-jsapi's ET model; saved in the file's
 * docProps/custom.xml, which WPS, Excel and LibreOffice keep, and invisible on the sheets).
 * A text property holds at most 255 characters, so a record is JSON cut into pieces: the
 * property `key` holds the number of pieces, `key#1`…`key#n` the text.
 */
import { RECORD_LIMIT, type DocumentStore } from "../store";
import { type EtDocumentProperties, type EtWorkbook, MSO_PROPERTY_TYPE_STRING } from "./et";

const PIECE = 255;

/** Set once the pane has recognized a report in the workbook: the entry page opens the pane with it. */
export const AUTOSHOW = "srs.autoshow";

/** Whether the workbook asks for the pane (the entry page reads only this, not the sheets). */
export const showsWithWorkbook = (book: EtWorkbook) =>
  find(book.CustomDocumentProperties, AUTOSHOW) !== undefined;
/** A record read back is never longer than one SRS could have written. */
const MAX_PIECES = Math.ceil(RECORD_LIMIT / PIECE) + 1;

function find(props: EtDocumentProperties, name: string) {
  try {
    return props.Item(name);
  } catch {
    return undefined; // Item of a name the workbook does not hold fails
  }
}

function drop(props: EtDocumentProperties, key: string): void {
  const head = find(props, key);
  if (!head) return;
  const n = Math.min(Number(head.Value) || 0, MAX_PIECES);
  for (let i = 1; i <= n; i++) find(props, `${key}#${i}`)?.Delete();
  head.Delete();
}

/** The text in pieces of at most 255 characters, never between the two halves of a surrogate pair. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + PIECE);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [""];
}

/** The store of the workbook `book()` gives at each call (the active one, as the user switches). */
export function propertyStore(book: () => EtWorkbook | null): DocumentStore {
  const props = () => book()?.CustomDocumentProperties;
  return {
    get<T>(key: string): T | undefined {
      const p = props();
      const head = p && find(p, key);
      if (!p || !head) return undefined;
      const n = Number(head.Value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_PIECES) return undefined;
      let text = "";
      for (let i = 1; i <= n; i++) text += String(find(p, `${key}#${i}`)?.Value ?? "");
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined; // not ours, or cut short: as if absent
      }
    },
    set(key, value) {
      const p = props();
      if (!p) throw new Error("没有打开的工作簿");
      drop(p, key);
      const list = pieces(JSON.stringify(value));
      p.Add(key, false, MSO_PROPERTY_TYPE_STRING, String(list.length));
      list.forEach((text, i) => p.Add(`${key}#${i + 1}`, false, MSO_PROPERTY_TYPE_STRING, text));
    },
    remove(key) {
      const p = props();
      if (p) drop(p, key);
    },
    // Properties are part of the workbook as soon as they are set; the clerk saves the file.
    save: async () => undefined,
  };
}
