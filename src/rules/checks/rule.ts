/** One rule, one module: its metadata, messages, source and check (as ESLint keeps its rules). */
import type { Category, Finding, Severity } from "../finding";
import type { Template } from "../templates/schema";
import type { SheetContext } from "./context";

export interface Rule {
  /** Stable id, used in JSON and tests. */
  id: string;
  category: Category;
  severity: Severity;
  title: { zh: string; en: string };
  /** What it checks and why, for the rule catalog (training). */
  description: { zh: string; en: string };
  /** A correct and a wrong way to fill, in the clerk's words. */
  examples: { good: string; bad: string };
  appliesTo(t: Template): boolean;
  /** The template's notes the rule enforces, for the catalog ("季报表（一）注10"). */
  notesFor?(t: Template): number[];
  check(ctx: SheetContext): Finding[];
  /** Reads another sheet's table (options.workbook: a plan's targets), so waits for every sheet. */
  readsWorkbook?: true;
}

export const isTable = (t: Template) => t.kind === "table";
