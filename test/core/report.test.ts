import type { SheetLayout } from "../../src/core/layout";
import { buildReport, reportToJson } from "../../src/core/report";
import { reportLayout, signer } from "../../src/core/report-layout";
import { SEED_DAY_3, cleanPlan, seedPlanWithJournal } from "../helpers/plans";

const MADE = { date: "2025-03-11", minutes: 14 * 60 + 45 };

test("day and cumulative figures, computed by hand", () => {
  // Each day both hamlets send 3+3+3 LLVT, 4 members, 3 people; phát quang 100 m on day 1 and 200 m on day 2.
  const r = reportToJson(buildReport(cleanPlan(), "2025-03-11", MADE));
  expect(r.date).toBe("2025-03-11");
  expect(r.day).toBe(2);
  expect(r.hamlets["Bình Hòa"]).toMatchObject({
    quan_doi: 3,
    llvt: 9,
    nhan_dan: 3,
    phat_quang_m: 200,
  });
  expect(r.day_total).toMatchObject({
    quan_doi: 6,
    dan_quan: 6,
    cong_an: 6,
    llvt: 18,
    doan_the: 8,
    nhan_dan: 6,
    phat_quang_m: 400,
  });
  expect(r.cumulative).toMatchObject({ llvt: 36, phat_quang_m: 600, nhan_dan: 12 });
  expect(r.targets.phat_quang_m).toBe(1500);
  expect(r.percent_done.phat_quang_m).toBeCloseTo(0.4);
  expect(r.missing).toEqual([]);
  expect(r.late).toEqual([]);
});

test("a missing hamlet, a late one and a resent day", () => {
  const plan = cleanPlan();
  plan.journal = plan.journal.filter(
    (row) => !(row.date === "2025-03-11" && row.hamlet === "Sân Bay")
  );
  plan.journal.find((row) => row.date === "2025-03-11")!.sent_minutes = 15 * 60 + 10;
  // Bình Hòa resends day 1 at 14:30 with 150 m: it replaces the 14:00 row, it does not add to it.
  plan.journal.push({
    ...plan.journal[0],
    sent_minutes: 14 * 60 + 30,
    values: { ...plan.journal[0].values, phat_quang_m: 150 },
  });
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
  expect(text).toEqual(
    expect.arrayContaining([
      "ĐẢNG ỦY XÃ AN BÌNH",
      "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "An Bình, ngày 11 tháng 3 năm 2025",
      "BÁO CÁO NHANH",
      "Ngày 11/03/2025 (ngày thứ 2/5 của đợt)",
      "Số liệu tổng hợp lúc 14:45 ngày 11/03/2025 từ sổ nhật ký.",
    ])
  );
  const national = layout.cells.find((c) => c.value === "ĐẢNG CỘNG SẢN VIỆT NAM")!;
  expect(national).toMatchObject({ bold: true, underline: true, row: 1 });
  expect(layout.cells.find((c) => c.value === "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN")).toMatchObject({
    bold: true,
  });
  expect(layout.cells.find((c) => String(c.value).startsWith("An Bình, ngày"))).toMatchObject({
    italic: true,
  });
});

/** The text a layout shows in `row`, cell by cell. */
function rowTexts(layout: SheetLayout, label: string): string[] {
  const row = layout.cells.find((c) => c.value === label)!.row;
  return layout.cells.filter((c) => c.row === row).map((c) => String(c.value ?? ""));
}

test("where Chỉ tiêu disagrees with the works, % is on the works and the report shows both", () => {
  const plan = seedPlanWithJournal();
  const report = buildReport(plan, SEED_DAY_3.date, SEED_DAY_3);
  // Tân Phong states thắp sáng 1.330 m and phát quang 8.900 m; its works add up to 4.330 m and 9.900 m.
  expect(report.targets).toMatchObject({ thap_sang_m: 4330, phat_quang_m: 9900, dam_va_m: 740 });
  expect(report.stated_targets).toEqual({ thap_sang_m: 1330, phat_quang_m: 8900 });
  expect(report.percent_done.thap_sang_m).toBeCloseTo(1900 / 4330);
  expect(reportToJson(report)).toMatchObject({
    targets: { thap_sang_m: 4330 },
    stated_targets: { thap_sang_m: 1330 },
  });

  const layout = reportLayout(plan, report);
  expect(rowTexts(layout, "Thắp sáng đường quê")).toEqual([
    "2",
    "Thắp sáng đường quê",
    "m",
    "1.400",
    "1.900",
    "1.330\n(chi\u00a0tiết\u00a04.330)",
    "44%",
  ]);
  expect(rowTexts(layout, "Dặm vá đường")).toEqual([
    "3",
    "Dặm vá đường",
    "m",
    "180",
    "740",
    "740",
    "100%",
  ]);
  const note = layout.cells.find((c) =>
    String(c.value).startsWith("Ghi chú: chỉ tiêu ghi trong kế hoạch khác")
  )!;
  expect(note.value).toMatch(
    /phát quang, dọn vệ sinh, thắp sáng đường quê; .*tỷ lệ đạt tính trên tổng các công việc chi tiết/
  );
  expect(note.row).toBe(layout.cells.find((c) => c.value === "Văn nghệ, thể thao")!.row + 1);
});

