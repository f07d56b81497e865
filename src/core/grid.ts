/** Plain grids: what both Office.js ranges and .xlsx files reduce to before the core reads them. */

/** A cell's value; formula errors are their Excel text ("#REF!"), dates are Excel serial numbers. */
export type CellValue = string | number | boolean | null;

export interface GridSheet {
  name: string;
  rows: CellValue[][];
}

export interface Grid {
  sheets: GridSheet[];
}

const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

export function isFormulaError(value: CellValue): value is string {
  return typeof value === "string" && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

export function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** 0 → "A", 27 → "AB" */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}
