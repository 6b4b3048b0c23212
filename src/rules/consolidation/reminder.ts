/**
 * 催报: one message a reviewer pastes into the township's chat group, naming each unit that has
 * sent nothing or not every table it owes (with who to call, and the tables it still owes), the
 * tables, the period and the deadline.
 */
import { dayZh, deadlineOf, formatPeriod, type Period } from "../period";
import type { TableTemplate } from "../templates/schema";
import { missingByUnit } from "./owed";
import type { ChildLine } from "./plan";

/**
 * The message, or "" when no unit is missing a report.
 * @param tables the tables consolidated for the period (their titles and deadlines)
 * @param from the consolidating unit, signing it
 */
export function reminderMessage(
  lines: ChildLine[],
  tables: TableTemplate[],
  period: Period,
  from = ""
): string {
  const missing = missingByUnit(lines);
  if (!missing.length) return "";
  const distinct = [...new Map(tables.map((t) => [t.id, t])).values()];
  const titles = distinct.map(
    (t) => `《${t.title}》（截止 ${dayZh(deadlineOf(period, t.deadline))}）`
  );
  // A unit that sent some tables, or owes only some (a 镇直单位 no 季报表（三）), is told which.
  const which = (u: (typeof missing)[number]) => {
    if (!u.tables.length || (u.sentNothing && u.tables.length >= distinct.length)) return "";
    return `：${u.sentNothing ? "应报" : "尚缺"}${u.tables.join("、")}`;
  };
  return [
    `【催报】以下单位尚未报送${formatPeriod(period)}的报表：`,
    ...missing.map(
      (u, i) => `${i + 1}. ${u.unit}${u.contact ? `（${u.contact}）` : ""}${which(u)}`
    ),
    `应报：${titles.join("、") || "本期报表"}。`,
    `请尽快报送${from ? `${from}汇总` : ""}；已经报送的请核对是否发送成功。`,
  ].join("\n");
}
