/** Plan texts written the way real documents get written, which the importer once read wrong with no warning. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_PLAN_CHARS, importPlanText } from "../../src/core/importer";
import { hasXmlUnsafe } from "../../src/core/text";
import { computeTotals } from "../../src/core/totals";
import { hamletSheetNames, planLayouts, sheetNameNotes } from "../../src/core/template";

const SEED = readFileSync(join(__dirname, "../fixtures/ke-hoach-tan-phong.txt"), "utf8");
const seed = importPlanText(SEED);

function edited(from: string | RegExp, to: string): string {
  const text = SEED.replace(from, to);
  expect(text).not.toBe(SEED);
  return text;
}

test('"8,900m", "1,330m" and "dài 3,000m" are thousands, each with a warning', () => {
  const text = edited("tuyến đường/8.900m", "tuyến đường/8,900m")
    .replace("tuyến đường/1.330m", "tuyến đường/1,330m")
    .replace("Lộ kiểm dài 3.000m; Dọn", "Lộ kiểm dài 3,000m; Dọn");
  const { plan, warnings } = importPlanText(text);
  const t = computeTotals(plan);
  expect(t.stated.phat_quang?.length_m).toBe(8900);
  expect(t.stated.thap_sang?.length_m).toBe(1330);
  expect(plan.hamlets[0].works[0]).toMatchObject({
    category: "phat_quang",
    length_m: 3000,
    place: "tuyến đường Lộ kiểm",
  });
  expect(t.itemised.phat_quang?.length_m).toBe(9900);
  expect(warnings).toEqual([
    'Số "8,900m" có thể hiểu hai cách, đã đọc là 8.900 m; kiểm tra lại với văn bản gốc.',
    'Số "1,330m" có thể hiểu hai cách, đã đọc là 1.330 m; kiểm tra lại với văn bản gốc.',
    'Số "3,000m" có thể hiểu hai cách, đã đọc là 3.000 m; kiểm tra lại với văn bản gốc.',
  ]);
});

test("a decimal comma before km, triệu or tỷ stays decimal, and the seed's own numbers raise no warning", () => {
  const { plan, warnings } = importPlanText(
    edited("Lộ kiểm dài 3.000m; Dọn", "Lộ kiểm dài 1,5km; Dọn")
  );
  expect(plan.hamlets[0].works[0].length_m).toBe(1500);
  expect(warnings).toEqual([]);
  expect(computeTotals(seed.plan).stated.nha_dai_doan_ket?.cost_vnd).toBe(1_080_000);
  expect(seed.warnings).toEqual([]);
});

test("a plan without hamlet lines keeps its stated totals and commune-wide works, and says it has no itemised works", () => {
  const { plan, warnings } = importPlanText(SEED.replace(/^- Ấp .*$/gmu, ""));
  expect(plan.targets).toEqual(seed.plan.targets);
  expect(plan.commune_works).toEqual(seed.plan.commune_works);
  expect(plan.hamlets.flatMap((h) => h.works).every((w) => w.category === "nha_dai_doan_ket")).toBe(
    true
  );
  expect(warnings).toEqual([
    'Kế hoạch không có công việc chi tiết của từng ấp (dòng dạng "- Ấp Cầu: …"); đã nhập chỉ tiêu và việc toàn xã, hãy nhập công việc của từng ấp vào trang của ấp đó.',
  ]);
});

test('"từ ngày 24/12 - 10/12/2024": the short date takes 2024 and the reversed span is a warning naming both dates; a span across the new year is not', () => {
  const reversed = importPlanText(
    edited("(từ ngày 10/12 - 24/12/2024)", "(từ ngày 24/12 - 10/12/2024)")
  );
  expect(reversed.plan.settings).toMatchObject({ start: "2024-12-24", end: "2024-12-10" });
  expect(reversed.warnings).toEqual([
    "Thời gian của đợt ghi ngày kết thúc 10/12/2024 trước ngày bắt đầu 24/12/2024; sửa lại Ngày bắt đầu, Ngày kết thúc trên trang Kế hoạch.",
  ]);
  const newYear = importPlanText(
    edited("(từ ngày 10/12 - 24/12/2024)", "(từ ngày 25/12 - 05/01/2025)")
  );
  expect(newYear.plan.settings).toMatchObject({ start: "2024-12-25", end: "2025-01-05" });
  expect(newYear.warnings).toEqual([]);
});

test('hamlet "19/5" and a name over 28 characters keep their full names; their sheets get safe, unique names', () => {
  const long = "Mới Thành Lập Năm Hai Nghìn Không Trăm";
  const text = edited("- Ấp Mới:", "- Ấp 19/5:")
    .replace("- Ấp Gò Cát:", `- Ấp ${long}:`)
    .replace("- Ấp Đồng Dài:", `- Ấp ${long} Một:`);
  const { plan } = importPlanText(text);
  const names = plan.hamlets.map((h) => h.name);
  expect(names).toEqual(expect.arrayContaining(["19/5", long, `${long} Một`]));
  const sheets = planLayouts(plan).map((l) => l.name);
  expect(sheets).toEqual(
    expect.arrayContaining([
      "Ấp 19-5",
      "Ấp Mới Thành Lập Năm Hai Nghì~1",
      "Ấp Mới Thành Lập Năm Hai Nghì~2",
    ])
  );
  for (const s of sheets) {
    expect(s.length).toBeLessThanOrEqual(31);
    expect(s).not.toMatch(/[*?:\\/[\]]/);
  }
  expect(new Set(sheets.map((s) => s.toUpperCase())).size).toBe(sheets.length);
  const hamletSheet = planLayouts(plan).find((l) => l.name === "Ấp 19-5")!;
  expect(hamletSheet.cells).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ row: 3, col: 1, value: "Tên ấp" }),
      expect.objectContaining({ row: 3, col: 3, value: "19/5" }),
    ])
  );
  expect(sheetNameNotes(["Cầu", "19/5"])).toEqual([
    'ấp "19/5" ở trang "Ấp 19-5" (tên trang Excel dài tối đa 31 ký tự, không có * ? : \\ / [ ]); tên đầy đủ ghi ở ô "Tên ấp".',
  ]);
});

test("sheet names never collide with the plan's own sheets or with each other, whatever the case", () => {
  expect(hamletSheetNames(["cầu", "Cầu", "A[1]", "A?1"])).toEqual([
    "Ấp cầu",
    "Ấp Cầu~1",
    "Ấp A-1-",
    "Ấp A-1",
  ]);
});

test("characters an .xlsx cannot hold never reach the plan", () => {
  const { plan } = importPlanText(
    edited("- Ấp Cầu: Phát quang", "- Ấp Cầu\uFFFE: Phát\uFFFF quang\u0001").replace(
      "Trương Thị Kim Xanh - Phó",
      "Trương Thị\u0008 Kim Xanh - Phó"
    )
  );
  expect(hasXmlUnsafe(JSON.stringify(plan))).toBe(false);
  expect(plan.hamlets[0].name).toBe("Cầu");
  expect(plan.members[0].name).toBe("Trương Thị Kim Xanh");
});

test("a single line of a million characters imports in one pass; a longer text is refused in Vietnamese", () => {
  const body = "Phát quang dọn vệ sinh, ".repeat(Math.floor((MAX_PLAN_CHARS - 40) / 24));
  const { plan } = importPlanText(`- Ấp Cầu: ${body}dài 3.000m`);
  expect(plan.hamlets[0].works).toHaveLength(1);
  expect(plan.hamlets[0].works[0].length_m).toBe(3000);
  expect(() => importPlanText("x".repeat(MAX_PLAN_CHARS + 1))).toThrow(
    "Văn bản kế hoạch dài 1 triệu ký tự, quá 1 triệu ký tự mà một kế hoạch có thể có; hãy kiểm tra đã chọn đúng tệp."
  );
});
