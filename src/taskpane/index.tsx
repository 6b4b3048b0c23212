import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { langOf } from "./i18n";
import { NotInExcel } from "./NotInExcel";
import { officeSource } from "./office-source";

Office.onReady((info) => {
  const lang = langOf(Office.context?.displayLanguage);
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      {info.host === Office.HostType.Excel ? <App source={officeSource} lang={lang} /> : <NotInExcel />}
    </FluentProvider>
  );
});
