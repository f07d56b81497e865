/**
 * The daily report going up: what a commune sends (the BC sheet's figures as data, checked on arrival) and the
 * province's roll-up of a date — late and missing communes, totals, same-named communes kept apart.
 */
import { buildReport } from "../../src/core/report";
import { INDICATOR_KEYS, type Indicators } from "../../src/core/model";
import {
  CommuneReport,
  type NewCommuneReport,
  Rollup,
  RollupSettings,
  buildCommuneReport,
  parseNewCommuneReport,
  rollup,
} from "../../src/core/rollup";
import { SEED_DAY_3, cleanPlan, seedPlanWithJournal } from "../helpers/plans";

const DATE = "2025-03-11";
const at = (time: string, date = DATE) => {
  const [h, m] = time.split(":").map(Number);
  return { date, minutes: h * 60 + m };
};

/** The clean plan's day-2 report from a commune, as the server stores it. */
function stored(
  commune: string,
  district: string | null,
  sent: string,
  version = 1,
  date = DATE
): CommuneReport {
  const sentAt = sent.includes("T") ? at(sent.slice(11), sent.slice(0, 10)) : at(sent, date);
  return CommuneReport.parse({
    ...buildCommuneReport(cleanPlan(), date, sentAt, { commune, district }),
    version,
  });
}

const doubled = (v: Indicators) =>
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, v[k] * 2])) as Indicators;

test("a commune sends exactly the figures its BC sheet shows, and they pass the server's check", () => {
  const plan = seedPlanWithJournal();
  const sent = buildCommuneReport(plan, SEED_DAY_3.date, SEED_DAY_3, {
    commune: "Tân Phong",
    district: "Tân Biên",
  });
  const bc = buildReport(plan, SEED_DAY_3.date, SEED_DAY_3);
  expect(sent).toMatchObject({
    commune: "Tân Phong",
    district: "Tân Biên",
    plan: plan.settings.name,
    date: "2024-12-12",
    day: 3,
    campaign_days: 15,
    sent_at: "2024-12-12T16:00",
    hamlet_deadline: "15:00",
    day_total: bc.day_total,
    cumulative: bc.cumulative,
    hamlets: bc.hamlets,
    forces: bc.forces,
    missing: bc.missing,
    late: bc.late,
    notes: bc.notes,
  });
  expect(Object.keys(sent.hamlets)).toHaveLength(8);
  expect(sent.cumulative.phat_quang_m).toBeGreaterThan(sent.day_total.phat_quang_m);
  // Through JSON and back, as it travels.
  expect(parseNewCommuneReport(JSON.parse(JSON.stringify(sent)))).toEqual({
    ok: true,
    report: sent,
  });
});

