/**
 * What a commune can plausibly have: the bounds every way in shares (the workbook reader, the sync server, the
 * phone page), so a figure nobody could have typed on purpose (1e308 m, 10^12 soldiers) never reaches a total.
 */
import type { EnteredIndicator } from "./model";

export interface FieldLimit {
  /** Largest plausible value (inclusive). */
  max: number;
  /** People, houses, gifts, sessions and đồng are whole numbers; metres may carry a fraction. */
  integer: boolean;
  /** The unit a message names ("người", "m", "đồng"…). */
  unit: string;
}

const people = (max: number): FieldLimit => ({ max, integer: true, unit: "người" });

/** One hamlet's journal row for one day. */
export const JOURNAL_LIMITS: Record<EnteredIndicator, FieldLimit> = {
  quan_doi: people(2_000),
  dan_quan: people(2_000),
  cong_an: people(2_000),
  doan_the: people(5_000),
  nhan_dan: people(20_000),
  phat_quang_m: { max: 100_000, integer: false, unit: "m" },
  thap_sang_m: { max: 100_000, integer: false, unit: "m" },
  dam_va_m: { max: 50_000, integer: false, unit: "m" },
  lam_duong_m: { max: 50_000, integer: false, unit: "m" },
  nao_vet_m: { max: 100_000, integer: false, unit: "m" },
  nha_dai_doan_ket_can: { max: 200, integer: true, unit: "căn" },
  sua_nha_can: { max: 200, integer: true, unit: "căn" },
  qua_phan: { max: 20_000, integer: true, unit: "phần" },
  qua_vnd: { max: 20_000_000_000, integer: true, unit: "đồng" },
  van_dong_vnd: { max: 100_000_000_000, integer: true, unit: "đồng" },
  tuyen_truyen_buoi: { max: 200, integer: true, unit: "buổi" },
  tuyen_truyen_luot: { max: 100_000, integer: true, unit: "lượt" },
  kham_benh_luot: { max: 20_000, integer: true, unit: "lượt" },
  van_nghe_the_thao_cuoc: { max: 200, integer: true, unit: "cuộc" },
};

/** One planned work or stated total (a whole commune's campaign at most). */
export const MEASURE_LIMITS = {
  routes: { max: 1_000, integer: true, unit: "tuyến" },
  length_m: { max: 1_000_000, integer: false, unit: "m" },
  count: { max: 1_000_000, integer: false, unit: "" },
  unit_price_vnd: { max: 100_000_000_000, integer: true, unit: "đồng" },
  cost_vnd: { max: 10_000_000_000_000, integer: true, unit: "đồng" },
} satisfies Record<string, FieldLimit>;

/** A campaign runs inside these years and lasts at most this many days. */
export const CAMPAIGN_YEARS = { min: 2000, max: 2100 } as const;
export const MAX_CAMPAIGN_DAYS = 120;

/** Excel's own limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

export type LimitProblem = "not_finite" | "negative" | "fraction" | "too_large";

/** What is wrong with `value` under `limit`, or null when it is plausible. */
export function limitProblem(value: number, limit: FieldLimit): LimitProblem | null {
  if (!Number.isFinite(value)) return "not_finite";
  if (value < 0) return "negative";
  if (limit.integer && !Number.isInteger(value)) return "fraction";
  if (value > limit.max) return "too_large";
  return null;
}
