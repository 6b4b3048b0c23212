/** The document store in Excel: the document's settings (Office.context.document.settings). */
import type { DocumentStore } from "../store";

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
