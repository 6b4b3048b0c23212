/**
 * The workbook as Excel holds it, as .xlsx bytes, for 退回's marked copy in the sheet's own
 * formatting (Office.context.document.getFileAsync, Office.FileType.Compressed). [docs]
 * Document.getFileAsync: the file comes in slices of at most 4 MB (sliceSize, default 4 MB),
 * each read with File.getSliceAsync, its Slice.data a byte array for Compressed; "no more than
 * two documents are allowed to be in memory; otherwise the Document.getFileAsync operation will
 * fail. Use the File.closeAsync method to close the file when you are finished working with it."
 * Requirement set CompressedFile: Excel 2016 MSI and Excel on iPad have none; there, and when the
 * host refuses (Permission Denied in some builds, office-js#757), the answer is undefined and the
 * pane makes the copy from the sheet's values.
 */
const SLICE = 4 * 1024 * 1024;

export function workbookFile(): Promise<Uint8Array | undefined> {
  if (!Office.context.requirements.isSetSupported("CompressedFile"))
    return Promise.resolve(undefined);
  return new Promise((resolve) => {
    Office.context.document.getFileAsync(
      Office.FileType.Compressed,
      { sliceSize: SLICE },
      (got) => {
        if (got.status !== Office.AsyncResultStatus.Succeeded) return resolve(undefined);
        const file = got.value;
        const slices: Uint8Array[] = [];
        const done = (bytes: Uint8Array | undefined) => file.closeAsync(() => resolve(bytes));
        const next = (i: number) => {
          if (i === file.sliceCount) {
            const out = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
            let at = 0;
            for (const s of slices) (out.set(s, at), (at += s.length));
            return done(out);
          }
          file.getSliceAsync(i, (slice) => {
            if (slice.status !== Office.AsyncResultStatus.Succeeded) return done(undefined);
            slices.push(Uint8Array.from(slice.value.data as number[]));
            next(i + 1);
          });
        };
        next(0);
      }
    );
  });
}
