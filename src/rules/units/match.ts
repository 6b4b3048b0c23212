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
  // A roster unit is known by its name as the roster writes it (the roster lists each once).
  const ids = new Map(entries.map((e) => [e, e.unit]));
  const find = (name: string): T[] => {
    const k = unitKey(name, within);
    if (!k) return [];
    const exact = byKey.get(k);
    if (exact || within) return exact ?? [];
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

/** Two names of one unit, with no consolidating unit known (上期对比: the same unit's reports). */
export const sameUnit = (a: string, b: string) =>
  !!unitKey(a) && unitNames([{ unit: a }]).find(b).length > 0;
