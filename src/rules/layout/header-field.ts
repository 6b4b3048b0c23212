/** How a header or footer field prints, on a blank form, a filled one and a summary alike. */
import type { HeaderField } from "../templates/schema";

/**
 * Room for a field written by hand is ideographic spaces: a character wide in every CJK font,
 * where a plain space prints narrower than half of one (填报人：      联系电话： left no room).
 */
const ROOM_CHAR = "\u3000";

/**
 * Room before 年, 月 and 日 for a date written by hand, as the notices leave it (…    年    月    日
 * in a font whose space is half a character): two characters for 2026, two for 12.
 */
export const BLANK_DATE = "\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

/**
 * Characters left after each other field's label, about what the notices' tables leave
 * (填表人： then 14–17 half-width spaces; 联系电话： 23–29; 企业名称： 26): a name of two to four
 * characters, an 11-digit mobile or 0595-86123456, a unit or an enterprise's name.
 */
const ROOM: Record<Exclude<HeaderField["key"], "date">, number> = {
  unit: 10,
  filler: 6,
  phone: 12,
  enterprise: 12,
  head: 6,
};

/**
 * A field's text: its label, then what was written there, kept as written; nothing written
 * (only spaces; for a date, a blank form's bare 年 月 日) prints its room to write by hand. A date
 * stands alone where the notice prints only "年 月 日".
 */
export function headerFieldText(field: HeaderField, value = ""): string {
  if (field.key !== "date")
    return `${field.label}：${value.trim() ? value : ROOM_CHAR.repeat(ROOM[field.key])}`;
  const day = /^[\s年月日]*$/.test(value) ? BLANK_DATE : value;
  return field.label === "年 月 日" ? day : `${field.label}：${day}`;
}