test("the roll-up gives each commune's figures, the totals, and who is late or missing (PRODUCT.md §8 shape)", () => {
  const expected = [
    { name: "Tân Phong", district: "Tân Biên" },
    { name: "Tân Phong", district: "Châu Thành" },
    { name: "An Bình", district: null },
  ];
  const onTime = stored("Tân Phong", "Tân Biên", "15:40");
  const late = stored("Tân Phong", "Châu Thành", "16:45");
  const r = rollup(expected, [onTime, late], DATE);
  expect(Object.keys(r)).toEqual(["date", "communes", "total", "missing", "late"]);
  expect(r.date).toBe(DATE);
  expect(Object.keys(r.communes)).toEqual(["Tân Phong (Tân Biên)", "Tân Phong (Châu Thành)"]);
  expect(r.communes["Tân Phong (Tân Biên)"]).toEqual({
    sent_at: "2025-03-11T15:40",
    late: false,
    version: 1,
    day_total: onTime.day_total,
    cumulative: onTime.cumulative,
  });
  expect(r.communes["Tân Phong (Châu Thành)"]).toMatchObject({
    sent_at: "2025-03-11T16:45",
    late: true,
  });
  expect(r.missing).toEqual(["An Bình"]);
  expect(r.late).toEqual(["Tân Phong (Châu Thành)"]);
  expect(Object.keys(r.total.day_total)).toEqual([...INDICATOR_KEYS]);
  expect(r.total).toEqual({
    day_total: doubled(onTime.day_total),
    cumulative: doubled(onTime.cumulative),
  });
  // The clean plan's day 2: two hamlets of 3+3+3 LLVT, 200 m each.
  expect(r.total.day_total).toMatchObject({ llvt: 36, phat_quang_m: 800 });
  expect(Rollup.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
});

test("a commune that re-sends its day is counted once, with its latest version", () => {
  const first = stored("An Bình", null, "14:00", 1);
  const second = { ...stored("An Bình", null, "14:30", 2), day_total: first.day_total };
  second.cumulative = { ...second.cumulative, phat_quang_m: 999 };
  const r = rollup([{ name: "An Bình" }], [second, first, first], DATE);
  expect(r.communes["An Bình"]).toMatchObject({ version: 2, sent_at: "2025-03-11T14:30" });
  expect(r.total.cumulative.phat_quang_m).toBe(999);
  expect(r.total.day_total).toEqual(first.day_total);
});

test("late is judged on the province's deadline, 16:30 unless it sets another, and a later day is late", () => {
  const reports = [
    stored("A", null, "16:30"),
    stored("B", null, "16:31"),
    stored("C", null, "2025-03-12T08:00"),
  ];
  const communes = [{ name: "A" }, { name: "B" }, { name: "C" }];
  expect(rollup(communes, reports, DATE).late).toEqual(["B", "C"]);
  const settings = RollupSettings.parse({ deadline: 17 * 60 });
  expect(rollup(communes, reports, DATE, settings.deadline).late).toEqual(["C"]);
  expect(RollupSettings.parse({}).deadline).toBe(16 * 60 + 30);
});

test("reports of other dates and communes listed twice do not add to the day", () => {
  const today = stored("A", null, "15:00");
  const yesterday = stored("A", null, "15:00", 1, "2025-03-10");
  const r = rollup([{ name: "A" }, { name: "A" }], [today, yesterday], DATE);
  expect(Object.keys(r.communes)).toEqual(["A"]);
  expect(r.total.day_total).toEqual(today.day_total);
});

test("a report from a commune nobody listed is kept, and odd names stay plain keys", () => {
  const r = rollup([{ name: "A" }], [stored("__proto__", null, "15:00")], DATE);
  expect(r.missing).toEqual(["A"]);
  expect(Object.keys(r.communes)).toEqual(["__proto__"]);
  expect(JSON.parse(JSON.stringify(r)).communes.__proto__.version).toBe(1);
});

test("two same-named communes without districts still get two keys", () => {
  const r = rollup(
    [
      { name: "Tân Phong" },
      { name: "Tân Phong", district: "Tân Biên" },
      { name: "Tân Phong (Tân Biên)" },
    ],
    [],
    DATE
  );
  expect(r.missing).toEqual(["Tân Phong", "Tân Phong (Tân Biên)", "Tân Phong (Tân Biên) (2)"]);
});

describe("a report that does not hold together is refused in Vietnamese, naming the field", () => {
  const good = (): NewCommuneReport =>
    buildCommuneReport(cleanPlan(), DATE, at("15:00"), { commune: "An Bình" });
  const cases: [string, (r: NewCommuneReport) => void, string][] = [
    [
      "a day's total that is not its hamlets' sum",
      (r) => (r.day_total.phat_quang_m += 1),
      "Báo cáo của xã không hợp lệ: day_total.phat_quang_m (Phát quang, dọn vệ sinh) khác tổng các ấp (400).",
    ],
    [
      "a negative figure",
      (r) => (r.cumulative.qua_phan = -1),
      "Báo cáo của xã không hợp lệ: cumulative.qua_phan (Tặng quà) không được âm.",
    ],
    [
      "a figure no hamlet could have",
      (r) => {
        r.hamlets["Sân Bay"].nhan_dan = 50_000;
        r.day_total.nhan_dan += 50_000 - 3;
      },
      "Báo cáo của xã không hợp lệ: hamlets.Sân Bay.nhan_dan (Nhân dân) quá mức có thể có (50000 > 20000 người).",
    ],
    [
      "LLVT that is not its three forces",
      (r) => (r.hamlets["Bình Hòa"].llvt = 1),
      "Báo cáo của xã không hợp lệ: hamlets.Bình Hòa.llvt (LLVT) phải bằng Quân đội + Dân quân + Công an.",
    ],
    [
      "a missing hamlet the report does not have",
      (r) => r.missing.push("Cầu"),
      'Báo cáo của xã không hợp lệ: missing ấp "Cầu" không có trong báo cáo.',
    ],
    [
      "a note a workbook cannot hold",
      (r) => r.notes.push({ hamlet: "Sân Bay", note: "mưa\uFFFE" }),
      "Báo cáo của xã không hợp lệ: notes.0.note có ký tự Excel không lưu được (như U+FFFE).",
    ],
    [
      "a sending time before the report's day",
      (r) => (r.sent_at = "2025-03-10T15:00"),
      "Báo cáo của xã không hợp lệ: sent_at trước ngày của báo cáo.",
    ],
    [
      "an impossible date",
      (r) => (r.date = "2025-02-30"),
      "Báo cáo của xã không hợp lệ: date không phải ngày YYYY-MM-DD.",
    ],
    [
      "an indicator left out",
      (r) => delete (r.cumulative as Partial<Indicators>).kham_benh_luot,
      "Báo cáo của xã không hợp lệ: cumulative.kham_benh_luot (Khám bệnh, cấp thuốc) bị thiếu.",
    ],
    [
      "an empty commune name",
      (r) => (r.commune = " "),
      "Báo cáo của xã không hợp lệ: commune để trống.",
    ],
  ];
  test.each(cases)("%s", (_name, spoil, message) => {
    const report = good();
    expect(parseNewCommuneReport(report).ok).toBe(true);
    spoil(report);
    expect(parseNewCommuneReport(report)).toEqual({ ok: false, message });
  });
});

test("a province of 3,321 communes rolls up every one of them", () => {
  const one = stored("x", null, "15:00");
  const communes = Array.from({ length: 3321 }, (_, i) => ({
    name: `Xã ${i % 3000}`,
    district: `Huyện ${Math.floor(i / 3000)}`,
  }));
  const reports = communes
    .filter((_, i) => i % 10 !== 0)
    .map((c) => ({ ...one, commune: c.name, district: c.district }));
  const r = rollup(communes, reports, DATE);
  expect(Object.keys(r.communes)).toHaveLength(reports.length);
  expect(r.missing).toHaveLength(3321 - reports.length);
  expect(r.communes["Xã 5 (Huyện 1)"]).toBeDefined();
  expect(r.communes["Xã 5 (Huyện 0)"]).toBeDefined();
  expect(r.communes["Xã 2999"]).toBeDefined();
  expect(r.total.day_total.llvt).toBe(one.day_total.llvt * reports.length);
});
