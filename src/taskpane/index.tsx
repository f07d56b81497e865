/* global Office */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { savedLanguage } from "./i18n";

/** Dark Office themes have a dark task pane background. */
function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** Office's theme where Office gives one; otherwise (Excel on the web in some browsers) the system's. */
function darkTheme(): boolean {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (background) return isDark(background);
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** webview-check.js ran first and already told the user that this Excel is too old for the pane. */
const tooOld = (window as { danvanWebview?: { ok: boolean } }).danvanWebview?.ok === false;

/** The pane could not start: a line saying so rather than a blank pane. */
function showStartFailure(error: unknown): void {
  console.error("DanVan:", error);
  (document.getElementById("root") ?? document.body).textContent =
    "DanVan không mở được. Đóng ngăn DanVan rồi mở lại; nếu vẫn không được, đóng và mở lại Excel.";
}

if (!tooOld)
  Office.onReady(() => {
    const theme = darkTheme() ? webDarkTheme : webLightTheme;
    createRoot(document.getElementById("root")!).render(
      <App theme={theme} language={savedLanguage()} />
    );
  }).catch(showStartFailure);
