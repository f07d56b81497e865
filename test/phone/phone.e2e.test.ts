/**
 * The hamlet's phone page as an officer uses it: real headless Chromium (Debian's package) as a 360×740 touch
 * phone, against a real `danvan serve` (the built CLI, SQLite) serving the page it was built with; the commune
 * on the other side is the real CLI too. Screenshots of each state go to a folder the test prints.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { ENTRY_FIELDS } from "../../src/core/journal-entry";
import { readPlanFile } from "../sync/devices";
import { type CliResult, cli } from "../helpers/cli";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/pane-browser";
import { tempDir } from "../helpers/tmp";

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "bin/danvan.js");
const SEED = join(ROOT, "test/fixtures/ke-hoach-tan-phong.txt");
const SHOTS = join(ROOT, "test-results/phone");
/** The page's JS and CSS, gzipped, stay under this (issue 11). */
const BUDGET_KIB = 100;
/** 12/12/2024 14:00 in Vietnam: the third day of Tân Phong's campaign, before the 15:00 deadline. */
const AT_14_00 = new Date("2024-12-12T07:00:00Z");
const AT_14_20 = new Date("2024-12-12T07:20:00Z");
/** 10/12/2024, the campaign's first day, at 14:10 and, later that day, 14:40. */
const DAY1_14_10 = new Date("2024-12-10T07:10:00Z");
const DAY1_14_40 = new Date("2024-12-10T07:40:00Z");

const dir = tempDir();
const build = () => join(dir(), "build", "ap");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `danvan` as the commune runs it (its identity in its own DANVAN_HOME), and as the server's operator does. */
const commune = cli(dir, () => ({ DANVAN_HOME: join(dir(), "xa") }));
const operator = cli(dir);
const json = (r: CliResult) => JSON.parse(r.stdout);

beforeAll(() => {
  execFileSync(process.execPath, [join(__dirname, "build-phone.js"), join(dir(), "build")], {
    cwd: ROOT,
    stdio: "pipe",
  });
}, 240000);

test("the page's scripts parse as ES2017, as the add-in's do, for the older Chrome of cheap phones", () => {
  for (const file of ["phone.js", "sw.js"])
    expect(() =>
      parse(readFileSync(join(build(), file), "utf8"), { ecmaVersion: 2017, sourceType: "script" })
    ).not.toThrow();
});

test(`the page's JS and CSS stay within ${BUDGET_KIB} KiB gzipped`, () => {
  const files = ["phone.js", "style.css", "sw.js"];
  const kib = files.reduce((n, f) => n + gzipSync(readFileSync(join(build(), f))).length, 0) / 1024;
  console.log(`Trang điện thoại (gzip): ${kib.toFixed(1)} KiB (ngân sách ${BUDGET_KIB})`);
  expect(kib).toBeLessThanOrEqual(BUDGET_KIB);
});

const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI)
  console.warn(
    "Chromium (Debian package `chromium`) is not installed: the phone page browser test is skipped."
  );

