import { checkGrid } from "../../src/core/checks";
import type { CellValue, Grid } from "../../src/core/grid";
import { readPlan } from "../../src/core/reader";
import { computeTotals } from "../../src/core/totals";

const nfd = (s: string) => s.normalize("NFD");

/** A workbook as people type it: title rows, reordered and extra columns, text quantities, NFD, typed dates. */
function typedWorkbook(): Grid {
  const plan: CellValue[][] = [
    ["SỔ KẾ HOẠCH DÂN VẬN"],
    [],
    ["Tên kế hoạch:", "Dân vận đợt II"],
    ["Ngày bắt đầu", null, "10/12/2024"],
    [nfd("Ngày kết thúc"), "24/12/2024"],
    ["Giờ nhận báo cáo từ", "13h30"],
    ["Giờ nhận báo cáo đến", "15h00"],
    ["Tỷ lệ đối ứng", "01 người dân : 03 chiến sĩ"],
    ...Array.from({ length: 10 }, () => []),
    ["Chỉ tiêu"],
    ["Đơn vị tính", "Chiều dài (m)", "Loại công việc", "Kinh phí", "Số tuyến"],
    ["m", "1,5 km", "phat quang, don ve sinh", null, 2],
    ["đồng", null, "Làm đường giao thông", "180 triệu đồng", null],
  ];
  const hamlet: CellValue[][] = [
    [nfd("CÔNG VIỆC ẤP CẦU")],
    ["Người phụ trách:", nfd("Ngô Huỳnh Gấm")],
    ["Ghi chú thêm", "Chiều dài", "Nội dung", "Loại công việc", "Kinh phí (đồng)", "STT"],
    ["x", "1.000 m", "Phát quang tổ 1", nfd("Phát quang, dọn vệ sinh"), null, 1],
    [null, "500", "Phát quang tổ 2", "PHÁT QUANG, DỌN VỆ SINH", null, 2],
    [null, null, "Làm đường tổ 3", "lam duong giao thong", "180.000.000 đ", 3],
    ["Tổng cộng", "1.500", null, null, "180.000.000", null],
  ];
  const journal: CellValue[][] = [
    ["NHẬT KÝ"],
    [
      "Ấp",
      "Ngày",
      "Nhân dân",
      "Công an",
      "Dân quân",
      "Quân đội",
      "Phát quang (m)",
      "Giờ gửi",
      "Cột riêng",
    ],
    [nfd("ấp cầu"), "10/12/2024", 5, 1, 4, 10, "300 m", "14h05", "?"],
    ["Cau", 45637, 5, 1, 4, 10, 200, 0.6, null],
  ];
  return {
    sheets: [
      { name: "Kế hoạch", rows: plan },
      { name: nfd("Ấp Cầu"), rows: hamlet },
      { name: "Toàn xã", rows: [["STT", "Loại công việc", "Nội dung"]] },
      { name: "Nhật ký", rows: journal },
      { name: "Thời hạn", rows: [["Nội dung", "Hạn"]] },
      {
        name: "Thành viên",
        rows: [
          ["Họ và tên", "Phụ trách ấp"],
          ["Ngô Huỳnh Gấm", "Cầu"],
        ],
      },
    ],
  };
}

test("a workbook typed the way people type it reads into the same plan", () => {
  const { plan, findings } = readPlan(typedWorkbook());
  expect(findings).toEqual([]);
  expect(plan.settings).toMatchObject({
    start: "2024-12-10",
    end: "2024-12-24",
    report_from: 810,
    report_to: 900,
    ratio: { people: 1, forces: 3 },
  });
  expect(plan.hamlets).toHaveLength(1);
  expect(plan.hamlets[0]).toMatchObject({ name: "Cầu", responsible: "Ngô Huỳnh Gấm" });
  expect(plan.hamlets[0].works.map((w) => [w.category, w.length_m, w.cost_vnd])).toEqual([
    ["phat_quang", 1000, null],
    ["phat_quang", 500, null],
    ["lam_duong", null, 180_000_000],
  ]);
  expect(
    plan.journal.map((r) => [r.date, r.hamlet, r.values.phat_quang_m, r.sent_minutes])
  ).toEqual([
    ["2024-12-10", "Cầu", 300, 14 * 60 + 5],
    ["2024-12-11", "Cầu", 200, 864],
  ]);
});

test("stated totals agree with the typed works, the total row is not counted twice", () => {
  const { plan } = readPlan(typedWorkbook());
  const t = computeTotals(plan);
  expect(t.stated.phat_quang).toEqual({ routes: 2, length_m: 1500, count: null, cost_vnd: null });
  expect(t.itemised.phat_quang?.length_m).toBe(1500);
  expect(t.stated.lam_duong?.cost_vnd).toBe(180_000_000);
  expect(t.itemised.lam_duong?.cost_vnd).toBe(180_000_000);
  expect(t.hamlets["Cầu"].done.phat_quang_m).toBe(500);
  expect(t.hamlets["Cầu"].done.llvt).toBe(30);
  const codes = checkGrid(typedWorkbook(), { date: "2024-12-11", minutes: 12 * 60 }).findings.map(
    (f) => f.code
  );
  expect(codes).not.toContain("TARGET_MISMATCH");
  expect(codes).not.toContain("HAMLET_UNKNOWN");
});

test("an empty workbook reports every missing sheet instead of failing", () => {
  const { findings } = readPlan({ sheets: [{ name: "Sheet1", rows: [] }] });
  expect(findings.map((f) => [f.code, f.sheet])).toEqual([
    ["SHEET_MISSING", "Kế hoạch"],
    ["SHEET_MISSING", null],
    ["SHEET_MISSING", "Toàn xã"],
    ["SHEET_MISSING", "Nhật ký"],
    ["SHEET_MISSING", "Thời hạn"],
    ["SHEET_MISSING", "Thành viên"],
  ]);
});

test("a header typed with a slip still finds its column; a day without a year takes the campaign's", () => {
  const grid = typedWorkbook();
  const journal = grid.sheets.find((s) => s.name === "Nhật ký")!;
  journal.rows[1][6] = "Phát quag (m)";
  journal.rows[3][1] = "11/12";
  const { plan, findings } = readPlan(grid);
  expect(findings).toEqual([]);
  expect(plan.journal.map((r) => [r.date, r.values.phat_quang_m])).toEqual([
    ["2024-12-10", 300],
    ["2024-12-11", 200],
  ]);
});
