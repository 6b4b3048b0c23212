/** Sheets for the reviewer's loop (审核说明, 退回, 上期对比): problems at known cells. */
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

const line = (unit: string, date: string) =>
  `填报单位（盖章）：${unit}  填表人：林小红  联系电话：13805951234  ${date}`;

/** 朴里村's report of 2026Q3 and Q4: 健全三张清单 › 企业数量 went down (9 → 2), 专题培训 › 场次 jumped (2 → 7). */
export function periods(unit = "朴里村") {
  const make = (date: string, count: number, sessions: number) => {
    const s = new Sheet("nanan-2026-quarterly-1", { seed: 2, rowTypes: ["village"] }).header(
      line(unit, date)
    );
    const slot = s.rec!.info.slots.find((x) => x.rowType === "village")!.key;
    s.set(slot, "resp.lists3.count", count).set(slot, "promo.training.sessions", sessions);
    return { s, slot };
  };
  const q3 = make("2026年9月20日", 9, 2);
  const q4 = make("2026年12月20日", 2, 7);
  return { q3: q3.s, q4: q4.s, slot: q4.slot };
}
