/* Custom functions (namespace SRS). custom-functions-metadata-plugin builds functions.json
   from these JSDoc blocks and associates each function; they run in the pane's shared runtime. */
import { qtotal } from "../rules/qtotal";
import { recognizedWorkbook } from "../workbook/office/snapshot";

function fail(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
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
  const address = invocation?.address ?? "";
  const sheet = address.includes("!")
    ? address
        .slice(0, address.lastIndexOf("!"))
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'")
    : "";
  const result = qtotal(await recognizedWorkbook(), sheet, address, unitType || undefined);
  return result.ok ? result.value : fail(result.message);
}
