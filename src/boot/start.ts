/** The pages' ES5 bootstrap (boot.js) decides whether this webview can run SRS. */
declare global {
  interface Window {
    srsBoot?: { start(): boolean };
  }
}

/** Whether the app may render: false when boot.js shows its line instead (no bootstrap: tests). */
export const mayStart = (): boolean => window.srsBoot?.start() ?? true;
