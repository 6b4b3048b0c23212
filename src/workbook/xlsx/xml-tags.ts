/**
 * The tags of a piece of XML as the structure scan (sniff.ts) sees them: each start or end tag
 * whose name starts with a letter or "_" (attribute values may hold ">" and "<"), and the text
 * after it up to the next "<". Exactly the matches of
 *   /<(\/?)([A-Za-z_][\w.:-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>([^<]*)/g
 * (test/workbook/xml-tags.test.ts compares them), walked by character codes: matchAll built a
 * match of five strings a tag, which was most of a file's structure scan.
 */

const GT = 0x3e;
const SLASH = 0x2f;
const DQUOTE = 0x22;
const QUOTE = 0x27;

/** [A-Za-z_] */
const isNameStart = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
/** [\w.:-] */
const isNameChar = (c: number) =>
  isNameStart(c) || (c >= 0x30 && c <= 0x3a) || c === 0x2e || c === 0x2d;

/**
 * One tag of `xml`: `close` for an end tag; the qualified name is xml.slice(name, nameEnd), its
 * attributes xml.slice(nameEnd, gt) (a start tag that closes itself ends them with "/"), its text
 * xml.slice(gt + 1, textEnd).
 */
export type TagSink = (
  close: boolean,
  name: number,
  nameEnd: number,
  gt: number,
  textEnd: number
) => void;

/** Hands each tag of `xml` to `sink`, in order. */
export function eachTag(xml: string, sink: TagSink): void {
  const n = xml.length;
  let lt = xml.indexOf("<");
  while (lt >= 0) {
    let at = lt + 1;
    const close = xml.charCodeAt(at) === SLASH;
    if (close) at++;
    const name = at;
    let gt = -1;
    if (isNameStart(xml.charCodeAt(at))) {
      at++;
      while (at < n && isNameChar(xml.charCodeAt(at))) at++;
      const nameEnd = at;
      // The first ">" outside a quoted value; a quote never closed is no tag.
      while (at < n) {
        const c = xml.charCodeAt(at);
        if (c === GT) {
          gt = at;
          break;
        }
        if (c === DQUOTE || c === QUOTE) {
          const shut = xml.indexOf(c === DQUOTE ? '"' : "'", at + 1);
          if (shut < 0) break;
          at = shut + 1;
        } else at++;
      }
      if (gt >= 0) {
        const next = xml.indexOf("<", gt + 1);
        const textEnd = next < 0 ? n : next;
        sink(close, name, nameEnd, gt, textEnd);
        lt = next;
        continue;
      }
    }
    // No tag here: the next "<" may start one.
    lt = xml.indexOf("<", lt + 1);
  }
}
