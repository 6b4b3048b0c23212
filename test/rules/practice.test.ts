import { checkGrids } from "../../src/rules/check";
import { applyFixes } from "../../src/rules/fix";
import { practiceSheet, remaining } from "../../src/rules/sample/practice";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";

const t = getTemplate("nanan-2026-quarterly-3") as TableTemplate;

describe("practice sheets", () => {
  it("the same seed gives the same sheet; another seed another", () => {
    expect(practiceSheet(t, 8, 7)).toEqual(practiceSheet(t, 8, 7));
    expect(practiceSheet(t, 8, 8).planted).not.toEqual(practiceSheet(t, 8, 7).planted);
  });

  it("plants N mistakes the checker finds, and counts them off as they are corrected", () => {
    const p = practiceSheet(t, 8, 3);
    expect(p.planted).toHaveLength(8);
    const [before] = checkGrids([p.grid]);
    expect(remaining(p.planted, before.findings)).toHaveLength(8);
    const fixed = applyFixes(p.grid, before.findings);
    const [after] = checkGrids([fixed]);
    const left = remaining(p.planted, after.findings);
    // Certain fixes (blank, 无, 全角, 3家) correct those; negatives and fractions need the trainee.
    expect(left.length).toBeLessThan(8);
    expect(left.every((x) => ["negative", "not-whole"].includes(x.category))).toBe(true);
  });
});
