/**
 * 催报: one message a reviewer pastes into the township's chat group, naming each unit that has
 * sent nothing (with who to call, from the roster), the tables, the period and the deadline.
 */
import { dayZh, deadlineOf, formatPeriod, type Period } from "../period";
import type { TableTemplate } from "../templates/schema";
import type { ChildLine } from "./plan";

/**
 * The message, or "" when no unit is missing.
 * @param tables the tables consolidated for the period (their titles and deadlines)
 * @param from the consolidating unit, signing it
 */
export function reminderMessage(
  lines: ChildLine[],
  tables: TableTemplate[],
  period: Period,
  from = ""
): string {
  const missing = lines.filter((l) => l.status === "missing");
  if (!missing.length) return "";
  const titles = [...new Map(tables.map((t) => [t.id, t])).values()].map(
    (t) => `《${t.title}》（截止 ${dayZh(deadlineOf(period, t.deadline))}）`
  );
  return [
    `【催报】以下单位尚未报送${formatPeriod(period)}的报表：`,
    ...missing.map((l, i) => `${i + 1}. ${l.unit}${l.contact ? `（${l.contact}）` : ""}`),
    `应报：${titles.join("、") || "本期报表"}。`,
    `请尽快报送${from ? `${from}汇总` : ""}；已经报送的请核对是否发送成功。`,
  ].join("\n");
}
