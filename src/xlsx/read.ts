/** .xlsx files to plain grids (ExcelJS), the same shape Office.js ranges are read into. */
import ExcelJS from "exceljs";
import { calculateFormulas } from "../core/arithmetic";
import type { CellValue, Grid, GridSheet, GridValue } from "../core/grid";
import { MAX_CELL_CHARS } from "../core/limits";
import { formatVietnameseNumber } from "../core/quantity";
import { InputError } from "./errors";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * ExcelJS gives dates as UTC Date objects; the core wants Excel serials, as Office.js gives them. A number past
 * any date (1e15 in a date cell) becomes what Excel itself shows there, never NaN.
 */
function dateToSerial(d: Date): number | string {
  const ms = d.getTime();
  return Number.isNaN(ms) ? "########" : (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
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

/** A cell's value; a merged cell takes its merge's top-left value, a formula without a result stays one. */
function gridValue(cell: ExcelJS.Cell): GridValue {
  const source = cell.isMerged ? cell.master : cell;
  if (source.type === ExcelJS.ValueType.Formula) {
    const result = source.result;
    if (result === undefined || result === null) return { formula: source.formula };
  }
  return toCellValue(source.value);
}

/** Only filled cells are visited: a stray value at XFD1048576 costs one cell, not the rectangle. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): GridSheet {
  const rows: GridValue[][] = [];
  ws.eachRow((row, r) => {
    const cells: GridValue[] = [];
    row.eachCell((cell, c) => {
      const value = gridValue(cell);
      // More text than Excel allows: the file was not written by Excel, nor for DanVan.
      if (typeof value === "string" && value.length > MAX_CELL_CHARS)
        throw new InputError(
          `Ô ${ws.name}!${cell.address} dài hơn ${formatVietnameseNumber(MAX_CELL_CHARS)} ký tự, giới hạn của Excel; tệp bị hỏng hoặc không phải sổ kế hoạch.`
        );
      cells[c - 1] = value;
    });
    rows[r - 1] = cells;
  });
  return { name: ws.name, rows, ...(ws.state !== "visible" ? { visibility: ws.state } : {}) };
}

/** Every sheet, with the simple formulas a file holds without results worked out. */
export function workbookToGrid(wb: ExcelJS.Workbook): Grid {
  const grid = { sheets: wb.worksheets.map(worksheetToGrid) };
  calculateFormulas(grid);
  return grid;
}
