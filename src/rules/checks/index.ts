/** Every rule, in the order findings are listed. */
import { blankRule } from "./blank";
import { blankUnnotedRule } from "./blank-unnoted";
import { boundRule } from "./bound";
import { checklistAnsweredRule } from "./checklist-answered";
import { clerkTotalRule } from "./clerk-total";
import { cumulativeRule } from "./cumulative";
import { evidenceRule } from "./evidence";
import { headerRule } from "./header";
import { identityRule } from "./identity";
import { jumpRule } from "./jump";
import { negativeRule } from "./negative";
import { notApplicableRule } from "./not-applicable";
import { notNumberRule } from "./not-number";
import { notWholeRule } from "./not-whole";
import { numberFormatRule } from "./number-format";
import { ownNameRowRule } from "./own-name-row";
import { periodWindowRule } from "./period-window";
import type { Rule } from "./rule";
import { scheduleRule } from "./schedule";
import { wanYuanRule } from "./wan-yuan";
import { wrongRowRule } from "./wrong-row";

export const RULES: Rule[] = [
  blankRule,
  blankUnnotedRule,
  notNumberRule,
  numberFormatRule,
  negativeRule,
  notWholeRule,
  identityRule,
  wrongRowRule,
  ownNameRowRule,
  boundRule,
  wanYuanRule,
  clerkTotalRule,
  notApplicableRule,
  evidenceRule,
  checklistAnsweredRule,
  headerRule,
  periodWindowRule,
  cumulativeRule,
  jumpRule,
  scheduleRule,
];

export type { Rule };

/** A rule's name in words (空白格 for blank); recognition's own findings (structure/…) are 表格结构. */
export const ruleTitle = (id: string): string =>
  RULES.find((r) => r.id === id)?.title.zh ?? (id.startsWith("structure/") ? "表格结构" : id);
