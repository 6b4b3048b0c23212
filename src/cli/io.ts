/** File input and output for the headless command: inputs are never overwritten, outputs appear whole or not at all. */
import { promises as fs, readFileSync } from "fs";
import path from "path";
import { UsageError } from "./args";

/** Read whole and at once: the command checks files one after another, and fs.promises.readFile
 *  costs about a millisecond a file in thread-pool round trips (measured, docs/PERFORMANCE.md). */
export function readInput(file: string): Uint8Array {
  return readFileSync(file);
}

/** Writes to a temporary file beside the target, then renames it into place. */
export async function writeAtomic(
  file: string,
  data: Uint8Array,
  inputs: string[] = []
): Promise<void> {
  const target = path.resolve(file);
  if (inputs.some((i) => path.resolve(i) === target))
    throw new UsageError(`输出文件不能覆盖输入文件：${file}`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
