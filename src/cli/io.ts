/** File input and output for the headless command: inputs are never overwritten, outputs appear whole or not at all. */
import {
  closeSync,
  existsSync,
  fstatSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import path from "path";
import { MAX_FILE_BYTES, UnreadableFile } from "../workbook/xlsx/sniff";
import { UsageError } from "./args";

/**
 * Read at once (fs.promises costs about a millisecond a file in thread-pool round trips, measured
 * in docs/PERFORMANCE.md), from a regular file only (a FIFO would hang, /dev/zero never end), and
 * never more than the size limit plus one byte.
 */
export const readInput = (file: string): Uint8Array => readInputFile(file).bytes;

/** readInput, with the file's modification time from the same stat (ms since 1970). */
export function readInputFile(file: string): { bytes: Uint8Array; mtimeMs: number } {
  // Before opening: opening a FIFO waits for a writer that may never come.
  if (!statSync(file).isFile()) throw notFile();
  const fd = openSync(file, "r");
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notFile();
    if (st.size > MAX_FILE_BYTES) throw tooBig();
    // The size read a moment ago, plus one byte: a file that grows meanwhile is caught too.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got)
      got = readSync(fd, buf, n, buf.length - n, null);
    if (n > st.size) throw new UnreadableFile("文件在读取时还在变化，请等它写完再试");
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, n), mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

const notFile = () => new UnreadableFile("这不是一个普通文件（是设备、管道或文件夹）");
const tooBig = () =>
  new UnreadableFile(`文件过大（超过 ${MAX_FILE_BYTES / 1048576} MB），不像是一份报表`);

/**
 * Where a command writes what it made of an .xls or .et: SRS writes only .xlsx, so an output
 * named like the old format ("-o 盖章.xls") gets the .xlsx ending.
 */
export const xlsxPath = (out: string) => out.replace(/\.(xls|et)$/i, ".xlsx");

/** The one line saying an .xls or .et was written as an .xlsx (`was`: its kind, from asXlsx). */
export const writtenAsXlsx = (input: string, was: string, written: string) =>
  `${input} 是 ${was}，SRS 只写 .xlsx：已写出 ${written}（数值、合并单元格和格式照原文件，公式存为结果；原文件未改动）`;

/**
 * One of the inputs is the target, however it is named: through a symlink, a hard link or another
 * letter case. Nothing at the target yet is no input (5,000 inputs are not each stat'ed then).
 */
function isInput(target: string, inputs: string[]): boolean {
  if (inputs.some((i) => path.resolve(i) === target)) return true;
  const statOf = (f: string) => {
    try {
      return statSync(f);
    } catch {
      return undefined;
    }
  };
  const t = statOf(target);
  return (
    t !== undefined &&
    inputs.some((i) => {
      const x = statOf(i);
      return x !== undefined && x.dev === t.dev && x.ino === t.ino;
    })
  );
}

/** Once a process, however many copies of this module are loaded (test runners load one a file). */
const GUARDED = Symbol.for("srs.signals-guarded");

/**
 * Ctrl+C, a kill or a closed terminal no longer ends the process in the middle of a write (the
 * default action would, leaving the hidden temporary file): node defers the signal to the event
 * loop, which the synchronous write and rename below do not give up until the file is whole and
 * in place; then the signal is raised again, so the process ends as it was asked to.
 */
function guardSignals() {
  const p = process as NodeJS.Process & { [GUARDED]?: true };
  if (p[GUARDED]) return;
  p[GUARDED] = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => process.kill(process.pid, signal));
}

/**
 * A stem for files in `dir` ("朴里村-退回", then "朴里村-退回(2)"…) under which no file with any of
 * `exts` exists yet nor was named in this run (`taken`, compared case-insensitively as Windows and
 * macOS do); the names it gives are added to `taken`.
 */
export function freeStem(dir: string, stem: string, exts: string[], taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? stem : `${stem}(${i})`;
    const files = exts.map((x) => `${name}${x}`);
    if (files.some((f) => taken.has(f.toLowerCase()) || existsSync(path.join(dir, f)))) continue;
    for (const f of files) taken.add(f.toLowerCase());
    return name;
  }
}

/**
 * Writes to a temporary file beside the target, then moves it into place. `fresh`: never over a
 * file already there (one made since its name was chosen), which is refused in zh.
 */
export async function writeAtomic(
  file: string,
  data: Uint8Array,
  inputs: string[] = [],
  fresh = false
): Promise<void> {
  const target = path.resolve(file);
  if (isInput(target, inputs)) throw new UsageError(`输出文件不能覆盖输入文件：${file}`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  guardSignals();
  try {
    writeFileSync(tmp, data);
    if (fresh) place(tmp, target);
    else renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    // Never the hidden temporary file's name, nor node's English: the file asked for, and why.
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EEXIST"
        ? "已有同名文件，未覆盖"
        : code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : code === "ENOENT"
            ? "所在的文件夹不存在"
            : code === "ENOSPC"
              ? "磁盘已满"
              : code === "EISDIR"
                ? "这是一个文件夹"
                : "写入失败";
    throw new UsageError(`无法写出 ${file}：${why}`);
  }
}

/** Moves the temporary file to a name nothing holds: a hard link fails on an existing name. */
function place(tmp: string, target: string) {
  try {
    linkSync(tmp, target);
    rmSync(tmp);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw e;
  }
  // A file system without hard links (FAT on a USB stick): checked, then renamed.
  if (existsSync(target)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
  renameSync(tmp, target);
}
