/**
 * The add-in reference a workbook carries so that Excel, with SRS installed, opens SRS's pane when
 * the workbook is opened: the web-extension and task-pane parts of "Automatically open a task pane
 * with a document" (Office Add-ins docs; [MS-OWEXML]). The manifest's ShowTaskpane action has the
 * TaskpaneId Office.AutoShowTaskpaneWithDocument that this reference asks for.
 *
 * Node only (zlib): the parts are added to a written .xlsx by rewriting its zip, every other entry
 * copied byte for byte.
 */
import { deflateRawSync, inflateRawSync } from "zlib";

/** The manifest's <Id> and <Version> (test/workbook/addin-part.test.ts keeps them in step). */
export const SRS_ADDIN = { id: "5b0c1f3e-7d2a-4c8e-9a61-3f2d8e4b7c19", version: "1.0.0.0" };

/**
 * Where Excel finds the add-in: centralized deployment from the Microsoft 365 admin center
 * (EXCatalog) by default; "developer"/Registry for a sideloaded add-in.
 */
export interface AddinStore {
  store: string;
  storeType: "EXCatalog" | "Registry" | "FileSystem" | "OMEX";
}

export const CENTRALIZED: AddinStore = { store: "EXCatalog", storeType: "EXCatalog" };

const WE = "xl/webextensions/webextension1.xml";
const TP = "xl/webextensions/taskpanes.xml";
const TP_RELS = "xl/webextensions/_rels/taskpanes.xml.rels";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function parts(store: AddinStore): Record<string, string> {
  return {
    [WE]:
      XML +
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${SRS_ADDIN.id.toUpperCase()}}">` +
      `<we:reference id="${SRS_ADDIN.id}" version="${SRS_ADDIN.version}" store="${store.store}" storeType="${store.storeType}"/>` +
      "<we:alternateReferences/>" +
      '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>' +
      "<we:bindings/>" +
      '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
      "</we:webextension>",
    // visibility="1": the pane opens the first time the workbook is opened, too.
    [TP]:
      XML +
      '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
      '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">' +
      '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
      "</wetp:taskpane></wetp:taskpanes>",
    [TP_RELS]:
      XML +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>' +
      "</Relationships>",
  };
}

const CONTENT_TYPES =
  '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
  '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>';
const ROOT_REL =
  '<Relationship Id="rIdSrsTaskpanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** The entries of a zip, as stored (read through its central directory). */
export function zipEntries(bytes: Uint8Array): Entry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: Entry[] = [];
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
export function entryText(e: Entry): string {
  return (e.method === 8 ? inflateRawSync(e.data) : e.data).toString("utf8");
}

function entry(name: string, text: string): Entry {
  const raw = Buffer.from(text, "utf8");
  return {
    name,
    method: 8,
    flags: 0x0800,
    crc: crc32(raw),
    size: raw.length,
    data: deflateRawSync(raw),
  };
}

function writeZip(entries: Entry[]): Uint8Array {
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

/** The .xlsx with SRS's add-in reference added (unchanged if it has one already). */
export function withAddinReference(xlsx: Uint8Array, store: AddinStore = CENTRALIZED): Uint8Array {
  const entries = zipEntries(xlsx);
  if (entries.some((e) => e.name === WE)) return xlsx;
  const edit = (name: string, close: string, add: string) => {
    const i = entries.findIndex((e) => e.name === name);
    if (i < 0) throw new Error(`${name} missing: not an .xlsx`);
    entries[i] = entry(name, entryText(entries[i]).replace(close, `${add}${close}`));
  };
  edit("[Content_Types].xml", "</Types>", CONTENT_TYPES);
  edit("_rels/.rels", "</Relationships>", ROOT_REL);
  for (const [name, text] of Object.entries(parts(store))) entries.push(entry(name, text));
  return writeZip(entries);
}
