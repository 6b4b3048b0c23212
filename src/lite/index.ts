/**
 * SRS 检查（兼容版）: the task pane of manifest-lite.xml, for Excels the main add-in cannot reach
 * (volume-licensed Excel 2016/2019: no shared runtime; Internet Explorer 11 as the webview).
 * Built to ES5 with core-js's polyfills for what it uses (tools/lite.js); String.prototype.normalize,
 * which the rules call (NFKC) and core-js does not supply, comes from unorm (absent in IE11, MDN).
 */
import "unorm";
import { langOf } from "../taskpane/i18n";
import { excelHost } from "./excel-host";
import { mountLite } from "./pane";

Office.onReady((info) => {
  const root = document.getElementById("root")!;
  if (info.host === Office.HostType.Excel)
    mountLite(root, excelHost(), langOf(Office.context.displayLanguage));
  else
    root.textContent =
      "请在 Excel 中打开：开始 › 加载项（或 插入 › 我的加载项）里的“SRS 检查（兼容版）”。";
});
