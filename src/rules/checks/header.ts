import type { Finding } from "../finding";
import type { Recognized } from "../recognize";
import { reportDay } from "../report-period";
import type { Rule } from "./rule";

/** A mainland mobile (1xx xxxx xxxx) or a fixed line with its area code (0595-86123456). */
export function isPhone(text: string): boolean {
  const parts = text
    .normalize("NFKC")
    .split(/[、,，/;；]|\s{2,}/)
    .map((p) => p.replace(/[\s()（）-]/g, ""))
    .filter(Boolean);
  return (
    parts.length > 0 &&
    parts.every((p) => /^(\+?86)?1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}(\d{1,6})?$/.test(p))
  );
}

export const headerRule: Rule = {
  id: "header",
  category: "header",
  severity: "error",
  title: { zh: "表头信息不全", en: "Header incomplete" },
  description: {
    zh: "填报单位、填表人、联系电话（手机号或带区号的固定电话）和填报日期都要填写。",
    en: "填报单位, 填表人, 联系电话 (a mobile or a fixed line with area code) and the date are required.",
  },
  examples: { good: "联系电话：0595-86123456", bad: "联系电话：86123456（缺区号）" },
  appliesTo: (t) => t.headerFields.length > 0,
  check(ctx) {
    const rec: Recognized = ctx.rec;
    const out: Finding[] = [];
    const at = (cell: string, message: string, messageEn: string): Finding => ({
      rule: this.id,
      category: this.category,
      severity: this.severity,
      sheet: rec.sheet,
      cell,
      cells: cell ? [cell] : [],
      row: "",
      column: "",
      message,
      messageEn,
      source: ctx.source(),
    });
    for (const field of rec.template.headerFields) {
      const name = field.key === "date" ? "填报日期" : field.label.replace(/[（(].*$/, "");
      const found = rec.headerFields.find((h) => h.key === field.key);
      if (!found) {
        out.push(at("", `表头缺少“${name}”`, `The header has no ${field.key} field`));
        continue;
      }
      if (field.key === "date") {
        if (!reportDay(rec))
          out.push(
            at(
              found.valueCell,
              "未填写完整的填报日期（年、月、日）",
              "The date is missing or incomplete"
            )
          );
      } else if (!found.value)
        out.push(at(found.valueCell, `未填写${name}`, `${field.key} is empty`));
      else if (field.key === "phone" && !isPhone(found.value))
        out.push(
          at(
            found.valueCell,
            `联系电话“${found.value}”不是有效号码：手机号 11 位，固定电话要带区号（如 0595-86123456）`,
            `"${found.value}" is not a mobile number or a fixed line with area code`
          )
        );
    }
    return out;
  },
};
