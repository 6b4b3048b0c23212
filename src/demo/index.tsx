import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { Demo } from "./Demo";

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Demo />
  </FluentProvider>
);
