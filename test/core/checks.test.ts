import { checkGrid } from "../../src/core/checks";
import { dateToExcelSerial } from "../../src/core/dates";
import { FINDING_CODES, type Finding, type FindingCode } from "../../src/core/findings";
import type { Grid } from "../../src/core/grid";
import type { Plan } from "../../src/core/model";
import { CLEAN_AS_OF, cleanPlan, planToGrid, setCell, sheet } from "../helpers/plans";

const HAMLET = "Ấp Bình Hòa";
const OTHER = "Ấp Sân Bay";

function check(grid: Grid, asOf = CLEAN_AS_OF): Finding[] {
  return checkGrid(grid, asOf).findings;
}

function fromPlan(edit: (p: Plan) => void): Grid {
  const plan = cleanPlan();
  edit(plan);
  return planToGrid(plan);
}

function fromGrid(edit: (g: Grid) => void): Grid {
  const grid = planToGrid(cleanPlan());
  edit(grid);
  return grid;
}

function only(findings: Finding[], code: FindingCode): Finding[] {
  return findings.filter((f) => f.code === code);
}

test("a clean workbook has no findings", () => {
  expect(check(planToGrid(cleanPlan()))).toEqual([]);
});

const cases: [FindingCode, string, () => Grid, Partial<Finding>][] = [
  [
    "SHEET_MISSING",
    "a required sheet is gone",
    () => fromGrid((g) => (g.sheets = g.sheets.filter((s) => s.name !== "Thời hạn"))),
    { severity: "error", sheet: "Thời hạn", cell: null },
  ],
  [
    "HAMLET_UNKNOWN",
    "the journal names a hamlet the workbook does not have",
    () => fromGrid((g) => setCell(g, "Nhật ký", "B2", "Bình Hảo")),
    { severity: "error", sheet: "Nhật ký", cell: "B2", suggestion: "Bình Hòa" },
  ],
  [
    "HAMLET_DUPLICATE",
    "two sheets are the same hamlet",
    () => fromGrid((g) => g.sheets.push({ ...sheet(g, HAMLET), name: "Ap Binh Hoa" })),
    { severity: "error", sheet: "Ap Binh Hoa" },
  ],
  [
    "SHEET_DUPLICATE",
    "a hidden old journal stands beside the visible one",
    () =>
      fromGrid((g) =>
        g.sheets.unshift({ ...sheet(g, "Nhật ký"), name: "Nhat ky", visibility: "hidden" })
      ),
    { severity: "warning", sheet: "Nhat ky", expected: "Nhật ký", actual: "Nhat ky" },
  ],
  [
    "SHEET_TOO_LARGE",
    "the host could read only part of a sheet",
    () =>
      fromGrid((g) => (sheet(g, "Nhật ký").clipped = { read: "A1:AX5000", used: "A1:XFD1048576" })),
    { severity: "error", sheet: "Nhật ký", actual: "A1:XFD1048576" },
  ],
  [
    "HEADER_MISSING",
    "the journal's header row is gone",
    () => fromGrid((g) => (sheet(g, "Nhật ký").rows[0] = [])),
    { severity: "error", sheet: "Nhật ký" },
  ],
  [
    "VALUE_INVALID",
    "a length cannot be read",
    () => fromGrid((g) => setCell(g, HAMLET, "F5", "mười mét")),
    { severity: "error", sheet: HAMLET, cell: "F5" },
  ],
  [
    "VALUE_INVALID",
    "a length is ambiguous (3,000)",
    () => fromGrid((g) => setCell(g, HAMLET, "F5", "1,000")),
    { severity: "warning", sheet: HAMLET, cell: "F5", actual: 1 },
  ],
  [
    "VALUE_NEGATIVE",
    "a length is negative",
    () => fromGrid((g) => setCell(g, HAMLET, "F5", -5)),
    { severity: "error", sheet: HAMLET, cell: "F5", actual: -5 },
  ],
  [
    "VALUE_IMPLAUSIBLE",
    "10^12 soldiers in one day",
    () => fromGrid((g) => setCell(g, "Nhật ký", "C2", 1e12)),
    { severity: "error", sheet: "Nhật ký", cell: "C2", expected: 2000, actual: 1e12 },
  ],
  [
    "CATEGORY_UNKNOWN",
    "a category is misspelt",
    () => fromGrid((g) => setCell(g, HAMLET, "B5", "Phát quan đường")),
    { severity: "error", sheet: HAMLET, cell: "B5", suggestion: "Phát quang, dọn vệ sinh" },
  ],
  [
    "FORMULA_ERROR",
    "a cost cell holds #REF!",
    () => fromGrid((g) => setCell(g, HAMLET, "I6", "#REF!")),
    { severity: "error", sheet: HAMLET, cell: "I6", actual: "#REF!" },
  ],
  [
    "DATE_OUTSIDE_CAMPAIGN",
    "a journal row is dated after the campaign",
    () => fromGrid((g) => setCell(g, "Nhật ký", "A2", "20/03/2025")),
    { severity: "warning", sheet: "Nhật ký", cell: "A2" },
  ],
  [
    "DATE_ORDER",
    "the campaign ends before it starts",
    () => fromGrid((g) => setCell(g, "Kế hoạch", "B9", "09/03/2025")),
    { severity: "error", sheet: "Kế hoạch", cell: "B9" },
  ],
  [
    "TARGET_MISMATCH",
    "the stated metres differ from the works",
    () => fromGrid((g) => setCell(g, "Kế hoạch", "C18", "2.000 m")),
    { severity: "error", sheet: "Kế hoạch", cell: "C18", expected: 2000, actual: 1500 },
  ],
  [
    "AMOUNT_MISMATCH",
    "count × unit price is not the cost",
    () => fromGrid((g) => setCell(g, "Toàn xã", "I2", "4.000.000đ")),
    { severity: "error", sheet: "Toàn xã", cell: "I2", expected: 5_000_000, actual: 4_000_000 },
  ],
  [
    "AMOUNT_IMPLAUSIBLE",
    "a house worth 90.000 đ",
    () => fromGrid((g) => setCell(g, OTHER, "I6", "90.000đ")),
    { severity: "warning", sheet: OTHER, cell: "I6", actual: 90_000 },
  ],
  [
    "RESPONSIBLE_MISSING",
    "nobody is in charge of a hamlet",
    () =>
      fromPlan((p) => {
        p.hamlets[1].responsible = "";
        p.members[1].hamlet = "";
      }),
    { severity: "warning", sheet: OTHER },
  ],
  [
    "REPORT_MISSING",
    "a hamlet sent nothing for a past day",
    () => fromPlan((p) => p.journal.splice(3, 1)),
    { severity: "warning", sheet: "Nhật ký", actual: "2025-03-11" },
  ],
  [
    "REPORT_LATE",
    "a report sent after 15:00",
    () => fromGrid((g) => setCell(g, "Nhật ký", "X2", "15h20")),
    { severity: "warning", sheet: "Nhật ký", cell: "X2", actual: "15:20" },
  ],
  [
    "REPORT_DUPLICATE",
    "one hamlet-day twice",
    () => fromPlan((p) => p.journal.push({ ...p.journal[0] })),
    { severity: "error", sheet: "Nhật ký", cell: "A6" },
  ],
  [
    "PROGRESS_EXCEEDS_PLAN",
    "more metres done than planned",
    () => fromGrid((g) => setCell(g, "Nhật ký", "H3", 400)),
    { severity: "warning", expected: 500, actual: 600 },
  ],
  [
    "PROGRESS_EXCEEDS_PLAN",
    "more gifts given than the commune planned",
    () => fromGrid((g) => setCell(g, "Nhật ký", "O2", 11)),
    { severity: "warning", expected: 10, actual: 11 },
  ],
  [
    "RATIO_BELOW_TARGET",
    "too few people for the soldiers present",
    () => fromGrid((g) => setCell(g, "Nhật ký", "G2", 2)),
    { severity: "warning", sheet: "Nhật ký", cell: "G2", expected: 3, actual: 2 },
  ],
  [
    "DEADLINE_OVERDUE",
    "a deadline passed undone",
    () => fromGrid((g) => setCell(g, "Thời hạn", "F2", null)),
    { severity: "warning", sheet: "Thời hạn", cell: "D2" },
  ],
  [
    "DEADLINE_LATE",
    "a deadline done late",
    () => fromGrid((g) => setCell(g, "Thời hạn", "F2", dateToExcelSerial("2025-03-09"))),
    { severity: "warning", sheet: "Thời hạn", cell: "F2" },
  ],
  [
    "DEADLINE_SOON",
    "a deadline within two days",
    () => fromPlan((p) => p.deadlines.push({ ...p.deadlines[0], due: "2025-03-13", done: null })),
    { severity: "info", sheet: "Thời hạn", cell: "D3" },
  ],
];

