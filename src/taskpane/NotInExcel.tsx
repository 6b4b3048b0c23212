import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Shown when the page is opened in a plain browser rather than inside Excel. */
export function NotInExcel() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>请在 Excel 中使用</MessageBarTitle>
        这是“安全生产报表助手”的任务窗格。请在 Excel（桌面版或网页版）中加载 manifest.xml
        后，从“开始”选项卡打开“报表检查”。没有 Excel？<a href="demo.html">打开网页版</a>，在浏览器里试用。
      </MessageBarBody>
    </MessageBar>
  );
}
