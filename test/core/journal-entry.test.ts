/** A day's journal typed into a form: the fields are the Nhật ký columns, read as the workbook reads its cells. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText } from "../../src/core/importer";
import { ENTRY_FIELDS, hasErrors, readEntry } from "../../src/core/journal-entry";
import { hamletIndicatorProgress } from "../../src/core/indicators";
import { computeTotals } from "../../src/core/totals";

const messages = (texts: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(readEntry(texts).problems).map(([field, found]) => [
      field,
      found.map((f) => f.message),
    ])
  );

test("the form's fields are the Nhật ký columns a reporter types, labelled with their headers, in order", () => {
  expect(ENTRY_FIELDS.map((f) => f.header)).toEqual([
    "Quân đội",
    "Dân quân",
    "Công an",
    "Đoàn viên, hội viên",
    "Nhân dân",
    "Phát quang (m)",
    "Thắp sáng (m)",
    "Dặm vá (m)",
    "Làm đường (m)",
    "Nạo vét (m)",
    "Nhà đại đoàn kết (căn)",
    "Sửa nhà (căn)",
    "Quà (phần)",
    "Quà (đồng)",
    "Vận động (đồng)",
    "Tuyên truyền (buổi)",
    "Lượt người nghe",
    "Khám bệnh (lượt)",
    "Văn nghệ, thể thao (cuộc)",
    "Ghi chú",
    "Người báo cáo",
  ]);
  expect(ENTRY_FIELDS.filter((f) => !f.numeric).map((f) => f.header)).toEqual([
    "Ghi chú",
    "Người báo cáo",
  ]);
});

test("figures are read the Vietnamese way, with units, and blanks are left out", () => {
  const entry = readEntry({
    quan_doi: "12",
    phat_quang_m: "1.500",
    thap_sang_m: "0,5 km",
    qua_vnd: "3 triệu",
    cong_an: " ",
    note: "  Dọn tuyến Lộ kiểm\u0007 ",
    reporter: "  Nguyễn  Văn Ba ",
  });
  expect(entry).toEqual({
    values: { quan_doi: 12, phat_quang_m: 1500, thap_sang_m: 500, qua_vnd: 3_000_000 },
    note: "Dọn tuyến Lộ kiểm",
    reporter: "Nguyễn Văn Ba",
    problems: {},
  });
  expect(hasErrors(entry)).toBe(false);
});

test("a figure the workbook would refuse is refused on the form, named by its label, before sending", () => {
  const texts = {
    quan_doi: "2.500",
    dan_quan: "12,5",
    cong_an: "-3",
    nhan_dan: "nhiều",
    phat_quang_m: "5 triệu",
  };
  expect(messages(texts)).toEqual({
    quan_doi: [
      "Quân đội là 2.500, quá mức một xã có thể có (tối đa 2.000 người); sửa lại trước khi gửi.",
    ],
    dan_quan: ['Dân quân: không đọc được "12,5" — cần một số nguyên.'],
    cong_an: ["Công an là số âm (-3); số liệu phải từ 0 trở lên; sửa lại trước khi gửi."],
    nhan_dan: ['Nhân dân: không đọc được "nhiều" — cần số lượng.'],
    phat_quang_m: ['Phát quang (m): không đọc được "5 triệu" — cần chiều dài (m).'],
  });
  expect(readEntry(texts).values).toEqual({});
  expect(hasErrors(readEntry(texts))).toBe(true);
});

test("a figure that reads two ways is a warning that does not stop the sending", () => {
  const entry = readEntry({ phat_quang_m: "1.5" });
  expect(entry.values).toEqual({ phat_quang_m: 1.5 });
  expect(entry.problems.phat_quang_m.map((f) => [f.severity, f.message])).toEqual([
    [
      "warning",
      'Phát quang (m): "1.5" có thể hiểu hai cách; đã đọc theo cách viết Việt Nam là 1,5. Hãy viết rõ (dấu chấm ngăn nghìn, dấu phẩy thập phân).',
    ],
  ]);
  expect(hasErrors(entry)).toBe(false);
});

test("a hamlet's plan figures come from its own works, and its progress from its own rows only", () => {
  const { plan } = importPlanText(
    readFileSync(join(__dirname, "../fixtures/ke-hoach-tan-phong.txt"), "utf8")
  );
  const row = (hamlet: string, values: Record<string, number>) => ({
    date: "2024-12-11",
    hamlet,
    values,
    note: "",
    reporter: "",
    sent_minutes: 840,
    sent_date: null,
  });
  plan.journal = [
    row("Cầu", { phat_quang_m: 800, nhan_dan: 7 }),
    row("Trại Bí", { phat_quang_m: 150 }),
  ];
  const cau = hamletIndicatorProgress(computeTotals(plan), "Cầu");
  expect(cau.phat_quang_m).toEqual({ target: 3500, done: 800 });
  expect(cau.thap_sang_m).toEqual({ target: 3000, done: 0 });
  expect(cau.nha_dai_doan_ket_can).toEqual({ target: 3, done: 0 });
  expect(cau.lam_duong_m).toEqual({ target: null, done: 0 });
  expect(hamletIndicatorProgress(computeTotals(plan), "Trại Bí").phat_quang_m?.done).toBe(150);
});