test.each(cases)("%s when %s", (code, _why, grid, expected) => {
  const findings = check(grid());
  const hits = only(findings, code);
  expect(hits).toContainEqual(expect.objectContaining(expected));
  for (const f of hits)
    expect(f.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụ]/);
});

test("every finding code has a case", () => {
  const covered = new Set(cases.map((c) => c[0]));
  expect([...FINDING_CODES].filter((c) => !covered.has(c))).toEqual([]);
  expect(cases.length).toBeGreaterThan(FINDING_CODES.length);
});

test("missing reports are listed five a hamlet, the fifth counting the rest", () => {
  const grid = fromPlan((p) => {
    p.settings.end = "2025-05-30";
    p.journal = [];
  });
  const missing = only(check(grid, { date: "2025-03-31", minutes: 16 * 60 }), "REPORT_MISSING");
  expect(missing.map((f) => f.message)).toEqual([
    ...["31", "30", "29", "28"].map(
      (d) => `Ấp Bình Hòa chưa có báo cáo ngày ${d}/03/2025 (hạn 15:00).`
    ),
    "Ấp Bình Hòa chưa có báo cáo ngày 27/03/2025 và 17 ngày khác (hạn 15:00).",
    ...["31", "30", "29", "28"].map(
      (d) => `Ấp Sân Bay chưa có báo cáo ngày ${d}/03/2025 (hạn 15:00).`
    ),
    "Ấp Sân Bay chưa có báo cáo ngày 27/03/2025 và 17 ngày khác (hạn 15:00).",
  ]);
});

test("a hamlet typed in decomposed Unicode, other case and with its prefix doubled still matches", () => {
  const grid = fromGrid((g) =>
    setCell(g, "Nhật ký", "B2", "ẤP ấp  bình\u00a0hòa".normalize("NFD"))
  );
  expect(only(check(grid), "HAMLET_UNKNOWN")).toEqual([]);
});

test("today's report is not missing before its window closes", () => {
  const grid = fromPlan((p) => (p.journal = p.journal.filter((r) => r.date !== "2025-03-11")));
  const before = only(check(grid, { date: "2025-03-11", minutes: 14 * 60 }), "REPORT_MISSING");
  const after = only(check(grid, { date: "2025-03-11", minutes: 15 * 60 + 1 }), "REPORT_MISSING");
  expect(before).toEqual([]);
  expect(after.map((f) => f.message)).toEqual([
    "Ấp Bình Hòa chưa có báo cáo ngày 11/03/2025 (hạn 15:00).",
    "Ấp Sân Bay chưa có báo cáo ngày 11/03/2025 (hạn 15:00).",
  ]);
});
