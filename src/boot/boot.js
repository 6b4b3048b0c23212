/* global window, document, navigator */
/*
 * The first script of every SRS page (the task pane, the 网页版), written in ES5 so that every
 * webview runs it: Internet Explorer 11 (Trident) too, which Office uses for an add-in where
 * WebView2 is missing (docs/SUPPORT.md). SRS's bundles need the browsers in .browserslistrc; in
 * anything older this script shows one line saying what to use instead, never a blank pane:
 * at once for Trident or a webview missing what no transpiler supplies (WeakRef, which Fluent
 * UI calls on every focus), and when one of the page's scripts fails to parse before the app
 * starts (syntax newer than the webview). The app asks srsBoot.start() before it renders
 * (src/boot/start.ts). Copied to dist/ as written (webpack.config.js; srs.html inlines it).
 */
(function () {
  var scripts = document.getElementsByTagName("script");
  // Run while the page is parsed: the last script element is this one (IE has no currentScript).
  var page = scripts[scripts.length - 1].getAttribute("data-page");
  var agent = navigator.userAgent;
  var trident = /Trident\/|MSIE /.test(agent);
  var mac = /Macintosh/.test(agent);
  var refused = false;
  var started = false;

  var TOOLS =
    "也可以用 SRS 网页版（srs.html，用新版 Edge 或 Chrome 打开）或命令行 npx srs 检查、汇总报表。";
  var TOOLS_EN =
    "You can also use the SRS web page (srs.html, in a current Edge or Chrome) or the command line, npx srs.";

  function lines() {
    if (page === "wps")
      return [
        "这个 WPS 显示加载项所用的浏览器组件版本过旧，SRS 无法在其中运行：请把 WPS 更新到最新版，然后重新打开 WPS。" +
          TOOLS,
        "This WPS's webview is too old for SRS: update WPS, then restart it. " + TOOLS_EN,
      ];
    if (page !== "pane")
      return [
        "这个浏览器版本过旧，SRS 网页版无法在其中运行：请用新版 Edge、Chrome、Firefox、Safari 或 360 浏览器的极速模式打开本页；也可以用命令行 npx srs 检查、汇总报表。",
        "This browser is too old for the SRS web page: open it in a current Edge, Chrome, Firefox or Safari, or use the command line, npx srs.",
      ];
    if (trident)
      return [
        "这台电脑的 Excel 用 Internet Explorer 显示加载项，SRS 无法在其中运行：请安装 Microsoft Edge WebView2 运行时（免费）或把 Office 更新到最新版，然后重新打开 Excel；或请管理员装上能在这里检查、标出问题格的“SRS 检查（兼容版）”。" +
          TOOLS,
        "This Excel shows add-ins in Internet Explorer, where SRS cannot run: install the Microsoft Edge WebView2 Runtime (free) or update Office, then restart Excel; or have SRS 检查（兼容版）, which checks and highlights here, installed. " +
          TOOLS_EN,
      ];
    if (mac)
      return [
        "这台 Mac 的 Safari 版本过旧，SRS 无法在 Excel 中运行：请把 Safari 更新到 14.1 或以上（系统更新），然后重新打开 Excel。" +
          TOOLS,
        "This Mac's Safari is too old for SRS in Excel: update Safari to 14.1 or later, then restart Excel. " +
          TOOLS_EN,
      ];
    return [
      "这个 Excel 显示加载项所用的浏览器组件版本过旧，SRS 无法在其中运行：请把 Office 更新到最新版，然后重新打开 Excel。" +
        TOOLS,
      "This Excel's webview is too old for SRS: update Office, then restart Excel. " + TOOLS_EN,
    ];
  }

  function show() {
    refused = true;
    var put = function () {
      var root = document.getElementById("root") || document.body;
      while (root.firstChild) root.removeChild(root.firstChild);
      var all = lines();
      // zh first; English second where the browser does not ask for Chinese.
      var lang = navigator.language || navigator.userLanguage || "zh";
      var shown = /^zh/i.test(lang) ? [all[0]] : all;
      for (var i = 0; i < shown.length; i++) {
        var p = document.createElement("p");
        p.setAttribute("role", "alert");
        p.style.cssText =
          "margin:16px;font:14px/1.6 'Microsoft YaHei','PingFang SC',sans-serif;color:#242424";
        p.appendChild(document.createTextNode(shown[i]));
        root.appendChild(p);
      }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", put);
    else put();
  }

  if (
    trident ||
    typeof WeakRef !== "function" ||
    typeof Promise !== "function" ||
    !Object.fromEntries
  )
    show();
  else
    window.addEventListener("error", function (e) {
      var syntax =
        (e.error && e.error.name === "SyntaxError") || /SyntaxError/.test(e.message || "");
      if (syntax && !started && !refused) show();
    });

  window.srsBoot = {
    /** Whether the app may start; once it has, a later error is the app's to report. */
    start: function () {
      if (refused) return false;
      started = true;
      return true;
    },
  };
})();
