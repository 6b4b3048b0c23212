/**
 * The one stream an .xls or .et needs, read out of its compound file ([MS-CFB]) with every
 * pointer checked against the file before it is followed: a sector number inside the file, a chain
 * that never comes back on itself and is exactly as long as the stream it carries, a declared size
 * no larger than the file, a directory walked once. A crafted file gets one zh line and costs at
 * most the stream it names, never a loop or an allocation its header asks for.
 * (SheetJS's `cfb` reads every stream of the file first and follows chains without these checks;
 * every one would have to be made before it anyway: see docs/ARCHITECTURE.md, Safety.)
 */
import { UnreadableFile } from "../xlsx/sniff";

/** Sector numbers with a meaning of their own ([MS-CFB] 2.1). */
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
/** A directory longer than this is no workbook's (Excel writes a handful of entries). */
const MAX_ENTRIES = 65_536;

/** What a file that is not a whole compound file gets. */
export const brokenFile = (kind: string) => `文件已损坏或不是完整的 ${kind}，无法读取`;

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * The named streams among the root storage's children (names compared without case, as the format
 * says), read whole; absent ones are missing from the result. `kind` names the file in messages.
 */
export function compoundStreams(
  buf: Uint8Array,
  names: string[],
  kind: string
): Map<string, Uint8Array> {
  const broken = () => new UnreadableFile(brokenFile(kind));
  if (buf.byteLength < 512) throw broken();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const major = u16(26);
  const shift = u16(30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || u16(32) !== 6)
    throw broken();
  const size = 1 << shift;
  const sectors = Math.floor((buf.byteLength - size) / size);
  if (sectors < 1) throw broken();
  const offset = (n: number) => (n + 1) * size;
  const inFile = (n: number) => n < sectors;

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = u32(44);
  if (fatCount > sectors) throw broken();
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(76 + i * 4));
  const perSector = size / 4;
  const seenDifat = new Set<number>();
  for (let d = u32(68); fatSectors.length < fatCount;) {
    if (!inFile(d) || seenDifat.has(d)) throw broken();
    seenDifat.add(d);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(u32(offset(d) + i * 4));
    d = u32(offset(d) + size - 4);
  }
  if (fatSectors.some((s) => !inFile(s))) throw broken();
  const next = (n: number) => {
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined) throw broken();
    return u32(offset(fat) + (n % perSector) * 4);
  };

  /** The sectors of a chain, `count` of them (or up to its end when undefined), each once. */
  const chain = (start: number, count?: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let n = start; count === undefined ? n !== END_OF_CHAIN : out.length < count;) {
      if (!inFile(n) || seen.has(n)) throw broken();
      seen.add(n);
      out.push(n);
      n = next(n);
    }
    return out;
  };
  const read = (start: number, length: number): Uint8Array => {
    const out = new Uint8Array(length);
    chain(start, Math.ceil(length / size)).forEach((n, i) => {
      const from = offset(n);
      const part = buf.subarray(from, Math.min(from + size, buf.byteLength));
      out.set(part.subarray(0, Math.min(part.byteLength, length - i * size)), i * size);
    });
    return out;
  };

  // The directory: 128-byte entries along their own chain.
  const dirSectors = chain(u32(48));
  if (dirSectors.length * (size / 128) > MAX_ENTRIES) throw broken();
  const entry = (i: number): Entry | undefined => {
    const s = dirSectors[Math.floor((i * 128) / size)];
    if (s === undefined) return undefined;
    const at = offset(s) + ((i * 128) % size);
    if (at + 128 > buf.byteLength) throw broken();
    const nameBytes = Math.min(u16(at + 64), 64);
    let name = "";
    for (let k = 0; k + 2 < nameBytes; k += 2) name += String.fromCharCode(u16(at + k));
    return {
      name,
      type: buf[at + 66],
      left: u32(at + 68),
      right: u32(at + 72),
      child: u32(at + 76),
      start: u32(at + 116),
      // Version 3 files may leave garbage in the high half; nothing here is 4 GB anyway.
      size: u32(at + 120) + (major === 4 ? u32(at + 124) * 2 ** 32 : 0),
    };
  };
  const root = entry(0);
  if (!root || root.type !== 5) throw broken();

  // The root's children, a tree walked once whatever its links say.
  const wanted = new Map(names.map((n) => [n.toUpperCase(), n]));
  const found = new Map<string, Entry>();
  const seen = new Set<number>();
  for (const todo = [root.child]; todo.length;) {
    const i = todo.pop()!;
    if (i === FREE || seen.has(i)) continue;
    seen.add(i);
    const e = entry(i);
    if (!e) throw broken();
    const name = wanted.get(e.name.toUpperCase());
    if (e.type === 2 && name !== undefined && !found.has(name)) found.set(name, e);
    todo.push(e.left, e.right);
  }

  const out = new Map<string, Uint8Array>();
  for (const [name, e] of found) {
    // A stream cannot hold more than the file it is in.
    if (e.size > buf.byteLength) throw broken();
    if (e.size >= MINI_CUTOFF) {
      out.set(name, read(e.start, e.size));
      continue;
    }
    // Small streams live in the mini stream (the root's), found through the mini FAT.
    if (root.size > buf.byteLength || u32(64) > sectors) throw broken();
    const mini = read(root.start, root.size);
    const miniFat = read(u32(60), u32(64) * size);
    const miniView = new DataView(miniFat.buffer);
    const piece = new Uint8Array(e.size);
    const seenMini = new Set<number>();
    for (let n = e.start, at = 0; at < e.size; at += MINI_SECTOR) {
      if (seenMini.has(n) || (n + 1) * MINI_SECTOR > mini.byteLength) throw broken();
      seenMini.add(n);
      piece.set(
        mini.subarray(n * MINI_SECTOR, n * MINI_SECTOR + Math.min(MINI_SECTOR, e.size - at)),
        at
      );
      n = n * 4 + 4 <= miniFat.byteLength ? miniView.getUint32(n * 4, true) : END_OF_CHAIN;
    }
    out.set(name, piece);
  }
  return out;
}
