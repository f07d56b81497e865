import { writeJournalEntries } from "../../src/excel/journal";
import { mockWorkbook } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";

const entry = (hamlet: string, date: string, phat_quang_m: number, note = "") => ({
  hamlet,
  date,
  values: { phat_quang_m, nhan_dan: 3 },
  note,
  reporter: "B",
  sentAt: `${date}T14:30`,
});

test("pulled rows overwrite their hamlet-day in place, new ones are appended, in three syncs", async () => {
  const plan = cleanPlan();
  plan.journal.push({ ...plan.journal[0] }); // a doubled row the officer typed twice
  const wb = mockWorkbook(planToGrid(plan));
  const written = await writeJournalEntries(wb.context, [
    entry("Bình Hòa", "2025-03-10", 555, "=cmd|' /C calc'!A0"),
    entry("Sân Bay", "2025-03-12", 77),
  ]);
  expect(written).toBe(2);
  expect(wb.syncs()).toBe(3);
  const sheet = wb.sheet("Nhật ký");
  const value = (address: string) => sheet.ranges.find((r) => r.address === address)?.mock.values;
  expect(value("H2")).toEqual([[555]]);
  expect(value("V2")).toEqual([["'=cmd|' /C calc'!A0"]]);
  expect(value("B7")).toEqual([["Sân Bay"]]);
  expect(value("H7")).toEqual([[77]]);
  expect(sheet.ranges.find((r) => r.address === "6:6")?.deleted).toBe(true);
});
