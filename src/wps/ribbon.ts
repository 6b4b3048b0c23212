/**
 * The WPS 加载项's entry page (index.html): WPS opens it when it loads the add-in and calls the
 * functions ribbon.xml names — OnAddinLoad once, OnAction and GetImage for the 报表检查 button —
 * as globals, as in wpsjs's 电子表格 template (js/ribbon.js). They are synchronous: a WPS build
 * (12.1.0.23542) showed no custom ribbon when a callback was async. The button shows the task pane
 * (Application.CreateTaskPane, its ID kept in PluginStorage); a workbook the pane has recognized a
 * report in (properties.ts AUTOSHOW) shows it on WorkbookOpen, as Excel loads the add-in with it.
 */
import type { EtApplication, EtWorkbook } from "../workbook/wps/et";
import { showsWithWorkbook } from "../workbook/wps/properties";

const PANE_ID = "srs_taskpane_id";
const BUTTON = "srsShowPane";

declare global {
  interface Window {
    Application?: EtApplication;
    OnAddinLoad?: (ribbon: unknown) => boolean;
    OnAction?: (control: { Id: string }) => boolean;
    GetImage?: (control: { Id: string }) => string;
  }
}

/** The add-in's folder: the task pane page lies beside this one. */
const here = () => location.href.slice(0, location.href.lastIndexOf("/") + 1);

function pane(app: EtApplication) {
  const id = Number(app.PluginStorage.getItem(PANE_ID));
  if (id) {
    try {
      return app.GetTaskPane(id);
    } catch {
      // Gone (WPS restarted the add-in's pages): made again.
    }
  }
  const made = app.CreateTaskPane(`${here()}taskpane.html`, "安全生产报表助手");
  app.PluginStorage.setItem(PANE_ID, made.ID);
  return made;
}

function showIfAsked(app: EtApplication, book: EtWorkbook | null | undefined) {
  try {
    if (book && showsWithWorkbook(book)) pane(app).Visible = true;
  } catch {
    // Never in the way of opening a workbook.
  }
}

window.OnAddinLoad = () => {
  const app = window.Application;
  if (!app) return true;
  app.ApiEvent.AddApiEventListener("WorkbookOpen", (book) => showIfAsked(app, book as EtWorkbook));
  showIfAsked(app, app.ActiveWorkbook);
  return true;
};

window.OnAction = (control) => {
  const app = window.Application;
  if (app && control.Id === BUTTON) {
    const p = pane(app);
    p.Visible = !p.Visible;
  }
  return true;
};

window.GetImage = () => "images/srs.png";
