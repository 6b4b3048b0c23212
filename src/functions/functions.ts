/* Custom functions (namespace SRS). custom-functions-metadata-plugin builds functions.json
   from these JSDoc blocks and associates each function; they run in the pane's shared runtime,
   and every call of a recalculation wave shares one read of the workbook. Excel passes an
   omitted optional argument as null, not undefined (the declared types stay as they are: they
   make functions.json's parameter types): every optional parameter is read with `|| undefined`
   or `?? undefined`.
   PERIOD and DEADLINE default to today, so they are volatile (recomputed on every recalculation,
   and on opening the workbook the next day). */
import { qtotal, type FunctionResult } from "../rules/qtotal";
import { deadlineText, periodText, sinceText } from "../rules/sheet-functions";
import { recognizedWorkbook } from "../workbook/office/snapshot";
import { today } from "../workbook/today";

function answer<T>(result: FunctionResult<T>): T {
  if (result.ok) return result.value;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, result.message);
}

/** "'朴里 村(2)'!C7" → the sheet and the cell. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const at = address.lastIndexOf("!");
  return {
    sheet: address
      .slice(0, at)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'"),
    cell: address.slice(at + 1),
  };
}

/**
 * 合计各下级单位工作表中同一位置（同一填报单位类型、同一列）的数值，用于汇总表。
 * @customfunction QTOTAL
 * @param [unitType] 只合计该类型的下级单位，例如“村”
 * @param invocation
 * @requiresAddress
 * @volatile
 * @returns 下级单位合计
 */
export async function QTOTAL(
  unitType?: string,
  invocation?: CustomFunctions.Invocation
): Promise<number> {
  const { sheet, cell } = splitAddress(invocation?.address ?? "");
  return answer(qtotal(await recognizedWorkbook(), sheet, cell, unitType || undefined));
}

/**
 * 日期所在的报告期，按本表的报送周期（季报或月报），如“2026年第4季度”。
 * @customfunction PERIOD
 * @param [date] 日期，默认今天
 * @param invocation
 * @requiresAddress
 * @volatile
 * @returns 报告期
 */
export async function PERIOD(
  date?: number | string,
  invocation?: CustomFunctions.Invocation
): Promise<string> {
  const { sheet } = splitAddress(invocation?.address ?? "");
  return answer(periodText(await recognizedWorkbook(), sheet, date ?? undefined, today()));
}

/**
 * 报告期的上报截止日，按本表表下注，如“2026年12月29日”。
 * @customfunction DEADLINE
 * @param [period] 报告期，如“2026Q4”“2026年第4季度”“2024-05”，默认当前报告期
 * @param invocation
 * @requiresAddress
 * @volatile
 * @returns 截止日期
 */
export async function DEADLINE(
  period?: string,
  invocation?: CustomFunctions.Invocation
): Promise<string> {
  const { sheet } = splitAddress(invocation?.address ?? "");
  return answer(deadlineText(await recognizedWorkbook(), sheet, period || undefined, today()));
}

/**
 * 本列的统计口径，如“2021年8月以来累计”“以2025年底底数为基数”。
 * @customfunction SINCE
 * @param invocation
 * @requiresAddress
 * @returns 统计口径
 */
export async function SINCE(invocation?: CustomFunctions.Invocation): Promise<string> {
  const { sheet, cell } = splitAddress(invocation?.address ?? "");
  return answer(sinceText(await recognizedWorkbook(), sheet, cell));
}
