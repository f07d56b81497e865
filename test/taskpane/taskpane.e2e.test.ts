/**
 * The built task pane in real headless Chromium (Debian's package): office.js from the @microsoft/office-js
 * package stands in for Microsoft's CDN, a small in-memory Excel object model stands in for Excel, and the
 * test clicks what a commune officer clicks and reads what they read, at the widths Excel gives a task pane.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { parse } from "acorn";
import {
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
  chromium,
} from "playwright-core";
import type { FastifyInstance } from "fastify";
import { createCampaign, createProvince, issueHamletCode } from "../../server/admin";
import { buildApp } from "../../server/app";
import type { Database } from "../../server/store/database";
import { openDatabase } from "../../server/store/open";
import { formatDate, vietnamNow } from "../../src/core/dates";
import { defaultReportDate } from "../../src/core/report";
import type { Grid } from "../../src/core/grid";
import { importPlanText } from "../../src/core/importer";
import { fetchTransport } from "../../src/sync/client";
import { AuthError } from "../../src/sync/errors";
import { enroll } from "../../src/sync/identity";
import { memoryPlace } from "../../src/sync/saved";
import { SyncSession } from "../../src/sync/session";
import { stringsFor } from "../../src/taskpane/i18n";
import { planToGrid } from "../helpers/plans";
import { CHROMIUM, loadPane } from "../helpers/pane-browser";
import { serveFolder } from "../helpers/static-server";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist");
const SEED = join(ROOT, "test/fixtures/ke-hoach-tan-phong.txt");
const SCREENSHOTS = join(ROOT, "test-results/taskpane");
const WIDTHS = [300, 350];

const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI)
  console.warn(
    "Chromium (Debian package `chromium`) is not installed: the task pane browser test is skipped."
  );

/** The seed plan with the journal of 12/12/2024 for two hamlets, one of them late. */
function seedPlan() {
  const { plan } = importPlanText(readFileSync(SEED, "utf8"));
  plan.journal = [
    {
      date: "2024-12-12",
      hamlet: "Cầu",
      values: { quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 },
      note: "",
      reporter: "",
      sent_minutes: 14 * 60,
      sent_date: "2024-12-12",
    },
    {
      date: "2024-12-12",
      hamlet: "Trại Bí",
      values: { dan_quan: 6, nhan_dan: 2, lam_duong_m: 150 },
      note: "",
      reporter: "",
      sent_minutes: 15 * 60 + 25,
      sent_date: "2024-12-12",
    },
  ];
  return plan;
}

const seedWorkbook = () => planToGrid(seedPlan());
const EMPTY_WORKBOOK: Grid = { sheets: [{ name: "Sheet1", rows: [] }] };

interface FakeBook {
  sheets: { name: string; deleted: boolean; rows: unknown[][] }[];
  selected: string | null;
  edit(sheet: string, row: number, col: number, value: unknown): void;
  editQuietly(sheet: string, row: number, col: number, value: unknown): void;
}
const book = (page: Page) =>
  page.evaluate(() => (window as unknown as { __book: FakeBook }).__book);
const liveSheets = async (page: Page) =>
  (await book(page)).sheets.filter((s) => !s.deleted).map((s) => s.name);

