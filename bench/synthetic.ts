/** Synthetic plans for benchmarks: many hamlets, many works, a full journal. Deterministic. */
import { CATEGORIES } from "../src/core/categories";
import { addDays } from "../src/core/dates";
import { type Plan, emptyMeasures, emptyPlan, emptyWork } from "../src/core/model";

export function syntheticPlan(hamlets: number, worksPerHamlet: number, days: number): Plan {
  const plan = emptyPlan();
  const start = "2024-12-10";
  plan.settings = {
    ...plan.settings,
    name: "Đợt thử tải",
    party_committee: "ĐẢNG ỦY XÃ THỬ",
    issuer: "BAN CHỈ ĐẠO",
    place_name: "Thử",
    start,
    end: addDays(start, days - 1),
    report_from: 810,
    report_to: 900,
    ratio: { people: 1, forces: 3 },
  };
  const metres = CATEGORIES.filter((c) => c.measuredInMetres);
  plan.hamlets = Array.from({ length: hamlets }, (_, h) => ({
    name: `Số ${h + 1}`,
    responsible: `Cán bộ ${h + 1}`,
    works: Array.from({ length: worksPerHamlet }, (_, w) => ({
      ...emptyWork(),
      category: metres[w % metres.length].key,
      description: `Công việc ${w + 1}`,
      place: `tổ ${w + 1}`,
      routes: 1,
      length_m: 100 + ((h * 7 + w * 13) % 900),
      cost_vnd: 1_000_000 * (1 + (w % 5)),
    })),
  }));
  plan.targets = metres.map((c) => ({
    ...emptyMeasures(),
    category: c.key,
    length_m: 1000,
    note: "",
  }));
  plan.journal = Array.from({ length: days }, (_, d) => addDays(start, d)).flatMap((date) =>
    plan.hamlets.map((h, i) => ({
      date,
      hamlet: h.name,
      note: "",
      reporter: "",
      sent_minutes: 840 + (i % 70),
      sent_date: date,
      values: {
        quan_doi: 6,
        dan_quan: 6,
        cong_an: 3,
        doan_the: 10,
        nhan_dan: 5,
        phat_quang_m: 50 + (i % 20),
        dam_va_m: 10,
      },
    }))
  );
  return plan;
}
