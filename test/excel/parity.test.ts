/**
 * One layout, the same sheet from both adapters: what the Office.js adapter asks of an open workbook and what the
 * .xlsx adapter writes to a file print alike — page setup, print titles, autofilter, sizes, merges and formats.
 */
import ExcelJS from "exceljs";
import { enrolmentLayout } from "../../src/core/enrolment-layout";
import { findingsLayout } from "../../src/core/findings-layout";
import type { SheetLayout } from "../../src/core/layout";
import { buildReport } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { rollupLayout } from "../../src/core/rollup-layout";
import { summaryLayout } from "../../src/core/summary-layout";
import { planLayouts } from "../../src/core/template";
import { checkGrid } from "../../src/core/checks";
import { computeTotals } from "../../src/core/totals";
import { queueSheet } from "../../src/excel/write";
import { addSheet } from "../../src/xlsx/write";
import { mockWorkbook, writtenValues } from "../helpers/excel-mock";
import { hamletCodes } from "../helpers/enrolment";
import { SEED_DAY_3, planToGrid, seedPlanWithJournal } from "../helpers/plans";
import { loadWritten, printedFromFile, printedFromMock } from "../helpers/printed";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";

const plan = seedPlanWithJournal();
const layouts: SheetLayout[] = [
  ...planLayouts(plan),
  reportLayout(plan, buildReport(plan, SEED_DAY_3.date, SEED_DAY_3)),
  summaryLayout(plan, computeTotals(plan)).layout,
  findingsLayout(checkGrid(planToGrid(plan), SEED_DAY_3).findings, SEED_DAY_3),
  rollupLayout(provinceRollup(30), TAY_NINH, SEED_DAY_3),
  enrolmentLayout(hamletCodes(plan.hamlets.map((h) => h.name)), SEED_DAY_3),
];

async function throughFile(layout: SheetLayout): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, layout);
  const back = await loadWritten(await wb.xlsx.writeBuffer());
  return back.getWorksheet(layout.name)!;
}

async function throughOffice(layout: SheetLayout) {
  const wb = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
  await queueSheet(wb.context, layout, []);
  return wb.sheet(layout.name);
}

test.each(layouts.map((l) => [l.name, l] as const))(
  "%s prints the same from Excel and from the CLI",
  async (_name, layout) => {
    const file = printedFromFile(await throughFile(layout));
    const office = printedFromMock(await throughOffice(layout));
    expect(office).toEqual(file);
    // What every sheet must have, whichever adapter wrote it.
    expect(file.page).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
    expect(Object.keys(file.heights).length).toBeGreaterThan(0);
  }
);

test("the QR codes of Mã đăng ký sit in the same place, at the same size, from both adapters", async () => {
  const layout = layouts.find((l) => l.name === "Mã đăng ký")!;
  const file = printedFromFile(await throughFile(layout));
  expect(file.images).toHaveLength(8);
  expect(printedFromMock(await throughOffice(layout)).images).toEqual(file.images);
  // Each code inside the last column of its own row, below the one before.
  const lastColumn = file.widths.slice(0, -1).reduce((n, w) => n + w, 0);
  for (const [i, image] of file.images.entries()) {
    expect(image).toMatchObject({ width: 72, height: 72 });
    expect(image.left).toBeGreaterThan(lastColumn);
    expect(image.left + image.width).toBeLessThan(lastColumn + file.widths[file.widths.length - 1]);
    if (i > 0) expect(image.top - file.images[i - 1].top).toBe(78);
  }
});

test("an Excel without pictures (before ExcelApi 1.9) still gets the codes and links as text", async () => {
  const layout = layouts.find((l) => l.name === "Mã đăng ký")!;
  const wb = mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] }, 1.8);
  await queueSheet(wb.context, layout, []);
  expect(wb.sheet(layout.name).images).toEqual([]);
  const texts = writtenValues(wb.sheet(layout.name)).flat();
  expect(texts).toEqual(expect.arrayContaining(["Cầu", "Hết hạn 14/12/2024"]));
  expect(texts.filter((t) => /\/ap\/#code=/.test(String(t)))).toHaveLength(8);
});

test("the plan's tables print with their header repeated and an autofilter, from both adapters", async () => {
  const hamlet = layouts.find((l) => l.name === "Ấp Cầu")!;
  const office = printedFromMock(await throughOffice(hamlet));
  expect(office.page).toMatchObject({ orientation: "landscape", titleRows: "4:4" });
  expect(office.autoFilter).toBe("A4:M4");
  const plan = printedFromFile(await throughFile(layouts[0]));
  // The dropdown lists in J and L stay on the sheet but out of the printout.
  expect(plan.page).toMatchObject({
    orientation: "portrait",
    area: expect.stringMatching(/^A1:G\d+$/),
  });
});
