/* global Excel */
/**
 * Reading the open workbook into plain grids in two syncs, whatever its size (a third only when Excel
 * refuses the merged areas, see readWorkbook).
 *
 * Sync 1: the sheets' names and visibility. Sync 2, per sheet: the values of its used range inside a window
 * (WINDOW rows × columns from A1, so a stray value at XFD1048576 never loads the rectangle up to it), the
 * filled cells outside the window (ExcelApi 1.9 special cells: cost follows the cells that hold values) and
 * the merged areas (ExcelApi 1.13), whose top-left value then fills every cell of the merge. A host
 * without ExcelApi 1.9 reads the window only and the grid says the sheet was clipped.
 */
import {
  type Grid,
  type GridSheet,
  type GridValue,
  type SheetVisibility,
  columnLetter,
  isBlank,
} from "../core/grid";
import { supports } from "./features";

/** What sync 2 reads as one block per sheet; real plan sheets fit (a journal of 40 hamlets × 120 days). */
export const WINDOW = { rows: 5_000, columns: 50 };
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
}

interface Queued {
  used: Excel.Range;
  inside: Excel.Range;
  outside: Excel.RangeAreas[];
  merged: Excel.RangeAreas | null;
}

/** The filled cells a sheet holds beyond the window, in two rectangles: right of it and below it. */
function outsideWindow(sheet: Excel.Worksheet): Excel.RangeAreas[] {
  const right = sheet.getRangeByIndexes(
    0,
    WINDOW.columns,
    SHEET_ROWS,
    SHEET_COLUMNS - WINDOW.columns
  );
  const below = sheet.getRangeByIndexes(WINDOW.rows, 0, SHEET_ROWS - WINDOW.rows, WINDOW.columns);
  return [right, below].flatMap((r) =>
    (["Constants", "Formulas"] as const).map((type) => {
      const areas = r.getSpecialCellsOrNullObject(type);
      areas.load("areas/items/values,areas/items/rowIndex,areas/items/columnIndex");
      return areas;
    })
  );
}

function queueSheet(sheet: Excel.Worksheet, withMerges: boolean): Queued {
  const used = sheet.getUsedRange(true);
  used.load("address,rowCount,columnCount,rowIndex,columnIndex");
  const window = sheet.getRangeByIndexes(0, 0, WINDOW.rows, WINDOW.columns);
  const inside = window.getIntersectionOrNullObject(used);
  inside.load("values,rowIndex,columnIndex");
  const outside = supports("specialCells") ? outsideWindow(sheet) : [];
  let merged: Excel.RangeAreas | null = null;
  if (withMerges) {
    merged = window.getMergedAreasOrNullObject();
    merged.load(
      "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
    );
  }
  return { used, inside, outside, merged };
}

function place(rows: GridValue[][], block: Block): void {
  block.values.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === "" || v === undefined || v === null) return;
      (rows[block.rowIndex + i] ??= [])[block.columnIndex + j] = v as GridValue;
    })
  );
}

/** Excel holds a merged range's value in its top-left cell; the grid holds it in every cell of the merge. */
function spreadMerges(rows: GridValue[][], merged: Excel.RangeAreas): void {
  for (const m of merged.areas.items) {
    const value = rows[m.rowIndex]?.[m.columnIndex];
    if (isBlank(value)) continue;
    for (let r = m.rowIndex; r < m.rowIndex + m.rowCount; r++)
      for (let c = m.columnIndex; c < m.columnIndex + m.columnCount; c++)
        (rows[r] ??= [])[c] = value as GridValue;
  }
}

function toSheet(name: string, visibility: string, q: Queued): GridSheet {
  const rows: GridValue[][] = [];
  if (!q.inside.isNullObject) place(rows, q.inside);
  for (const areas of q.outside)
    if (!areas.isNullObject) areas.areas.items.forEach((a) => place(rows, a));
  if (q.merged && !q.merged.isNullObject) spreadMerges(rows, q.merged);
  const sheet: GridSheet = { name, rows };
  if (VISIBILITY[visibility] && VISIBILITY[visibility] !== "visible")
    sheet.visibility = VISIBILITY[visibility];
  const beyond =
    q.used.rowIndex + q.used.rowCount > WINDOW.rows ||
    q.used.columnIndex + q.used.columnCount > WINDOW.columns;
  if (beyond && !q.outside.length)
    sheet.clipped = {
      read: `A1:${columnLetter(WINDOW.columns - 1)}${WINDOW.rows}`,
      used: q.used.address.replace(/^.*!/, ""),
    };
  return sheet;
}

export interface WorkbookSnapshot {
  grid: Grid;
  names: string[];
}

/**
 * Two syncs. Excel refuses merged areas past 512 in one range; then the batch is read again without them
 * (a third sync) and merged cells read as Excel holds them, their value in the top-left cell only.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const items = sheets.items;
  const read = async (withMerges: boolean) => {
    const queued = items.map((s) => queueSheet(s, withMerges));
    await context.sync();
    return queued;
  };
  const merges = supports("mergedAreas");
  const queued = await read(merges).catch((e) => (merges ? read(false) : Promise.reject(e)));
  const grid: Grid = {
    sheets: items.map((s, i) => toSheet(s.name, s.visibility, queued[i])),
  };
  return { grid, names: items.map((s) => s.name) };
}
