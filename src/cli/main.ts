/** The headless command: npx srs check|consolidate|distribute|return|stamp|template|templates. */
import path from "path";
import { visible } from "../rules/file-names";
import { parsePeriod } from "../rules/period";
import { useNativeInflate } from "../workbook/xlsx/sniff";
import { type ParsedArgs, parseArgs, UsageError } from "./args";
import { nodeInflate } from "./zlib";

export const USAGE = `srs — 安全生产标准化提升专项行动报表助手（命令行）

用法:
  srs templates [--json]                 列出全部报表模板的编号和标题
  srs template ID -o 文件.xlsx|文件夹/   写出官方空白表样（ID 为 all 时写出全部；-o 给文件夹时每张表一个文件）
  srs stamp 文件.xlsx --period P [--date 2026-12-20] [--unit 单位 --filler 姓名 --phone 电话] -o 输出.xlsx
                                         写入报告期、填报日期、表头和各栏统计口径（不改数据格）
  srs distribute --roster 名册.xlsx --period P [--template ID] -o 文件夹
                                         下发表样：为名册中每个单位写出盖好填报单位、报告期和统计口径的空白表
                                         （文件名“单位-表名-期间.xlsx”）；不给 --template 时按报告期下发全部季报表或月报表
  srs consolidate 文件.xlsx... -o 汇总.xlsx [--period P] [--roster 名册.xlsx|csv] [--unit 金淘镇] [--values] [--json]
                                         把各村、各单位（或各乡镇的汇总表）汇总成上一级的表（公式汇总；--values 只写数值）；
                                         同一单位重复报送只计一次、较新的替换较旧的，别的报告期不计入，
                                         对照单位名册列出缺报、填错行、按时/逾期
  srs roster --from 文件.xlsx... -o 名册.xlsx
                                         按收到的报表起草单位名册（单位名称、单位类型），核对后用于 --roster
  srs return 文件.xlsx... -o 文件夹        退回：写出标出问题格、带“问题清单”的副本，和一段可粘贴到聊天的说明（.txt）
  srs check [--json] [--period P] [--previous 上期.xlsx] 文件.xlsx...
                                         识别每个工作表是哪张报表，并检查填报问题
  srs check 文件.xlsx --explain L7=说明 [--explain "'表名'!M7=说明"] -o 输出.xlsx
                                         对提示写审核说明（存进文件的隐藏工作表，随文件走）；强制性错误不能说明
  srs check 文件.xlsx --fix -o 输出.xlsx  写出修正副本：能确定的修正全部改好（文本数字、全角数字、1,200、3家
                                         改为数字，空白和“无”填 0），单元格格式不变，列出改了哪些格

选项:
  --json        以 JSON 输出
  --period P    报告期，如 2026Q4（季度）或 2024-05（月份）；默认读表上的“报告期”或填报日期
  --previous F  上期报表或上期汇总工作簿：按填报单位取本单位的表，检查累计数是否减少、是否猛增
  --roster F    单位名册（.xlsx 或 .csv，表头“单位名称,单位类型”，可再加“联系人,联系电话”）
  --unit U      汇总单位（写进汇总表的“填报单位”和汇总说明）
  --template ID 下发哪张表（编号见 srs templates）
  --explain C=T 对单元格 C 的提示写说明 T（可重复，须同时给 -o）
  --fix         写出修正副本（须同时给 -o）
  -o, --out     输出文件
  --            其后都是文件名（文件名以 - 开头时用）
  -h, --help    显示本帮助
  -v, --version 显示版本

各单位的报表可以是 .xlsx、.xls 或 WPS 表格 .et；SRS 写出的总是 .xlsx（从不覆盖原文件）。

退出状态: 0 无错误；1 发现错误（汇总时：有报表未汇总、有问题或有单位缺报）；2 有文件无法读取。

Usage (English): srs templates | srs template ID -o FILE.xlsx | srs stamp FILE --period P [--date D] -o OUT.xlsx | srs distribute --roster FILE --period P [--template ID] -o DIR | srs consolidate FILE... -o OUT.xlsx [--values] | srs check [--json] [--period P] [--previous FILE] FILE... | srs check FILE --explain CELL=TEXT -o OUT.xlsx | srs check FILE --fix -o OUT.xlsx | srs return FILE... -o DIR
Reports may be .xlsx, .xls or WPS .et; what SRS writes is always .xlsx.
Exit status: 0 no errors, 1 errors found, 2 a file could not be read.`;

