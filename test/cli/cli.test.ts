import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { tempDir } from "../helpers/tmp";

const BIN = join(__dirname, "../../bin/danvan.js");
const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const dir = tempDir();

function danvan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = danvan(...args, "--json");
  return { ...r, body: JSON.parse(r.stdout) };
}

/** One clear Vietnamese line on stderr, no stack trace, exit 2. */
function expectUsageError(r: ReturnType<typeof danvan>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^Lỗi: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |node_modules|Error:/);
}

beforeAll(() => {
  const r = danvan("import", SEED, "--out", "ke-hoach.xlsx");
  expect(r.code).toBe(0);
});

test("import writes the plan workbook and says what it found", () => {
  const r = danvan("import", SEED, "--out", "again.xlsx");
  expect(r.stdout).toMatch(/8 ấp/);
  expect(existsSync(join(dir(), "again.xlsx"))).toBe(true);
  const parsed = json("import", SEED);
  expect(parsed.body.settings.start).toBe("2024-12-10");
  expect(parsed.body.hamlets).toHaveLength(8);
});

test("a plan saved by Word as Unicode (UTF-16) text imports the same as UTF-8", () => {
  const text = readFileSync(SEED, "utf8");
  writeFileSync(
    join(dir(), "utf16.txt"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
  );
  writeFileSync(join(dir(), "bom.txt"), `\uFEFF${text}`);
  const expected = json("import", SEED).body;
  expect(json("import", "utf16.txt").body).toEqual(expected);
  expect(json("import", "bom.txt").body).toEqual(expected);
});

test("check catches the seed plan's arithmetic, exits 1, and leaves the agreeing figures alone", () => {
  const { code, body } = json("check", "ke-hoach.xlsx", "--as-of", "2024-12-09T16:00");
  expect(code).toBe(1);
  expect(body.summary.errors).toBeGreaterThanOrEqual(3);
  const pairs = body.findings.map((f: { code: string; expected?: number; actual?: number }) => [
    f.code,
    f.expected,
    f.actual,
  ]);
  expect(pairs).toEqual(
    expect.arrayContaining([
      ["TARGET_MISMATCH", 8900, 9900],
      ["TARGET_MISMATCH", 1330, 4330],
      ["AMOUNT_MISMATCH", 12_500_000, 10_500_000],
    ])
  );
  expect(body.findings).toContainEqual(
    expect.objectContaining({ code: "AMOUNT_IMPLAUSIBLE", sheet: "Kế hoạch", actual: 90_000 })
  );
  expect(
    pairs.filter(
      (p: unknown[]) => p[0] === "TARGET_MISMATCH" && [740, 400, 12].includes(p[1] as number)
    )
  ).toEqual([]);
  const text = danvan("check", "ke-hoach.xlsx", "--as-of", "2024-12-09T16:00");
  expect(text.stdout).toMatch(/LỖI\s+TARGET_MISMATCH\s+\[Kế hoạch!C\d+\].*8\.900 m.*9\.900 m/);
});

test("totals in the JSON shape of PRODUCT.md §7, with the seed plan's errors beside them and exit 1", () => {
  const { code, body } = json("totals", "ke-hoach.xlsx");
  expect(code).toBe(1);
  expect(body.findings.map((f: { code: string }) => f.code)).toEqual(
    expect.arrayContaining(["TARGET_MISMATCH", "AMOUNT_MISMATCH"])
  );
  expect(body.left_out).toEqual({});
  expect(body.stated.phat_quang).toEqual({ routes: 9, length_m: 8900, count: 0, cost_vnd: 0 });
  expect(body.itemised.phat_quang.length_m).toBe(9900);
  expect(body.itemised.thap_sang).toEqual({
    routes: 3,
    length_m: 4330,
    count: 0,
    cost_vnd: 90_000_000,
  });
  expect(body.itemised.nha_dai_doan_ket.count).toBe(12);
  expect(body.itemised.tang_qua.cost_vnd).toBe(10_500_000);
  expect(body.hamlets["Cầu"].plan.nha_dai_doan_ket.count).toBe(3);
  expect(body.hamlets["Sân Bay"].done.llvt).toBe(0);
});

test("deadlines at an as-of time", () => {
  const { body } = json("deadlines", "ke-hoach.xlsx", "--as-of", "2024-12-09T16:00");
  const status = Object.fromEntries(
    body.deadlines.map((d: { due: string; status: string }) => [d.due, d.status])
  );
  expect(status).toMatchObject({
    "2024-12-08": "overdue",
    "2024-12-09": "due_soon",
    "2024-12-29": "not_due",
  });
  expect(body.daily_reports).toEqual([]);
  const later = json("deadlines", "ke-hoach.xlsx", "--as-of", "2024-12-11T15:30");
  expect(later.body.daily_reports).toHaveLength(16);
  expect(later.body.daily_reports.every((r: { status: string }) => r.status === "missing")).toBe(
    true
  );
});

async function addJournal(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Nhật ký")!;
  // Typed as people type: text dates, "14h05", lengths with units, a hamlet in lower case.
  ws.addRow([
    "11/12/2024",
    "cầu",
    10,
    8,
    2,
    12,
    7,
    "1.000 m",
    null,
    null,
    null,
    null,
    null,
    null,
    5,
    "2.500.000đ",
    null,
    null,
    null,
    null,
    null,
    "",
    "A",
    "14h05",
  ]);
  ws.addRow([
    "12/12/2024",
    "Cầu",
    12,
    6,
    3,
    10,
    7,
    "800",
    "500 m",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "Mưa",
    "A",
    "14h10",
  ]);
  ws.addRow([
    "12/12/2024",
    "Trại Bí",
    6,
    6,
    0,
    5,
    4,
    null,
    null,
    null,
    "150",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "",
    "B",
    "15h25",
  ]);
  await wb.xlsx.writeFile(path);
}

test("report: figures of the day and since the start, missing and late hamlets, a print-ready sheet", async () => {
  copyFileSync(join(dir(), "ke-hoach.xlsx"), join(dir(), "nhat-ky.xlsx"));
  await addJournal(join(dir(), "nhat-ky.xlsx"));
  const { code, body } = json(
    "report",
    "nhat-ky.xlsx",
    "--date",
    "2024-12-12",
    "--out",
    "bc-12-12.xlsx",
    "--as-of",
    "2024-12-12T15:30"
  );
  // The seed plan's own arithmetic errors (8.900 m stated, 9.900 m itemised…) make it exit 1, as check does.
  expect(code).toBe(1);
  expect(body.date).toBe("2024-12-12");
  expect(body.day).toBe(3);
  expect(body.hamlets["Cầu"]).toMatchObject({
    quan_doi: 12,
    dan_quan: 6,
    cong_an: 3,
    llvt: 21,
    phat_quang_m: 800,
    thap_sang_m: 500,
  });
  expect(body.day_total).toMatchObject({
    llvt: 21 + 12,
    phat_quang_m: 800,
    lam_duong_m: 150,
    nhan_dan: 11,
  });
  expect(body.cumulative).toMatchObject({
    phat_quang_m: 1800,
    qua_phan: 5,
    qua_vnd: 2_500_000,
    llvt: 20 + 21 + 12,
  });
  expect(body.missing).toEqual(["Sân Bay", "Mới", "Bàu Đưng", "Gò Cát", "Đồng Dài", "Xóm Tháp"]);
  expect(body.late).toEqual(["Trại Bí"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir(), "bc-12-12.xlsx"));
  const ws = wb.getWorksheet("BC 12-12-2024")!;
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toEqual(
    expect.arrayContaining([
      "BÁO CÁO NHANH",
      "Tân Phong, ngày 12 tháng 12 năm 2024",
      "Ngày 12/12/2024 (ngày thứ 3/15 của đợt)",
    ])
  );
});

test("report into the workbook itself adds the sheet, and replaces it when run again", async () => {
  copyFileSync(join(dir(), "ke-hoach.xlsx"), join(dir(), "same.xlsx"));
  for (let i = 0; i < 2; i++)
    expect(danvan("report", "same.xlsx", "--date", "2024-12-12", "--out", "same.xlsx").code).toBe(
      1
    );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir(), "same.xlsx"));
  expect(wb.worksheets.filter((w) => w.name === "BC 12-12-2024")).toHaveLength(1);
  expect(wb.getWorksheet("Nhật ký")).toBeDefined();
});

