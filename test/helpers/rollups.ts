/** A province's day for tests: communes named as Tây Ninh's are, each sending the demo commune's report. */
import {
  type CommuneReport,
  type ExpectedCommune,
  buildCommuneReport,
  rollup,
} from "../../src/core/rollup";
import { RollupSettings } from "../../src/core/rollup";
import { SEED_DAY_3, seedPlanWithJournal } from "./plans";

const NAMES = [
  "Tân Phong",
  "Thạnh Bình",
  "Tân Bình",
  "Hòa Hiệp",
  "Mỏ Công",
  "Trà Vong",
  "Thạnh Tây",
  "Tân Lập",
  "Thạnh Bắc",
  "Tân Hòa Thành",
  "Phước Vinh",
  "Hảo Đước",
  "Biên Giới",
  "Long Vĩnh",
  "An Cơ",
  "Thanh Điền",
  "Trường Đông",
  "Long Thành Trung",
  "Phước Chỉ",
  "Bình Thạnh",
  "Suối Ngô",
  "Đồng Khởi",
  "Hưng Thuận",
  "Ninh Điền",
  "Truông Mít",
];
const DISTRICTS = ["Tân Biên", "Châu Thành", "Dương Minh Châu", "Trảng Bàng"];

/** `n` communes: the names repeat across districts, so every key carries its district. */
export function provinceCommunes(n: number): ExpectedCommune[] {
  return Array.from({ length: n }, (_, i) => ({
    name: NAMES[i % NAMES.length],
    district: DISTRICTS[Math.floor(i / NAMES.length) % DISTRICTS.length],
  }));
}

/** Every commune's report of the demo's day 3, but every `missingEvery`-th sends none and every `lateEvery`-th sends at 17:05. */
export function provinceReports(
  communes: ExpectedCommune[],
  missingEvery = 10,
  lateEvery = 7
): CommuneReport[] {
  const plan = seedPlanWithJournal();
  const onTime = buildCommuneReport(
    plan,
    SEED_DAY_3.date,
    { date: SEED_DAY_3.date, minutes: 15 * 60 + 40 },
    { commune: "" }
  );
  return communes.flatMap((c, i) =>
    i % missingEvery === missingEvery - 1
      ? []
      : [
          {
            ...onTime,
            commune: c.name,
            district: c.district ?? null,
            version: 1,
            sent_at: i % lateEvery === lateEvery - 1 ? `${SEED_DAY_3.date}T17:05` : onTime.sent_at,
          },
        ]
  );
}

export const TAY_NINH = RollupSettings.parse({
  name: "Phối hợp liên ngành làm công tác dân vận đợt II năm 2024",
  party_committee: "Tỉnh ủy Tây Ninh",
  issuer: "Ban Chỉ đạo công tác dân vận tỉnh",
  place_name: "Tây Ninh",
  report_place: "Ban Dân vận Trung ương",
  signer: "Nguyễn Văn Tỉnh",
});

export function provinceRollup(n: number) {
  const communes = provinceCommunes(n);
  return rollup(communes, provinceReports(communes), SEED_DAY_3.date, TAY_NINH.deadline);
}
