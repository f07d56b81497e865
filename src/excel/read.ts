/* global Excel */
/** Reading the open workbook into plain grids, in two syncs whatever its size. */
import type { CellValue, Grid } from "../core/grid";

/** Office.js gives blank cells as "" and the used range's offset; the core wants A1-anchored grids. */
function anchored(values: unknown[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const rows: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const padded: CellValue[] = Array(columnIndex).fill(null);
    for (const v of row) padded.push(v === "" || v === undefined ? null : (v as CellValue));
    rows.push(padded);
  }
  return rows;
}

export interface WorkbookSnapshot {
  grid: Grid;
  names: string[];
}

/** Sync 1: the sheet names. Sync 2: every sheet's used range. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const ranges = sheets.items.map((s) => {
    const used = s.getUsedRangeOrNullObject(true);
    used.load("values, rowIndex, columnIndex");
    return used;
  });
  await context.sync();
  const grid: Grid = {
    sheets: ranges.map((r, i) => ({
      name: names[i],
      rows: r.isNullObject ? [] : anchored(r.values, r.rowIndex, r.columnIndex),
    })),
  };
  return { grid, names };
}
