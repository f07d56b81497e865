/**
 * The printed page, computed from the written .xlsx file alone: the sheet's column widths by Excel's rule, its
 * margins, and the scale "fit to one page wide" must print it at.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Plan } from "../../src/core/model";
import { emptyMeasures } from "../../src/core/model";
import { buildReport } from "../../src/core/report";
import { enrolmentLayout } from "../../src/core/enrolment-layout";
import { reportLayout } from "../../src/core/report-layout";
import { rollupLayout } from "../../src/core/rollup-layout";
import { planLayouts } from "../../src/core/template";
import { textWidth } from "../../src/core/text-metrics";
import { writeLayouts } from "../../src/xlsx/files";
import { syntheticPlan } from "../../bench/synthetic";
import { SEED_DAY_3, cleanPlan, seedPlanWithJournal } from "../helpers/plans";
import { excelColumnPoints } from "../helpers/printed";
import { hamletCodes } from "../helpers/enrolment";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";
import { tempDir } from "../helpers/tmp";

const dir = tempDir();
const POINTS_PER_MM = 72 / 25.4;
const A4_MM = { short: 210, long: 297 };

async function written(
  name: string,
  layouts: Parameters<typeof writeLayouts>[1]
): Promise<ExcelJS.Workbook> {
  const path = join(dir(), name);
  await writeLayouts(path, layouts);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Points the sheet's columns (those the print area takes) print side by side. */
function sheetWidth(ws: ExcelJS.Worksheet): number {
  const area = ws.pageSetup.printArea?.replace(/\$/g, "");
  const last = area ? ws.getColumn(area.split(":")[1].replace(/\d+/g, "")).number : ws.columnCount;
  let points = 0;
  for (let c = 1; c <= last; c++) points += excelColumnPoints(ws.getColumn(c).width ?? 8.43);
  return points;
}

/** The scale fit-to-width prints at: the page between the margins over the sheet's width. */
function printScale(ws: ExcelJS.Worksheet): number {
  const { margins, orientation } = ws.pageSetup;
  const paper = (orientation === "landscape" ? A4_MM.long : A4_MM.short) * POINTS_PER_MM;
  return Math.min(1, (paper - (margins!.left + margins!.right) * 72) / sheetWidth(ws));
}

function moneyMismatch(): Plan {
  const plan = cleanPlan();
  plan.targets.push({
    ...emptyMeasures(),
    category: "tang_qua",
    count: 10,
    cost_vnd: 4_000_000,
    note: "",
  });
  plan.commune_works[0].cost_vnd = 125_000_000;
  return plan;
}

const REPORTS: [string, () => Plan, { date: string; minutes: number }][] = [
  ["the demo's Tân Phong plan, day 3", seedPlanWithJournal, SEED_DAY_3],
  ["a small clean plan", cleanPlan, { date: "2025-03-11", minutes: 900 }],
  [
    "a stated gift budget below the works' 125.000.000 đồng",
    moneyMismatch,
    { date: "2025-03-11", minutes: 900 },
  ],
  [
    "40 hamlets, every target contradicted",
    () => syntheticPlan(40, 5, 5),
    { date: "2024-12-12", minutes: 900 },
  ],
];

test.each(REPORTS)(
  "the BC sheet of %s prints one A4 page wide at ≥ 90 %% with 13–14 pt text",
  async (_name, make, asOf) => {
    const plan = make();
    const layout = reportLayout(plan, buildReport(plan, asOf.date, asOf));
    const ws = (await written("bc.xlsx", [layout])).getWorksheet(layout.name)!;
    const { margins, orientation, paperSize, fitToWidth, fitToHeight } = ws.pageSetup;
    expect({ paperSize, orientation, fitToWidth, fitToHeight }).toEqual({
      paperSize: 9,
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // Hướng dẫn 36-HD/VPTW: top and bottom 20 mm, left 30 mm, right 15 mm.
    expect(
      [margins!.top, margins!.bottom, margins!.left, margins!.right].map((m) =>
        Math.round(m * 25.4)
      )
    ).toEqual([20, 20, 30, 15]);
    const scale = printScale(ws);
    expect(scale).toBeGreaterThanOrEqual(0.9);
    const sizes = new Set<number>();
    ws.eachRow((row) => row.eachCell((cell) => cell.border?.top && sizes.add(cell.font.size!)));
    expect([...sizes]).toEqual([13]);
    expect(13 * scale).toBeGreaterThanOrEqual(11.7);
  }
);

test("every figure of the BC sheet fits its column unbroken (no ### and no split number)", async () => {
  for (const [, make, asOf] of REPORTS) {
    const plan = make();
    const layout = reportLayout(plan, buildReport(plan, asOf.date, asOf));
    const ws = (await written("bc-figures.xlsx", [layout])).getWorksheet(layout.name)!;
    const merged = new Map<string, number>();
    for (const m of (ws.model as unknown as { merges: string[] }).merges) {
      const [from, to] = m.split(":");
      merged.set(from, ws.getCell(to).fullAddress.col - ws.getCell(from).fullAddress.col + 1);
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        for (const figure of String(cell.value ?? "").match(/[\d.,%]*\d[\d.,%)]*/g) ?? []) {
          let room = 0;
          for (let c = 0; c < (merged.get(cell.address) ?? 1); c++)
            room += excelColumnPoints(ws.getColumn(Number(cell.col) + c).width!);
          expect({
            figure,
            fits: textWidth(figure, cell.font.size!, cell.font.bold) + 4 <= room,
          }).toEqual({ figure, fits: true });
        }
      })
    );
  }
});