test("a plan whose Chỉ tiêu agrees with its works has no second figure and no note", () => {
  const plan = cleanPlan();
  const report = buildReport(plan, "2025-03-11", MADE);
  expect(report.stated_targets).toEqual({});
  const layout = reportLayout(plan, report);
  expect(rowTexts(layout, "Phát quang, dọn vệ sinh")).toEqual([
    "1",
    "Phát quang, dọn vệ sinh",
    "m",
    "400",
    "600",
    "1.500",
    "40%",
  ]);
  expect(layout.cells.some((c) => String(c.value).startsWith("Ghi chú"))).toBe(false);
});

test("figures read the Vietnamese way whatever the computer's separators: text, never a locale number format", () => {
  const plan = seedPlanWithJournal();
  const layout = reportLayout(plan, buildReport(plan, SEED_DAY_3.date, SEED_DAY_3));
  expect(layout.cells.filter((c) => typeof c.value === "number")).toEqual([]);
  expect(layout.cells.filter((c) => c.numFmt)).toEqual([]);
  expect(rowTexts(layout, "Trị giá quà")).toEqual([
    "9",
    "Trị giá quà",
    "đồng",
    "7.500.000",
    "12.500.000",
    "10.500.000",
    "119%",
  ]);
  expect(rowTexts(layout, "Cầu").slice(0, 4)).toEqual(["1", "Cầu", "12", "10"]);
});

test("a hamlet that sent nothing shows so in the forces table instead of a row of zeros", () => {
  const plan = seedPlanWithJournal();
  const layout = reportLayout(plan, buildReport(plan, SEED_DAY_3.date, SEED_DAY_3));
  expect(rowTexts(layout, "Mới")).toEqual(["4", "Mới", "Chưa gửi báo cáo"]);
  expect(rowTexts(layout, "Xóm Tháp")).toEqual([
    "8",
    "Xóm Tháp",
    "0",
    "6",
    "2",
    "6",
    "3",
    "8",
    "Đạt",
  ]);
});

test("the Trưởng ban in Thành viên signs; without one the line asks for a name", () => {
  const seed = seedPlanWithJournal();
  const signed = reportLayout(seed, buildReport(seed, SEED_DAY_3.date, SEED_DAY_3));
  const name = signed.cells.find((c) => c.value === "Trương Thị Kim Xanh")!;
  expect(name).toMatchObject({ bold: true, align: "center" });
  expect(name.row).toBeGreaterThan(signed.cells.find((c) => c.value === "TRƯỞNG BAN")!.row);
  expect(signer(seed)).toBe("Trương Thị Kim Xanh");

  const plan = cleanPlan();
  const unsigned = reportLayout(plan, buildReport(plan, "2025-03-11", MADE));
  expect(unsigned.cells.map((c) => c.value)).toContain("(Ký, ghi rõ họ tên)");
  // A role typed by hand, or the role written into Chức vụ, is found too; a Phó Trưởng ban is not the signer.
  plan.members.push({
    no: 3,
    name: "Võ Văn Phó",
    position: "Phó Trưởng Ban Chỉ đạo",
    role: "",
    hamlet: "",
  });
  expect(signer(plan)).toBe("");
  plan.members.push({
    no: 4,
    name: "Phan Văn Ba",
    position: "Bí thư Đảng ủy - Trưởng Ban Chỉ đạo",
    role: "",
    hamlet: "",
  });
  expect(signer(plan)).toBe("Phan Văn Ba");
  plan.members.unshift({ no: 0, name: "Hồ Thị Bốn", position: "", role: "Trưởng ban", hamlet: "" });
  expect(signer(plan)).toBe("Hồ Thị Bốn");
});
