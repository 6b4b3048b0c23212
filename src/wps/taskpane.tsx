/** The task pane inside WPS 表格: the same App over the WPS adapter (window.Application). */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { mayStart } from "../boot/start";
import { App } from "../taskpane/App";
import { langOf } from "../taskpane/i18n";
import type { EtApplication } from "../workbook/wps/et";
import { wpsSource } from "../workbook/wps/source";

const app = (window as { Application?: EtApplication }).Application;

if (mayStart())
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      {app ? (
        <App source={wpsSource(app)} lang={langOf(navigator.language)} />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>请在 WPS 表格中使用</MessageBarTitle>
            这是“安全生产报表助手”在 WPS 中的任务窗格。安装加载项后，在 WPS
            表格的“报表助手”选项卡点“报表检查”。
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
