/**
 * A row received from the server written into the open workbook (Office.js): a sent time from another day goes
 * into Giờ gửi as a date and time, so the workbook that receives it reads the report as late, like the sender's.
 */
import { checkPlan } from "../../src/core/checks";
import { dateToExcelSerial } from "../../src/core/dates";
import type { CellValue } from "../../src/core/grid";
import { FORMAT } from "../../src/core/layout";
import { readPlan } from "../../src/core/reader";
import { writeJournalEntries } from "../../src/excel/journal";
import { mockWorkbook } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";

test("a correction sent the next morning is written with its date and read back as late", async () => {
  const grid = planToGrid(cleanPlan());
  const wb = mockWorkbook(grid);
  const correction = {
    hamlet: "Bình Hòa",
    date: "2025-03-10",
    values: { quan_doi: 3, nhan_dan: 1, phat_quang_m: 150 },
    note: "sửa lại",
    reporter: "B",
    sentAt: "2025-03-11T08:10",
  };
  expect(await writeJournalEntries(wb.context, [correction])).toBe(1);
  const journal = wb.sheet("Nhật ký");
  const sent = journal.ranges.find((r) => r.address === "X2")!.mock;
  const serial = dateToExcelSerial("2025-03-11") + (8 * 60 + 10) / 1440;
  expect(sent.values).toEqual([[serial]]);
  expect(sent.numberFormat).toEqual([[FORMAT.dateTime]]);

  // The workbook as Excel now holds it: the same cells, read the way every command reads.
  const sheet = grid.sheets.find((s) => s.name === "Nhật ký")!;
  for (const r of journal.ranges) {
    const m = /^([A-Z])(\d+)$/.exec(r.address);
    if (m)
      (sheet.rows[Number(m[2]) - 1] as CellValue[])[m[1].charCodeAt(0) - 65] = (
        r.mock.values as CellValue[][]
      )[0][0];
  }
  const { plan } = readPlan(grid);
  expect(plan.journal[0]).toMatchObject({
    date: "2025-03-10",
    sent_date: "2025-03-11",
    sent_minutes: 490,
    values: { phat_quang_m: 150 },
  });
  const late = checkPlan(plan, { date: "2025-03-14", minutes: 16 * 60 }).filter(
    (f) => f.code === "REPORT_LATE"
  );
  expect(late.map((f) => f.message)).toEqual([
    "Ấp Bình Hòa gửi báo cáo ngày 10/03/2025 lúc 08:10 ngày 11/03/2025, sau giờ nhận 15:00.",
  ]);
});
