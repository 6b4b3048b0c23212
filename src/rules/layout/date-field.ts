/** How a header's date field prints, on a blank form, a filled one and a summary alike. */
import type { HeaderField } from "../templates/schema";

/**
 * Room before 年, 月 and 日 for a date written by hand, as the notices leave it (…    年    月    日
 * in a font whose space is half a character). Ideographic spaces: a character wide in every CJK
 * font, where four plain spaces print narrower than one character and leave no room for 2026.
 */
export const BLANK_DATE = "\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

/**
 * The date field's text: alone where the notice prints only "年 月 日", else after its label
 * (填报时间：…). No date yet (nothing, or a blank form's bare 年 月 日) prints as BLANK_DATE.
 */
export function dateFieldText(field: HeaderField, value = ""): string {
  const day = /^[\s年月日]*$/.test(value) ? BLANK_DATE : value;
  return field.label === "年 月 日" ? day : `${field.label}：${day}`;
}
