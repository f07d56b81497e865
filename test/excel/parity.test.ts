/**
 * One layout, the same sheet from both adapters: what the Office.js adapter asks of an open workbook and what the
 * .xlsx adapter writes to a file print alike — page setup, print titles, autofilter, sizes, merges and formats.
 */
import ExcelJS from "exceljs";
import { findingsLayout } from "../../src/core/findings-layout";
import type { SheetLayout } from "../../src/core/layout";
import { buildReport } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { summaryLayout } from "../../src/core/summary-layout";
import { planLayouts } from "../../src/core/template";
import { checkGrid } from "../../src/core/checks";
import { computeTotals } from "../../src/core/totals";
import { queueSheet } from "../../src/excel/write";
import { addSheet } from "../../src/xlsx/write";
import { mockWorkbook } from "../helpers/excel-mock";
import { SEED_DAY_3, planToGrid, seedPlanWithJournal } from "../helpers/plans";
import { printedFromFile, printedFromMock } from "../helpers/printed";

const plan = seedPlanWithJournal();
const layouts: SheetLayout[] = [
  ...planLayouts(plan),
  reportLayout(plan, buildReport(plan, SEED_DAY_3.date, SEED_DAY_3)),
  summaryLayout(plan, computeTotals(plan)).layout,
  findingsLayout(checkGrid(planToGrid(plan), SEED_DAY_3).findings, SEED_DAY_3),
];

async function throughFile(layout: SheetLayout): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, layout);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
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