run("the hamlet's phone page in Chromium", () => {
  let server: ChildProcess;
  let url: string;
  let phones = 0;
  /** The phone enrolled by a typed code: closed after each test, opened again by the next. */
  const TYPED = "phone-typed";
  let codes: { commune: string; hamlets: Record<string, string> };
  let phoneA: { context: BrowserContext; page: Page };

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const dayState = (page: Page) => page.locator("#day-state");
  const identityKept = (page: Page) =>
    page.evaluate(() => localStorage.getItem("danvan.ap.identity"));
  const dayBadge = (page: Page, label: string) =>
    page.locator("#days li").filter({ hasText: label }).locator(".badge");

  /**
   * A phone of its own (a browser profile, not a private window: that is what installs a web app), clock set to
   * `at`. Launching the same `profile` again is the same phone opened after its browser was closed.
   */
  async function launchPhone(profile: string, at: Date) {
    const context = await chromium.launchPersistentContext(join(dir(), profile), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
      locale: "vi-VN",
    });
    await context.clock.setFixedTime(at);
    return { context, page: await context.newPage() };
  }

  const enrolled = (page: Page) => page.getByRole("heading", { name: "Ấp Cầu" }).waitFor();

  /** A new phone opening `link`, enrolled by it. */
  async function openPhone(link: string, at: Date) {
    const phone = await launchPhone(`phone-${++phones}`, at);
    await phone.page.goto(link);
    await enrolled(phone.page);
    return phone;
  }

  /** Every address in the tab's history (the back button's, too), blank ones left out. */
  async function addresses(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const { entries } = await cdp.send("Page.getNavigationHistory");
    await cdp.detach();
    return entries.map((e) => e.url).filter((u) => u !== "about:blank");
  }

  /** The page shows whom the phone reports for and the campaign's dates, and no address in its history holds a code. */
  async function expectEnrolledAsCau(page: Page) {
    await expect(page.locator("#who").textContent()).resolves.toBe("Ấp Cầu");
    await expect(page.locator("#where").textContent()).resolves.toBe("Xã Tân Phong");
    await expect(page.locator("#campaign-dates").textContent()).resolves.toBe(
      "10/12/2024 – 24/12/2024"
    );
    expect(new Set([page.url(), ...(await addresses(page))])).toEqual(new Set([`${url}/ap/`]));
    expect(await identityKept(page)).toContain('"hamlet":"Cầu"');
  }

  /** The officer types a code into the enrolment card and presses Đăng ký. */
  async function typeCode(page: Page, code: string) {
    await page.getByLabel("Mã đăng ký", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Đăng ký", exact: true }).tap();
  }

  /** Another code for Cầu, as the commune asks its server's operator for a second device. */
  const cauCode = (): string =>
    json(operator("admin", "code", "--db", "db.sqlite", "--hamlet", "Cầu", "--json")).code;

  /** The commune's workbook after `danvan sync`, and what the sync said. */
  function communeSync() {
    const synced = commune("sync", "xa.xlsx", "--server", url, "--json");
    expect(synced.code).toBe(0);
    return json(synced);
  }

  const cauRows = async (date: string) =>
    (await readPlanFile(join(dir(), "xa.xlsx"))).journal.filter(
      (r) => r.hamlet === "Cầu" && r.date === date
    );

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Ảnh chụp trang điện thoại: ${SHOTS}`);
    expect(commune("import", SEED, "--out", "xa.xlsx").code).toBe(0);
    codes = json(
      operator("admin", "campaign", "create", "--db", "db.sqlite", "--from", "xa.xlsx", "--json")
    ).codes;
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", "db.sqlite"], {
      cwd: dir(),
      env: { ...process.env, DANVAN_PHONE_DIR: build() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise((resolve) =>
      server.stdout!.on("data", (d: Buffer) => d.toString().includes("chạy tại") && resolve(null))
    );
  }, 120000);

  afterAll(async () => {
    await phoneA?.context.close();
    server?.kill();
  });

  test("the enrolment link enrols the phone, leaves no code in the address, and shows the commune, the hamlet and the campaign's dates; the page is installable", async () => {
    phoneA = await openPhone(`${url}/ap/#code=${codes.hamlets["Cầu"]}`, AT_14_00);
    const { page } = phoneA;
    await expectEnrolledAsCau(page);
    expect(await page.locator("#glance li").allTextContents()).toEqual([
      "Hôm nay T5 12/12: Chưa báo cáo (hạn 15:00).",
      "Chưa báo cáo: 10/12, 11/12.",
    ]);
    await page.getByText("Gửi báo cáo mỗi ngày từ 13:30 đến 15:00.").waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await phoneA.context.newCDPSession(page);
    expect(await cdp.send("Page.getInstallabilityErrors")).toEqual({ installabilityErrors: [] });
    await shot(page, "1-da-dang-ky");
  });

  test("a code typed with no link: a wrong code and the commune's code are each refused with their own message, and the commune's code stays the commune's", async () => {
    const { context, page } = await launchPhone(TYPED, DAY1_14_10);
    await page.goto(`${url}/ap/`);
    await page
      .getByText("Quét mã QR của ấp trên tờ Mã đăng ký xã phát, hoặc nhập mã in bên cạnh.")
      .waitFor();
    await shot(page, "1b-nhap-ma");
    const alert = page.locator("form .alert");

    // The right characters in the wrong order: no such code.
    const [first, last] = codes.hamlets["Cầu"].split("-");
    await typeCode(page, `${last}-${first}`);
    await alert
      .getByText(
        "Mã đăng ký không đúng hoặc đã được dùng; kiểm tra lại từng ký tự (dạng ABCD-EF23), hoặc xin cấp trên mã mới."
      )
      .waitFor();
    await shot(page, "1c-ma-sai");

    await typeCode(page, codes.commune);
    await alert
      .getByText(
        "Mã này là mã của xã, dùng trong sổ Excel, nên không dùng được ở đây (mã vẫn còn nguyên cho xã). Hãy xin xã mã của ấp (trên tờ Mã đăng ký)."
      )
      .waitFor();
    await shot(page, "1d-ma-cua-xa");
    expect(await addresses(page)).toEqual([`${url}/ap/`]);
    expect(await identityKept(page)).toBeNull();
    await context.close();
    // Refused, not used up: the commune's workbook enrols with it.
    expect(commune("enroll", "--server", url, "--code", codes.commune).code).toBe(0);
  });

  test("typing the hamlet's code (as a phone keyboard gives it) enrols the phone, and the code never enters the address", async () => {
    const { context, page } = await launchPhone(TYPED, DAY1_14_10);
    await page.goto(`${url}/ap/`);
    const code = cauCode();
    await typeCode(page, code.toLowerCase().replace("-", " "));
    await enrolled(page);
    await expectEnrolledAsCau(page);
    await page.reload();
    await enrolled(page);
    expect(await addresses(page)).toEqual([`${url}/ap/`]);
    await shot(page, "1e-da-dang-ky-bang-ma");
    await context.close();
  });

  test("the day's form: one field per Nhật ký column labelled as its header, number keyboards, the plan beside the results, the đối ứng status as people are entered", async () => {
    const { page } = phoneA;
    for (const f of ENTRY_FIELDS) {
      const field = page.getByLabel(f.header, { exact: true });
      expect(await field.count()).toBe(1);
      expect(await field.getAttribute("inputmode")).toBe(
        f.numeric ? (f.kind === "length" ? "decimal" : "numeric") : null
      );
    }
    const date = page.getByLabel("Ngày", { exact: true });
    expect(await date.inputValue()).toBe("2024-12-12");
    expect(await date.locator("option").allTextContents()).toEqual([
      "T3 10/12/2024",
      "T4 11/12/2024",
      "T5 12/12/2024",
    ]);
    await page.getByText("Tự ghi khi bấm Gửi").waitFor();
    await page.getByText("Kế hoạch 3.500 m · đến nay 0 m (0%)").waitFor();

    await page.getByLabel("Quân đội", { exact: true }).fill("12");
    await page.getByLabel("Dân quân", { exact: true }).fill("6");
    await page.getByLabel("Công an", { exact: true }).fill("3");
    await page
      .getByText(
        "Đối ứng 1:3: thiếu 7 người dân — 21 chiến sĩ LLVT cần ít nhất 7 người dân, mới có 0."
      )
      .waitFor();
    await page.getByLabel("Nhân dân", { exact: true }).fill("7");
    await page
      .getByText("Đối ứng 1:3: đạt — 21 chiến sĩ LLVT, 7 người dân (cần ít nhất 7).")
      .waitFor();
    await page.getByLabel("Phát quang (m)", { exact: true }).fill("800");
    await page.getByText("Kế hoạch 3.500 m · đến nay 800 m (23%)").waitFor();
    await page.getByLabel("Ghi chú", { exact: true }).fill("Dọn tuyến Lộ kiểm");
    await page.getByLabel("Người báo cáo", { exact: true }).fill("Nguyễn Văn Ba");
    await shot(page, "2-nhap-so-lieu");

    // The smallest phones: nothing wider than the screen, every control at least 44 px high.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const small = await page
      .locator("button:visible, input:visible, select:visible, textarea:visible")
      .evaluateAll((els) =>
        els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML)
      );
    expect(small).toEqual([]);
    await shot(page, "2b-man-hinh-320");
    await page.setViewportSize({ width: 360, height: 740 });
  });

  test("offline, Gửi keeps the entry as Chờ gửi, through a reload; when the connection returns it is sent", async () => {
    const { context, page } = phoneA;
    await context.setOffline(true);
    await page.getByRole("button", { name: "Gửi", exact: true }).tap();
    await dayState(page).getByText("Ngày 12/12/2024: Chờ gửi").waitFor();
    await page
      .getByText("Đang mất mạng. Báo cáo được giữ trên máy và tự gửi khi có mạng.")
      .waitFor();
    await shot(page, "3-cho-gui");

    await page.reload();
    await dayState(page).getByText("Ngày 12/12/2024: Chờ gửi").waitFor();
    await page
      .locator("#net")
      .getByText(/^(Đang mất mạng|Chưa kết nối được máy chủ)\. Báo cáo được giữ trên máy/)
      .waitFor();
    expect(await page.getByLabel("Quân đội", { exact: true }).inputValue()).toBe("12");
    expect(await dayBadge(page, "T5 12/12").textContent()).toBe("Chờ gửi");
    await shot(page, "4-cho-gui-sau-khi-mo-lai");

    await context.setOffline(false);
    await dayState(page).getByText("Ngày 12/12/2024: Đã gửi lúc 14:00").waitFor();
    await page.getByText("14:00", { exact: true }).waitFor();
    expect(await page.locator("#days .badge").allTextContents()).toEqual([
      "Chưa báo cáo (quá hạn 15:00)",
      "Chưa báo cáo (quá hạn 15:00)",
      "Đã gửi lúc 14:00",
      ...Array(12).fill("Chưa đến ngày"),
    ]);
    await shot(page, "5-da-gui");
  });

  test("the commune's danvan sync pulls exactly that row once, and danvan report shows its figures", async () => {
    expect(communeSync()).toMatchObject({ pulled: 1, refused: [], conflicts: [] });
    expect(communeSync()).toMatchObject({ pulled: 0 });
    expect(await cauRows("2024-12-12")).toEqual([
      expect.objectContaining({
        values: { quan_doi: 12, dan_quan: 6, cong_an: 3, nhan_dan: 7, phat_quang_m: 800 },
        note: "Dọn tuyến Lộ kiểm",
        reporter: "Nguyễn Văn Ba",
        sent_minutes: 14 * 60,
      }),
    ]);
    const report = json(
      commune("report", "xa.xlsx", "--date", "2024-12-12", "--as-of", "2024-12-12T15:30", "--json")
    );
    expect(report.hamlets["Cầu"]).toMatchObject({
      quan_doi: 12,
      dan_quan: 6,
      cong_an: 3,
      llvt: 21,
      nhan_dan: 7,
      phat_quang_m: 800,
    });
    expect(report.missing).not.toContain("Cầu");
    expect(report.late).not.toContain("Cầu");
  });

  test("re-opening the sent day and sending again corrects it: the commune's row is replaced, not added", async () => {
    const { context, page } = phoneA;
    await context.clock.setFixedTime(AT_14_20);
    expect(await page.getByLabel("Phát quang (m)", { exact: true }).inputValue()).toBe("800");
    await page.getByLabel("Phát quang (m)", { exact: true }).fill("950");
    await page.getByRole("button", { name: "Gửi", exact: true }).tap();
    await dayState(page).getByText("Ngày 12/12/2024: Đã gửi lúc 14:20").waitFor();
    expect(communeSync()).toMatchObject({ pulled: 1 });
    expect(
      (await cauRows("2024-12-12")).map((r) => [r.values.phat_quang_m, r.sent_minutes])
    ).toEqual([[950, 14 * 60 + 20]]);
    const report = json(commune("report", "xa.xlsx", "--date", "2024-12-12", "--json"));
    expect(report.hamlets["Cầu"].phat_quang_m).toBe(950);
  });

  test("a number the workbook would refuse is refused on the phone before sending", async () => {
    const { page } = phoneA;
    await page.getByLabel("Quân đội", { exact: true }).fill("2.500");
    await page.getByLabel("Dân quân", { exact: true }).fill("12,5");
    await page.getByRole("button", { name: "Gửi", exact: true }).tap();
    await page.getByText("Chưa gửi: sửa các ô Quân đội, Dân quân.").waitFor();
    await page
      .getByText(
        "Quân đội là 2.500, quá mức một xã có thể có (tối đa 2.000 người); sửa lại trước khi gửi."
      )
      .waitFor();
    await page.getByText('Dân quân: không đọc được "12,5" — cần một số nguyên.').waitFor();
    expect(await page.getByLabel("Quân đội", { exact: true }).getAttribute("aria-invalid")).toBe(
      "true"
    );
    expect(await dayState(page).textContent()).toBe("Ngày 12/12/2024: Đã gửi lúc 14:20");
    await shot(page, "6-so-sai-bi-tu-choi");
    const outbox = JSON.parse(
      (await page.evaluate(() => localStorage.getItem(`danvan.ap.outbox.1`)))!
    );
    expect(outbox.pending).toEqual([]);
    expect(communeSync()).toMatchObject({ pulled: 0 });
  });

  test("two phones of the hamlet editing one day: the second edit is a kept conflict, shown plainly on its phone and listed for the commune", async () => {
    const phoneB = await openPhone(`${url}/ap/#code=${cauCode()}`, AT_14_20);
    // Phone A reports 11/12 first (a day late, as the list then says).
    await phoneA.page.getByRole("button", { name: /^T4 11\/12/ }).tap();
    await phoneA.page.getByLabel("Dân quân", { exact: true }).fill("9");
    await phoneA.page.getByLabel("Nhân dân", { exact: true }).fill("5");
    await phoneA.page.getByRole("button", { name: "Gửi", exact: true }).tap();
    await dayState(phoneA.page)
      .getByText("Ngày 11/12/2024: Đã gửi lúc 14:20 ngày 12/12 (trễ hạn 15:00)")
      .waitFor();

    // Phone B, opened before that, reports the same day with its own figures.
    const b = phoneB.page;
    await b.getByLabel("Ngày", { exact: true }).selectOption("2024-12-11");
    await b.getByLabel("Dân quân", { exact: true }).fill("8");
    await b.getByLabel("Nhân dân", { exact: true }).fill("4");
    await b.getByRole("button", { name: "Gửi", exact: true }).tap();
    const conflict =
      "Xung đột: máy khác của ấp đã gửi báo cáo ngày này trước, nên bản máy này gửi chưa được nhận mà chờ xã chọn bản giữ lại. Các ô dưới đây là bản đang có trên máy chủ. Bản máy này đã gửi: Dân quân 8, Nhân dân 4.";
    await b.getByText(conflict).waitFor();
    expect(await dayBadge(b, "T4 11/12").textContent()).toBe("Xung đột với máy khác");
    expect(await b.getByLabel("Nhân dân", { exact: true }).inputValue()).toBe("5");
    await shot(b, "7-xung-dot");
    // Kept on the phone: after a reload the list still says so, and the day still explains it.
    await b.reload();
    await b.getByText("Xung đột: 11/12.").waitFor();
    await b.getByRole("button", { name: /^T4 11\/12 Xung đột với máy khác/ }).tap();
    await b.getByText(conflict).waitFor();

    const synced = communeSync();
    expect(synced.conflicts).toEqual([
      expect.objectContaining({
        hamlet: "Cầu",
        date: "2024-12-11",
        device: "Điện thoại (đăng ký 12/12/2024 14:20)",
        current: expect.objectContaining({ values: { dan_quan: 9, nhan_dan: 5 } }),
        proposed: expect.objectContaining({ values: { dan_quan: 8, nhan_dan: 4 } }),
      }),
    ]);
    expect((await cauRows("2024-12-11")).map((r) => r.values)).toEqual([
      { dan_quan: 9, nhan_dan: 5 },
    ]);
    await phoneB.context.close();
  });

  test("a damaged journal on the phone is set aside with a notice, and the sent days come back from the server", async () => {
    const { page } = phoneA;
    await page.evaluate(() => localStorage.setItem("danvan.ap.journal.1", '{"format":1,"rows":[{'));
    await page.reload();
    await page
      .locator("#notice")
      .getByText(
        /^Nhật ký lưu trên máy ở bộ nhớ của trình duyệt \(khóa danvan\.ap\.journal\.1\) bị hỏng/
      )
      .waitFor();
    await dayState(page).getByText("Ngày 12/12/2024: Đã gửi lúc 14:20").waitFor();
    expect(await dayBadge(page, "T4 11/12").textContent()).toBe(
      "Đã gửi lúc 14:20 ngày 12/12 (trễ hạn 15:00)"
    );
    expect(await page.getByLabel("Phát quang (m)", { exact: true }).inputValue()).toBe("950");
    await shot(page, "8-nhat-ky-hong-da-khoi-phuc");
  });

  test("an entry left waiting when the browser was closed offline goes out when the page is opened online, with nothing pressed, once", async () => {
    const before = await launchPhone(TYPED, DAY1_14_10);
    await before.page.goto(`${url}/ap/`);
    await enrolled(before.page);
    await before.context.setOffline(true);
    await before.page.getByLabel("Dân quân", { exact: true }).fill("4");
    await before.page.getByLabel("Nhân dân", { exact: true }).fill("2");
    await before.page.getByLabel("Nạo vét (m)", { exact: true }).fill("120");
    await before.page.getByRole("button", { name: "Gửi", exact: true }).tap();
    await dayState(before.page).getByText("Ngày 10/12/2024: Chờ gửi").waitFor();
    await shot(before.page, "9a-cho-gui-roi-tat-trinh-duyet");
    await before.context.close();

    // Later that day, online: the page sends what waits as it opens; the time is when Gửi was pressed.
    const { context, page } = await launchPhone(TYPED, DAY1_14_40);
    await page.goto(`${url}/ap/`);
    await dayState(page).getByText("Ngày 10/12/2024: Đã gửi lúc 14:10").waitFor();
    expect(await dayBadge(page, "T3 10/12").textContent()).toBe("Đã gửi lúc 14:10");
    await shot(page, "9b-da-gui-khi-mo-trang");
    await context.close();

    const synced = communeSync();
    expect(synced).toMatchObject({ pulled: 1, refused: [] });
    // The conflict of 11/12 (above) still waits for the commune; nothing new joins it.
    expect(synced.conflicts.map((c: { date: string }) => c.date)).toEqual(["2024-12-11"]);
    expect(communeSync()).toMatchObject({ pulled: 0 });
    expect(await cauRows("2024-12-10")).toEqual([
      expect.objectContaining({
        values: { dan_quan: 4, nhan_dan: 2, nao_vet_m: 120 },
        sent_minutes: 14 * 60 + 10,
      }),
    ]);
  });
});
