import { checkGrids } from "../../src/rules/check";
import { filledSheet } from "../../src/rules/sample/filled";
import { allTemplates } from "../../src/rules/templates/catalog";
import { readGrids } from "../../src/workbook/xlsx/read";
import { layoutsToXlsx } from "../../src/workbook/xlsx/write-layout";

describe("the .xlsx adapter reads merged areas as Excel does", () => {
  it.each(allTemplates().map((t) => t.id))(
    "%s: a correctly filled sheet, written and read back, gives no finding",
    async (id) => {
      const t = allTemplates().find((x) => x.id === id)!;
      const rowTypes =
        t.kind === "table" && t.rowHeader !== null ? [t.rows[t.rows.length - 1].key] : undefined;
      const f = filledSheet(t, { seed: 3, rowTypes });
      const [grid] = await readGrids(await layoutsToXlsx([{ ...f.layout, grid: f.grid }]));
      const [report] = checkGrids([grid]);
      expect(report.recognition.template?.id).toBe(id);
      expect(report.findings.map((x) => `${x.rule} ${x.cell} ${x.message}`)).toEqual([]);
      for (const m of grid.merges)
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++)
            if (r !== m.top || c !== m.left) expect(grid.values[r]?.[c] ?? null).toBeNull();
    }
  );
});
