/**
 * Names made from what a child wrote (a unit's name) for files and for the terminal: nothing that
 * hides or reorders text, nothing a file system refuses or hides, and never cut inside a
 * character. (Matching unit names is consolidation/units.ts's; this is how they are shown.)
 */

/** Format characters (\p{Cf}): bidi overrides and isolates (U+202E), zero-width spaces, joiners. */
const FORMAT = /\p{Cf}+/gu;

/** The text without invisible format characters: what it shows is what it says. */
export const visible = (s: string) => s.replace(FORMAT, "");

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };

/** What the reader sees as one character (an emoji with its joiners, a letter with its marks). */
function graphemes(s: string): Iterable<string> {
  const Seg = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => Segmenter })
    .Segmenter;
  // Older webviews have no Segmenter: whole code points then (never half a surrogate pair).
  if (!Seg) return [...s];
  return Array.from(new Seg(undefined, { granularity: "grapheme" }).segment(s), (x) => x.segment);
}

/** The longest start of `s` made of whole characters whose `size` is at most `max`. */
export function cutWithin(s: string, max: number, size: (t: string) => number): string {
  if (size(s) <= max) return s;
  let out = "";
  for (const g of graphemes(s)) {
    if (size(out + g) > max) break;
    out += g;
  }
  return out;
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * A file name's stem from a unit's name: no path separator or character Windows refuses, no
 * control or format character, no leading dot (a hidden file; ".." would be the folder above) nor
 * trailing dot or space (Windows drops them), not a device name (CON, NUL…), at most 120 UTF-8
 * bytes cut between characters (file systems allow 255 bytes, and the table and period follow).
 */
export function fileStem(unit: string): string {
  const clean = visible(unit.normalize("NFC"))
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]+/g, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const stem = cutWithin(clean, 120, utf8Bytes).replace(/[\s.]+$/, "");
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) return `_${stem}`;
  return stem || "报表";
}
