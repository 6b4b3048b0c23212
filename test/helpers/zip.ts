/** A minimal zip writer for bad-file tests: deflated entries, true sizes in the directory. */
import { createDeflateRaw, deflateRawSync } from "zlib";

/** Deflated content and its unpacked size. */
export interface Packed {
  packed: Buffer;
  size: number;
}

export const pack = (data: Buffer): Packed => ({ packed: deflateRawSync(data), size: data.length });

/** `bytes` zeros, deflated a megabyte at a time: a bomb of any size without holding it in memory. */
export async function packZeros(bytes: number): Promise<Packed> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= mb.length)
    if (!deflate.write(mb.subarray(0, Math.min(left, mb.length))))
      await new Promise((resolve) => deflate.once("drain", resolve));
  deflate.end();
  await done;
  return { packed: Buffer.concat(chunks), size: bytes };
}

/** `declared` writes a false unpacked size into the headers, as a malicious zip bomb does. */
export function zip(entries: ({ name: string; declared?: number } & Packed)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = e.packed;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc left 0: the bound is checked before anything is unpacked
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.declared ?? e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.declared ?? e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