test("new writes an empty workbook a commune can type into", () => {
  const r = danvan("new", "--out", "trong.xlsx", "--ap", "Cầu, Trại Bí");
  expect(r.code).toBe(0);
  const { code, body } = json("check", "trong.xlsx");
  expect(code).toBe(0);
  expect(body.summary.errors).toBe(0);
  expect(body.findings.map((f: { code: string }) => f.code)).toContain("VALUE_INVALID");
});

test("an empty workbook gives findings and exit 1", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  await wb.xlsx.writeFile(join(dir(), "rong.xlsx"));
  const { code, body } = json("check", "rong.xlsx");
  expect(code).toBe(1);
  expect(body.findings.every((f: { code: string }) => f.code === "SHEET_MISSING")).toBe(true);
});

test.each([
  "new",
  "import",
  "check",
  "totals",
  "deadlines",
  "report",
  "demo",
  "serve",
  "admin",
  "enroll",
  "sync",
])("danvan %s --help prints that command's usage and exits 0", (command) => {
  for (const flag of ["--help", "-h"]) {
    const r = danvan(command, flag);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(new RegExp(`^Cách dùng:\\ndanvan ${command} `));
  }
});

test.each([
  ["a missing value", ["report", "ke-hoach.xlsx", "--out"], /Thiếu giá trị cho --out/],
  [
    "an option given where a switch is",
    ["check", "ke-hoach.xlsx", "--json=yes"],
    /--json không nhận giá trị/,
  ],
  ["a missing file", ["check", "khong-co.xlsx"], /Không tìm thấy tệp "khong-co.xlsx"/],
  [
    "a corrupt file",
    ["check", "hong.xlsx"],
    /"hong\.xlsx" không phải sổ Excel \(\.xlsx\) hoặc đã bị hỏng/,
  ],
  ["an unknown command", ["xoa", "a.xlsx"], /không có lệnh "xoa"/],
  ["an unknown option", ["check", "ke-hoach.xlsx", "--bogus"], /Không có tùy chọn --bogus/],
  [
    "a bad --as-of",
    ["check", "ke-hoach.xlsx", "--as-of", "hôm qua"],
    /--as-of "hôm qua" không hợp lệ/,
  ],
  ["a bad --date", ["report", "ke-hoach.xlsx", "--date", "32/12"], /--date "32\/12" không hợp lệ/],
  ["import without --out", ["import", SEED], /Thiếu --out/],
  [
    "import of an Excel file",
    ["import", "ke-hoach.xlsx", "--out", "x.xlsx"],
    /"ke-hoach.xlsx" là tệp Excel, không phải văn bản kế hoạch/,
  ],
  [
    "a plan text with no plan in it",
    ["import", "rong.txt", "--out", "x.xlsx"],
    /Không tìm thấy nội dung kế hoạch/,
  ],
])("%s: exit 2 with one Vietnamese line", (_what, args, message) => {
  writeFileSync(join(dir(), "hong.xlsx"), "đây không phải tệp Excel");
  writeFileSync(join(dir(), "rong.txt"), "Xin chào\n");
  expectUsageError(danvan(...args), message);
});
