/**
 * The hierarchy's Excel side as the pane and the ribbon call it: the commune's report read from the workbook in
 * two syncs, Mã đăng ký and TH written in two (at most three round trips at 100 communes, as the issue asks).
 */
import { NewCommuneReport } from "../../src/core/rollup";
import {
  readCommuneReport,
  writeEnrolmentSheet,
  writeRollupSheet,
} from "../../src/excel/hierarchy";
import { hamletCodes } from "../helpers/enrolment";
import { mockWorkbook, writtenValues } from "../helpers/excel-mock";
import { SEED_DAY_3, planToGrid, seedPlanWithJournal } from "../helpers/plans";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";

const blank = () => mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
const TAN_PHONG = { commune: "Tân Phong", district: "Tân Biên" };

test("the commune's report of the chosen day is read in two syncs, under the commune's name, and writes nothing", async () => {
  const plan = seedPlanWithJournal();
  const wb = mockWorkbook(planToGrid(plan));
  const outcome = await readCommuneReport(wb.context, SEED_DAY_3, TAN_PHONG, "2024-12-12");
  expect(wb.syncs()).toBe(2);
  expect(wb.added()).toEqual([]);
  if (outcome.status !== "ready") throw new Error(outcome.status);
  const report = outcome.report;
  expect(NewCommuneReport.safeParse(report).success).toBe(true);
  expect([report.commune, report.district, report.date, report.sent_at]).toEqual([
    "Tân Phong",
    "Tân Biên",
    "2024-12-12",
    "2024-12-12T16:00",
  ]);
  expect(Object.keys(report.hamlets)).toEqual(plan.hamlets.map((h) => h.name));
  expect(report.day_total.phat_quang_m).toBeGreaterThan(0);
});

test("without a day the ribbon's day is taken; a day outside the campaign and a workbook without a plan are refused", async () => {
  const plan = seedPlanWithJournal();
  const grid = planToGrid(plan);
  const late = { date: "2026-11-30", minutes: 600 };
  const last = await readCommuneReport(mockWorkbook(grid).context, late, TAN_PHONG);
  expect(last.status === "ready" && last.report.date).toBe(plan.settings.end);
  expect(
    await readCommuneReport(mockWorkbook(grid).context, late, TAN_PHONG, "2026-11-30")
  ).toMatchObject({
    status: "refused",
    reason: expect.stringMatching(/^Ngày 30\/11\/2026 ngoài đợt/),
  });
  expect(await readCommuneReport(blank().context, late, TAN_PHONG)).toMatchObject({
    status: "no-plan",
  });
});

test("TH of 100 communes: two round trips, the sheet named by its day, missing communes listed on it", async () => {
  const rollup = provinceRollup(100);
  const wb = blank();
  expect(await writeRollupSheet(wb.context, rollup, TAY_NINH, SEED_DAY_3)).toEqual({
    sheet: "TH 12-12-2024",
    replaced: false,
  });
  expect(wb.syncs()).toBeLessThanOrEqual(3);
  const text = writtenValues(wb.sheet("TH 12-12-2024")).flat().join("\n");
  expect(text).toContain(`Số xã đã gửi báo cáo: ${100 - rollup.missing.length}/100.`);
  expect(text).toContain(rollup.missing[0]);
});

test("Mã đăng ký replaces the older sheet and carries one QR picture per row", async () => {
  const wb = mockWorkbook({ sheets: [{ name: "Mã đăng ký", rows: [["cũ"]] }] });
  const codes = hamletCodes(["Cầu", "Trại Bí", "Sân Bay"]);
  expect(await writeEnrolmentSheet(wb.context, codes, SEED_DAY_3)).toEqual({
    sheet: "Mã đăng ký",
    replaced: true,
  });
  expect(wb.syncs()).toBe(2);
  const sheet = wb.sheet("Mã đăng ký");
  expect(sheet.images).toHaveLength(3);
  expect(writtenValues(sheet).flat()).toEqual(
    expect.arrayContaining(codes.codes.map((c) => c.code))
  );
});
