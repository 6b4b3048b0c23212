/**
 * Tells, before parsing, why a file cannot be a report workbook: one clear line
 * for the clerk instead of a parser's stack trace.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** "EncryptedPackage" in UTF-16LE: an OLE file holding a password-protected .xlsx. */
function isEncrypted(buf: Uint8Array): boolean {
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle) >= 0;
}

/** Throws UnreadableFile with a one-line zh-CN reason, or returns when the bytes look like an .xlsx. */
export function sniffWorkbook(buf: Uint8Array, name: string): void {
  if (buf.byteLength === 0) throw new UnreadableFile("文件是空的（0 字节）");
  if (buf.byteLength > MAX_FILE_BYTES)
    throw new UnreadableFile(
      `文件过大（${Math.round(buf.byteLength / 1048576)} MB），不像是一份报表`
    );
  if (startsWith(buf, OLE)) {
    if (isEncrypted(buf)) throw new UnreadableFile("文件设有打开密码，请在 Excel 中取消密码后再试");
    const kind = /\.et$/i.test(name) ? "WPS 表格（.et）" : "旧版 Excel（.xls）";
    throw new UnreadableFile(`这是${kind}文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再试`);
  }
  if (!startsWith(buf, ZIP)) throw new UnreadableFile("不是 Excel 工作簿（.xlsx）文件");
}
