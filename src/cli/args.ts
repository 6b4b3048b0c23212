/**
 * The command line, read by node's util.parseArgs: unknown options are refused (a misspelt one is
 * never silently ignored), and `--` ends the options, so a file called "-1村.xlsx" can be given.
 */
import { parseArgs as nodeParseArgs } from "util";

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: Record<string, string | true | string[] | undefined>;
}

export class UsageError extends Error {}

const VALUED = [
  "out",
  "period",
  "previous",
  "date",
  "unit",
  "filler",
  "phone",
  "roster",
  "from",
  "template",
];
/** Options that may be given more than once (--explain L7=… --explain M7=…). */
const REPEATED = ["explain"];
const SWITCHES = ["json", "values", "fix", "help", "version"];
const SHORT: Record<string, string> = { out: "o", help: "h", version: "v" };

const OPTIONS = Object.fromEntries([
  ...VALUED.map((k) => [k, { type: "string" as const, ...(SHORT[k] ? { short: SHORT[k] } : {}) }]),
  ...REPEATED.map((k) => [k, { type: "string" as const, multiple: true }]),
  ...SWITCHES.map((k) => [
    k,
    { type: "boolean" as const, ...(SHORT[k] ? { short: SHORT[k] } : {}) },
  ]),
]);

export function parseArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = nodeParseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(usageReason(e, argv));
  }
  const [command, ...positionals] = parsed.positionals;
  const options: ParsedArgs["options"] = {};
  for (const [k, v] of Object.entries(parsed.values))
    if (v !== undefined && v !== false) options[k] = v as string | true | string[];
  return { command, positionals, options };
}

/** node's English message → one zh line naming the option. */
function usageReason(e: unknown, argv: string[]): string {
  const code = (e as { code?: string }).code;
  const named = /'(-{1,2}[^'\s]+)/.exec((e as Error).message ?? "")?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `未知选项：${named ?? argv.find((a) => a.startsWith("-")) ?? ""}（srs --help 查看用法；以 - 开头的文件名请写在 -- 之后）`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `选项 ${named ?? ""} 用法不对：它${VALUED.some((k) => named?.endsWith(k)) ? "需要一个值" : "不带值"}`;
  return "命令行无法解析（srs --help 查看用法）";
}
