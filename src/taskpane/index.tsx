import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { mayStart } from "../boot/start";
import { App } from "./App";
import { langOf } from "./i18n";
import { NotInExcel } from "./NotInExcel";
import { hostSupported, officeSource } from "./office-source";

if (mayStart())
  Office.onReady((info) => {
    const lang = langOf(Office.context?.displayLanguage);
    const inExcel = info.host === Office.HostType.Excel;
    createRoot(document.getElementById("root")!).render(
      <FluentProvider theme={webLightTheme}>
        {inExcel ? <App source={officeSource()} lang={lang} supported={hostSupported()} /> : <NotInExcel />}
      </FluentProvider>
    );
  });
