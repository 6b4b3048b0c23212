/**
 * node's zlib for packing the workbooks the CLI writes: a few times faster than fflate's deflate
 * in JavaScript (docs/PERFORMANCE.md). zlib.crc32 came in node 20.15; before it, fflate packs.
 */
import * as zlib from "zlib";
import type { Deflater } from "../workbook/xlsx/parts";

export const nodeDeflater: Deflater | undefined =
  typeof zlib.crc32 === "function"
    ? { raw: (data) => zlib.deflateRawSync(data, { level: 1 }), crc32: (data) => zlib.crc32(data) }
    : undefined;
