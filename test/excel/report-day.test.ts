/** Báo cáo ngày (task pane and ribbon) refuses a workbook without a plan and a day outside the campaign. */
import { reportDate, writeDailyReport, writeDailyReportCopy } from "../../src/excel/tasks";
import { mockWorkbook } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";

const NO_PLAN =
  'Sổ chưa có kế hoạch: trang "Kế hoạch" chưa ghi Ngày bắt đầu và Ngày kết thúc của đợt; hãy mở đúng sổ kế hoạch, hoặc dùng Tạo sổ để lập sổ từ kế hoạch.';
const unrelated = () => ({
  sheets: [{ name: "Sheet1", rows: [["Danh sách hộ nghèo"], ["Nguyễn Văn A"]] }],
});
const TODAY_OUTSIDE = { date: "2026-11-30", minutes: 10 * 60 };

test.each([
  ["an empty workbook", { sheets: [{ name: "Sheet1", rows: [] }] }],
  ["an unrelated workbook", unrelated()],
])("%s: the ribbon refuses and no sheet is written", async (_what, grid) => {
  const ribbon = mockWorkbook(grid);
  expect(await writeDailyReportCopy(ribbon.context, { date: "2024-12-12", minutes: 900 })).toEqual({
    status: "refused",
    reason: NO_PLAN,
  });
  expect(ribbon.added()).toEqual([]);
});

test("a plan whose Kế hoạch lacks the campaign's dates: the pane refuses and no sheet is written", async () => {
  const plan = cleanPlan();
  plan.settings = { ...plan.settings, start: null, end: null };
  const pane = mockWorkbook(planToGrid(plan));
  const outcome = await writeDailyReport(
    pane.context,
    { date: "2025-03-11", minutes: 900 },
    { date: "2025-03-11", replace: false }
  );
  expect(outcome).toMatchObject({ status: "refused", reason: NO_PLAN });
  expect(pane.added()).toEqual([]);
});

test("a day outside the campaign is refused, naming the day and the campaign", async () => {
  const wb = mockWorkbook(planToGrid(cleanPlan()));
  const outcome = await writeDailyReport(wb.context, TODAY_OUTSIDE, {
    date: "2026-11-30",
    replace: false,
  });
  expect(outcome).toMatchObject({
    status: "refused",
    reason: "Ngày 30/11/2026 ngoài đợt 10/03/2025 – 14/03/2025; chọn một ngày trong đợt.",
  });
  expect(wb.added()).toEqual([]);
});

test("today outside the campaign: the pane offers its last day, the ribbon reports it", async () => {
  expect(await reportDate(mockWorkbook(planToGrid(cleanPlan())).context, "2026-11-30")).toBe(
    "2025-03-14"
  );
  expect(await reportDate(mockWorkbook(planToGrid(cleanPlan())).context, "2025-03-01")).toBe(
    "2025-03-14"
  );
  expect(await reportDate(mockWorkbook(planToGrid(cleanPlan())).context, "2025-03-11")).toBe(
    "2025-03-11"
  );
  const ribbon = mockWorkbook(planToGrid(cleanPlan()));
  expect(await writeDailyReportCopy(ribbon.context, TODAY_OUTSIDE)).toEqual({
    status: "written",
    sheet: "BC 14-03-2025",
  });
  const pane = mockWorkbook(planToGrid(cleanPlan()));
  const written = await writeDailyReport(pane.context, TODAY_OUTSIDE, { replace: false });
  expect(written).toMatchObject({ status: "written", sheet: "BC 14-03-2025", report: { day: 5 } });
});
