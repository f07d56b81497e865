/**
 * The built task pane in real headless Chromium (Debian's package): office.js from the @microsoft/office-js
 * package stands in for Microsoft's CDN, a small in-memory Excel object model stands in for Excel, and the
 * test clicks what a commune officer clicks and reads what they read.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { createCampaign } from "../../server/admin";
import { buildApp } from "../../server/app";
import type { Database } from "../../server/store/database";
import { openDatabase } from "../../server/store/open";
import { importPlanText } from "../../src/core/importer";
import { planToGrid } from "../helpers/plans";
import { serveFolder } from "../helpers/static-server";

const ROOT = join(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = join(ROOT, "node_modules/@microsoft/office-js/dist");
const SEED = join(ROOT, "test/fixtures/ke-hoach-tan-phong.txt");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn("Chromium (Debian package `chromium`) is not installed: the task pane browser test is skipped.");

/** The seed plan with the journal of 12/12/2024 for two hamlets, one of them late. */
function seedPlan() {
  const { plan } = importPlanText(readFileSync(SEED, "utf8"));
  plan.journal = [
    { date: "2024-12-12", hamlet: "Cầu", values: { quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 }, note: "", reporter: "", sent_minutes: 14 * 60, sent_date: "2024-12-12" },
    { date: "2024-12-12", hamlet: "Trại Bí", values: { dan_quan: 6, nhan_dan: 2, lam_duong_m: 150 }, note: "", reporter: "", sent_minutes: 15 * 60 + 25, sent_date: "2024-12-12" },
  ];
  return plan;
}

const seedWorkbook = () => planToGrid(seedPlan());

run("the task pane in Chromium", () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
    ({ server, url } = await serveFolder(join(ROOT, "dist")));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    // Nothing leaves the machine; Office.js and the files it loads come from the npm package (the route
    // registered last wins).
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.route(`${CDN}**`, (route) => {
      const file = join(OFFICE_JS, new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
      return existsSync(file) ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.fulfill({ status: 404, body: "" });
    });
    await page.addInitScript(`${readFileSync(join(__dirname, "../fakes/fake-excel.js"), "utf8")}\ninstallFakeExcel(${JSON.stringify(seedWorkbook())});`);
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("tab", { name: "Kiểm tra" }).waitFor({ timeout: 30000 });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("Kiểm tra lists the plan's own errors and a click selects the cell", async () => {
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    await page.getByText(/\d+ lỗi, \d+ cảnh báo, \d+ lưu ý/).waitFor();
    const finding = page.getByRole("button", { name: /ghi chiều dài 8\.900 m nhưng các công việc chi tiết cộng lại 9\.900 m/ });
    await expectVisible(finding);
    await expectVisible(page.getByRole("button", { name: /ghi chiều dài 1\.330 m .* 4\.330 m/ }));
    await expectVisible(page.getByRole("button", { name: /25 × 500\.000 đồng = 12\.500\.000 đồng, nhưng kinh phí ghi 10\.500\.000 đồng/ }));
    await finding.click();
    await page.waitForFunction(() => (window as unknown as { __book: { selected: string } }).__book.selected !== null);
    expect(await page.evaluate(() => (window as unknown as { __book: { selected: string } }).__book.selected)).toMatch(/^Kế hoạch!C\d+$/);
    await page.screenshot({ path: join(ROOT, "test-results-check.png"), fullPage: true }).catch(() => undefined);
  });

  test("Đồng bộ enrols with a code, sends the hamlet's own row, refuses the other hamlet's", async () => {
    const db: Database = await openDatabase(":memory:");
    const { codes } = await createCampaign(db, seedPlan());
    const sync: FastifyInstance = await buildApp({ db, corsOrigin: new URL(url).origin });
    await sync.listen({ port: 0, host: "127.0.0.1" });
    try {
      await page.getByRole("tab", { name: "Đồng bộ" }).click();
      await page.getByLabel("Địa chỉ máy chủ").fill(`http://127.0.0.1:${(sync.server.address() as { port: number }).port}`);
      await page.getByLabel("Mã đăng ký (xã cấp)").fill(codes.hamlets["Cầu"]);
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
      await expectVisible(page.getByText("Thiết bị của ấp Cầu, xã Tân Phong"));
      await page.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(page.getByText("Đã gửi 1 dòng, nhận 1 dòng, 1 dòng không thuộc thiết bị này nên không gửi."));
      await expectVisible(page.getByText(/^Chờ gửi: 0 dòng/));
      const rows = await db.read((tx) => tx.all<{ data: string }>("SELECT data FROM journal_rows"));
      expect(rows.map((r) => JSON.parse(r.data).values)).toEqual([{ quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 }]);
      await page.screenshot({ path: join(ROOT, "test-results-sync.png"), fullPage: true }).catch(() => undefined);
    } finally {
      await sync.close();
      await db.close();
    }
  });

  test("Báo cáo ngày writes the report sheet, says who is missing or late, and asks before replacing", async () => {
    await page.getByRole("tab", { name: "Báo cáo ngày" }).click();
    await page.getByLabel("Ngày báo cáo").fill("2024-12-12");
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await expectVisible(page.getByText(/Đã lập trang BC 12-12-2024\. 12\/12\/2024 ngày thứ 3 của đợt/));
    await expectVisible(page.getByText("Ấp chưa gửi: Sân Bay, Mới, Bàu Đưng, Gò Cát, Đồng Dài, Xóm Tháp"));
    await expectVisible(page.getByText("Ấp gửi trễ: Trại Bí"));
    const sheet = await page.evaluate(() => {
      const book = (window as unknown as { __book: { sheets: { name: string; deleted: boolean; rows: unknown[][] }[] } }).__book;
      return book.sheets.find((s) => s.name === "BC 12-12-2024" && !s.deleted)?.rows.flat().filter(Boolean);
    });
    expect(sheet).toEqual(expect.arrayContaining(["BÁO CÁO NHANH", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phong, ngày 12 tháng 12 năm 2024"]));
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    const dialog = page.getByRole("dialog");
    await expectVisible(dialog.getByText("Đã có trang BC 12-12-2024. Thay bằng báo cáo mới?"));
    await dialog.getByRole("button", { name: "Thay trang cũ" }).click();
    await expectVisible(page.getByText(/Đã lập trang BC 12-12-2024/));
    const live = await page.evaluate(() =>
      (window as unknown as { __book: { sheets: { name: string; deleted: boolean }[] } }).__book.sheets.filter((s) => !s.deleted && s.name.startsWith("BC ")).map((s) => s.name)
    );
    expect(live).toEqual(["BC 12-12-2024"]);
    await page.screenshot({ path: join(ROOT, "test-results-report.png"), fullPage: true }).catch(() => undefined);
  });
});

async function expectVisible(locator: ReturnType<Page["getByText"]>): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 15000 });
}
