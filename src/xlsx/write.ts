/** Sheet layouts (from the core) rendered into an ExcelJS workbook. */
import ExcelJS from "exceljs";
import type { CellValue } from "../core/grid";
import type { LayoutCell, LayoutImage, SheetLayout } from "../core/layout";
import { writableText } from "../core/text";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** ExcelJS 4 supports range validations ("B5:B505") but its typings do not declare them. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function styleCell(cell: ExcelJS.Cell, c: LayoutCell, font: SheetLayout["font"]): void {
  cell.font = {
    name: font.name,
    size: c.size ?? font.size,
    bold: c.bold,
    italic: c.italic,
    underline: c.underline,
  };
  cell.alignment = { horizontal: c.align, vertical: "middle", wrapText: c.wrap };
  if (c.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  // A cell the layout gives no format stays General: ExcelJS would hand it the column's data format.
  cell.numFmt = c.numFmt ?? "General";
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
}

function pageSetup(layout: SheetLayout): Partial<ExcelJS.PageSetup> {
  if (!layout.print) return { paperSize: 9 };
  const { margins, orientation, titleRows, area, centerHorizontally } = layout.print;
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins,
    horizontalCentered: centerHorizontally,
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
    // ExcelJS puts "$" before each corner ("$A1:$G20"), which LibreOffice ignores: the rows get theirs here.
    ...(area ? { printArea: area.replace(/(\d+)/g, "$$$1") } : {}),
  };
}

const EMU_PER_POINT = 12_700;
const PIXELS_PER_POINT = 4 / 3;

/** A picture anchored to its cell (it moves with it), offset and sized as the layout says. */
function addImage(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, image: LayoutImage): void {
  const id = wb.addImage({ base64: image.png, extension: "png" });
  // ExcelJS takes offsets in EMU through its native anchor fields, sizes in pixels at 96 dpi.
  const tl = {
    nativeCol: image.col - 1,
    nativeColOff: Math.round(image.offsetX * EMU_PER_POINT),
    nativeRow: image.row - 1,
    nativeRowOff: Math.round(image.offsetY * EMU_PER_POINT),
  };
  ws.addImage(id, {
    tl: tl as unknown as ExcelJS.Anchor,
    ext: { width: image.width * PIXELS_PER_POINT, height: image.height * PIXELS_PER_POINT },
    editAs: "oneCell",
  });
}

/** A value as a cell can hold it: text without characters XML forbids (the file would not open again) and
 * within Excel's cell length. */
export function writable<T extends CellValue>(value: T): T {
  return (typeof value === "string" ? writableText(value) : value) as T;
}

/** Adds one sheet; text that looks like a formula stays text, since values are written, never formulas. */
export function addSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    pageSetup: pageSetup(layout),
    views: layout.freezeRows ? [{ state: "frozen", ySplit: layout.freezeRows }] : [],
    properties: { defaultRowHeight: 16 },
  });
  layout.columnWidths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.font = { name: layout.font.name, size: layout.font.size };
  });
  for (const f of layout.columnFormats ?? []) ws.getColumn(f.col).numFmt = f.numFmt;
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = writable(c.value);
    styleCell(cell, c, layout.font);
  }
  for (const m of layout.merges) ws.mergeCells(m);
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    ws.getRow(Number(row)).height = height;
  // ExcelJS breaks below a row; the layout names the row a page starts at.
  for (const row of layout.pageBreaks ?? []) ws.getRow(row - 1).addPageBreak();
  for (const v of layout.validations ?? []) {
    (ws as unknown as RangeValidations).dataValidations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [v.list],
      showErrorMessage: true,
      errorTitle: "Giá trị không hợp lệ",
      error: "Chọn một giá trị trong danh sách.",
    });
  }
  if (layout.autoFilter) ws.autoFilter = layout.autoFilter;
  for (const image of layout.images ?? []) addImage(wb, ws, image);
  return ws;
}

export function layoutsToWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "DanVan";
  for (const l of layouts) addSheet(wb, l);
  return wb;
}
