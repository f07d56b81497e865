/** Small plans and workbooks for tests: a clean one, and grids made from layouts as Excel would hold them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTime } from "../../src/core/dates";
import type { Grid, GridSheet, GridValue } from "../../src/core/grid";
import { importPlanText } from "../../src/core/importer";
import { layoutToGrid } from "../../src/core/layout";
import {
  type JournalRow,
  type Plan,
  type Work,
  emptyMeasures,
  emptyPlan,
  emptyWork,
} from "../../src/core/model";
import { planLayouts } from "../../src/core/template";

export function planToGrid(plan: Plan): Grid {
  return { sheets: planLayouts(plan).map(layoutToGrid) };
}

export function work(partial: Partial<Work>): Work {
  return { ...emptyWork(), ...partial };
}

/** Two hamlets, consistent figures, every report on time, every deadline done: a check finds nothing. */
export function cleanPlan(): Plan {
  const plan = emptyPlan();
  plan.settings = {
    ...plan.settings,
    name: "Phối hợp làm công tác dân vận đợt I năm 2025",
    party_committee: "ĐẢNG ỦY XÃ AN BÌNH",
    issuer: "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN",
    place_name: "An Bình",
    issued: "2025-03-01",
    start: "2025-03-10",
    end: "2025-03-14",
    report_from: 13 * 60 + 30,
    report_to: 15 * 60,
    report_place: "Ban CHQS xã",
    report_recipient: "Nguyễn Văn Nhận",
    ratio: { people: 1, forces: 3 },
  };
  plan.targets = [
    { ...emptyMeasures(), category: "phat_quang", routes: 2, length_m: 1500, note: "" },
    { ...emptyMeasures(), category: "nha_dai_doan_ket", count: 2, cost_vnd: 120_000_000, note: "" },
  ];
  plan.hamlets = [
    {
      name: "Bình Hòa",
      responsible: "Trần Thị Một",
      works: [
        work({
          category: "phat_quang",
          description: "Phát quang đường tổ 1",
          routes: 1,
          length_m: 1000,
          start: "2025-03-10",
          end: "2025-03-12",
        }),
        work({
          category: "nha_dai_doan_ket",
          description: "Xây nhà cho hộ ông A",
          count: 1,
          unit_price_vnd: 60_000_000,
          cost_vnd: 60_000_000,
        }),
      ],
    },
    {
      name: "Sân Bay",
      responsible: "Lê Văn Hai",
      works: [
        work({
          category: "phat_quang",
          description: "Phát quang đường tổ 5",
          routes: 1,
          length_m: 500,
        }),
        work({
          category: "nha_dai_doan_ket",
          description: "Xây nhà cho hộ bà B",
          count: 1,
          cost_vnd: 60_000_000,
        }),
      ],
    },
  ];
  plan.commune_works = [
    work({
      category: "tang_qua",
      description: "Quà gia đình chính sách",
      count: 10,
      unit_price_vnd: 500_000,
      cost_vnd: 5_000_000,
    }),
  ];
  plan.journal = ["2025-03-10", "2025-03-11"].flatMap((date, d) =>
    plan.hamlets.map((h, i) => ({
      date,
      hamlet: h.name,
      note: "",
      reporter: "Tổ trưởng",
      sent_minutes: 14 * 60 + i,
      sent_date: date,
      values: {
        quan_doi: 3,
        dan_quan: 3,
        cong_an: 3,
        doan_the: 4,
        nhan_dan: 3,
        phat_quang_m: 100 * (d + 1),
      },
    }))
  );
  plan.deadlines = [
    {
      content: "Gửi kế hoạch",
      unit: "Các ấp",
      recipient: "Ban Chỉ đạo",
      due: "2025-03-08",
      time: null,
      done: "2025-03-07",
      note: "",
    },
  ];
  plan.members = [
    {
      no: 1,
      name: "Trần Thị Một",
      position: "Chủ tịch Hội LHPN",
      role: "Thành viên",
      hamlet: "Bình Hòa",
    },
    {
      no: 2,
      name: "Lê Văn Hai",
      position: "Trưởng Công an xã",
      role: "Thành viên",
      hamlet: "Sân Bay",
    },
  ];
  return plan;
}

/** As-of for the clean plan: day 2 at 16:00, after both days' windows closed. */
export const CLEAN_AS_OF = { date: "2025-03-11", minutes: 16 * 60 };

export function sheet(grid: Grid, name: string): GridSheet {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Sets a cell by A1 address ("C5") on a grid sheet. */
export function setCell(grid: Grid, sheetName: string, address: string, value: GridValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const rows = sheet(grid, sheetName).rows;
  const row = Number(m[2]) - 1;
  while (rows.length <= row) rows.push([]);
  while (rows[row].length <= col) rows[row].push(null);
  rows[row][col] = value;
}

/**
 * Tân Phong's plan with the first three days of the sample journal: from the tests' fixture, or from
 * samples/ke-hoach-mau.txt, which is exactly what `danvan demo` writes.
 */
export function seedPlanWithJournal(text = "test/fixtures/ke-hoach-tan-phong.txt"): Plan {
  const root = join(__dirname, "../..");
  const { plan } = importPlanText(readFileSync(join(root, text), "utf8"));
  const rows = JSON.parse(readFileSync(join(root, "samples/nhat-ky-mau.json"), "utf8")) as (Omit<
    JournalRow,
    "sent_minutes" | "sent_date"
  > & { sent: string })[];
  plan.journal = rows.map(({ sent, ...r }) => ({
    ...r,
    sent_minutes: parseTime(sent),
    sent_date: r.date,
  }));
  return plan;
}

/** Day 3 of the seed campaign at 16:00, as the demo reports it. */
export const SEED_DAY_3 = { date: "2024-12-12", minutes: 16 * 60 };