test("the plan workbook prints landscape where it is wide, one page wide, with its header on every page", async () => {
  const wb = await written("plan.xlsx", planLayouts(seedPlanWithJournal()));
  const pages = wb.worksheets.map((ws) => [
    ws.name,
    ws.pageSetup.orientation,
    ws.pageSetup.fitToWidth,
    ws.pageSetup.printTitlesRow?.replace(/\$/g, ""),
  ]);
  expect(pages).toEqual([
    ["Kế hoạch", "portrait", 1, "17:17"],
    ...["Cầu", "Trại Bí", "Sân Bay", "Mới", "Bàu Đưng", "Gò Cát", "Đồng Dài", "Xóm Tháp"].map(
      (h) => [`Ấp ${h}`, "landscape", 1, "4:4"]
    ),
    ["Toàn xã", "landscape", 1, "1:1"],
    ["Nhật ký", "landscape", 1, "1:1"],
    ["Thời hạn", "landscape", 1, "1:1"],
    ["Thành viên", "portrait", 1, "1:1"],
  ]);
  for (const ws of wb.worksheets)
    expect({ sheet: ws.name, scale: printScale(ws) >= 0.6 }).toEqual({
      sheet: ws.name,
      scale: true,
    });
});

test("no header of the plan workbook breaks inside a word, and every wrapped row is tall enough for its lines", async () => {
  const wb = await written("headers.xlsx", planLayouts(seedPlanWithJournal()));
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.alignment?.wrapText || cell.isMerged || typeof cell.value !== "string") return;
        const room = excelColumnPoints(ws.getColumn(Number(cell.col)).width!) - 4;
        const size = cell.font.size!;
        for (const word of cell.value.split(/\s/))
          if (cell.font.bold)
            expect({ word, fits: textWidth(word, size, true) <= room }).toEqual({
              word,
              fits: true,
            });
        // Lines the text takes at the column's width, each ~1.15 em as Times New Roman sets them.
        const lines = Math.ceil(textWidth(cell.value, size, cell.font.bold) / room);
        expect({
          cell: `${ws.name}!${cell.address}`,
          tall: row.height! >= lines * size * 1.15,
        }).toEqual({ cell: `${ws.name}!${cell.address}`, tall: true });
      })
    );
  }
});

test("the province's TH sheet of 100 communes prints one A4 page wide at 100 %, 13 pt, its table header on every page", async () => {
  const layout = rollupLayout(provinceRollup(100), TAY_NINH, SEED_DAY_3);
  const ws = (await written("th.xlsx", [layout])).getWorksheet("TH 12-12-2024")!;
  const { margins, orientation, paperSize, fitToWidth, printTitlesRow } = ws.pageSetup;
  expect({ paperSize, orientation, fitToWidth }).toEqual({
    paperSize: 9,
    orientation: "portrait",
    fitToWidth: 1,
  });
  expect(
    [margins!.top, margins!.bottom, margins!.left, margins!.right].map((m) => Math.round(m * 25.4))
  ).toEqual([20, 20, 30, 15]);
  expect(printScale(ws)).toBe(1);
  expect(printTitlesRow?.replace(/\$/g, "")).toBe(layout.print!.titleRows);
  const sizes = new Set<number>();
  ws.eachRow((row) => row.eachCell((cell) => cell.border?.top && sizes.add(cell.font.size!)));
  expect([...sizes]).toEqual([13]);
});

test("Mã đăng ký of 8 hamlets prints one A4 page wide at 100 % with a QR picture per hamlet", async () => {
  const layout = enrolmentLayout(
    hamletCodes(seedPlanWithJournal().hamlets.map((h) => h.name)),
    SEED_DAY_3
  );
  const wb = await written("ma.xlsx", [layout]);
  const ws = wb.getWorksheet("Mã đăng ký")!;
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1 });
  expect(printScale(ws)).toBe(1);
  const images = ws.getImages();
  expect(images).toHaveLength(8);
  expect(images.map((i) => i.range.tl.nativeRow + 1)).toEqual(layout.images!.map((i) => i.row));
  expect(wb.getImage(Number(images[0].imageId)).extension).toBe("png");
});
