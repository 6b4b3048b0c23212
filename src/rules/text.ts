/**
 * Label normalization. Clerks paste headers out of Word: stray spaces and line breaks,
 * full-width or vertical-form brackets (︵家︶), curly quotes. NFKC folds the bracket
 * forms and full-width digits; everything else that carries no meaning is dropped.
 */
const DROP = /[\s\u3000"'“”‘’「」『』:：]/g;

/** Characters NFKC changes in practice: full-width forms, vertical forms, enclosed and compatibility ideographs. */
const COMPAT =
  /[\u2460-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]/;

/**
 * A copy of text (or of plain data holding text) taken from a file, for what outlives the file: a
 * piece of a cell's text may share the whole part's text in memory (JavaScript engines slice
 * strings rather than copy them), so a memo or a consolidation's brief holding it would hold every
 * file it ever read.
 */
export const ownCopy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Labels repeat across sheets and files: normalize each distinct text once (bounded). */
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

export function normalizeLabel(text: unknown): string {
  if (text === null || text === undefined) return "";
  const s = String(text);
  if (s.length > 300) return normalize(s);
  let out = memo.get(s);
  if (out === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(ownCopy(s), (out = ownCopy(normalize(s))));
  }
  return out;
}

function normalize(s: string): string {
  return (COMPAT.test(s) ? s.normalize("NFKC") : s)
    .replace(DROP, "")
    .replace(/[<〈《]/g, "<")
    .replace(/[>〉》]/g, ">")
    .toLowerCase();
}

/** The label without a trailing unit in brackets: "企业数量(家)" → "企业数量". */
export function withoutUnit(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, "");
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j] + 1,
        cur[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How well a sheet label matches a template label, 0..1 (both normalized).
 * Exact, or equal once units are dropped, or a small typo relative to length.
 */
export function labelScore(found: string, expected: string): number {
  if (!found || !expected) return 0;
  if (found === expected) return 1;
  const f = withoutUnit(found);
  const e = withoutUnit(expected);
  if (f === e) return 0.95;
  if (f === expected || found === e) return 0.95;
  const len = Math.max(f.length, e.length);
  if (len < 3) return 0;
  const max = len <= 5 ? 1 : Math.floor(len / 5);
  const d = editDistance(f, e, max);
  return d <= max ? 0.9 - (0.3 * d) / len : 0;
}
