import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText } from "../../src/core/importer";
import type { Plan } from "../../src/core/model";
import {
  checkWorkbook,
  selectCell,
  writeDailyReport,
  writeDailyReportCopy,
  writeFindingsSheet,
  writePlanWorkbook,
  writeSummary,
} from "../../src/excel/tasks";
import { REQUEST_LIMIT_BYTES, RequestBudget, queueSheet, safeValue } from "../../src/excel/write";
import { mockWorkbook, writtenValues } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";
import { syntheticPlan } from "../../bench/synthetic";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const seedPlan = (): Plan => importPlanText(readFileSync(SEED, "utf8")).plan;
const AFTER_DAY_2 = { date: "2025-03-11", minutes: 16 * 60 };

test("Kiểm tra reads the whole workbook in two syncs and finds what the CLI finds", async () => {
  const wb = mockWorkbook(planToGrid(seedPlan()));
  const { findings, plan } = await checkWorkbook(wb.context, { date: "2024-12-09", minutes: 960 });
  expect(wb.syncs()).toBe(2);
  expect(plan.hamlets).toHaveLength(8);
  expect(
    findings.filter((f) => f.code === "TARGET_MISMATCH").map((f) => [f.expected, f.actual])
  ).toEqual(
    expect.arrayContaining([
      [8900, 9900],
      [1330, 4330],
    ])
  );
});

test.each([3, 40])("a report costs three syncs with %d hamlets", async (hamlets) => {
  const plan = syntheticPlan(hamlets, 3, 5);
  const wb = mockWorkbook(planToGrid(plan));
  const outcome = await writeDailyReport(
    wb.context,
    { date: plan.settings.end!, minutes: 15 * 60 },
    { replace: false }
  );
  expect(outcome.status).toBe("written");
  expect(wb.syncs()).toBe(3);
  expect(wb.added()).toEqual([`BC ${plan.settings.end!.split("-").reverse().join("-")}`]);
});

test("the report sheet gets its values, Party header, merges, fonts and A4 print setup", async () => {
  const wb = mockWorkbook(planToGrid(cleanPlan()));
  await writeDailyReport(wb.context, AFTER_DAY_2, { replace: false });
  const sheet = wb.sheet("BC 11-03-2025");
  const values = writtenValues(sheet);
  expect(values[0][4]).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
  expect(values.flat()).toEqual(expect.arrayContaining(["BÁO CÁO NHANH", "Bình Hòa", "Sân Bay"]));
  const national = sheet.ranges.find((r) => r.address === "E1:E1")!;
  expect(national.mock.format).toMatchObject({
    font: { name: "Times New Roman", bold: true, underline: "Single" },
  });
  expect(sheet.ranges.find((r) => r.address === "E1:I1")!.merged).toBe(true);
  expect(sheet.pageLayout).toMatchObject({
    paperSize: "A4",
    orientation: "Portrait",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
  });
  expect(sheet.activated).toBe(true);
});

test("a day that already has a report is not replaced without asking; with consent it is", async () => {
  const grid = planToGrid(cleanPlan());
  grid.sheets.push({ name: "BC 11-03-2025", rows: [["cũ"]] });
  const ask = mockWorkbook(grid);
  expect((await writeDailyReport(ask.context, AFTER_DAY_2, { replace: false })).status).toBe(
    "exists"
  );
  expect(ask.added()).toEqual([]);
  const replace = mockWorkbook(grid);
  const outcome = await writeDailyReport(replace.context, AFTER_DAY_2, { replace: true });
  expect(outcome).toMatchObject({ status: "written", replaced: true });
  expect(replace.sheet("BC 11-03-2025 (cũ)").deleted).toBe(true);
  expect(replace.syncs()).toBe(3);
});

test("the ribbon's one-click report never overwrites", async () => {
  const grid = planToGrid(cleanPlan());
  grid.sheets.push({ name: "BC 11-03-2025", rows: [["cũ"]] });
  const wb = mockWorkbook(grid);
  expect(await writeDailyReportCopy(wb.context, AFTER_DAY_2)).toEqual({
    status: "written",
    sheet: "BC 11-03-2025 (2)",
  });
});

test("the ribbon's Kiểm tra writes a findings sheet in three syncs", async () => {
  const plan = cleanPlan();
  plan.targets[0].length_m = 2000;
  const wb = mockWorkbook(planToGrid(plan));
  const findings = await writeFindingsSheet(wb.context, AFTER_DAY_2);
  expect(wb.syncs()).toBe(3);
  expect(findings.map((f) => f.code)).toEqual(["TARGET_MISMATCH"]);
  expect(writtenValues(wb.sheet("Kiểm tra"))[4]).toEqual([
    "Lỗi",
    "Kế hoạch",
    "C18",
    findings[0].message,
    "TARGET_MISMATCH",
  ]);
});

