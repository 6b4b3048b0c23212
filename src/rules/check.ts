/** Checks every sheet of a workbook: recognize it, then run the rules that apply. */
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import { recognize, type Recognition } from "./recognize";

export interface SheetReport {
  sheet: string;
  recognition: Recognition;
  findings: Finding[];
}

export function checkGrids(grids: Grid[]): SheetReport[] {
  return grids.map((grid) => {
    const recognition = recognize(grid);
    return {
      sheet: grid.name,
      recognition,
      findings: recognition.kind === "none" ? [] : recognition.findings,
    };
  });
}
