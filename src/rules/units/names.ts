/**
 * How a unit's name is compared: one village is written 金淘镇朴里村, 朴里村, 朴里村委会,
 * 朴里村村民委员会, “朴里村（盖章）”, with a stray space, in full-width forms or with an invisible
 * character pasted in. normalizeUnit folds those into one form; unitKey also drops the
 * consolidating unit's own name in front (金淘镇 for 金淘镇朴里村 when 金淘镇 consolidates).
 */

/**
 * What a recognized sheet says of its header (recognize's Recognition, read by shape: recognition
 * itself asks this module whether a row label is the sheet's own unit).
 */
interface Headed {
  kind: string;
  headerFields?: readonly { key: string; value: string }[];
}

/** The 填报单位 a sheet's header gives, or "". */
export const headerUnit = (r: Headed): string =>
  (r.headerFields?.find((h) => h.key === "unit")?.value ?? "").trim();

/** The unit a received table reports for: as given (a lower level's summary), else its header's. */
export const unitOf = (s: { unit?: string; recognition: Headed }): string =>
  s.unit ?? headerUnit(s.recognition);

/**
 * Unicode format characters (\p{Cf}: zero-width spaces and joiners, bidi controls, the BOM, soft
 * hyphens): invisible, so never part of what a name says.
 */
export const stripInvisible = (s: string) => s.replace(/\p{Cf}/gu, "");

/**
 * 金淘镇 朴里村村民委员会（盖章） → 金淘镇朴里村: NFKC (full-width forms), no invisible characters or
 * spaces, no （盖章） or trailing colon; a 村's committee (村委会, 村村委会, 村民委员会) is the 村, a
 * 社区's (居委会, 居民委员会, 社区居民委员会) the 社区, a township's government (金淘镇人民政府) the
 * township and a 街道办事处 the 街道.
 */
export function normalizeUnit(name: string): string {
  return stripInvisible(name.normalize("NFKC"))
    .replace(/\s+/g, "")
    .replace(/[(（][^()（）]*(盖章|公章|章)[^()（）]*[)）]$/, "")
    .replace(/[:：]$/, "")
    .replace(/村*(民)?委(员)?会$/, (m) => (m.startsWith("村") ? "村" : m))
    .replace(/(社区)?居(民)?委(员)?会$/, "社区")
    .replace(/(镇|乡)(人民)?政府$/, "$1")
    .replace(/街道(办事处|办)$/, "街道");
}

/** A township's name in front of a unit's (金淘镇 in 金淘镇朴里村), when it has one. */
const TOWNSHIP = /^(.{2,}?(镇|乡|街道))(?=.)/;

export const townshipPrefix = (normalized: string): string | undefined =>
  TOWNSHIP.exec(normalized)?.[1];

/** Higher levels written before the consolidating unit's name: 福建省泉州市南安市. */
const ABOVE = /^(.{2,}?(省|市|县|区))*$/;

/** The consolidating unit's name as names carry it in front: 金淘镇 of 金淘镇人民政府. */
export const ownKey = (unit: string) => normalizeUnit(unit).replace(/(人民)?政府$/, "");

/**
 * The key names are compared by within a consolidating unit (金淘镇; "" when unknown): the
 * normalized name without that unit's own name in front (nor the county or city before it), so
 * 金淘镇朴里村 and 朴里村 are one village of 金淘镇, and 金淘派出所 and 金淘镇派出所 one department.
 */
export function unitKey(name: string, within = ""): string {
  const n = normalizeUnit(name);
  const w = ownKey(within);
  if (!w) return n;
  const after = (own: string, s: string) => {
    const at = s.indexOf(own);
    return at >= 0 && s.length > at + own.length && ABOVE.test(s.slice(0, at))
      ? s.slice(at + own.length)
      : s;
  };
  const key = after(w, n);
  // The township written without 镇/乡/街道, as departments' names carry it (金淘派出所,
  // 金淘市场监督管理所); 金淘村 and 金淘社区 are villages named after it, not 村 of 金淘.
  const short = w.replace(/(镇|乡|街道)$/, "");
  if (short === w || short.length < 2) return key;
  const rest = after(short, key);
  return rest.length >= 2 && rest !== "社区" ? rest : key;
}

/** A township's (or a street's) name: 金淘镇, 龙门乡, 凤城街道. */
export const isTownship = (unit: string) => /(镇|乡|街道|街道办事处)$/.test(normalizeUnit(unit));
