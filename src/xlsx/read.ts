/** .xlsx files to plain grids (ExcelJS), the same shape Office.js ranges are read into. */
import ExcelJS from "exceljs";
import type { CellValue, Grid, GridSheet } from "../core/grid";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ExcelJS gives dates as UTC Date objects; the core wants Excel serials, as Office.js gives them. */
function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return dateToSerial(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return toCellValue((value as ExcelJS.CellFormulaValue).result ?? null);
  if ("text" in value)
    return typeof value.text === "string"
      ? value.text
      : toCellValue(value.text as ExcelJS.CellValue);
  return null;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): GridSheet {
  const rows: CellValue[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged range holds its value once, in its top-left cell, as Office.js reports it.
      values.push(cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value));
    }
    rows.push(values);
  }
  return { name: ws.name, rows };
}

export function workbookToGrid(wb: ExcelJS.Workbook): Grid {
  return { sheets: wb.worksheets.map(worksheetToGrid) };
}

export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
