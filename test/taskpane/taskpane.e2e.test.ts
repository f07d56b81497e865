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
import { createCampaign, issueHamletCode } from "../../server/admin";
import { buildApp } from "../../server/app";
import type { Database } from "../../server/store/database";
import { openDatabase } from "../../server/store/open";
import { importPlanText } from "../../src/core/importer";
import { fetchTransport } from "../../src/sync/client";
import { enroll } from "../../src/sync/identity";
import { memoryPlace } from "../../src/sync/saved";
import { SyncSession } from "../../src/sync/session";
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

  test("Đồng bộ enrols with a code, sends the hamlet's own row, and lists in Vietnamese what it did not send, what conflicted, and an update it needs", async () => {
    const db: Database = await openDatabase(":memory:");
    const { codes, campaign } = await createCampaign(db, seedPlan());
    const sync: FastifyInstance = await buildApp({ db, corsOrigin: new URL(url).origin });
    let outdated = false;
    // When set, the server takes the pane for a DanVan of protocol 1, as the next DanVan's server would.
    sync.addHook("preValidation", async (request) => {
      if (outdated && request.body && typeof request.body === "object") (request.body as { protocolVersion?: number }).protocolVersion = 1;
    });
    await sync.listen({ port: 0, host: "127.0.0.1" });
    const server = `http://127.0.0.1:${(sync.server.address() as { port: number }).port}`;
    try {
      // Another device of Cầu (a phone) reported 11/12 first.
      const phone = await enroll(fetchTransport(server), { server, code: (await issueHamletCode(db, "Cầu", { campaign })).code, name: "Điện thoại ấp Cầu" }, memoryPlace());
      const phoneRow = { hamlet: "Cầu", date: "2024-12-11", data: { values: { nhan_dan: 5, phat_quang_m: 300 }, note: "", reporter: "", sentAt: "2024-12-11T14:00" } };
      await new SyncSession(phone, { transport: fetchTransport(server), outbox: [memoryPlace()], journal: { read: async () => ({ rows: [phoneRow], refused: [] }), write: async () => 0 }, notify: () => undefined }).sync();
      // The pane's workbook has its own 11/12 too.
      await page.evaluate(() => {
        const journal = (window as unknown as { __book: { sheets: { name: string; rows: unknown[][] }[] } }).__book.sheets.find((x) => x.name === "Nhật ký")!;
        const cau = journal.rows.find((r) => r[1] === "Cầu")!;
        journal.rows.push([(cau[0] as number) - 1, ...cau.slice(1, 7), 999, ...cau.slice(8)]);
      });
      await page.getByRole("tab", { name: "Đồng bộ" }).click();
      await page.getByLabel("Địa chỉ máy chủ").fill(server);
      await page.getByLabel("Mã đăng ký (xã cấp)").fill(codes.hamlets["Cầu"]);
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
      await expectVisible(page.getByText("Thiết bị của ấp Cầu, xã Tân Phong"));
      await page.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(page.getByText("Đã gửi 1 dòng, nhận 1 dòng, 1 dòng không gửi được."));
      await expectVisible(page.getByText("Ấp Trại Bí, ngày 12/12/2024: Thiết bị này chỉ gửi nhật ký của ấp Cầu."));
      await expectVisible(page.getByText("Ấp Cầu, ngày 11/12/2024: Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại."));
      await expectVisible(page.getByText(/^Chờ gửi: 0 dòng/));
      const rows = await db.read((tx) => tx.all<{ day: string; data: string }>("SELECT day, data FROM journal_rows ORDER BY day"));
      expect(rows.map((r) => [r.day, JSON.parse(r.data).values])).toEqual([
        ["2024-12-11", { nhan_dan: 5, phat_quang_m: 300 }],
        ["2024-12-12", { quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 }],
      ]);
      await page.screenshot({ path: join(ROOT, "test-results-sync.png"), fullPage: true }).catch(() => undefined);
      outdated = true;
      await page.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(page.getByText(/Phiên bản DanVan trên máy này đã cũ \(giao thức 1, máy chủ dùng 2\); hãy cập nhật DanVan rồi đồng bộ lại\./));
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
