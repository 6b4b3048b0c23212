/**
 * What the add-in keeps inside the workbook: original fills under our highlights, the values our
 * fixes replaced, the unit profile, the training round. Saved with the document, so "clear" still
 * works after the file was closed and reopened. Excel keeps it in the document's settings
 * (office/store.ts), WPS in the workbook's custom document properties (wps/properties.ts).
 */
export interface DocumentStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persists the settings into the document. */
  save(): Promise<void>;
}

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
