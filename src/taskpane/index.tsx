/* global Office */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { stringsFor } from "./i18n";

/** Dark Office themes have a dark task pane background. */
function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

Office.onReady(() => {
  const context = Office.context;
  const strings = stringsFor(context?.displayLanguage);
  const theme = isDark(context?.officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
  document.documentElement.lang = strings === stringsFor("vi") ? "vi" : "en";
  createRoot(document.getElementById("root")!).render(<App strings={strings} theme={theme} />);
});
