/** The journal's indicators as a report lists them, with the plan figure each is measured against. */
import type { IndicatorKey } from "./model";
import { type Totals, planFigure } from "./totals";

export interface ResultIndicator {
  key: IndicatorKey;
  label: string;
  unit: string;
  target: (t: Totals) => number | null;
}

const sum = (...xs: (number | null)[]) =>
  xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/** The results a report lists, in the order of the plan's sections. */
export const RESULT_INDICATORS: ResultIndicator[] = [
  {
    key: "phat_quang_m",
    label: "Phát quang, dọn vệ sinh",
    unit: "m",
    target: (t) => planFigure(t, "phat_quang", "length_m"),
  },
  {
    key: "thap_sang_m",
    label: "Thắp sáng đường quê",
    unit: "m",
    target: (t) => planFigure(t, "thap_sang", "length_m"),
  },
  {
    key: "dam_va_m",
    label: "Dặm vá đường",
    unit: "m",
    target: (t) => planFigure(t, "dam_va", "length_m"),
  },
  {
    key: "lam_duong_m",
    label: "Làm đường giao thông",
    unit: "m",
    target: (t) => planFigure(t, "lam_duong", "length_m"),
  },
  {
    key: "nao_vet_m",
    label: "Nạo vét kênh mương",
    unit: "m",
    target: (t) => planFigure(t, "nao_vet", "length_m"),
  },
  {
    key: "nha_dai_doan_ket_can",
    label: "Xây nhà đại đoàn kết",
    unit: "căn",
    target: (t) => planFigure(t, "nha_dai_doan_ket", "count"),
  },
  {
    key: "sua_nha_can",
    label: "Sửa chữa nhà",
    unit: "căn",
    target: (t) => planFigure(t, "sua_nha", "count"),
  },
  {
    key: "qua_phan",
    label: "Tặng quà",
    unit: "phần",
    target: (t) => planFigure(t, "tang_qua", "count"),
  },
  {
    key: "qua_vnd",
    label: "Trị giá quà",
    unit: "đồng",
    target: (t) => planFigure(t, "tang_qua", "cost_vnd"),
  },
  {
    key: "van_dong_vnd",
    label: "Vận động kinh phí, vật tư",
    unit: "đồng",
    target: (t) => planFigure(t, "van_dong", "cost_vnd"),
  },
  {
    key: "tuyen_truyen_buoi",
    label: "Tuyên truyền",
    unit: "buổi",
    target: (t) => planFigure(t, "tuyen_truyen", "count"),
  },
  {
    key: "tuyen_truyen_luot",
    label: "Lượt người nghe tuyên truyền",
    unit: "lượt",
    target: () => null,
  },
  {
    key: "kham_benh_luot",
    label: "Khám bệnh, cấp thuốc",
    unit: "lượt",
    target: (t) => planFigure(t, "kham_benh", "count"),
  },
  {
    key: "van_nghe_the_thao_cuoc",
    label: "Văn nghệ, thể thao",
    unit: "cuộc",
    target: (t) => sum(planFigure(t, "van_nghe", "count"), planFigure(t, "the_thao", "count")),
  },
];

export const FORCE_INDICATORS: { key: IndicatorKey; label: string }[] = [
  { key: "quan_doi", label: "Quân đội" },
  { key: "dan_quan", label: "Dân quân" },
  { key: "cong_an", label: "Công an" },
  { key: "doan_the", label: "Đoàn viên, hội viên" },
  { key: "nhan_dan", label: "Nhân dân" },
  { key: "llvt", label: "LLVT" },
];