test("Tạo sổ writes every sheet with dropdowns and frozen headers; older hosts skip what they lack", async () => {
  const modern = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
  await writePlanWorkbook(modern.context, cleanPlan(), { replace: false });
  expect(modern.syncs()).toBe(3);
  expect(modern.added()).toEqual([
    "Kế hoạch",
    "Ấp Bình Hòa",
    "Ấp Sân Bay",
    "Toàn xã",
    "Nhật ký",
    "Thời hạn",
    "Thành viên",
  ]);
  const journal = modern.sheet("Nhật ký");
  expect(journal.frozenRows).toBe(1);
  const dropdown = journal.ranges.find((r) => r.address === "B2:B501")!;
  expect(dropdown.mock.dataValidation).toMatchObject({
    rule: { list: { inCellDropDown: true, source: "='Kế hoạch'!$J$2:$J$61" } },
  });

  const excel2016 = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] }, 1.4);
  await writePlanWorkbook(excel2016.context, cleanPlan(), { replace: false });
  expect(excel2016.sheet("Nhật ký").frozenRows).toBeUndefined();
  expect(excel2016.sheet("Nhật ký").ranges.find((r) => r.address === "B2:B501")).toBeUndefined();
});

test("Tổng hợp draws a real chart of progress per hamlet", async () => {
  const wb = mockWorkbook(planToGrid(cleanPlan()));
  const { totals } = await writeSummary(wb.context);
  expect(wb.syncs()).toBe(3);
  expect(totals!.hamlets["Bình Hòa"].done.phat_quang_m).toBe(300);
  const sheet = wb.sheet("Tổng hợp");
  expect(writtenValues(sheet)[4]).toEqual(["Bình Hòa", 1000, 300, 0.3]);
  expect(sheet.charts).toEqual([
    expect.objectContaining({
      type: "BarClustered",
      source: "A4:A6,D4:D6",
      title: { text: "Tiến độ theo ấp (việc tính theo mét)" },
    }),
  ]);
});

test("Tổng hợp and Báo cáo ngày write no empty sheet for a workbook without a plan", async () => {
  const report = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
  expect((await writeDailyReport(report.context, AFTER_DAY_2, { replace: false })).status).toBe(
    "no-plan"
  );
  expect(() => report.sheet("BC 11-03-2025")).toThrow("no sheet");
  const wb = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
  expect((await writeSummary(wb.context)).totals).toBeNull();
  expect(() => wb.sheet("Tổng hợp")).toThrow("no sheet Tổng hợp");
  expect(wb.syncs()).toBe(2);
});

test("clicking a finding selects its cell in one sync", async () => {
  const wb = mockWorkbook(planToGrid(cleanPlan()));
  await selectCell(wb.context, "Kế hoạch", "C18");
  expect(wb.syncs()).toBe(1);
  expect(wb.sheet("Kế hoạch").ranges.find((r) => r.address === "C18")!.selected).toBe(true);
});

test("text that looks like a formula is written as text", () => {
  expect(safeValue('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
  expect(safeValue("-5 m")).toBe("'-5 m");
  expect(safeValue("Cầu")).toBe("Cầu");
  expect(safeValue(-5)).toBe(-5);
});

test("a sheet too big for one request is written in blocks, syncing before Excel on the web's 5 MB limit", async () => {
  const wb = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
  const rows = 40_000;
  const cells = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: 10 }, (_, c) => ({
      row: r + 1,
      col: c + 1,
      value: `Ấp số ${r}-${c} phát quang`,
    }))
  ).flat();
  const budget = new RequestBudget(wb.context);
  await queueSheet(
    wb.context,
    {
      name: "Lớn",
      font: { name: "Times New Roman", size: 12 },
      columnWidths: [],
      cells,
      merges: [],
    },
    [],
    budget
  );
  const blocks = wb
    .sheet("Lớn")
    .ranges.filter((r) => Array.isArray(r.mock.values))
    .map((r) => r.mock.values as unknown[][]);
  expect(blocks.reduce((n, b) => n + b.length, 0)).toBe(rows);
  for (const b of blocks) expect(JSON.stringify(b).length).toBeLessThan(1_100_000);
  const total = JSON.stringify(blocks).length;
  expect(wb.syncs()).toBeGreaterThanOrEqual(Math.floor(total / REQUEST_LIMIT_BYTES));
  expect(wb.syncs()).toBeLessThanOrEqual(Math.ceil(total / (REQUEST_LIMIT_BYTES / 2)));
});
