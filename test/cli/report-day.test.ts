/** `danvan report` makes no report from a workbook without a plan or for a day outside the campaign. */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/tmp";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const dir = tempDir();

const danvan = cli(dir);

beforeAll(async () => {
  expect(danvan("import", SEED, "--out", "ke-hoach.xlsx").code).toBe(0);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "Danh sách hộ nghèo";
  await wb.xlsx.writeFile(join(dir(), "khac.xlsx"));
});

test("a workbook without a plan: exit 2, no report written", () => {
  const r = danvan("report", "khac.xlsx", "--date", "2024-12-12", "--out", "bc.xlsx");
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim()).toBe(
    'Lỗi: Sổ chưa có kế hoạch: trang "Kế hoạch" chưa ghi Ngày bắt đầu và Ngày kết thúc của đợt; hãy mở đúng sổ kế hoạch, hoặc dùng Tạo sổ để lập sổ từ kế hoạch.'
  );
  expect(danvan("report", "khac.xlsx", "--json").code).toBe(2);
});

test("a day outside the campaign: exit 2 naming the day and the campaign", () => {
  const r = danvan("report", "ke-hoach.xlsx", "--date", "2026-11-30");
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toBe(
    "Lỗi: Ngày 30/11/2026 ngoài đợt 10/12/2024 – 24/12/2024; chọn một ngày trong đợt."
  );
});

test("without --date, a day outside the campaign reports its last day", () => {
  for (const asOf of ["2024-11-30T10:00", "2026-11-30T10:00"]) {
    const r = danvan("report", "ke-hoach.xlsx", "--as-of", asOf, "--json");
    expect(JSON.parse(r.stdout)).toMatchObject({ date: "2024-12-24", day: 15 });
  }
  expect(
    JSON.parse(danvan("report", "ke-hoach.xlsx", "--as-of", "2024-12-12T16:00", "--json").stdout)
      .date
  ).toBe("2024-12-12");
});
