/**
 * Writing into a protected sheet in WPS, as the Excel adapter does (office/protection.ts): a
 * sheet that would refuse a confirmed write (a locked cell of a protected sheet takes no value,
 * a fill or number format only when the protection allows formatting cells) is unprotected,
 * written and protected again with the options it had, also when the write fails. Unprotect is
 * always given a password, "": a sheet protected without one opens, one protected with a password
 * refuses it (Unprotect without the argument would ask the clerk for it instead), and the action
 * stops with the zh line before any cell changes. A sheet whose writes all go into unlocked cells
 * it allows is never unprotected.
 */
import { passwordReason } from "../refusals";
import type { EtWorksheet } from "./et";

/** What an action is about to write into one sheet. */
export interface SheetWrite {
  sheet: EtWorksheet;
  /** Cells (A1) given values or formulas; none for fills alone; "all" for a sheet rewritten whole. */
  cells: string[] | "all";
  /** Whether number formats or fills are set too. */
  formats: boolean;
  /** How the refusal names the sheet, if not by its name. */
  label?: string;
}

export interface Lifted {
  sheet: EtWorksheet;
  protect: () => void;
}

function refuses(w: SheetWrite): boolean {
  const ws = w.sheet;
  if (!ws.ProtectContents) return false;
  if (w.cells === "all") return true;
  if (w.formats && !ws.Protection.AllowFormattingCells) return true;
  // Locked is true, false, or null over a range mixing both.
  return w.cells.some((cell) => ws.Range(cell).Locked !== false);
}

/** How to protect the sheet again exactly as it is now. */
function protectionOf(ws: EtWorksheet): () => void {
  const p = ws.Protection;
  const drawing = ws.ProtectDrawingObjects;
  const scenarios = ws.ProtectScenarios;
  const allow = [
    p.AllowFormattingCells,
    p.AllowFormattingColumns,
    p.AllowFormattingRows,
    p.AllowInsertingColumns,
    p.AllowInsertingRows,
    p.AllowInsertingHyperlinks,
    p.AllowDeletingColumns,
    p.AllowDeletingRows,
    p.AllowSorting,
    p.AllowFiltering,
    p.AllowUsingPivotTables,
  ] as const;
  return () => ws.Protect("", drawing, true, scenarios, false, ...allow);
}

export function protectAgain(lifted: Lifted[]): void {
  for (const l of lifted) l.protect();
}

/**
 * Unprotects the sheets that would refuse the writes. A password stops it: the sheets already
 * unprotected are protected again and the zh line is thrown.
 */
export function lift(writes: SheetWrite[]): Lifted[] {
  const lifted: Lifted[] = [];
  const seen = new Set<EtWorksheet>();
  for (const w of writes) {
    if (seen.has(w.sheet) || !refuses(w)) continue;
    seen.add(w.sheet);
    const protect = protectionOf(w.sheet);
    try {
      w.sheet.Unprotect("");
    } catch {
      // refused: a password
    }
    if (w.sheet.ProtectContents) {
      protectAgain(lifted);
      throw new Error(passwordReason(w.label ?? w.sheet.Name));
    }
    lifted.push({ sheet: w.sheet, protect });
  }
  return lifted;
}

/** Runs the write with the refusing sheets unprotected, protecting them again whatever happens. */
export async function whileLifted<T>(
  writes: SheetWrite[],
  write: () => T | Promise<T>
): Promise<T> {
  const lifted = lift(writes);
  try {
    return await write();
  } finally {
    protectAgain(lifted);
  }
}