/** What sticks out of the pane sideways, and any label or badge whose text is cut. */
function overflowIn(): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > width)
    problems.push(
      `the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`
    );
  for (const el of Array.from(document.querySelectorAll("main *"))) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const name = (el.getAttribute("aria-label") || el.textContent || el.tagName)
      .trim()
      .slice(0, 50);
    if (box.left < -0.5 || box.right > width + 0.5)
      problems.push(`"${name}" spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== "visible" || el.classList.contains("fui-Badge");
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      problems.push(
        `"${name}" is cut (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`
      );
  }
  return problems;
}

run("the task pane in Chromium", () => {
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
      { cwd: ROOT, stdio: "pipe" }
    );
    ({ server, url } = await serveFolder(DIST));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** The pane on a workbook, in a browser set up as a commune's computer might be (en-US by default). */
  async function open(
    grid: Grid,
    options: BrowserContextOptions & { before?: string } = {}
  ): Promise<Page> {
    const { before = "", ...context } = options;
    const page = await (
      await browser.newContext({
        locale: "en-US",
        viewport: { width: 350, height: 900 },
        ...context,
      })
    ).newPage();
    await loadPane(page, url, grid, before);
    if (!before) await page.getByRole("tab", { name: "Kiểm tra" }).waitFor({ timeout: 30000 });
    return page;
  }

  const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true }).click();
  const panel = (page: Page) => page.locator('[role="tabpanel"]:not([hidden])');

  test("everything the add-in loads in Office parses as ES2017, the webview check as ES5", () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(scripts).toEqual(
      expect.arrayContaining(["taskpane.js", "commands.js", "functions.js", "webview-check.js"])
    );
    for (const file of scripts)
      expect(() =>
        parse(readFileSync(join(DIST, file), "utf8"), { ecmaVersion: 2017, sourceType: "script" })
      ).not.toThrow();
    expect(() =>
      parse(readFileSync(join(DIST, "webview-check.js"), "utf8"), { ecmaVersion: 5 })
    ).not.toThrow();
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html.indexOf("webview-check.js")).toBeGreaterThan(-1);
    expect(html.indexOf("webview-check.js")).toBeLessThan(html.indexOf("taskpane.js"));
  });

  test("a webview without what the pane needs says in Vietnamese which Excel runs it, and starts nothing", async () => {
    const page = await open(seedWorkbook(), { before: "delete Array.prototype.flatMap;" });
    const alert = page.getByRole("alert");
    await expectVisible(alert.getByText(/^Cần Excel 2021, Microsoft 365 hoặc Excel trên web/));
    await expectVisible(alert.getByText("DanVan không chạy được trong Excel này"));
    expect(await page.getByRole("tab").count()).toBe(0);
    await page.context().close();
  });

  test("Kiểm tra lists the plan's own errors in plain text and a click selects the cell", async () => {
    const page = await open(seedWorkbook());
    await tab(page, "Kiểm tra");
    await expectVisible(panel(page).getByText(/^Tìm chỗ sai trong sổ/));
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    await page.getByText(/\d+ lỗi, \d+ cảnh báo, \d+ lưu ý/).waitFor();
    const finding = page.getByRole("button", {
      name: /ghi chiều dài 8\.900\sm nhưng các công việc chi tiết cộng lại 9\.900\sm/,
    });
    await expectVisible(finding);
    await expectVisible(page.getByRole("button", { name: /ghi chiều dài 1\.330\sm .* 4\.330\sm/ }));
    await expectVisible(
      page.getByRole("button", {
        name: /25\s× 500\.000\sđồng = 12\.500\.000\sđồng, nhưng kinh phí ghi 10\.500\.000\sđồng/,
      })
    );
    // Findings read as text: normal weight, no bullet besides the severity badge.
    expect(await finding.evaluate((b) => getComputedStyle(b).fontWeight)).toBe("400");
    expect(await finding.evaluate((b) => getComputedStyle(b.closest("ul")!).listStyleType)).toBe(
      "none"
    );
    await finding.click();
    await page.waitForFunction(
      () => (window as unknown as { __book: FakeBook }).__book.selected !== null
    );
    expect((await book(page)).selected).toMatch(/^Kế hoạch!C\d+$/);
    await page.context().close();
  });

  test("each pane keeps its result across tabs, drops it when the workbook changes, and keeps it after its own writes", async () => {
    const page = await open(seedWorkbook());
    await tab(page, "Kiểm tra");
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    const summary = page.getByText(/\d+ lỗi, \d+ cảnh báo, \d+ lưu ý/);
    await summary.waitFor();
    await tab(page, "Tổng hợp");
    await page.getByRole("button", { name: "Ghi trang Tổng hợp có biểu đồ" }).click();
    await expectVisible(page.getByText("Đã ghi trang Tổng hợp."));
    await tab(page, "Kiểm tra");
    await expectVisible(summary);
    await tab(page, "Tổng hợp");
    await expectVisible(page.getByText("Đã ghi trang Tổng hợp."));
    await expectVisible(panel(page).getByText(/^800\s\/ 6\.500\sm \(12\s%\)$/));

    // Someone types a new figure into the journal while Tổng hợp is shown: Excel reports it.
    await page.evaluate(() => {
      const b = (window as unknown as { __book: FakeBook }).__book;
      const journal = b.sheets.find((s) => s.name === "Nhật ký")!;
      const row = journal.rows.findIndex((r) => r && r.includes(800));
      b.edit("Nhật ký", row, journal.rows[row].indexOf(800), 900);
    });
    await expectVisible(
      page.getByText("Sổ đã thay đổi sau lần xem trước. Bấm «Tổng hợp» để xem lại.")
    );
    expect(
      await panel(page)
        .getByText(/6\.500\sm/)
        .count()
    ).toBe(0);
    // Kiểm tra's result was made from the old figures too: shown again, it says so.
    await tab(page, "Kiểm tra");
    await expectVisible(
      page.getByText("Sổ đã thay đổi sau lần xem trước. Bấm «Kiểm tra sổ» để xem lại.")
    );
    expect(await summary.count()).toBe(0);
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    await expectVisible(summary);
    expect(
      await panel(page)
        .getByText(/Sổ đã thay đổi/)
        .count()
    ).toBe(0);
    await page.context().close();
  });

  test("Tổng hợp shows each hamlet's figures beside its bar and marks where stated and itemised disagree", async () => {
    const page = await open(seedWorkbook());
    await tab(page, "Tổng hợp");
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const progress = page.getByRole("list", { name: "Tiến độ theo ấp (các việc tính theo mét)" });
    await expectVisible(progress.getByText(/^800\s\/ 6\.500\sm \(12\s%\)$/));
    await expectVisible(progress.getByText(/^150\s\/ 1\.900\sm \(8\s%\)$/));
    expect(await progress.getByRole("progressbar").count()).toBe(8);
    // A figure never parts from its unit.
    expect(await progress.getByText(/6\.500\u00a0m/).count()).toBe(1);
    const targets = page.getByRole("list", { name: "Chỉ tiêu so với công việc chi tiết" });
    const row = (label: string) => targets.getByRole("listitem").filter({ hasText: label });
    await expectVisible(row("Phát quang, dọn vệ sinh").getByText("Không khớp"));
    await expectVisible(
      row("Phát quang, dọn vệ sinh").getByText(/^Chỉ tiêu: 9\stuyến, 8\.900\sm$/)
    );
    await expectVisible(
      row("Phát quang, dọn vệ sinh").getByText(/^Cộng chi tiết: 7\stuyến, 9\.900\sm$/)
    );
    await expectVisible(row("Thắp sáng đường quê").getByText("Không khớp"));
    expect(await row("Dặm vá đường").getByText("Không khớp").count()).toBe(0);
    expect(await row("Dặm vá đường").getAttribute("data-mismatch")).toBe("false");
    await page.context().close();
  });

  test("a workbook without a plan is explained on every pane, gets no empty sheet, and Tạo sổ asks for hamlets", async () => {
    const page = await open(EMPTY_WORKBOOK);
    await tab(page, "Kiểm tra");
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    await expectVisible(panel(page).getByText("Sổ đang mở chưa có kế hoạch"));
    expect(await page.getByText(/Ấp\s*[<‹]Tên/).count()).toBe(0);
    await tab(page, "Tổng hợp");
    await page.getByRole("button", { name: "Ghi trang Tổng hợp có biểu đồ" }).click();
    await expectVisible(panel(page).getByText("Sổ đang mở chưa có kế hoạch"));
    expect(await page.getByText("Đã ghi trang Tổng hợp.").count()).toBe(0);
    await tab(page, "Thời hạn");
    await page.getByRole("button", { name: "Xem thời hạn" }).click();
    await expectVisible(panel(page).getByText("Sổ đang mở chưa có kế hoạch"));
    await tab(page, "Báo cáo");
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await expectVisible(panel(page).getByText("Sổ đang mở chưa có kế hoạch"));
    expect(await liveSheets(page)).toEqual(["Sheet1"]);

    await tab(page, "Tạo sổ");
    await page.getByRole("button", { name: "Tạo sổ trống" }).click();
    await expectVisible(page.getByText("Nhập tên các ấp trước, ví dụ: Cầu, Trại Bí, Sân Bay."));
    expect(await liveSheets(page)).toEqual(["Sheet1"]);
    await page.getByLabel("Các ấp (cách nhau bằng dấu phẩy)").fill("Cầu, Trại Bí");
    await page.getByRole("button", { name: "Tạo sổ trống" }).click();
    await expectVisible(page.getByText("Đã ghi sổ kế hoạch vào tệp."));
    expect(await liveSheets(page)).toEqual(expect.arrayContaining(["Ấp Cầu", "Ấp Trại Bí"]));
    expect(await liveSheets(page)).not.toContain("Ấp 1");
    await page.context().close();
  });

  test("Tạo sổ previews each hamlet with the unit of its count", async () => {
    const page = await open(EMPTY_WORKBOOK);
    await tab(page, "Tạo sổ");
    await page.getByLabel(/^Nội dung kế hoạch/).fill("Không có gì ở đây");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expectVisible(page.getByText("Không tìm thấy nội dung kế hoạch trong đoạn đã dán"));
    await page.getByLabel(/^Nội dung kế hoạch/).fill(readFileSync(SEED, "utf8"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByRole("region", { name: "Sẽ ghi vào sổ" });
    await expectVisible(preview.getByText(/^Ấp Cầu: \d+ công việc/));
    // The earlier warning went with the new action.
    expect(await page.getByText("Không tìm thấy nội dung kế hoạch trong đoạn đã dán").count()).toBe(
      0
    );
    await page.context().close();
  });

  test("an Excel error gets its code and advice in Vietnamese, and the next action clears it", async () => {
    const page = await open(seedWorkbook());
    await tab(page, "Kiểm tra");
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    const finding = page.getByRole("button", { name: /ghi chiều dài 8\.900\sm/ });
    await finding.waitFor();
    // The sheet is renamed where Excel reports no event (Excel 2016), then the finding is clicked.
    await page.evaluate(() => {
      (window as unknown as { __book: FakeBook }).__book.sheets.find(
        (s) => s.name === "Kế hoạch"
      )!.name = "Kế hoạch cũ";
    });
    await finding.click();
    const alert = page.getByRole("alert");
    await expectVisible(alert.getByText("Excel không làm được việc này (mã lỗi ItemNotFound)"));
    await expectVisible(alert.getByText(/Trang hoặc ô cần dùng không còn trong sổ/));
    expect(await alert.textContent()).not.toMatch(/resource|exist/);
    await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
    await page.getByText(/\d+ lỗi, \d+ cảnh báo, \d+ lưu ý/).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.context().close();
  });

  test("Đồng bộ: no server pre-filled, a wrong code and a dead network each say what to do, the enrolment link fills both fields; after a sync it lists what it did not send, what conflicted, and an update it needs", async () => {
    const db: Database = await openDatabase(":memory:");
    const { codes, campaign } = await createCampaign(db, seedPlan());
    const sync: FastifyInstance = await buildApp({ db, corsOrigin: new URL(url).origin });
    let outdated = false;
    // When set, the server takes the pane for a DanVan of protocol 1, as the next DanVan's server would.
    sync.addHook("preValidation", async (request) => {
      if (outdated && request.body && typeof request.body === "object")
        (request.body as { protocolVersion?: number }).protocolVersion = 1;
    });
    await sync.listen({ port: 0, host: "127.0.0.1" });
    const syncUrl = `http://127.0.0.1:${(sync.server.address() as { port: number }).port}`;
    const page = await open(seedWorkbook());
    try {
      await tab(page, "Đồng bộ");
      const serverField = page.getByLabel("Địa chỉ máy chủ");
      const codeField = page.getByRole("textbox", { name: "Mã đăng ký" });
      expect(await serverField.inputValue()).toBe("");
      expect(await serverField.getAttribute("placeholder")).toMatch(/^Ví dụ: https:\/\//);

      await serverField.fill("http://127.0.0.1:9");
      await codeField.fill("AAAA-BBBB");
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
      await expectVisible(page.getByRole("alert").getByText("Không kết nối được máy chủ đồng bộ"));
      expect(await page.getByRole("alert").textContent()).not.toMatch(/trang Kế hoạch|fetch/i);

      await serverField.fill(syncUrl);
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
      await expectVisible(page.getByRole("alert").getByText("Mã đăng ký không dùng được"));
      expect(await page.getByText("Không kết nối được máy chủ đồng bộ").count()).toBe(0);

      // Another device of Cầu (a phone) reported 11/12 first; the pane's workbook has its own 11/12 too.
      const phone = await enroll(
        fetchTransport(syncUrl),
        {
          server: syncUrl,
          code: (await issueHamletCode(db, "Cầu", { campaign })).code,
          name: "Điện thoại ấp Cầu",
        },
        memoryPlace()
      );
      const phoneRow = {
        hamlet: "Cầu",
        date: "2024-12-11",
        data: {
          values: { nhan_dan: 5, phat_quang_m: 300 },
          note: "",
          reporter: "",
          sentAt: "2024-12-11T14:00",
        },
      };
      await new SyncSession(phone, {
        transport: fetchTransport(syncUrl),
        outbox: [memoryPlace()],
        journal: { read: async () => ({ rows: [phoneRow], refused: [] }), write: async () => 0 },
        notify: () => undefined,
      }).sync();
      await page.evaluate(() => {
        const journal = (window as unknown as { __book: FakeBook }).__book.sheets.find(
          (x) => x.name === "Nhật ký"
        )!;
        const cau = journal.rows.find((r) => r && r[1] === "Cầu")!;
        journal.rows.push([(cau[0] as number) - 1, ...cau.slice(1, 7), 999, ...cau.slice(8)]);
      });

      await serverField.fill("");
      await codeField.fill(`${syncUrl}/ap/#code=${codes.hamlets["Cầu"]}`);
      expect(await serverField.inputValue()).toBe(syncUrl);
      expect(await codeField.inputValue()).toBe(codes.hamlets["Cầu"]);
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
      await expectVisible(page.getByText("Thiết bị của ấp Cầu, xã Tân Phong"));
      // A hamlet's device issues no code, lists no device and sends no report up.
      for (const name of ["Tạo đợt trên máy chủ", "Xem thiết bị", "Gửi báo cáo lên"])
        expect(await page.getByRole("button", { name }).count()).toBe(0);
      expect(await page.getByRole("alert").count()).toBe(0);
      await page.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(page.getByText("Đã gửi 1 dòng, nhận 1 dòng."));
      await expectVisible(page.getByText("1 dòng nhật ký không gửi từ máy này (xem bên dưới)."));
      const notSent = page.getByRole("list", { name: "Nhật ký không gửi từ máy này" });
      await expectVisible(
        notSent.getByText("Ấp Trại Bí, ngày 12/12/2024: Thiết bị này chỉ gửi nhật ký của ấp Cầu.")
      );
      const waiting = page.getByRole("list", { name: "Chờ xã chọn bản giữ lại" });
      await expectVisible(
        waiting.getByText(
          "Ấp Cầu, ngày 11/12/2024: Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại."
        )
      );
      await expectVisible(page.getByText(/^Chờ gửi: 0 dòng/));
      const rows = await db.read((tx) =>
        tx.all<{ day: string; data: string }>("SELECT day, data FROM journal_rows ORDER BY day")
      );
      expect(rows.map((r) => [r.day, JSON.parse(r.data).values])).toEqual([
        ["2024-12-11", { nhan_dan: 5, phat_quang_m: 300 }],
        ["2024-12-12", { quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 }],
      ]);
      await page.setViewportSize({ width: 300, height: 900 });
      expect(await page.evaluate(overflowIn)).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOTS, "light-300-6-Đồng bộ-sau-khi-gửi.png"),
        fullPage: true,
        animations: "disabled",
      });
      outdated = true;
      await page.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(
        page
          .getByRole("alert")
          .getByText(
            /Phiên bản DanVan trên máy này đã cũ \(giao thức 1, máy chủ dùng 2\); hãy cập nhật DanVan rồi đồng bộ lại\./
          )
      );
    } finally {
      await page.context().close();
      await sync.close();
      await db.close();
    }
  });

  /** Screenshots of the pane as it is, at each width, after checking nothing sticks out or is cut. */
  async function shoot(page: Page, name: string): Promise<string[]> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      problems.push(...(await page.evaluate(overflowIn)).map((p) => `${width} px ${name}: ${p}`));
      await page.screenshot({
        path: join(SCREENSHOTS, `light-${width}-${name}.png`),
        fullPage: true,
        animations: "disabled",
      });
    }
    return problems;
  }

  /** The rows of a sheet of the fake workbook, as text. */
  const sheetText = async (page: Page, name: string) =>
    ((await book(page)).sheets.find((s) => s.name === name && !s.deleted)?.rows ?? [])
      .flat()
      .filter((v) => v !== null && v !== undefined)
      .map(String);

  test("the hierarchy from the pane: a province issues commune codes and rolls a day up; its commune creates the campaign, issues a hamlet code, revokes a phone and sends its report up, or queues it offline", async () => {
    const db: Database = await openDatabase(":memory:");
    const sync: FastifyInstance = await buildApp({ db, corsOrigin: new URL(url).origin });
    await sync.listen({ port: 0, host: "127.0.0.1" });
    const syncUrl = `http://127.0.0.1:${(sync.server.address() as { port: number }).port}`;
    const province = await open(EMPTY_WORKBOOK);
    const commune = await open(seedWorkbook());
    const problems: string[] = [];
    const enrol = async (page: Page, code: string) => {
      await tab(page, "Đồng bộ");
      await page.getByLabel("Địa chỉ máy chủ").fill(syncUrl);
      await page.getByRole("textbox", { name: "Mã đăng ký" }).fill(code);
      await page.getByRole("button", { name: "Đăng ký thiết bị" }).click();
    };
    const issued = (page: Page) => page.getByRole("list", { name: "Mã vừa cấp" });
    try {
      // The operator's one command gave the province its code; everything else is done from the panes.
      await enrol(province, (await createProvince(db, "Tây Ninh")).code);
      await expectVisible(province.getByText("Thiết bị của tỉnh Tây Ninh"));
      expect(await province.getByRole("button", { name: "Đồng bộ ngay" }).count()).toBe(0);
      const communeCodes: Record<string, string> = {};
      for (const name of ["Tân Phong", "Thạnh Bình"]) {
        await province.getByLabel("Tên xã").fill(name);
        await province.getByRole("button", { name: "Cấp mã cho xã" }).click();
        const line = issued(province).getByText(
          new RegExp(`^Mã đăng ký của xã ${name}: (\\S+) \\(hết hạn \\d\\d/\\d\\d/\\d{4}\\)$`)
        );
        await expectVisible(line);
        communeCodes[name] = /: (\S+) \(/.exec((await line.textContent())!)![1];
      }
      await expectVisible(
        province.getByText("Trang «Mã đăng ký» có 2 mã kèm mã QR, sẵn để in và trao tận tay.")
      );
      const provinceSheet = await sheetText(province, "Mã đăng ký");
      expect(provinceSheet).toEqual(
        expect.arrayContaining(["Các xã của tỉnh Tây Ninh", ...Object.values(communeCodes)])
      );
      expect(provinceSheet).toContain(`${syncUrl}\n/ap/#code=${communeCodes["Tân Phong"]}`);

      // Tân Phong's computer enrols with its code and puts its campaign on the server from the workbook.
      await enrol(commune, communeCodes["Tân Phong"]);
      await expectVisible(commune.getByText("Thiết bị của xã Tân Phong"));
      await commune.getByRole("button", { name: "Tạo đợt trên máy chủ" }).click();
      await expectVisible(commune.getByText("Đã tạo đợt trên máy chủ và cấp mã cho 8 ấp"));
      expect(await issued(commune).getByRole("listitem").count()).toBe(8);
      // Enrolled from its province's code, it follows its newest campaign: the workbook's journal syncs into it.
      await commune.getByRole("button", { name: "Đồng bộ ngay" }).click();
      await expectVisible(commune.getByText("Đã gửi 2 dòng, nhận 0 dòng."));
      const hamletSheet = await sheetText(commune, "Mã đăng ký");
      expect(hamletSheet).toContain("Các ấp của xã Tân Phong");
      expect(hamletSheet.filter((v) => /\/ap\/#code=/.test(v))).toHaveLength(8);
      // A lost phone: another code for Cầu replaces its row; the sheet still has eight.
      await commune.getByLabel("Tên ấp").fill("Cầu");
      await commune.getByRole("button", { name: "Cấp mã cho ấp" }).click();
      const cau = issued(commune).getByText(/^Mã đăng ký của ấp Cầu: \S+ \(hết hạn/);
      await expectVisible(cau);
      const cauCode = /: (\S+) \(/.exec((await cau.textContent())!)![1];
      const sheetNow = await sheetText(commune, "Mã đăng ký");
      expect(sheetNow.filter((v) => /\/ap\/#code=/.test(v))).toHaveLength(8);
      expect(sheetNow).toContain(cauCode);

      // The phone enrolled with that code is revoked from the pane, after a question naming it.
      const phone = await enroll(
        fetchTransport(syncUrl),
        { server: syncUrl, code: cauCode, name: "Điện thoại ấp Cầu" },
        memoryPlace()
      );
      await commune.getByRole("button", { name: "Xem thiết bị" }).click();
      const devices = commune.getByRole("list", { name: "Thiết bị đã đăng ký" });
      await expectVisible(devices.getByText("Điện thoại ấp Cầu"));
      await expectVisible(devices.getByText(/^ấp Cầu \(Tân Phong\) · đăng ký ngày /));
      // This computer is marked as such, with nothing to revoke it by.
      await expectVisible(devices.getByText("máy này"));
      expect(
        await commune.getByRole("button", { name: /^Thu hồi Ngăn tác vụ Excel/ }).count()
      ).toBe(0);
      await commune.getByRole("button", { name: "Thu hồi Điện thoại ấp Cầu" }).click();
      const dialog = commune.getByRole("dialog");
      await expectVisible(
        dialog.getByText(/^Thu hồi thiết bị «Điện thoại ấp Cầu» \(ấp Cầu \(Tân Phong\)\)\?/)
      );
      await dialog.getByRole("button", { name: "Thu hồi thiết bị" }).click();
      await expectVisible(commune.getByText("Đã thu hồi thiết bị «Điện thoại ấp Cầu»."));
      await expectVisible(devices.getByText("đã thu hồi"));
      await expect(
        new SyncSession(phone, {
          transport: fetchTransport(syncUrl),
          outbox: [memoryPlace()],
          notify: () => undefined,
        }).sync()
      ).rejects.toBeInstanceOf(AuthError);
      problems.push(...(await shoot(commune, "7-Đồng bộ-xã")));

      // The day's report, made and sent up; the same report again keeps its version, a corrected one is the next.
      await tab(commune, "Báo cáo");
      await panel(commune).getByLabel("Ngày báo cáo").fill("12/12/2024");
      await commune.getByRole("button", { name: "Lập báo cáo" }).click();
      await expectVisible(commune.getByText(/^Đã lập trang BC 12-12-2024/));
      const send = commune.getByRole("button", { name: "Gửi báo cáo lên" });
      await send.click();
      await expectVisible(commune.getByText("Đã gửi báo cáo ngày 12/12/2024 lên cấp trên (lần 1)"));
      await commune.evaluate(() => {
        const b = (window as unknown as { __book: FakeBook }).__book;
        const journal = b.sheets.find((x) => x.name === "Nhật ký")!;
        const row = journal.rows.findIndex((r) => r && r.includes(800));
        b.edit("Nhật ký", row, journal.rows[row].indexOf(800), 900);
      });
      await send.click();
      await expectVisible(commune.getByText("Đã gửi báo cáo ngày 12/12/2024 lên cấp trên (lần 2)"));
      const stored = await db.read((tx) =>
        tx.all<{ version: number; latest: number }>(
          "SELECT version, latest FROM commune_reports ORDER BY version"
        )
      );
      expect(stored.map((r) => [Number(r.version), Number(r.latest)])).toEqual([
        [1, 0],
        [2, 1],
      ]);
      problems.push(...(await shoot(commune, "8-Báo cáo-đã-gửi-lên")));

      // The province rolls the day up: Tân Phong sent (late: after 16:30 of that day), Thạnh Bình did not.
      await tab(province, "Đồng bộ");
      await panel(province).getByLabel("Ngày báo cáo").fill("12/12/2024");
      await province.getByRole("button", { name: "Tổng hợp cấp trên" }).click();
      await expectVisible(province.getByText("Đã ghi trang TH 12-12-2024: 1/2 xã đã gửi báo cáo."));
      await expectVisible(panel(province).getByText("Xã chưa gửi: Thạnh Bình"));
      await expectVisible(panel(province).getByText("Xã gửi sau 16:30:"));
      expect(await sheetText(province, "TH 12-12-2024")).toEqual(
        expect.arrayContaining(["Tân Phong", "Thạnh Bình", "Chưa gửi báo cáo"])
      );
      problems.push(...(await shoot(province, "9-Đồng bộ-tỉnh")));

      // Offline, the report waits in the outbox and says so.
      await sync.close();
      await commune.getByRole("button", { name: "Gửi báo cáo lên" }).click();
      await expectVisible(
        commune.getByText("Chưa gửi được: đang chờ mạng; sẽ tự gửi ở lần đồng bộ sau")
      );
      problems.push(...(await shoot(commune, "10-Báo cáo-chờ-mạng")));

      // The server back on its address: the next sync sends the waiting report, once, and says so.
      const back = await buildApp({ db, corsOrigin: new URL(url).origin });
      await back.listen({ port: Number(new URL(syncUrl).port), host: "127.0.0.1" });
      try {
        await tab(commune, "Đồng bộ");
        await commune.getByRole("button", { name: "Đồng bộ ngay" }).click();
        await expectVisible(
          commune.getByText(/Đã gửi báo cáo ngày 12\/12\/2024 lên cấp trên( \(lần 2\))?\./)
        );
        problems.push(...(await shoot(commune, "10b-Đồng bộ-gửi-báo-cáo-chờ")));
      } finally {
        await back.close();
      }
      await commune.getByRole("button", { name: "English" }).click();
      await tab(commune, "Sync");
      await expectVisible(
        commune.getByRole("button", { name: "Create the campaign on the server" })
      );
      problems.push(...(await shoot(commune, "11-Sync-commune-en")));
      expect(problems).toEqual([]);
    } finally {
      await province.context().close();
      await commune.context().close();
      await sync.close();
      await db.close();
    }
  });

  test("Báo cáo ngày takes and shows dd/mm/yyyy on an en-US computer, writes the sheet, and asks before replacing", async () => {
    // The day offered: today while the campaign runs, else its last day.
    const offered = () => formatDate(defaultReportDate(seedPlan(), vietnamNow(Date.now()).date));
    const days = [offered()];
    const page = await open(seedWorkbook(), { locale: "en-US", timezoneId: "America/New_York" });
    days.push(offered());
    await tab(page, "Báo cáo");
    const field = page.getByLabel("Ngày báo cáo");
    // The pane reads the campaign from the workbook once it opens, then offers its day.
    await page.waitForFunction(
      ([input, values]) => values.includes((input as HTMLInputElement).value),
      [await field.elementHandle(), days] as const
    );
    expect(days).toContain(await field.inputValue());
    await field.fill("12/12/2024");
    await page.getByRole("button", { name: "Ngày sau" }).click();
    expect(await field.inputValue()).toBe("13/12/2024");
    await page.getByRole("button", { name: "Ngày trước" }).click();
    await page.getByRole("button", { name: "Ngày trước" }).click();
    expect(await field.inputValue()).toBe("11/12/2024");
    await field.fill("31/02/2024");
    await expectVisible(
      page.getByText("Ngày không đúng. Gõ theo dạng ngày/tháng/năm, ví dụ 12/12/2024.")
    );
    expect(await page.getByRole("button", { name: "Lập báo cáo" }).isDisabled()).toBe(true);
    await field.fill("12/12/2024");
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await expectVisible(
      page.getByText("Đã lập trang BC 12-12-2024. Ngày 12/12/2024 là ngày thứ 3 của đợt.")
    );
    await expectVisible(
      page.getByText("Ấp chưa gửi: Sân Bay, Mới, Bàu Đưng, Gò Cát, Đồng Dài, Xóm Tháp")
    );
    await expectVisible(page.getByText("Ấp gửi trễ: Trại Bí"));
    const sheet = (await book(page)).sheets
      .find((s) => s.name === "BC 12-12-2024" && !s.deleted)
      ?.rows.flat()
      .filter(Boolean);
    expect(sheet).toEqual(
      expect.arrayContaining([
        "BÁO CÁO NHANH",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tân Phong, ngày 12 tháng 12 năm 2024",
      ])
    );
    await page.setViewportSize({ width: 300, height: 700 });
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    const dialog = page.getByRole("dialog");
    await expectVisible(dialog.getByText("Đã có trang BC 12-12-2024. Thay bằng báo cáo mới?"));
    for (const button of [
      dialog,
      dialog.getByRole("button", { name: "Thay trang cũ" }),
      dialog.getByRole("button", { name: "Để nguyên" }),
    ]) {
      const box = (await button.boundingBox())!;
      expect([box.x >= 0, box.x + box.width <= 300]).toEqual([true, true]);
    }
    await dialog.getByRole("button", { name: "Thay trang cũ" }).click();
    await expectVisible(page.getByText(/Đã lập trang BC 12-12-2024/));
    expect((await liveSheets(page)).filter((s) => s.startsWith("BC "))).toEqual(["BC 12-12-2024"]);
    await page.context().close();
  });

  test("Vietnamese on an English computer; the language switch is visible and remembered", async () => {
    const page = await open(seedWorkbook(), { locale: "en-US" });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await page.getByRole("button", { name: "English" }).click();
    await expectVisible(page.getByRole("tab", { name: "Check", exact: true }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload();
    await expectVisible(page.getByRole("tab", { name: "Check", exact: true }));
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expectVisible(page.getByRole("tab", { name: "Kiểm tra", exact: true }));
    await page.context().close();
  });

  test.each(["light", "dark"] as const)(
    "every pane fits 300 and 350 px without sideways scrolling or cut text (%s), screenshots written",
    async (colorScheme) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const page = await open(seedWorkbook(), { colorScheme });
      // Fill every pane with its result first: results stay when their tab is hidden.
      await tab(page, "Tạo sổ");
      await page.getByLabel(/^Nội dung kế hoạch/).fill(readFileSync(SEED, "utf8"));
      await page.getByRole("button", { name: "Xem trước" }).click();
      await page.getByRole("region", { name: "Sẽ ghi vào sổ" }).waitFor();
      await tab(page, "Kiểm tra");
      await page.getByRole("button", { name: "Kiểm tra sổ" }).click();
      await page.getByText(/\d+ lỗi, \d+ cảnh báo, \d+ lưu ý/).waitFor();
      await tab(page, "Tổng hợp");
      await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
      await page.getByRole("list", { name: "Chỉ tiêu so với công việc chi tiết" }).waitFor();
      await tab(page, "Thời hạn");
      await page.getByRole("button", { name: "Xem thời hạn" }).click();
      await page.getByRole("list", { name: "Việc có hạn" }).waitFor();
      await tab(page, "Báo cáo");
      await page.getByLabel("Ngày báo cáo").fill("12/12/2024");
      await page.getByRole("button", { name: "Lập báo cáo" }).click();
      await page.getByText(/^Đã lập trang BC 12-12-2024/).waitFor();

      const problems: string[] = [];
      // Each tab opens on a line saying what it does; badges, labels and results fit in either language.
      for (const language of ["vi", "en"] as const) {
        const t = stringsFor(language);
        const tabs = Object.keys(t.tabs) as (keyof typeof t.tabs)[];
        if (language === "en") await page.getByRole("button", { name: "English" }).click();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const [i, key] of tabs.entries()) {
            await tab(page, t.tabs[key]);
            await expectVisible(panel(page).getByText(t[key].intro, { exact: true }));
            problems.push(
              ...(await page.evaluate(overflowIn)).map(
                (p) => `${colorScheme} ${language} ${width} px ${t.tabs[key]}: ${p}`
              )
            );
            await page.screenshot({
              path: join(
                SCREENSHOTS,
                `${colorScheme}-${width}-${i + 1}-${t.tabs[key]}${language === "en" ? "-en" : ""}.png`
              ),
              fullPage: true,
              animations: "disabled",
            });
          }
        }
      }
      console.log(`Task pane screenshots (${colorScheme}): ${SCREENSHOTS}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  );
});

async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 15000 });
}
