/**
 * One unit, however it is written: a name received is matched to a roster's unit by its key
 * (names.ts), the roster's own name or any of its aliases (别名). Without the consolidating unit
 * known, 朴里村 still matches the roster's 金淘镇朴里村 when no other roster unit could be meant.
 * A name that could be two roster units is never guessed: both are given back, for the plan to
 * list as a problem.
 */
import { ownKey, townshipPrefix, unitKey } from "./names";

export interface Named {
  unit: string;
  aliases?: string[];
}

export interface UnitNames<T extends Named> {
  /** The consolidating unit names are read within ("" when unknown). */
  within: string;
  /** The roster units a name may be: none, one, or (ambiguous) several. */
  find(name: string): T[];
  /** What a name is compared by: its one roster unit's identity, else its own key ("" for no name). */
  key(name: string): string;
  /** Whether a name is the consolidating unit's own. */
  isWithin(name: string): boolean;
}

/** The part after a township's name (朴里村 of 金淘镇朴里村), or the key itself. */
const tail = (key: string) => {
  const p = townshipPrefix(key);
  return p ? key.slice(p.length) : key;
};

/**
 * The township (or county) a roster's units belong to, when its names say so: the one prefix
 * every name carrying one shares (金淘镇 of 金淘镇朴里村, 金淘镇应急办), at least two of them.
 */
export function rosterTownship(entries: Named[]): string {
  const prefixes = entries
    .map((e) => townshipPrefix(unitKey(e.unit)))
    .filter((p): p is string => p !== undefined);
  return prefixes.length >= 2 && prefixes.every((p) => p === prefixes[0]) ? prefixes[0] : "";
}

export function unitNames<T extends Named>(entries: readonly T[], within = ""): UnitNames<T> {
  const byKey = new Map<string, T[]>();
  const byTail = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, k: string, e: T) => {
    const list = map.get(k) ?? [];
    if (!list.includes(e)) map.set(k, [...list, e]);
  };
  for (const e of entries)
    for (const name of [e.unit, ...(e.aliases ?? [])]) {
      const k = unitKey(name, within);
      if (!k) continue;
      add(byKey, k, e);
      add(byTail, tail(k), e);
    }
  // The county or city consolidating, written short in front (县应急管理局 of 安溪县, 市住建局 of
  // 晋江市): tried only when no name matches as written, on both sides, so 市场监督管理局 and
  // 晋江市场监督管理局 still meet and no exact match is ever changed.
  const level = /(县|市|区)$/.exec(ownKey(within))?.[1];
  const shortened = (k: string) =>
    level && k.startsWith(level) && k.length > 3 ? [k, k.slice(1)] : [k];
  const byShort = new Map<string, T[]>();
  if (level)
    for (const e of entries)
      for (const name of [e.unit, ...(e.aliases ?? [])])
        for (const k of shortened(unitKey(name, within))) if (k) add(byShort, k, e);
  // A roster unit is known by its name as the roster writes it (the roster lists each once).
  const ids = new Map(entries.map((e) => [e, e.unit]));
  const find = (name: string): T[] => {
    const k = unitKey(name, within);
    if (!k) return [];
    const exact = byKey.get(k);
    if (exact) return exact;
    if (within) return [...new Set(shortened(k).flatMap((c) => byShort.get(c) ?? []))];
    // No consolidating unit known: a township's name written on one side only still matches
    // (朴里村, 金淘镇朴里村), or with the county before it on one side (南安市金淘镇朴里村); two
    // different townships never do.
    const front = (key: string) => key.slice(0, key.length - tail(key).length);
    return (byTail.get(tail(k)) ?? []).filter((e) =>
      [e.unit, ...(e.aliases ?? [])].some((n) => {
        const other = unitKey(n);
        const [a, b] = [front(other), front(k)];
        return tail(other) === tail(k) && (a.endsWith(b) || b.endsWith(a));
      })
    );
  };
  return {
    within,
    isWithin: (name) => !!within && ownKey(name) === ownKey(within),
    find,
    key: (name) => {
      const found = find(name);
      return found.length === 1 ? ids.get(found[0])! : unitKey(name, within);
    },
  };
}

/** A township's name in front of a unit's, without the county or city before it: 金淘镇 of 南安市金淘镇. */
const townshipOnly = (front: string) =>
  front.replace(/^(.{2,}?(省|市|县|区))+(?=.{2,}(镇|乡|街道)$)/, "");

