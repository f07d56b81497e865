/**
 * Tạo sổ in the built task pane in headless Chromium: the plan picked as a Word file, written into a
 * workbook that has been in use for three days. The in-memory Excel of test/fakes stands in for Excel.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { importPlanText } from "../../src/core/importer";
import { planDocx } from "../helpers/docx";
import { planToGrid } from "../helpers/plans";
import { CHROMIUM, type PaneBrowser, openPane } from "../helpers/pane-browser";

const ROOT = join(__dirname, "../..");
const SEED = readFileSync(join(ROOT, "test/fixtures/ke-hoach-tan-phong.txt"), "utf8");
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

/** The seed plan's workbook after three days: 24 journal rows. */
function usedWorkbook() {
  const { plan } = importPlanText(SEED);
  plan.journal = ["2024-12-10", "2024-12-11", "2024-12-12"].flatMap((date) =>
    plan.hamlets.map((h) => ({
      date,
      hamlet: h.name,
      values: { nhan_dan: 3 },
      note: "",
      reporter: "",
      sent_minutes: 14 * 60,
      sent_date: date,
    }))
  );
  return planToGrid(plan);
}

interface Book {
  sheets: { name: string; deleted: boolean; rows: unknown[][] }[];
}

run("Tạo sổ from a Word file, in Chromium", () => {
  let out: string;
  let pane: PaneBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    // Its own build folder, so the other browser test's build never swaps files under this one.
    out = mkdtempSync(join(tmpdir(), "danvan-pane-"));
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules/webpack/bin/webpack.js"),
        "--mode",
        "production",
        "--output-path",
        out,
      ],
      { cwd: ROOT, stdio: "pipe" }
    );
    pane = await openPane(out, usedWorkbook());
    page = pane.page;
    await page.getByRole("tab", { name: "Tạo sổ" }).click({ timeout: 30000 });
  }, 300000);

  afterAll(async () => {
    await pane?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test("a Word 97 .doc is refused with advice to save it as .docx", async () => {
    await page.getByLabel("Mở tệp Word…").setInputFiles({
      name: "KE-HOACH.doc",
      mimeType: "application/msword",
      buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(1020)]),
    });
    await page
      .getByText(/"KE-HOACH\.doc" là tệp Word 97–2003 \(\.doc\).*Lưu thành \(Save As\)/)
      .first()
      .waitFor({ timeout: 15000 });
  });

  test("the .docx previews as its text would, and writing it asks first, then keeps the 24 journal rows", async () => {
    await page
      .getByLabel("Mở tệp Word…")
      .setInputFiles({ name: "KE-HOACH.docx", mimeType: DOCX_TYPE, buffer: await planDocx(SEED) });
    const preview = page.getByRole("region", { name: "Sẽ ghi vào sổ" });
    await preview
      .getByText("Phối hợp liên ngành làm công tác dân vận đợt II năm 2024")
      .waitFor({ timeout: 15000 });
    await preview.getByText(/^8 ấp, 23 công việc, 4 thời hạn$/).waitFor();
    await preview.getByRole("button", { name: "Ghi vào sổ" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByText(
        /Sổ đang có trang "Kế hoạch".*Giữ nguyên 24 dòng nhật ký, 4 thời hạn, 21 thành viên\. Ghi đè\?/
      )
      .waitFor({ timeout: 15000 });
    await dialog.getByRole("button", { name: "Ghi đè" }).click();
    const said = page.getByRole("status").filter({ hasText: "Đã ghi sổ kế hoạch vào tệp." });
    await said.waitFor({ timeout: 15000 });
    expect(await said.textContent()).toContain(
      "Đã ghi 10 trang (Kế hoạch, 8 trang ấp, Toàn xã). Giữ nguyên 24 dòng nhật ký, 4 thời hạn, 21 thành viên."
    );
    const journal = await page.evaluate(() =>
      (window as unknown as { __book: Book }).__book.sheets
        .filter((s) => s.name === "Nhật ký" && !s.deleted)
        .map((s) => s.rows.filter((r) => r && r.some((v) => v !== null && v !== "")).length)
    );
    expect(journal).toEqual([25]);
    await page.screenshot({
      path: join(ROOT, "test-results/taskpane/tao-so-tu-word.png"),
      fullPage: true,
    });
  });
});
