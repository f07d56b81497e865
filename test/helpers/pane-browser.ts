/**
 * The built task pane in headless Chromium (Debian's package) over the in-memory Excel of test/fakes:
 * office.js comes from the @microsoft/office-js package instead of Microsoft's CDN, and nothing leaves the
 * machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Page, chromium } from "playwright-core";
import type { Grid } from "../../src/core/grid";
import { serveFolder } from "./static-server";

export const CHROMIUM = "/usr/bin/chromium";
/** Headless in a container, and quiet: nothing fetched for Chromium itself. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
];
const OFFICE_JS = join(__dirname, "../../node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** Opens `${url}taskpane.html` in `page` on a workbook holding `grid`; `before` runs ahead of the fake Excel. */
export async function loadPane(page: Page, url: string, grid: Grid, before = ""): Promise<void> {
  // The route registered last wins: office.js from the package, everything else off the machine refused.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route(`${CDN}**`, (route) => {
    const file = join(
      OFFICE_JS,
      new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "")
    );
    return existsSync(file)
      ? route.fulfill({ path: file, contentType: "text/javascript" })
      : route.fulfill({ status: 404, body: "" });
  });
  const fake = readFileSync(join(__dirname, "../fakes/fake-excel.js"), "utf8");
  await page.addInitScript(`${before}\n${fake}\ninstallFakeExcel(${JSON.stringify(grid)});`);
  await page.goto(`${url}taskpane.html`);
}

export interface PaneBrowser {
  page: Page;
  close: () => Promise<void>;
}

/** Serves `dist` and opens its task pane on a workbook holding `grid`, in a browser of its own. */
export async function openPane(dist: string, grid: Grid): Promise<PaneBrowser> {
  const { server, url } = await serveFolder(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  await loadPane(page, url, grid);
  return {
    page,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
