/**
 * The profile (填报单位, 填表人, 电话) last used on this computer, kept in the page's localStorage
 * beside the workbook's own copy: a workbook that has none yet starts from it.
 */
import type { Profile } from "./types";

const KEY = "srs.profile";

export function localProfile(): Profile | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Profile) : undefined;
  } catch {
    return undefined;
  }
}

export function keepLocalProfile(p: Profile): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode: the workbook keeps it anyway.
  }
}
