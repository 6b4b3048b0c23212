/**
 * How a unit's name is compared (DOMAIN.md: NFKC, spaces, （盖章） removed), and the unit a
 * sheet's header gives.
 */
import type { Recognition } from "../recognize";

/** The 填报单位 a sheet's header gives, or "". */
export const headerUnit = (r: Recognition): string =>
  r.kind === "none" ? "" : (r.headerFields.find((h) => h.key === "unit")?.value ?? "").trim();

/** The unit a received table reports for: as given (a lower level's summary), else its header's. */
export const unitOf = (s: { unit?: string; recognition: Recognition }): string =>
  s.unit ?? headerUnit(s.recognition);

/** 金淘镇 朴里村（盖章） → 金淘镇朴里村: the form names are compared in. */
export function normalizeUnit(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[(（][^()（）]*(盖章|公章|章)[^()（）]*[)）]$/, "")
    .replace(/[:：]$/, "");
}
