import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkGrid } from "../../src/core/checks";
import type { Finding } from "../../src/core/findings";
import { importPlanText } from "../../src/core/importer";
import { computeTotals } from "../../src/core/totals";
import { planToGrid } from "../helpers/plans";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const OTHER = join(__dirname, "../fixtures/ke-hoach-xa-khac.txt");

const seed = () => importPlanText(readFileSync(SEED, "utf8"));
const AS_OF = { date: "2024-12-09", minutes: 16 * 60 };

describe("the seed plan (Tân Phong, đợt II 2024)", () => {
  const { plan, warnings } = seed();

  test("settings come from the header and the text", () => {
    expect(plan.settings).toMatchObject({
      name: "Phối hợp liên ngành làm công tác dân vận đợt II năm 2024",
      party_committee: "ĐẢNG UỶ XÃ TÂN PHONG",
      issuer: "BAN CHỈ ĐẠO QUY CHẾ DÂN CHỦ CƠ SỞ VÀ CÔNG TÁC VẬN ĐỘNG QUẦN CHÚNG",
      number: "-KH/BCĐ",
      place_name: "Tân Phong",
      issued: "2024-12-04",
      start: "2024-12-10",
      end: "2024-12-24",
      report_from: 13 * 60 + 30,
      report_to: 15 * 60,
      report_place: "Ban CHQS xã",
      ratio: { people: 1, forces: 3 },
    });
    expect(plan.settings.report_recipient).toMatch(/^Trần Thanh Hưng/);
    expect(warnings).toEqual([]);
  });

  test("eight hamlets, each with its works and the member in charge", () => {
    expect(plan.hamlets.map((h) => [h.name, h.responsible])).toEqual([
      ["Cầu", "Ngô Huỳnh Gấm"],
      ["Trại Bí", "Nguyễn Thế Giang"],
      ["Sân Bay", "Trần Hòa Tuẩn"],
      ["Mới", "Lê Thị Tươi"],
      ["Bàu Đưng", "Nguyễn Thị Diệu Thu"],
      ["Gò Cát", "Lê Đăng Khoa"],
      ["Đồng Dài", "Lương Duy Lâm"],
      ["Xóm Tháp", "Võ Tuấn Kiệt"],
    ]);
    const cau = plan.hamlets[0].works;
    expect(cau.map((w) => [w.category, w.length_m, w.count, w.cost_vnd])).toEqual([
      ["phat_quang", 3000, null, null],
      ["phat_quang", 500, null, null],
      ["thap_sang", 3000, null, 90_000_000],
      ["nha_dai_doan_ket", null, 3, null],
    ]);
    expect(cau[0].place).toBe("tuyến đường Lộ kiểm");
  });

  test("totals: stated against itemised", () => {
    const t = computeTotals(plan);
    expect(t.stated.phat_quang).toEqual({ routes: 9, length_m: 8900, count: null, cost_vnd: null });
    expect(t.itemised.phat_quang?.length_m).toBe(9900);
    expect(t.stated.thap_sang?.length_m).toBe(1330);
    expect(t.itemised.thap_sang?.length_m).toBe(4330);
    expect(t.itemised.dam_va?.length_m).toBe(740);
    expect(t.itemised.lam_duong?.length_m).toBe(400);
    expect(t.itemised.nha_dai_doan_ket?.count).toBe(12);
    expect(t.stated.nha_dai_doan_ket).toMatchObject({ count: 12, cost_vnd: 1_080_000 });
    expect(t.itemised.tang_qua).toEqual({
      routes: null,
      length_m: null,
      count: 25,
      cost_vnd: 10_500_000,
    });
    expect(t.itemised.van_dong?.cost_vnd).toBe(46_000_000);
    expect(t.itemised.van_nghe?.count).toBe(8);
    expect(t.itemised.the_thao?.count).toBe(3);
  });

  test("the plan's own arithmetic errors are caught, and only those", () => {
    const { findings } = checkGrid(planToGrid(plan), AS_OF);
    const about = (f: Finding) => `${f.code} ${f.expected ?? ""}/${f.actual ?? ""}`;
    const arithmetic = findings.filter((f) => /TARGET|AMOUNT/.test(f.code)).map(about);
    expect(arithmetic).toEqual(
      expect.arrayContaining([
        "TARGET_MISMATCH 8900/9900",
        "TARGET_MISMATCH 1330/4330",
        "AMOUNT_MISMATCH 12500000/10500000",
        "AMOUNT_IMPLAUSIBLE 10000000-2000000000/90000",
      ])
    );
    const text = findings.map((f) => f.message).join("\n");
    expect(text).not.toMatch(/Dặm vá|Làm đường giao thông|số lượng 12/);
    expect(
      findings.filter(
        (f) =>
          f.code === "TARGET_MISMATCH" &&
          (f.expected === 740 || f.expected === 400 || f.expected === 12)
      )
    ).toEqual([]);
  });

  test("deadlines and members come from the text", () => {
    expect(plan.deadlines.map((d) => [d.due, d.unit])).toEqual(
      expect.arrayContaining([
        ["2024-12-08", "Ban CHQS xã"],
        ["2024-12-09", "Các cơ quan, ban, ngành, mặt trận, đoàn thể và lực lượng vũ trang"],
        ["2024-12-29", "Ban Chỉ đạo xã"],
      ])
    );
    expect(plan.deadlines.find((d) => d.due === "2024-12-08")?.recipient).toBe(
      "Tuyên giáo Đảng ủy"
    );
    expect(plan.members).toHaveLength(21);
    expect(plan.members[0]).toMatchObject({
      name: "Trương Thị Kim Xanh",
      role: "Trưởng Ban Chỉ đạo",
      hamlet: "",
    });
  });

  test("the same text in decomposed Unicode imports the same", () => {
    const nfd = importPlanText(readFileSync(SEED, "utf8").normalize("NFD"));
    expect(nfd.plan).toEqual(plan);
  });
});

