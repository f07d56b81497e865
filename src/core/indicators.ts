/** The journal's indicators as a report lists them, with the plan figure each is measured against. */
import type { CategoryKey } from "./categories";
import type { IndicatorKey } from "./model";
import { type SummedMeasure, type Totals, planFigure } from "./totals";

export interface ResultIndicator {
  key: IndicatorKey;
  label: string;
  unit: string;
  /** The plan figure progress is measured against (planFigure: the itemised works first). */
  target: (t: Totals) => number | null;
  /** What the Chỉ tiêu table states for it, which may disagree with the works. */
  stated: (t: Totals) => number | null;
}

const sum = (...xs: (number | null)[]) =>
  xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/** An indicator measured against the sum of these plan figures. */
function indicator(
  key: IndicatorKey,
  label: string,
  unit: string,
  ...plan: [CategoryKey, SummedMeasure][]
): ResultIndicator {
  return {
    key,
    label,
    unit,
    target: (t) => sum(...plan.map(([c, m]) => planFigure(t, c, m))),
    stated: (t) => sum(...plan.map(([c, m]) => t.stated[c]?.[m] ?? null)),
  };
}

/** The results a report lists, in the order of the plan's sections. */
export const RESULT_INDICATORS: ResultIndicator[] = [
  indicator("phat_quang_m", "Phát quang, dọn vệ sinh", "m", ["phat_quang", "length_m"]),
  indicator("thap_sang_m", "Thắp sáng đường quê", "m", ["thap_sang", "length_m"]),
  indicator("dam_va_m", "Dặm vá đường", "m", ["dam_va", "length_m"]),
  indicator("lam_duong_m", "Làm đường giao thông", "m", ["lam_duong", "length_m"]),
  indicator("nao_vet_m", "Nạo vét kênh mương", "m", ["nao_vet", "length_m"]),
  indicator("nha_dai_doan_ket_can", "Xây nhà đại đoàn kết", "căn", ["nha_dai_doan_ket", "count"]),
  indicator("sua_nha_can", "Sửa chữa nhà", "căn", ["sua_nha", "count"]),
  indicator("qua_phan", "Tặng quà", "phần", ["tang_qua", "count"]),
  indicator("qua_vnd", "Trị giá quà", "đồng", ["tang_qua", "cost_vnd"]),
  indicator("van_dong_vnd", "Vận động kinh phí, vật tư", "đồng", ["van_dong", "cost_vnd"]),
  indicator("tuyen_truyen_buoi", "Tuyên truyền", "buổi", ["tuyen_truyen", "count"]),
  indicator("tuyen_truyen_luot", "Lượt người nghe tuyên truyền", "lượt"),
  indicator("kham_benh_luot", "Khám bệnh, cấp thuốc", "lượt", ["kham_benh", "count"]),
  indicator(
    "van_nghe_the_thao_cuoc",
    "Văn nghệ, thể thao",
    "cuộc",
    ["van_nghe", "count"],
    ["the_thao", "count"]
  ),
];

export const FORCE_INDICATORS: { key: IndicatorKey; label: string }[] = [
  { key: "quan_doi", label: "Quân đội" },
  { key: "dan_quan", label: "Dân quân" },
  { key: "cong_an", label: "Công an" },
  { key: "doan_the", label: "Đoàn viên, hội viên" },
  { key: "nhan_dan", label: "Nhân dân" },
  { key: "llvt", label: "LLVT" },
];

/**
 * One hamlet's plan figure per result indicator, from its own works only (a hamlet has no Chỉ tiêu table),
 * and what its journal adds up to: the phone page shows them beside each field.
 */
export function hamletIndicatorProgress(
  totals: Totals,
  hamlet: string
): Partial<Record<IndicatorKey, { target: number | null; done: number }>> {
  const own = totals.hamlets[hamlet];
  if (!own) return {};
  const scoped: Totals = { stated: {}, itemised: own.plan, hamlets: {}, done: own.done };
  return Object.fromEntries(
    RESULT_INDICATORS.map((r) => [r.key, { target: r.target(scoped), done: own.done[r.key] }])
  );
}
