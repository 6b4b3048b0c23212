/**
 * The parts of a written .xlsx, as stored: read through the zip's central directory, edited or
 * added one by one, and packed again with every other entry copied byte for byte. Node only (zlib).
 * For files SRS writes itself; untrusted files are read by sniff.ts and exceljs.
 */
import { crc32, deflateRawSync, inflateRawSync } from "zlib";

export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** The entries of a zip, as stored (read through its central directory). */
export function zipEntries(bytes: Uint8Array): ZipPart[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const packed = buf.readUInt32LE(at + 20);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name: buf.toString("utf8", at + 46, at + 46 + nameLen),
      flags: buf.readUInt16LE(at + 8) & ~0x0008,
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      size: buf.readUInt32LE(at + 24),
      data: buf.subarray(start, start + packed),
    });
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** An entry's content, unpacked. */
export function entryText(e: ZipPart): string {
  return (e.method === 8 ? inflateRawSync(e.data) : e.data).toString("utf8");
}

/** A new entry holding this text (or these bytes), deflated. */
export function zipPart(name: string, content: string | Uint8Array): ZipPart {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    name,
    method: 8,
    flags: 0x0800,
    crc: crc32(raw),
    size: raw.length,
    data: deflateRawSync(raw),
  };
}

export function writeZip(entries: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.flags, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt32LE(e.crc, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.flags, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(head, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}
