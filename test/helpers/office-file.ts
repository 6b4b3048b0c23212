/**
 * Office.context.document.getFileAsync as the Office JavaScript API reference documents it, for
 * the pane's workbook file ([docs] Document.getFileAsync, Office.File, Office.Slice):
 * - sliceSize defaults to and may not exceed 4194304 bytes; the file comes in ceil(size / sliceSize) slices;
 * - Slice.data of a Compressed file is a byte array (number[]);
 * - "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync
 *   operation will fail. Use the File.closeAsync method to close the file";
 * - a host without the CompressedFile requirement set (Excel 2016 MSI, iPad) has none to give.
 */
export interface FileHost {
  bytes: Uint8Array;
  supported?: boolean;
  /** The host refuses (office-js#757: "Permission Denied", code 7000 in some builds). */
  refuse?: boolean;
}

export function installOfficeFile(host: FileHost) {
  let open = 0;
  const calls = { getFile: 0, closed: 0 };
  const ok = <T>(value: T) => ({ status: "succeeded", value }) as const;
  const failed = (message: string) => ({ status: "failed", error: { message } }) as const;
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
    context: {
      requirements: {
        isSetSupported: (name: string) => name === "CompressedFile" && host.supported !== false,
      },
      document: {
        getFileAsync(
          type: string,
          options: { sliceSize?: number },
          callback: (r: unknown) => void
        ) {
          calls.getFile++;
          const size = options.sliceSize ?? 4194304;
          if (host.supported === false || type !== "compressed")
            return callback(failed("The operation is not supported."));
          if (size > 4194304 || size <= 0) return callback(failed("Invalid sliceSize."));
          if (host.refuse)
            return callback(failed("You don't have sufficient permissions for this action."));
          if (open >= 2) return callback(failed("Too many files open."));
          open++;
          let closed = false;
          const count = Math.max(1, Math.ceil(host.bytes.length / size));
          callback(
            ok({
              size: host.bytes.length,
              sliceCount: count,
              getSliceAsync(i: number, cb: (r: unknown) => void) {
                if (closed || i < 0 || i >= count) return cb(failed("Invalid slice index."));
                const data = Array.from(host.bytes.subarray(i * size, (i + 1) * size));
                cb(ok({ data, index: i, size: data.length }));
              },
              closeAsync(cb?: (r: unknown) => void) {
                if (!closed) (open--, (closed = true), calls.closed++);
                cb?.(ok(undefined));
              },
            })
          );
        },
      },
    },
  };
  return calls;
}
