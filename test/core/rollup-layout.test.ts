/**
 * Sheet TH dd-mm-yyyy, the province's report of a day: the Party heading of its steering committee, every
 * indicator's total, one row per commune in alphabetical order, who is missing or late, the signature; one A4
 * page wide at full scale for 100 communes.
 */
import { INDICATOR_KEYS, type Indicators } from "../../src/core/model";
import { layoutToGrid } from "../../src/core/layout";
import { printScale } from "../../src/core/print";
import { type Rollup, RollupSettings } from "../../src/core/rollup";
import { DAY_FORCES, MAIN_RESULTS, rollupLayout } from "../../src/core/rollup-layout";
import { SEED_DAY_3 } from "../helpers/plans";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";

const text = (rows: unknown[][]) => rows.map((r) => r.filter((v) => v !== null && v !== ""));
const rowWith = (rows: unknown[][], first: string) => rows.find((r) => r.includes(first))!;

test("the province's report of 100 communes: heading, a row per commune, totals, missing and late, signature", () => {
  const r = provinceRollup(100);
  const layout = rollupLayout(r, TAY_NINH, SEED_DAY_3);
  expect(layout.name).toBe("TH 12-12-2024");
  const rows = layoutToGrid(layout).rows;
  expect(text(rows.slice(0, 4))).toEqual([
    ["TỈNH ỦY TÂY NINH", "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN TỈNH"],
    ["*", "Tây Ninh, ngày 12 tháng 12 năm 2024"],
    ["Số        -BC/BCĐ"],
  ]);
  const all = rows.flat();
  expect(all).toEqual(
    expect.arrayContaining([
      "BÁO CÁO NHANH",
      "I. KẾT QUẢ CHUNG TOÀN TỈNH",
      "II. KẾT QUẢ TỪNG XÃ",
      "Nguyễn Văn Tỉnh",
      "- Ban Dân vận Trung ương;",
    ])
  );
  // Section I: the province's total of LLVT, the day and cumulative.
  expect(text([rowWith(rows, "LLVT")])[0]).toEqual(["6", "LLVT", "người", "6.930", "22.590"]);
  // Section II: 100 rows, numbered, in Vietnamese order (Đ after D, Ơ after O…).
  const first = rows.findIndex((row) => row[0] === "1" && row[1] === "An Cơ (Châu Thành)");
  const names = rows.slice(first, first + 100).map((row) => row[1] as string);
  expect(names.slice(0, 4)).toEqual([
    "An Cơ (Châu Thành)",
    "An Cơ (Dương Minh Châu)",
    "An Cơ (Tân Biên)",
    "An Cơ (Trảng Bàng)",
  ]);
  expect([...names].sort(new Intl.Collator("vi").compare)).toEqual(names);
  expect(new Set(names)).toEqual(new Set([...Object.keys(r.communes), ...r.missing]));
  expect(names.indexOf("Đồng Khởi (Tân Biên)")).toBeGreaterThan(
    names.indexOf("Bình Thạnh (Tân Biên)")
  );
  const missing = rows.slice(first, first + 100).filter((row) => row[2] === "Chưa gửi báo cáo");
  expect(missing.map((row) => row[1]).sort()).toEqual([...r.missing].sort());
  const sent = rowWith(rows, "Tân Phong (Tân Biên)");
  expect(text([sent])[0].slice(2)).toEqual(["15:40", "77", "29", "1.500", "7.800", "15", "25"]);
  expect(rowWith(rows, r.late[0])[2]).toBe("17:05");
  const total = rowWith(rows, "Cộng");
  expect(text([total])[0]).toEqual([
    "Cộng",
    "6.930",
    "2.610",
    "135.000",
    "702.000",
    "1.350",
    "2.250",
  ]);
  expect(all).toEqual(
    expect.arrayContaining([
      "- Số xã đã gửi báo cáo: 90/100.",
      expect.stringMatching(/^- Xã chưa gửi báo cáo: An Cơ \(Châu Thành\), An Cơ \(Trảng Bàng\), /),
      expect.stringMatching(/^- Xã gửi sau 16:30: Biên Giới \(Dương Minh Châu\), /),
      "Số liệu tổng hợp lúc 16:00 ngày 12/12/2024 từ báo cáo các xã gửi lên.",
    ])
  );
  // One A4 page wide at full size, the commune table's header on every page, 13 pt Times New Roman.
  expect(printScale(layout)).toBe(1);
  expect(layout.print).toMatchObject({ paperSize: "A4", orientation: "portrait" });
  // `first` counts from 0: the two rows above the first commune's are rows first - 1 and first.
  expect(layout.print!.titleRows).toBe(`${first - 1}:${first}`);
  expect(layout.font).toEqual({ name: "Times New Roman", size: 13 });
});

test("a district's report and a day nobody sent: its own heading, every commune missing, zeros", () => {
  const r: Rollup = {
    date: "2025-03-11",
    communes: {},
    total: { day_total: zeros(), cumulative: zeros() },
    missing: ["Tân Phong", "An Bình"],
    late: [],
  };
  const settings = RollupSettings.parse({ level: "district", deadline: 17 * 60 });
  const all = layoutToGrid(
    rollupLayout(r, settings, { date: "2025-03-11", minutes: 18 * 60 })
  ).rows.flat();
  expect(all).toEqual(
    expect.arrayContaining([
      "I. KẾT QUẢ CHUNG TOÀN HUYỆN",
      "Tổng hợp kết quả đợt công tác dân vận của các xã",
      "- Xã chưa gửi báo cáo: An Bình, Tân Phong.",
      "- Xã gửi sau 17:00: không có.",
      "(Ký, ghi rõ họ tên)",
      "Chưa gửi báo cáo",
    ])
  );
});

test("figures twenty times the demo's still print one page wide at ≥ 90 %", () => {
  const r = provinceRollup(100);
  const times = (v: Indicators) =>
    Object.fromEntries(INDICATOR_KEYS.map((k) => [k, v[k] * 20])) as Indicators;
  for (const c of Object.values(r.communes)) {
    c.day_total = times(c.day_total);
    c.cumulative = times(c.cumulative);
  }
  r.total = { day_total: times(r.total.day_total), cumulative: times(r.total.cumulative) };
  const layout = rollupLayout(r, TAY_NINH, SEED_DAY_3);
  expect(printScale(layout)).toBeGreaterThanOrEqual(0.9);
  expect([...DAY_FORCES, ...MAIN_RESULTS].map((m) => m.key)).toEqual([
    "llvt",
    "nhan_dan",
    "phat_quang_m",
    "qua_phan",
  ]);
});

function zeros(): Indicators {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as Indicators;
}
