import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { importPlanText } from "../../src/core/importer";
import type { Plan } from "../../src/core/model";
import { readPlan } from "../../src/core/reader";
import { buildReport } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { planLayouts } from "../../src/core/template";
import { readGrid, writeLayouts } from "../../src/xlsx/files";
import { cleanPlan } from "../helpers/plans";
import { tempDir } from "../helpers/tmp";

const dir = tempDir();
const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");

function withoutRefs(plan: Plan): unknown {
  return JSON.parse(
    JSON.stringify(plan, (k, v) =>
      k === "ref" || k === "cells" || k === "sheet" || k === "responsibleCell" ? undefined : v
    )
  );
}

test.each([
  ["the seed plan", () => importPlanText(readFileSync(SEED, "utf8")).plan],
  ["a plan with a journal", cleanPlan],
])("%s survives a trip through an .xlsx file", async (_name, make) => {
  const plan = make();
  const path = join(dir(), "plan.xlsx");
  await writeLayouts(path, planLayouts(plan));
  const { plan: back, findings } = readPlan(await readGrid(path));
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(withoutRefs(back)).toEqual(withoutRefs(plan));
});

test("the plan workbook has dropdowns, formats, frozen headers and widths", async () => {
  const path = join(dir(), "empty.xlsx");
  await writeLayouts(path, planLayouts(cleanPlan()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Kế hoạch",
    "Ấp Bình Hòa",
    "Ấp Sân Bay",
    "Toàn xã",
    "Nhật ký",
    "Thời hạn",
    "Thành viên",
  ]);
  const hamlet = wb.getWorksheet("Ấp Bình Hòa")!;
  expect(hamlet.getCell("B4").value).toBe("Loại công việc");
  expect(hamlet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  expect(hamlet.getCell("B7").dataValidation).toMatchObject({
    type: "list",
    formulae: ["'Kế hoạch'!$L$2:$L$14"],
  });
  expect(hamlet.getColumn(3).width).toBe(34);
  const journal = wb.getWorksheet("Nhật ký")!;
  expect(journal.getCell("B40").dataValidation).toMatchObject({
    type: "list",
    formulae: ["'Kế hoạch'!$J$2:$J$61"],
  });
  expect(journal.getCell("A2").numFmt).toBe("dd/mm/yyyy");
  expect(wb.getWorksheet("Kế hoạch")!.getCell("J3").value).toBe("Sân Bay");
});

test("the report sheet prints on A4, one page wide, in Times New Roman", async () => {
  const plan = cleanPlan();
  const path = join(dir(), "bc.xlsx");
  await writeLayouts(path, [
    reportLayout(plan, buildReport(plan, "2025-03-11", { date: "2025-03-11", minutes: 870 })),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("BC 11-03-2025")!;
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect(ws.getCell("F1").value).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
  expect(ws.getCell("F1").font).toMatchObject({
    name: "Times New Roman",
    bold: true,
    underline: true,
  });
  expect(ws.getCell("F1").isMerged).toBe(true);
});
