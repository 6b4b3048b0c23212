/**
 * The 细则 checklists a unit sends with its report (“回头看”细则, seed 004 附件1 成员单位 and 附件2
 * 企业, sent with the 统计表 附件3): in one workbook with it or as files of their own. A checklist
 * is never a unit and never summed; it belongs to the unit whose report came in the same file, else
 * to the unit its file's name gives. A line left unanswered is a remark for that unit: named in
 * 汇总说明, it touches no summed number, so it never makes the run need review (plan.ts).
 */
import { checkRecognized } from "../check";
import { checklistAnsweredRule } from "../checks/checklist-answered";
import type { Recognition } from "../recognize";
import type { ListTemplate, Template } from "../templates/schema";

/** A list answered line by line (a 存在问题 column): what checklist-answered checks. */
export const isChecklist = (t: Template) => checklistAnsweredRule.appliesTo(t);

export interface ChecklistBrief {
  template: ListTemplate;
  /** Its lines left unanswered, by cell. */
  unanswered: string[];
  /** The enterprise it is about (附件2's 企业名称), "" when none. */
  enterprise: string;
}

/** What the plan weighs of a checklist received; undefined for any other sheet. */
export function checklistBrief(rec: Recognition): ChecklistBrief | undefined {
  if (rec.kind !== "list" || !isChecklist(rec.template)) return undefined;
  const unanswered = checkRecognized(rec)
    .filter((f) => f.rule === checklistAnsweredRule.id)
    .map((f) => f.cell);
  const enterprise = rec.headerFields.find((f) => f.key === "enterprise")?.value.trim() ?? "";
  return { template: rec.template, unanswered, enterprise };
}

/** Its line's 说明: "“回头看”细则（企业），不计入汇总（企业名称：…）". */
export const checklistReason = (title: string, c: ChecklistBrief) =>
  `${title}，随报表报送，不计入汇总${c.enterprise ? `（企业名称：${c.enterprise}）` : ""}`;

/** Its remark, "" when every line is answered: "“回头看”细则（企业）有 2 条未作答（D11、D12）…". */
export const checklistRemark = (title: string, c: ChecklistBrief) =>
  c.unanswered.length
    ? `${title}有 ${c.unanswered.length} 条未作答（${c.unanswered.slice(0, 10).join("、")}${c.unanswered.length > 10 ? "等" : ""}），没有问题的请填“无”`
    : "";