describe("another commune's plan in the same style", () => {
  const { plan } = importPlanText(readFileSync(OTHER, "utf8"));

  test("reads its own hamlets, figures, dates and window", () => {
    expect(plan.settings).toMatchObject({
      party_committee: "ĐẢNG ỦY XÃ HÒA HIỆP",
      place_name: "Hòa Hiệp",
      issued: "2025-02-20",
      number: "05-KH/BCĐ",
      start: "2025-03-01",
      end: "2025-03-10",
      report_from: 14 * 60,
      report_to: 16 * 60 + 30,
      ratio: { people: 1, forces: 2 },
    });
    expect(plan.hamlets.map((h) => h.name)).toEqual(["Hòa Bình", "Hòa Lợi", "Hòa Thạnh"]);
    expect(plan.hamlets[2].responsible).toBe("Lê Thị Bốn");
    const t = computeTotals(plan);
    expect(t.stated.nao_vet?.length_m).toBe(1200);
    expect(t.itemised.nao_vet?.length_m).toBe(1300);
    expect(t.itemised.lam_duong).toEqual({
      routes: 1,
      length_m: 350,
      count: null,
      cost_vnd: 180_000_000,
    });
    expect(t.itemised.sua_nha?.count).toBe(4);
    expect(t.itemised.kham_benh?.count).toBe(300);
    expect(t.itemised.tang_qua).toEqual({
      routes: null,
      length_m: null,
      count: 40,
      cost_vnd: 12_000_000,
    });
  });

  test("its checks flag the nạo vét gap and nothing in the agreeing figures", () => {
    const { findings } = checkGrid(planToGrid(plan), { date: "2025-02-28", minutes: 9 * 60 });
    const mismatches = findings
      .filter((f) => f.code === "TARGET_MISMATCH")
      .map((f) => [f.expected, f.actual]);
    expect(mismatches).toEqual([[1200, 1300]]);
    expect(findings.filter((f) => f.code === "AMOUNT_MISMATCH")).toEqual([]);
  });
});
