/**
 * The open workbook read through Office.js as Excel holds it: merged cells (their value in the top-left
 * cell only), hidden sheets, stray values far out — in two syncs, on old and new hosts.
 */
import type { Grid } from "../../src/core/grid";
import { computeTotals } from "../../src/core/totals";
import { checkWorkbook } from "../../src/excel/tasks";
import { mockWorkbook } from "../helpers/excel-mock";
import { CLEAN_AS_OF, cleanPlan, planToGrid, setCell, sheet } from "../helpers/plans";

/** The clean plan with each day's Ngày typed once and merged over its two rows, as Excel holds it. */
function mergedDates(): Grid {
  const grid = planToGrid(cleanPlan());
  setCell(grid, "Nhật ký", "A3", null);
  setCell(grid, "Nhật ký", "A5", null);
  return grid;
}
const DATE_MERGES = { "Nhật ký": ["A2:A3", "A4:A5"] };

test("merged areas are loaded in the same batch (ExcelApi 1.13): every row gets its merged Ngày, in two syncs", async () => {
  const wb = mockWorkbook(mergedDates(), "1.13", DATE_MERGES);
  const { plan, findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
  expect(wb.syncs()).toBe(2);
  expect(plan.journal.map((r) => r.date)).toEqual([
    "2025-03-10",
    "2025-03-10",
    "2025-03-11",
    "2025-03-11",
  ]);
  expect(findings).toEqual([]);
});

test("a merged header reads the column holding the figures", async () => {
  const grid = planToGrid(cleanPlan());
  for (const r of [2, 3, 4, 5]) {
    setCell(grid, "Nhật ký", `I${r}`, sheet(grid, "Nhật ký").rows[r - 1][7]);
    setCell(grid, "Nhật ký", `H${r}`, null);
  }
  setCell(grid, "Nhật ký", "I1", null);
  const wb = mockWorkbook(grid, "1.13", { "Nhật ký": ["H1:I1"] });
  const { plan } = await checkWorkbook(wb.context, CLEAN_AS_OF);
  expect(computeTotals(plan).done.phat_quang_m).toBe(600);
});

test("past 512 merged areas Excel refuses them: the batch is read again without, in a third sync", async () => {
  const grid = mergedDates();
  const many = Array.from({ length: 600 }, (_, i) => `Z${i * 2 + 10}:AA${i * 2 + 10}`);
  const wb = mockWorkbook(grid, "1.13", { "Nhật ký": [...DATE_MERGES["Nhật ký"], ...many] });
  const { plan, findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
  expect(wb.syncs()).toBe(3);
  expect(plan.hamlets).toHaveLength(2);
  // Without the merges the rows under a merged Ngày say so instead of vanishing.
  expect(findings.filter((f) => f.code === "VALUE_INVALID").map((f) => f.cell)).toEqual([
    "A3",
    "A5",
  ]);
});

test("a host without merged areas (before ExcelApi 1.13) flags the rows left without a Ngày", async () => {
  const wb = mockWorkbook(mergedDates(), "1.9", DATE_MERGES);
  const { findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
  expect(wb.syncs()).toBe(2);
  expect(
    findings.filter((f) => f.code === "VALUE_INVALID").map((f) => [f.cell, f.severity])
  ).toEqual([
    ["A3", "error"],
    ["A5", "error"],
  ]);
});

test("sheet visibility comes from the host: a hidden old journal before the visible one is not read", async () => {
  const grid = planToGrid(cleanPlan());
  grid.sheets.splice(1, 0, {
    name: "Nhat ky",
    rows: [
      ["Ngày", "Ấp", "Phát quang (m)"],
      ["10/03/2025", "Bình Hòa", 99_999],
    ],
    visibility: "hidden",
  });
  const wb = mockWorkbook(grid);
  const { plan, findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
  expect(computeTotals(plan).done.phat_quang_m).toBe(600);
  expect(findings).toEqual([
    expect.objectContaining({
      code: "SHEET_DUPLICATE",
      severity: "warning",
      sheet: "Nhat ky",
      expected: "Nhật ký",
    }),
  ]);
});

describe("a stray value far out", () => {
  function strayGrid(): Grid {
    const grid = planToGrid(cleanPlan());
    setCell(grid, "Nhật ký", "W1048576", "x");
    const rows = sheet(grid, "Ấp Sân Bay").rows;
    (rows[1048575] ??= [])[16383] = "x";
    return grid;
  }

  test("reads only the cells holding values beyond the window (ExcelApi 1.9), in two syncs", async () => {
    const grid = strayGrid();
    setCell(grid, "Nhật ký", "A6000", "11/03/2025");
    setCell(grid, "Nhật ký", "B6000", "Bình Hòa");
    setCell(grid, "Nhật ký", "H6000", 50);
    setCell(grid, "Nhật ký", "X6000", "15:30");
    const wb = mockWorkbook(grid, "1.9");
    const { plan, findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
    expect(wb.syncs()).toBe(2);
    // Row 6000 is a later correction of Bình Hòa's 11/03 and counts.
    expect(computeTotals(plan).done.phat_quang_m).toBe(450);
    expect(findings.map((f) => f.code)).toEqual(["REPORT_DUPLICATE", "REPORT_LATE"]);
  });

  test("a host without special cells (Excel 2019) reads the window and says what it could not read", async () => {
    const wb = mockWorkbook(strayGrid(), "1.8");
    const { plan, findings } = await checkWorkbook(wb.context, CLEAN_AS_OF);
    expect(wb.syncs()).toBe(2);
    expect(computeTotals(plan).done.phat_quang_m).toBe(600);
    expect(findings.map((f) => [f.code, f.sheet, f.actual])).toEqual([
      ["SHEET_TOO_LARGE", "Ấp Sân Bay", "A1:XFD1048576"],
      ["SHEET_TOO_LARGE", "Nhật ký", "A1:X1048576"],
    ]);
    expect(findings[1].message).toContain("chỉ đọc được vùng A1:AX5000");
  });
});
