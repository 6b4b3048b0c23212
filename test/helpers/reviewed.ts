/** Sheets for the reviewer's loop (审核说明, 退回): a warning and an error at known cells. */
import { Sheet } from "./filled";

/** A 季报表（一） with one warning (1,200: a number written with a separator) and one error (无). */
export function reviewed() {
  const s = new Sheet("nanan-2026-quarterly-1", { seed: 3 });
  const slot = s.firstSlot;
  const keys = s.rec!.info.leaves.filter((l) => l.kind === "number").map((l) => l.key);
  s.set(slot, keys[1], `${s.get(slot, keys[1])},000`);
  s.set(slot, keys[5], "无");
  return { s, warn: s.address(slot, keys[1]), error: s.address(slot, keys[5]) };
}
