import { buildReport, reportToJson } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { cleanPlan } from "../helpers/plans";

const MADE = { date: "2025-03-11", minutes: 14 * 60 + 45 };

test("day and cumulative figures, computed by hand", () => {
  // Each day both hamlets send 3+3+3 LLVT, 4 members, 3 people; phát quang 100 m on day 1 and 200 m on day 2.
  const r = reportToJson(buildReport(cleanPlan(), "2025-03-11", MADE));
  expect(r.date).toBe("2025-03-11");
  expect(r.day).toBe(2);
  expect(r.hamlets["Bình Hòa"]).toMatchObject({ quan_doi: 3, llvt: 9, nhan_dan: 3, phat_quang_m: 200 });
  expect(r.day_total).toMatchObject({ quan_doi: 6, dan_quan: 6, cong_an: 6, llvt: 18, doan_the: 8, nhan_dan: 6, phat_quang_m: 400 });
  expect(r.cumulative).toMatchObject({ llvt: 36, phat_quang_m: 600, nhan_dan: 12 });
  expect(r.targets.phat_quang_m).toBe(1500);
  expect(r.percent_done.phat_quang_m).toBeCloseTo(0.4);
  expect(r.missing).toEqual([]);
  expect(r.late).toEqual([]);
});

test("a missing hamlet, a late one and a resent day", () => {
  const plan = cleanPlan();
  plan.journal = plan.journal.filter((row) => !(row.date === "2025-03-11" && row.hamlet === "Sân Bay"));
  plan.journal.find((row) => row.date === "2025-03-11")!.sent_minutes = 15 * 60 + 10;
  // Bình Hòa resends day 1 at 14:30 with 150 m: it replaces the 14:00 row, it does not add to it.
  plan.journal.push({ ...plan.journal[0], sent_minutes: 14 * 60 + 30, values: { ...plan.journal[0].values, phat_quang_m: 150 } });
  const r = buildReport(plan, "2025-03-11", MADE);
  expect(r.missing).toEqual(["Sân Bay"]);
  expect(r.late).toEqual(["Bình Hòa"]);
  expect(r.hamlets["Sân Bay"].llvt).toBe(0);
  expect(r.cumulative.phat_quang_m).toBe(150 + 100 + 200);
});

test("the report sheet is in the Party document format and print-ready", () => {
  const plan = cleanPlan();
  const layout = reportLayout(plan, buildReport(plan, "2025-03-11", MADE));
  const text = layout.cells.map((c) => String(c.value ?? ""));
  expect(layout.name).toBe("BC 11-03-2025");
  expect(layout.font.name).toBe("Times New Roman");
  expect(layout.print).toMatchObject({ paperSize: "A4", fitToWidth: 1, orientation: "portrait" });
  expect(layout.print!.margins.left).toBeCloseTo(30 / 25.4);
  expect(text).toEqual(expect.arrayContaining([
    "ĐẢNG ỦY XÃ AN BÌNH", "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "An Bình, ngày 11 tháng 3 năm 2025",
    "BÁO CÁO NHANH", "Ngày 11/03/2025 (ngày thứ 2/5 của đợt)", "Số liệu tổng hợp lúc 14:45 ngày 11/03/2025 từ sổ nhật ký.",
  ]));
  const national = layout.cells.find((c) => c.value === "ĐẢNG CỘNG SẢN VIỆT NAM")!;
  expect(national).toMatchObject({ bold: true, underline: true, row: 1 });
  expect(layout.cells.find((c) => c.value === "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN")).toMatchObject({ bold: true });
  expect(layout.cells.find((c) => String(c.value).startsWith("An Bình, ngày"))).toMatchObject({ italic: true });
});
