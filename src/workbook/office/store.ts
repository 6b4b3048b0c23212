/**
 * What the add-in keeps inside the workbook (document settings): original fills under our
 * highlights, the values our fixes replaced, the unit profile. Saved with the document, so
 * "clear" still works after the file was closed and reopened.
 */
export interface DocumentStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persists the settings into the document. */
  save(): Promise<void>;
}

export const officeDocumentStore: DocumentStore = {
  get: <T>(key: string) =>
    (Office.context.document.settings.get(key) ?? undefined) as T | undefined,
  set: (key, value) => Office.context.document.settings.set(key, value),
  remove: (key) => Office.context.document.settings.remove(key),
  save: () =>
    new Promise((resolve, reject) =>
      Office.context.document.settings.saveAsync((r) =>
        r.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(new Error(r.error?.message ?? "settings not saved"))
      )
    ),
};

/**
 * What one record (the kept fills, the last fixes) may take in the document's settings, in
 * characters of JSON: settings travel with every save of the workbook, and a child's file must
 * not be able to inflate them.
 */
export const RECORD_LIMIT = 512 * 1024;

/**
 * Sets the record, or throws the zh reason `tooBig` gives (from the size and the limit, in KB)
 * and leaves the settings as they were.
 */
export function keepBounded(
  store: DocumentStore,
  key: string,
  value: unknown,
  tooBig: (kb: number, limitKb: number) => string
): void {
  const size = JSON.stringify(value).length;
  if (size > RECORD_LIMIT) throw new Error(tooBig(Math.ceil(size / 1024), RECORD_LIMIT / 1024));
  store.set(key, value);
}
