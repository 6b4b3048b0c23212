/**
 * The village files a township clerk picked, made ready for import: each opened as every route
 * opens one (sniffed, bounded and read: a file no report could be gets the same one clear reason
 * in the 汇总说明 as srs consolidate gives, instead of an Excel error), nothing live left in it
 * (child-formulas.ts: formulas off the allow-list become their values), then encoded for
 * insertWorksheetsFromBase64.
 */
import type { UnreadableChild } from "../../rules/consolidation/plan";
import type { ReceivedFile } from "../types";
import { withoutLiveContent } from "../xlsx/child-formulas";
import { openWorkbook } from "../xlsx/read";
import { UnreadableFile } from "../xlsx/sniff";
import { BYTES_PER_REQUEST } from "./batches";
import type { ChildFile } from "./consolidate";

export async function childFiles(
  files: ReceivedFile[]
): Promise<{ ready: ChildFile[]; unreadable: UnreadableChild[] }> {
  const ready: ChildFile[] = [];
  const unreadable: UnreadableChild[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = inside((await openWorkbook(f.bytes, f.name)).bytes);
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      unreadable.push({ origin: f.name, reason: e.message });
      continue;
    }
    const base64 = toBase64(bytes);
    // One file must fit one request (Excel on the web refuses requests over 5 MB).
    if (base64.length > BYTES_PER_REQUEST)
      unreadable.push({
        origin: f.name,
        reason: `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），一次只能导入 3 MB 以内的文件`,
      });
    else ready.push({ name: f.name, base64, lastModified: f.lastModified });
  }
  return { ready, unreadable };
}

function inside(bytes: Uint8Array): Uint8Array {
  try {
    return withoutLiveContent(bytes);
  } catch {
    // A part the sniffer let by that no zip reader unpacks (another packing method).
    throw new UnreadableFile("文件已损坏或不是完整的 .xlsx 工作簿，无法读取");
  }
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
