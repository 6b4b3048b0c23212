/** A small argv parser: flags with values, boolean switches, and positionals. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: Record<string, string | true>;
}

export class UsageError extends Error {}

/** @param valued options that take a value (e.g. "o", "period"). */
export function parseArgs(argv: string[], valued: Set<string>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(a);
    if (m && a !== "-") {
      const name = m[1];
      if (valued.has(name)) {
        const v = m[2] ?? argv[++i];
        if (v === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
        options[name] = v;
      } else options[name] = true;
    } else if (command === undefined) command = a;
    else positionals.push(a);
  }
  return { command, positionals, options };
}