/**
 * The text without C0/C1 control characters (an ESC from a crafted cell could rewrite the screen;
 * line breaks and tabs stay) nor format characters (a right-to-left override would show a name
 * backwards, a zero-width space hide in it).
 */
export const printable = (s: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  visible(s).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");

/** JSON for the terminal: format characters escaped (\u202e), so the data keeps them and the screen shows none. */
const asJson = (x: unknown) =>
  JSON.stringify(x, null, 2).replace(/\p{Cf}/gu, (c) =>
    [...Array(c.length).keys()]
      .map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`)
      .join("")
  );

function periodOption(value: ParsedArgs["options"][string]) {
  if (value === undefined) return undefined;
  const period = parsePeriod(String(value));
  if (!period) throw new UsageError(`无法识别报告期“${value}”：季度写 2026Q4，月份写 2024-05`);
  return period;
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n")
): Promise<number> {
  // Cell text reaches the terminal: no control character may move the cursor or recolour it.
  const print = (s: string) => out(printable(s));
  const err = (s: string) => process.stderr.write(printable(s) + "\n");
  // Every file this command reads is unpacked by node's zlib, not fflate in JavaScript.
  useNativeInflate(nodeInflate);
  try {
    const { command, positionals, options } = parseArgs(argv);
    const json = options.json === true;
    const output = options.out as string | undefined;
    if (options.version) {
      print(require("../../package.json").version);
      return 0;
    }
    if (!command || options.help || command === "help") {
      print(USAGE);
      return command && command !== "help" && !options.help ? 64 : 0;
    }
    switch (command) {
      case "templates": {
        const { templatesCommand } = await import("./commands/templates");
        print(templatesCommand(json));
        return 0;
      }
      case "template": {
        const { templateCommand } = await import("./commands/template");
        print(await templateCommand(positionals[0], output));
        return 0;
      }
      case "check": {
        if (positionals.length === 0) throw new UsageError("请给出要检查的 .xlsx 文件");
        const { checkFiles, exitCode, readPrevious, toJson, toText } =
          await import("./commands/check");
        const period = periodOption(options.period);
        const previous =
          typeof options.previous === "string" ? await readPrevious(options.previous) : undefined;
        const explain = options.explain as string[] | undefined;
        if (options.fix) {
          if (explain) throw new UsageError("--fix 和 --explain 请分两次运行");
          if (positionals.length !== 1) throw new UsageError("--fix 一次只修正一个文件");
          if (!output) throw new UsageError("请用 -o 指定写出修正副本的文件（不会覆盖原文件）");
          const { fixFile, fixJson, fixText } = await import("./commands/fix");
          const fixed = await fixFile(positionals[0], output, { period, previous });
          print(json ? JSON.stringify(fixJson(fixed), null, 2) : fixText(fixed));
          return exitCode([fixed.report]);
        }
        if (explain) {
          if (positionals.length !== 1) throw new UsageError("--explain 一次只说明一个文件");
          if (!output) throw new UsageError("请用 -o 指定写出说明的文件（不会覆盖原文件）");
          const { explainFile } = await import("./commands/explain");
          const report = await explainFile(positionals[0], output, explain, { period, previous });
          print(json ? asJson(toJson([report])) : toText([report]));
          return exitCode([report]);
        }
        const reports = await checkFiles(positionals, { period, previous });
        print(json ? asJson(toJson(reports)) : toText(reports));
        return exitCode(reports);
      }
      case "stamp": {
        if (positionals.length !== 1) throw new UsageError("请给出一个要盖章的 .xlsx 文件");
        if (!output) throw new UsageError("请用 -o 指定输出文件（不会覆盖原文件）");
        const period = parsePeriod(String(options.period ?? ""));
        if (!period)
          throw new UsageError("请用 --period 给出报告期：季度写 2026Q4，月份写 2024-05");
        const { stampFile } = await import("./commands/stamp");
        const text = (k: string) =>
          typeof options[k] === "string" ? (options[k] as string) : undefined;
        const r = await stampFile(positionals[0], output, period, {
          date: text("date"),
          profile: { unit: text("unit"), filler: text("filler"), phone: text("phone") },
        });
        print(`已写出 ${r.written}（盖章的工作表：${r.stamped.join("、")}）`);
        if (r.note) print(r.note);
        if (r.macrosRemoved)
          print("  原文件含宏（VBA 工程），已去掉：写出的是不含宏的 .xlsx，Excel 可以直接打开");
        return 0;
      }
      case "distribute": {
        if (positionals.length > 0)
          throw new UsageError(
            `多余的参数“${positionals[0]}”：名册用 --roster 给出，文件夹用 -o 给出`
          );
        if (typeof options.roster !== "string")
          throw new UsageError("请用 --roster 给出单位名册（.xlsx 或 .csv）");
        const period = periodOption(options.period);
        if (!period)
          throw new UsageError("请用 --period 给出报告期：季度写 2026Q4，月份写 2024-05");
        if (!output) throw new UsageError("请用 -o 指定写出表样的文件夹，例如 -o 下发");
        const { distributeCommand } = await import("./commands/distribute");
        const template = typeof options.template === "string" ? options.template : undefined;
        print(await distributeCommand(options.roster, period, template, output));
        return 0;
      }
      case "consolidate": {
        if (positionals.length === 0) throw new UsageError("请给出要汇总的各单位 .xlsx 文件");
        if (!output) throw new UsageError("请用 -o 指定汇总输出文件，例如 -o 乡镇汇总.xlsx");
        const c = await import("./commands/consolidate");
        const period = periodOption(options.period);
        const roster =
          typeof options.roster === "string"
            ? await (await import("./commands/roster")).readRoster(options.roster)
            : undefined;
        try {
          // 村/*.xlsx may catch the roster itself: it is no report.
          const inputs =
            typeof options.roster === "string"
              ? positionals.filter(
                  (f) => path.resolve(f) !== path.resolve(options.roster as string)
                )
              : positionals;
          const r = await c.consolidateFiles(inputs, output, {
            values: options.values === true,
            period,
            roster,
            unit: typeof options.unit === "string" ? options.unit : undefined,
          });
          print(json ? asJson(c.consolidateJson(r, output)) : c.consolidateText(r, output));
          return c.consolidateExit(r.plan, r.unreadable);
        } catch (e) {
          if (e instanceof c.NothingSummed) {
            const r = { plan: e.plan, unreadable: [] };
            print(json ? asJson(c.consolidateJson(r, null)) : c.consolidateText(r, null));
            return e.plan.lines.some((l) => l.status === "unreadable") ? 2 : 1;
          }
          if (!(e instanceof c.NothingReadable)) throw e;
          print(
            json
              ? asJson({ output: null, unreadable: e.unreadable })
              : [e.message, ...c.unreadableLines(e.unreadable)].join("\n")
          );
          return 2;
        }
      }
      case "return": {
        if (positionals.length === 0) throw new UsageError("请给出要退回的单位报表 .xlsx 文件");
        if (!output) throw new UsageError("请用 -o 指定退回文件写到哪个文件夹，例如 -o 退回");
        const { returnFiles, returnText } = await import("./commands/return");
        const results = await returnFiles(positionals, output);
        print(json ? asJson(results) : returnText(results));
        return results.some((r) => r.error) ? 2 : 0;
      }
      case "roster": {
        const from = [options.from, ...positionals].filter(
          (x): x is string => typeof x === "string"
        );
        if (from.length === 0) throw new UsageError("请用 --from 给出收到的报表文件");
        if (!output) throw new UsageError("请用 -o 指定名册输出文件，例如 -o 单位名册.xlsx");
        const { draftRosterFile } = await import("./commands/roster");
        const r = await draftRosterFile(from, output);
        print(r.text);
        return r.unreadable ? 2 : 0;
      }
      default:
        throw new UsageError(`未知命令：${command}（srs --help 查看用法）`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`srs: ${e.message}`);
      return 64;
    }
    err(`srs: 出错了：${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return 2;
  }
}
