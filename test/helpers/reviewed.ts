/** Sheets for the reviewer's loop (审核说明, 退回): a warning and an error at known cells. */
import { Sheet } from "./filled";

/** The number in full-width digits (１２): read at its value, with a number-format warning. */
export const fullWidth = (v: unknown) =>
  String(v).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A 季报表（一） with one warning (a number in full-width digits) and one error (无). */
export function reviewed() {
  const s = new Sheet("nanan-2026-quarterly-1", { seed: 3 });
  const slot = s.firstSlot;
  const keys = s.rec!.info.leaves.filter((l) => l.kind === "number").map((l) => l.key);
  s.set(slot, keys[1], fullWidth(s.get(slot, keys[1])));
  s.set(slot, keys[5], "无");
  return { s, warn: s.address(slot, keys[1]), error: s.address(slot, keys[5]) };
}
