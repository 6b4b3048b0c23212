import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { mayStart } from "../boot/start";
import { Demo } from "./Demo";

if (mayStart())
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <Demo />
    </FluentProvider>
  );
