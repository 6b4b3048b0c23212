/** A finding: what is wrong, where, why, and how to fix it when the fix is certain. */
export const CATEGORIES = [
  "blank",
  "not-number",
  "number-format",
  "negative",
  "not-whole",
  "identity",
  "bound",
  "structure",
  "header",
  "period",
  "consolidation",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** error = 强制性 (must be fixed before sending); warning = 提示性 (needs a look). */
export type Severity = "error" | "warning";

export interface Fix {
  /** The cell to change (A1). */
  cell: string;
  /** The value to write. */
  value: number | string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  sheet: string;
  /** The cell to look at first (A1), or "" when the finding concerns the sheet. */
  cell: string;
  /** Every cell involved. */
  cells: string[];
  /** Row type in words (村), or "". */
  row: string;
  /** Column path in words (企业底数（家）› 总数), or "". */
  column: string;
  /** Plain Chinese. */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** Where the rule comes from: 季报表（一）注10. */
  source: string;
  expected?: number | string;
  fix?: Fix;
  /** A warning the unit explained (审核说明, src/rules/review/explanations.ts): its reason. */
  explained?: string;
  /**
   * A warning explained when it read otherwise (the number changed since): the earlier reason,
   * shown beside the warning, which is unexplained again.
   */
  explainedBefore?: string;
}
