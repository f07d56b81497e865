/** Plain grids: what both Office.js ranges and .xlsx files reduce to before the core reads them. */

/** A cell's value; formula errors are their Excel text ("#REF!"), dates are Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** A formula the file holds without its result (written by a tool that does not calculate). */
export interface Uncalculated {
  formula: string;
}

/** What a grid cell holds: a value, or a formula nobody calculated yet. */
export type GridValue = CellValue | Uncalculated;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface GridSheet {
  name: string;
  /**
   * Row 1 first. Only filled cells need be present: rows and cells may be holes (a stray value at
   * XFD1048576 is one row with one cell), so walk them with `filledRows`/`filledCells`, never by length.
   * A merged range holds its top-left value in every cell of the merge.
   */
  rows: GridValue[][];
  /** Absent means visible. */
  visibility?: SheetVisibility;
  /** Set when the host could read only part of the sheet: the part read and the whole used range (A1). */
  clipped?: { read: string; used: string };
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

export function isUncalculated(value: GridValue | undefined): value is Uncalculated {
  return typeof value === "object" && value !== null;
}

export function isFormulaError(value: GridValue | undefined): boolean {
  return typeof value === "string" && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

export function isBlank(value: GridValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * The indices of an array's present elements, ascending. Sparse arrays are walked by their keys: a loop
 * to `length` (or forEach) over a row ending at XFD1048576 would cost the whole rectangle.
 */
function presentIndices(items: readonly unknown[], from: number, to: number): number[] {
  const out: number[] = [];
  if (items.length - from <= 64) {
    for (let i = from; i < Math.min(items.length, to); i++) if (i in items) out.push(i);
    return out;
  }
  for (const key of Object.keys(items)) {
    const i = Number(key);
    if (i >= to) break;
    if (i >= from) out.push(i);
  }
  return out;
}

/** The filled rows of a sheet from 0-based row `from` up to (not including) `to`, with their index. */
export function filledRows(
  sheet: GridSheet,
  from = 0,
  to = Infinity
): { index: number; cells: GridValue[] }[] {
  return presentIndices(sheet.rows, from, to).map((index) => ({
    index,
    cells: sheet.rows[index],
  }));
}

/** The filled cells of a row, with their 0-based column index. */
export function filledCells(row: readonly GridValue[]): { index: number; value: GridValue }[] {
  return presentIndices(row, 0, Infinity)
    .filter((index) => !isBlank(row[index]))
    .map((index) => ({ index, value: row[index] }));
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

/** "AB" → 27 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function cellText(value: GridValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isUncalculated(value)) return `=${value.formula}`;
  return String(value)
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}
