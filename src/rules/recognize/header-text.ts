/**
 * A header cell as the labels it stands for. Clerks flatten a multi-row header into one row
 * (企业底数（家）-总数, 执法激励约束›罚款›企业数（家次）, or one label a line), and an Excel Table
 * suffixes a duplicate header name with a number (企业数（家次）2).
 */
import { normalizeLabel, ownCopy, withoutUnit } from "../text";

/** What clerks join a group and its sub-labels with. */
const JOINER = /[-－—–‐›»>＞〉→/／\\_＿|｜]/;
/** The same, or a line break (which also merely wraps a long label). */
export const FLATTENED = /[-－—–‐›»>＞〉→/／\\_＿|｜\r\n]+/;

/** Excel's names for a Table's blank header cells: 列1, Column1. */
export const isAutoName = (normalized: string) => /^(列|column)\d+$/.test(normalized);

type Known = (label: string) => boolean;

/** 企业数（家次）2 → 企业数（家次）, when that is a label and the suffixed text is not. */
function unsuffixed(label: string, known: Known): string {
  const bare = label.replace(/\d+$/, "");
  return bare !== label && !known(label) && known(bare) ? bare : label;
}

const memo = new Map<string, string[]>();
const MEMO_MAX = 20_000;

/**
 * The path a header cell's text spells, top label first; one label when it is not flattened.
 * A line break splits only when its last part is a known label (else it just wrapped the text).
 */
export function headerPath(raw: string, known: Known): string[] {
  let out = memo.get(raw);
  if (out) return out;
  out = ownCopy(readPath(raw, known));
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(ownCopy(raw), out);
  return out;
}

function readPath(raw: string, known: Known): string[] {
  const whole = normalizeLabel(raw);
  if (!whole || known(whole) || !FLATTENED.test(raw))
    return whole ? [unsuffixed(whole, known)] : [];
  const parts: string[] = [];
  for (const piece of raw.split(FLATTENED)) {
    const p = normalizeLabel(piece);
    if (!p) continue;
    // A unit on a line of its own belongs to the label before it: 企业数量 / （家）.
    if (p.startsWith("(") && parts.length) parts[parts.length - 1] += p;
    else parts.push(p);
  }
  if (parts.length < 2) return [unsuffixed(whole, known)];
  parts[parts.length - 1] = unsuffixed(parts[parts.length - 1], known);
  const last = parts[parts.length - 1];
  return JOINER.test(raw) || known(last) || known(withoutUnit(last))
    ? parts
    : [unsuffixed(whole, known)];
}