/**
 * Which unit each name received stands for: the one identity a consolidation counts, sums and
 * lists units by (plan.ts gives it to every face). A roster unit is its roster name; with the
 * consolidating unit known, a name is its key within it (unitKey). Otherwise the names received
 * tell the township: a name is split into the township written in front (金淘镇 of 金淘镇朴里村,
 * 南安市金淘镇 too; 金淘 of 金淘朴里村 when 金淘镇 is one of the townships the names carry and
 * what follows is a name of its own, as unitKey reads it) and the rest (朴里村). Names with the
 * same rest are one unit when at most one township is written in front of that rest among all the
 * names received; with two (金淘镇东村, 仙夹镇东村) each township's is its own unit and the bare
 * name (东村) a third, never guessed. Different rests are different units: 朴里村 and 朴兜村,
 * 东村 and 东山村 are never joined. A township's report one level up is its name with or without
 * the county before it (南安市金淘镇, 金淘镇人民政府).
 */
export function unitIdentity<T extends Named>(
  names: UnitNames<T>,
  received: readonly string[]
): (name: string) => string {
  if (names.within) return names.key;
  const listed = (name: string) => names.find(name).length === 1;
  const split = (name: string) => {
    const k = unitKey(name);
    const p = townshipPrefix(k);
    // A township's own name with its county before it (南安市金淘镇) is the township's.
    return p
      ? { front: townshipOnly(p), rest: k.slice(p.length) }
      : { front: "", rest: townshipOnly(k) };
  };
  const unlisted = received.filter((n) => n && !listed(n));
  const townships = new Set(unlisted.map((n) => split(n).front).filter(Boolean));
  const read = (name: string) => {
    const s = split(name);
    if (s.front) return s;
    // 金淘朴里村: the township written without 镇, when the names carry 金淘镇 (unitKey's rule).
    const hits = [...townships].flatMap((t) => {
      const rest = unitKey(s.rest, t);
      return rest !== s.rest ? [{ front: t, rest }] : [];
    });
    return hits.length === 1 ? hits[0] : s;
  };
  const fronts = new Map<string, Set<string>>();
  for (const n of unlisted) {
    const { front, rest } = read(n);
    if (front) fronts.set(rest, (fronts.get(rest) ?? new Set()).add(front));
  }
  return (name) => {
    if (listed(name)) return names.key(name);
    const { front, rest } = read(name);
    return front && (fronts.get(rest)?.size ?? 0) > 1 ? `${front}${rest}` : rest;
  };
}

/** Two names of one unit, with no consolidating unit known (上期对比: the same unit's reports). */
export const sameUnit = (a: string, b: string) =>
  !!unitKey(a) && unitNames([{ unit: a }]).find(b).length > 0;

/** A unit's name at the start of a file-name part: 金淘镇福庭村 of 金淘镇福庭村-季报表（一）. */
const NAMED = /^.+?(村民委员会|村委会|居民委员会|居委会|社区|村|所|站|办|中心|局|队|院|公司)/;

/**
 * The unit a file's name gives, for a report whose header gives none (“金淘镇福庭村-季报表（一）.xlsx”):
 * the one roster unit it names, else, with no roster, the part of it that reads as a unit's name
 * by its ending (村, 社区, 所, 站, 办, 中心…); "" when it names none or could be two.
 */
export function unitFromFileName<T extends Named>(
  origin: string,
  names: UnitNames<T>,
  entries: readonly T[]
): string {
  const stem = (origin.split(/[\\/]/).pop() ?? "").replace(/\.[^.]*$/, "");
  const parts = stem
    .split(/[-_—－~～·、\s]+/)
    .map((p) => NAMED.exec(p)?.[0] ?? "")
    .filter(Boolean);
  if (!entries.length) return parts[0] ?? "";
  const hit = new Set(parts.flatMap((p) => (names.find(p).length === 1 ? names.find(p) : [])));
  if (hit.size === 0) {
    // The name as any part of the stem (福庭村季报表一): the roster units whose key it contains.
    const flat = unitKey(stem, names.within);
    for (const e of entries)
      if ([e.unit, ...(e.aliases ?? [])].some((n) => flat.includes(unitKey(n, names.within))))
        hit.add(e);
  }
  return hit.size === 1 ? [...hit][0].unit : "";
}
