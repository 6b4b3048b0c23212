/**
 * node's zlib for the workbooks the CLI reads and writes: a few times faster than fflate's
 * deflate in JavaScript, and a report's parts unpack a fifth faster (docs/PERFORMANCE.md).
 * zlib.crc32 came in node 20.15; before it, fflate packs.
 */
import * as zlib from "zlib";
import type { Deflater } from "../workbook/xlsx/parts";
import type { NativeInflate } from "../workbook/xlsx/sniff";

export const nodeDeflater: Deflater | undefined =
  typeof zlib.crc32 === "function"
    ? { raw: (data) => zlib.deflateRawSync(data, { level: 1 }), crc32: (data) => zlib.crc32(data) }
    : undefined;

/** Past `most` bytes zlib stops and throws, as fflate's inflate into a buffer of that size fails. */
export const nodeInflate: NativeInflate = (data, most) =>
  zlib.inflateRawSync(data, { maxOutputLength: most });
