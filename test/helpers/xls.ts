/**
 * Crafting .xls files for the hostile tests: a workbook stream taken apart into its BIFF records
 * (globals, then each sheet's substream), put back together with BOUNDSHEET offsets recomputed,
 * and wrapped into a compound file whose directory can be told to lie.
 */
import { compoundStreams } from "../../src/workbook/xls/compound";

export interface Rec {
  type: number;
  data: Buffer;
}

export const T = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  FILEPASS: 0x002f,
  DIMENSIONS: 0x0200,
  ROW: 0x0208,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  LABELSST: 0x00fd,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  MULBLANK: 0x00be,
  MERGECELLS: 0x00e5,
} as const;

function records(stream: Uint8Array, at: number, untilEof: boolean): Rec[] {
  const out: Rec[] = [];
  let depth = 0;
  while (at + 4 <= stream.length) {
    const type = stream[at] | (stream[at + 1] << 8);
    const size = stream[at + 2] | (stream[at + 3] << 8);
    out.push({ type, data: Buffer.from(stream.subarray(at + 4, at + 4 + size)) });
    at += 4 + size;
    if (type === T.BOF) depth++;
    if (type === T.EOF && --depth === 0 && untilEof) break;
  }
  return out;
}

export interface Book {
  /** The globals, BOUNDSHEET records included (their offsets are recomputed when written). */
  globals: Rec[];
  /** Each BOUNDSHEET's substream, in order. */
  sheets: Rec[][];
}

/** The workbook stream of an .xls, taken apart. */
export function parseBook(xls: Uint8Array): Book {
  const stream = compoundStreams(xls, ["Workbook"], ".xls").get("Workbook")!;
  const globals = records(stream, 0, true);
  const sheets = globals
    .filter((r) => r.type === T.BOUNDSHEET)
    .map((r) => records(stream, r.data.readUInt32LE(0), true));
  return { globals, sheets };
}

const bytesOf = (recs: Rec[]) =>
  Buffer.concat(
    recs.map((r) => {
      const head = Buffer.alloc(4);
      head.writeUInt16LE(r.type, 0);
      head.writeUInt16LE(r.data.length, 2);
      return Buffer.concat([head, r.data]);
    })
  );

/**
 * The workbook stream of `book`. `points` says which substream each BOUNDSHEET points at (by
 * default its own): several pointing at one is a sheet read many times.
 */
export function bookStream(book: Book, points?: number[]): Buffer {
  const bound = book.globals.filter((r) => r.type === T.BOUNDSHEET);
  const substreams = book.sheets.map(bytesOf);
  let at = bytesOf(book.globals).length;
  const offsets = substreams.map((s) => {
    const o = at;
    at += s.length;
    return o;
  });
  bound.forEach((r, i) => r.data.writeUInt32LE(offsets[points?.[i] ?? i], 0));
  return Buffer.concat([bytesOf(book.globals), ...substreams]);
}

export const rec = (type: number, data: Buffer | number[]): Rec => ({
  type,
  data: Buffer.isBuffer(data) ? data : Buffer.from(data),
});

/** A cell record's first six bytes: row, column, cell format. */
export function cellHead(row: number, col: number, xf = 15): Buffer {
  const b = Buffer.alloc(6);
  b.writeUInt16LE(row, 0);
  b.writeUInt16LE(col, 2);
  b.writeUInt16LE(xf, 4);
  return b;
}

/** A BOUNDSHEET record for a worksheet named `name` (its offset filled in by bookStream). */
export function boundSheet(name: string): Rec {
  const b = Buffer.alloc(8 + name.length * 2);
  b[6] = name.length;
  b[7] = 1; // two bytes a character
  b.write(name, 8, "utf16le");
  return rec(T.BOUNDSHEET, b);
}

const SECTOR = 512;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * A version-3 compound file holding `streams`. Streams under 4,096 bytes go to the mini stream
 * with `mini`, else they are padded to 4,096 (the trailing zeros follow the workbook's last EOF).
 * `lie` rewrites a directory entry's declared size; `loop` makes the first stream's chain come
 * back to its start.
 */
export function compoundFile(
  streams: Record<string, Uint8Array>,
  options: { lie?: Record<string, number>; loop?: boolean; mini?: boolean } = {}
): Buffer {
  const names = Object.keys(streams);
  const small = (n: string) => options.mini === true && streams[n].length < 4096;
  const big = names.map((n) => {
    const d = Buffer.from(streams[n]);
    return small(n) || d.length >= 4096 ? d : Buffer.concat([d, Buffer.alloc(4096 - d.length)]);
  });
  // The mini stream: each small stream in 64-byte pieces, chained in the mini FAT.
  const minis = names.filter(small);
  const miniParts: Buffer[] = [];
  const miniFat: number[] = [];
  const miniStart = new Map<string, number>();
  for (const n of minis) {
    const count = Math.ceil(streams[n].length / 64);
    miniStart.set(n, miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : miniFat.length + 1);
    miniParts.push(
      Buffer.concat([Buffer.from(streams[n]), Buffer.alloc(count * 64 - streams[n].length)])
    );
  }
  const miniStream = Buffer.concat(miniParts);
  const miniFatBytes = Buffer.alloc(Math.ceil((miniFat.length * 4) / SECTOR) * SECTOR, 0xff);
  miniFat.forEach((v, i) => miniFatBytes.writeUInt32LE(v, i * 4));
  // Every blob that lives in sectors: the directory, the big streams, the mini stream, the mini FAT.
  const dirSectors = Math.ceil(((names.length + 1) * 128) / SECTOR);
  const blobs = [
    Buffer.alloc(dirSectors * SECTOR),
    ...names.map((n, i) => (small(n) ? Buffer.alloc(0) : big[i])),
    miniStream,
    miniFatBytes,
  ];
  const counts = blobs.map((d) => Math.ceil(d.length / SECTOR));
  const body = counts.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < body + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("too big for a test file");
  const fat = Buffer.alloc(fatSectors * SECTOR, 0xff);
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(FAT_SECTOR, i * 4);
  const starts: number[] = [];
  let next = fatSectors;
  counts.forEach((n) => {
    starts.push(n ? next : END);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? END : next + i + 1, (next + i) * 4);
    next += n;
  });
  if (options.loop) fat.writeUInt32LE(starts[1], (starts[1] + counts[1] - 1) * 4);
  const dir = blobs[0];
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const at = i * 128;
    dir.write(name, at, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeInt32LE(-1, at + 68);
    // The root's children as a chain of right siblings (a valid, if unbalanced, tree).
    dir.writeInt32LE(type === 2 && i < names.length ? i + 1 : -1, at + 72);
    dir.writeInt32LE(type === 5 && names.length ? 1 : -1, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  const last = blobs.length - 1;
  entry(0, "Root Entry", 5, starts[last - 1], miniStream.length);
  names.forEach((n, i) =>
    entry(
      i + 1,
      n,
      2,
      small(n) ? miniStart.get(n)! : starts[i + 1],
      options.lie?.[n] ?? (small(n) ? streams[n].length : big[i].length)
    )
  );
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(starts[0], 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(starts[last], 60);
  header.writeUInt32LE(counts[last], 64);
  header.writeUInt32LE(END, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : 0xffffffff, 76 + i * 4);
  const padded = blobs.map((d) =>
    Buffer.concat([d, Buffer.alloc(Math.ceil(d.length / SECTOR) * SECTOR - d.length)])
  );
  return Buffer.concat([header, fat, ...padded]);
}
