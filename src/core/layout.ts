/** A sheet described as data (values, styles, merges, print setup) so any adapter can render it. */
import type { CellValue, GridSheet } from "./grid";

export type HAlign = "left" | "center" | "right";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  align?: HAlign;
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  /** Header shading */
  fill?: string;
}

export interface LayoutCell extends CellStyle {
  /** 1-based */
  row: number;
  /** 1-based */
  col: number;
  value: string | number | null;
}

export interface ListValidation {
  /** A1 range, e.g. "B2:B500" */
  range: string;
  /** A range reference holding the allowed values, e.g. "'Kế hoạch'!$J$2:$J$61" */
  list: string;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** One page wide, as many pages tall as the rows need. */
  fitToWidth: 1;
  /** Inches, as Office.js and ExcelJS both take them; header and footer are the distances of their lines. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  centerHorizontally: boolean;
  /** Rows repeated at the top of each printed page, e.g. "4:4" */
  titleRows?: string;
  /** A1 range printed, where the sheet holds more than should be printed (the dropdown lists). */
  area?: string;
}

/** A picture over the cells (a QR code), placed from the top-left corner of a cell. */
export interface LayoutImage {
  /** PNG, base64 */
  png: string;
  /** The cell the picture's top-left corner is in (1-based) */
  row: number;
  col: number;
  /** Points from that cell's top-left corner */
  offsetX: number;
  offsetY: number;
  /** Points */
  width: number;
  height: number;
  /** What it shows, as its name and alternative text */
  name: string;
}

export interface SheetLayout {
  name: string;
  font: { name: string; size: number };
  /** Excel column widths (characters of the workbook's default font; see print.ts for points). */
  columnWidths: number[];
  cells: LayoutCell[];
  merges: string[];
  /** Points; every row holding content has one, computed for what it holds (print.ts). */
  rowHeights?: Record<number, number>;
  /** Rows a new printed page starts at (manual page breaks) */
  pageBreaks?: number[];
  /** Rows frozen at the top */
  freezeRows?: number;
  validations?: ListValidation[];
  /** Number formats per column (1-based) applied to the data rows below `fromRow`. */
  columnFormats?: { col: number; fromRow: number; toRow: number; numFmt: string }[];
  print?: PrintSetup;
  /** A1 range of an autofilter header */
  autoFilter?: string;
  /** Pictures over the cells; every row above one has a height in rowHeights, so both adapters place it alike. */
  images?: LayoutImage[];
}

const MM_PER_INCH = 25.4;
export const mm = (millimetres: number): number => millimetres / MM_PER_INCH;

/** Margins for Party documents (Hướng dẫn 36-HD/VPTW): top/bottom 20 mm, left 30 mm, right 15 mm. */
export const PARTY_DOCUMENT_PRINT: PrintSetup = {
  paperSize: "A4",
  orientation: "portrait",
  fitToWidth: 1,
  margins: {
    top: mm(20),
    bottom: mm(20),
    left: mm(30),
    right: mm(15),
    header: mm(8),
    footer: mm(8),
  },
  centerHorizontally: false,
};

export const FORMAT = {
  integer: "#,##0",
  decimal: "#,##0.##",
  money: "#,##0",
  date: "dd/mm/yyyy",
  time: "hh:mm",
  dateTime: "dd/mm/yyyy hh:mm",
  percent: "0%",
} as const;

/** The values of a layout as a plain grid, as Excel would hold them once written. */
export function layoutToGrid(layout: SheetLayout): GridSheet {
  const rows: CellValue[][] = [];
  for (const c of layout.cells) {
    while (rows.length < c.row) rows.push([]);
    const row = rows[c.row - 1];
    while (row.length < c.col) row.push(null);
    row[c.col - 1] = c.value;
  }
  return { name: layout.name, rows };
}
