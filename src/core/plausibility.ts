/** What one unit of each kind of work plausibly costs, in đồng; far outside is worth a warning. */
import type { CategoryKey } from "./categories";

export interface UnitCostRange {
  per: "m" | "căn" | "phần" | "cuộc" | "buổi" | "lượt";
  min: number;
  max: number;
}

export const UNIT_COST: Partial<Record<CategoryKey, UnitCostRange>> = {
  phat_quang: { per: "m", min: 100, max: 2_000_000 },
  thap_sang: { per: "m", min: 1_000, max: 5_000_000 },
  dam_va: { per: "m", min: 5_000, max: 20_000_000 },
  lam_duong: { per: "m", min: 20_000, max: 50_000_000 },
  nao_vet: { per: "m", min: 1_000, max: 10_000_000 },
  nha_dai_doan_ket: { per: "căn", min: 10_000_000, max: 2_000_000_000 },
  sua_nha: { per: "căn", min: 1_000_000, max: 1_000_000_000 },
  tang_qua: { per: "phần", min: 20_000, max: 50_000_000 },
  van_nghe: { per: "cuộc", min: 100_000, max: 2_000_000_000 },
  the_thao: { per: "cuộc", min: 100_000, max: 2_000_000_000 },
  tuyen_truyen: { per: "buổi", min: 10_000, max: 500_000_000 },
  kham_benh: { per: "lượt", min: 10_000, max: 50_000_000 },
};
