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
