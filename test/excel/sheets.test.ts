/**
 * The upper level's roll-up and the enrolment codes written into the open workbook by the Office.js adapter:
 * each in two syncs (the sheet names, then the whole sheet in one batch), well within three at 100 communes.
 */
import { enrolmentLayout } from "../../src/core/enrolment-layout";
import { rollupLayout } from "../../src/core/rollup-layout";
import { writeLayoutSheet } from "../../src/excel/tasks";
import { mockWorkbook, writtenValues } from "../helpers/excel-mock";
import { hamletCodes } from "../helpers/enrolment";
import { SEED_DAY_3 } from "../helpers/plans";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";

const blank = () => mockWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });

test("TH of 100 communes is written in two Excel round trips, shown, with its print setup", async () => {
  const layout = rollupLayout(provinceRollup(100), TAY_NINH, SEED_DAY_3);
  const wb = blank();
  expect(await writeLayoutSheet(wb.context, layout)).toEqual({ replaced: false });
  expect(wb.syncs()).toBe(2);
  const sheet = wb.sheet("TH 12-12-2024");
  expect(sheet.activated).toBe(true);
  const values = writtenValues(sheet);
  expect(values.flat()).toEqual(
    expect.arrayContaining(["ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phong (Tân Biên)", "Cộng"])
  );
  expect(values.length).toBe(Math.max(...layout.cells.map((c) => c.row)));
  expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait" });
  expect(sheet.print.titleRows).toBe(`$${layout.print!.titleRows!.replace(":", ":$")}`);
});

test("a second roll-up of the same day replaces the first", async () => {
  const layout = rollupLayout(provinceRollup(3), TAY_NINH, SEED_DAY_3);
  const wb = mockWorkbook({ sheets: [{ name: "TH 12-12-2024", rows: [["cũ"]] }] });
  expect(await writeLayoutSheet(wb.context, layout)).toEqual({ replaced: true });
  expect(wb.sheet("TH 12-12-2024 (cũ)").deleted).toBe(true);
  expect(wb.syncs()).toBe(2);
});

test("Mã đăng ký of 40 hamlets, with its 40 QR pictures, is written in two round trips", async () => {
  const codes = hamletCodes(Array.from({ length: 40 }, (_, i) => `Số ${i + 1}`));
  const layout = enrolmentLayout(codes, SEED_DAY_3);
  const wb = blank();
  await writeLayoutSheet(wb.context, layout);
  expect(wb.syncs()).toBe(2);
  const sheet = wb.sheet("Mã đăng ký");
  expect(sheet.images.map((i) => i.name)).toEqual(
    codes.codes.map((c) => `Mã QR đăng ký ấp ${c.name}`)
  );
  expect(sheet.images.every((i) => i.altTextDescription === i.name && i.width === 72)).toBe(true);
});
