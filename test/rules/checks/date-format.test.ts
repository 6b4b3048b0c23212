/**
 * A number formatted as a date reaches the rules as the .xlsx adapter's ISO day (exceljs turns it
 * into a Date): it is still that number, with a number-format warning that never shows the date
 * (Excel's 1900 calendar puts small numbers a day off).
 */
import { readNumber } from "../../../src/rules/number";
import { getTableInfo } from "../../../src/rules/templates/catalog";
import { ofRule, Sheet } from "../../helpers/filled";

/** What exceljs gives for serial n: 1899-12-30 plus n days, as cells.ts writes it. */
const asAdapterGives = (n: number) =>
  new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);

describe("a number formatted as a date", () => {
  it.each([1, 5, 59, 60, 61, 366, 45_000])("reads back as %i", (n) => {
    expect(readNumber(asAdapterGives(n))).toEqual({ kind: "malformed", value: n, why: "date" });
  });

  it.each(["nanan-2026-quarterly-1", "anxi-2024-monthly-2", "nanan-2024-review-stats"])(
    "%s: is that number for every rule, with one warning that names the number, not a date",
    (id) => {
      const s = new Sheet(id, { seed: 3 });
      const leaf = getTableInfo(id)!.leaves.find((l) => l.kind === "number" && l.unit !== "万元")!;
      const n = Number(s.get(s.firstSlot, leaf.key));
      s.set(s.firstSlot, leaf.key, asAdapterGives(n));
      const findings = s.findings();
      expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["number-format", "warning", s.address(s.firstSlot, leaf.key)],
      ]);
      expect(findings[0].message).toContain(`数字 ${n}`);
      expect(findings[0].message).toContain("日期格式");
      expect(findings[0].message).not.toMatch(/\d{4}-\d{2}/);
      expect(ofRule(findings, "not-number")).toEqual([]);
    }
  );
});
