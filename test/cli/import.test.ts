/** `danvan import` on the texts and files communes really have: what the user sees, and the workbook written. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readPlan } from "../../src/core/reader";
import { readGrid } from "../../src/xlsx/files";
import { type CliResult, cli } from "../helpers/cli";
import { planDocx } from "../helpers/docx";
import { tempDir } from "../helpers/tmp";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const TEXT = readFileSync(SEED, "utf8");
const dir = tempDir();

const danvan = cli(dir);

function write(name: string, content: string | Buffer): string {
  writeFileSync(join(dir(), name), content);
  return name;
}

/** Nothing English, no stack trace. */
function expectVietnameseOnly(r: CliResult): void {
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(
    /\bat \S+ \(|Error|Worksheet|cannot|exceeds|truncated|Maximum call stack/
  );
}

function expectRefused(r: CliResult, message: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(typeof message === "string" ? `Lỗi: ${message}` : message);
  expectVietnameseOnly(r);
}

test('"8,900m", "1,330m" and "dài 3,000m" import as thousands, with a warning each, and exit 1', async () => {
  const text = TEXT.replace("/8.900m", "/8,900m")
    .replace("/1.330m", "/1,330m")
    .replace("Lộ kiểm dài 3.000m; Dọn", "Lộ kiểm dài 3,000m; Dọn");
  const r = danvan("import", write("phay.txt", text), "--out", "phay.xlsx");
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(
    'Lưu ý: Số "8,900m" có thể hiểu hai cách, đã đọc là 8.900 m; kiểm tra lại với văn bản gốc.'
  );
  expect(r.stdout).toContain('Lưu ý: Số "1,330m"');
  expect(r.stdout).toContain('Lưu ý: Số "3,000m"');
  const { plan } = readPlan(await readGrid(join(dir(), "phay.xlsx")));
  expect(plan.targets.slice(0, 2).map((t) => t.length_m)).toEqual([8900, 1330]);
  expect(plan.hamlets[0].works[0].length_m).toBe(3000);
});

test("a plan with no hamlet lines writes its 5 stated totals and commune-wide works, warns, and exits 1", async () => {
  const r = danvan(
    "import",
    write("khong-ap.txt", TEXT.replace(/^- Ấp .*$/gmu, "")),
    "--out",
    "khong-ap.xlsx"
  );
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/5 chỉ tiêu/);
  expect(r.stdout).toMatch(/4 việc toàn xã/);
  expect(r.stdout).toContain("Lưu ý: Kế hoạch không có công việc chi tiết của từng ấp");
  const { plan } = readPlan(await readGrid(join(dir(), "khong-ap.xlsx")));
  expect(plan.targets.map((t) => t.category)).toEqual([
    "phat_quang",
    "thap_sang",
    "dam_va",
    "lam_duong",
    "nha_dai_doan_ket",
  ]);
  expect(plan.commune_works).toHaveLength(4);
});

test('"từ ngày 24/12 - 10/12/2024" is a warning that names both dates, and exit 1', () => {
  const r = danvan(
    "import",
    write(
      "nguoc.txt",
      TEXT.replace("(từ ngày 10/12 - 24/12/2024)", "(từ ngày 24/12 - 10/12/2024)")
    ),
    "--json"
  );
  expect(r.code).toBe(1);
  const body = JSON.parse(r.stdout);
  expect(body.settings).toMatchObject({ start: "2024-12-24", end: "2024-12-10" });
  expect(body.warnings).toEqual([
    expect.stringContaining("ngày kết thúc 10/12/2024 trước ngày bắt đầu 24/12/2024"),
  ]);
});

test('"- Ấp 19/5:" and a 38-character hamlet name: safe sheet names, full names kept, nothing English, exit 0', async () => {
  const long = "Mới Thành Lập Năm Hai Nghìn Không Trăm";
  const text = TEXT.replace("- Ấp Mới:", "- Ấp 19/5:").replace("- Ấp Gò Cát:", `- Ấp ${long}:`);
  const r = danvan("import", write("ten-ap.txt", text), "--out", "ten-ap.xlsx");
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  expectVietnameseOnly(r);
  expect(r.stdout).toContain('Ghi chú: ấp "19/5" ở trang "Ấp 19-5"');
  expect(r.stdout).toContain(`Ghi chú: ấp "${long}" ở trang "Ấp Mới Thành Lập Năm Hai Nghì~1"`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir(), "ten-ap.xlsx"));
  expect(wb.getWorksheet("Ấp 19-5")!.getCell("C3").value).toBe("19/5");
  expect(wb.getWorksheet("Ấp Mới Thành Lập Năm Hai Nghì~1")!.getCell("C3").value).toBe(long);
  const { plan } = readPlan(await readGrid(join(dir(), "ten-ap.xlsx")));
  expect(plan.hamlets.map((h) => h.name)).toEqual(expect.arrayContaining(["19/5", long]));
});

test("a plan text holding U+FFFE, U+FFFF and control characters gives a workbook that reopens", async () => {
  const text = TEXT.replace(
    "Phát quang, dọn hành lan",
    "Phát\uFFFE quang, dọn\uFFFF hành\u0001 lan"
  );
  const r = danvan("import", write("ky-tu.txt", text), "--out", "ky-tu.xlsx");
  expect(r.code).toBe(0);
  const { plan } = readPlan(await readGrid(join(dir(), "ky-tu.xlsx")));
  expect(plan.hamlets[0].works[0].description).toMatch(/^Phát quang, dọn hành lan/);
});

test("a 20 MB single-line text is refused at once with one Vietnamese line", () => {
  const path = write("lon.txt", "Phát quang, ".repeat(1_750_000));
  expectRefused(
    danvan("import", path, "--out", "lon.xlsx"),
    '"lon.txt" nặng 22,8 MB, quá 4 MB mà tệp kế hoạch có thể có; hãy kiểm tra đã chọn đúng tệp.'
  );
});

test("a one-line text just under the limit imports without running out of stack", () => {
  const line = `- Ấp Cầu: ${"Phát quang dọn vệ sinh, ".repeat(41_000)}dài 3.000m`;
  const r = danvan("import", write("mot-dong.txt", line), "--json");
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).hamlets[0].works[0].length_m).toBe(3000);
  expectVietnameseOnly(r);
});

test("KE-HOACH.docx imports exactly as the same text does", async () => {
  const docx = write("KE-HOACH.docx", await planDocx(TEXT));
  const fromWord = danvan("import", docx, "--json");
  const fromText = danvan("import", SEED, "--json");
  expect(fromWord.code).toBe(0);
  expect(JSON.parse(fromWord.stdout)).toEqual(JSON.parse(fromText.stdout));
  const written = danvan("import", docx, "--out", "tu-word.xlsx");
  expect(written.stdout).toMatch(
    /^Đã nhập kế hoạch "Phối hợp liên ngành làm công tác dân vận đợt II năm 2024" vào tu-word.xlsx: 8 ấp/
  );
  const { plan } = readPlan(await readGrid(join(dir(), "tu-word.xlsx")));
  expect(plan.hamlets).toHaveLength(8);
});

test("a Word 97 .doc is refused with advice to save it as .docx", () => {
  const doc = write(
    "KE-HOACH.doc",
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(2048),
    ])
  );
  expectRefused(
    danvan("import", doc, "--out", "x.xlsx"),
    /^Lỗi: "KE-HOACH\.doc" là tệp Word 97–2003 \(\.doc\).*Lưu thành \(Save As\).*\.docx/
  );
});
