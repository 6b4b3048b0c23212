/**
 * The training round kept in the workbook, so its progress (已改正 x/n) survives leaving 培训, a
 * reload of the page and a saved file: on a hidden sheet known by its marker, as the 审核说明 are
 * (Excel keeps it in the document's settings instead). Progress itself is never stored: it is
 * what the sheet's findings say of the planted mistakes (`remaining`).
 */
import type { Finding } from "../finding";
import type { Grid } from "../grid";
import { isOwnSheet, OWN_SHEETS } from "../own-sheets";
import type { Planted } from "./practice";

const { name, marker } = OWN_SHEETS.practice;
const HEADER = ["练习表", "单元格", "错误", "类别"];
/** A round is a handful of mistakes: a file claiming thousands is not one of ours. */
const MAX_PLANTED = 200;
const CATEGORIES = new Set<Finding["category"]>([
  "blank",
  "not-number",
  "number-format",
  "negative",
  "not-whole",
]);

/** A practice sheet and the mistakes planted in it. */
export interface PracticeRound {
  sheet: string;
  planted: Planted[];
}

/** The hidden sheet's contents: a title carrying the marker, the header, a row a mistake. */
export function practiceGrid(round: PracticeRound): Grid {
  return {
    name,
    values: [
      [`培训练习（${marker}）：练习表中放入的错误，由 SRS 维护，请勿修改`],
      HEADER,
      ...round.planted.map((p) => [round.sheet, p.cell, p.what, p.category]),
    ],
    merges: [],
  };
}

/** The round a workbook carries (its record sheet's name with it), or undefined. */
export function readPractice(grids: Grid[]): { sheet: string; round: PracticeRound } | undefined {
  const grid = grids.find((g) => isOwnSheet(g, "practice"));
  if (!grid) return undefined;
  const rows = grid.values.slice(grid.values.findIndex((r) => r[0] === HEADER[0]) + 1);
  const round = cleanRound({
    sheet: String(rows[0]?.[0] ?? ""),
    planted: rows.map((r) => ({ cell: r[1], what: r[2], category: r[3] })),
  });
  return round && { sheet: grid.name, round };
}

/** A round as kept (sheet rows or document settings: both come with an untrusted file), checked. */
export function cleanRound(x: unknown): PracticeRound | undefined {
  const r = x as Partial<PracticeRound> | undefined;
  if (!r || typeof r.sheet !== "string" || !r.sheet || !Array.isArray(r.planted)) return undefined;
  const planted = r.planted
    .slice(0, MAX_PLANTED)
    .filter(
      (p): p is Planted =>
        typeof p?.cell === "string" &&
        /^[A-Z]{1,3}\d{1,7}$/.test(p.cell) &&
        typeof p.what === "string" &&
        CATEGORIES.has(p.category)
    );
  return planted.length ? { sheet: r.sheet, planted } : undefined;
}
