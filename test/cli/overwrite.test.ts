/** No CLI command silently overwrites a workbook that already holds a commune's rows. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/tmp";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const dir = tempDir();
const danvan = cli(dir);

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir(), file));
  return wb.worksheets.map((w) => w.name);
}

beforeAll(() => {
  expect(danvan("import", SEED, "--out", "so.xlsx").code).toBe(0);
});

test.each([
  ["import", ["import", SEED, "--out", "so.xlsx"]],
  ["new", ["new", "--out", "so.xlsx", "--ap", "Cầu"]],
])(
  "%s --out onto an existing workbook refuses in Vietnamese and leaves the file as it was",
  (_what, args) => {
    const before = readFileSync(join(dir(), "so.xlsx"));
    const r = danvan(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^Lỗi: Tệp "so\.xlsx" đã có; .*thêm --force nếu chắc chắn muốn ghi đè\.$/
    );
    expect(readFileSync(join(dir(), "so.xlsx")).equals(before)).toBe(true);
  }
);

test("--force says the user means it", async () => {
  expect(danvan("new", "--out", "so.xlsx", "--ap", "Cầu", "--force").code).toBe(0);
  expect(await sheetNames("so.xlsx")).toContain("Ấp Cầu");
  expect(danvan("import", SEED, "--out", "so.xlsx", "--force").code).toBe(0);
});

test("report --out into another existing workbook adds the day's sheet and keeps the others", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chép").getCell("A1").value = "Sổ báo cáo của xã";
  await wb.xlsx.writeFile(join(dir(), "bao-cao.xlsx"));
  for (const date of ["2024-12-12", "2024-12-13", "2024-12-12"])
    expect(danvan("report", "so.xlsx", "--date", date, "--out", "bao-cao.xlsx").code).not.toBe(2);
  expect(await sheetNames("bao-cao.xlsx")).toEqual(["Ghi chép", "BC 13-12-2024", "BC 12-12-2024"]);
});
