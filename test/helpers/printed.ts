/**
 * A written sheet as the printer sees it — page setup, print titles, autofilter, column widths in points, row
 * heights, merges, number formats, wrapping — read back from an .xlsx file (ExcelJS) or from what the Office.js
 * adapter asked of the workbook (test/helpers/excel-mock.ts), so the two can be compared.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetWrite } from "./excel-mock";

/**
 * Excel's rule for a column `width` characters wide (ECMA-376 §18.3.1.13), for a workbook whose default font's
 * widest digit is 7 px (Calibri 11): whole pixels, at 96 px per inch.
 */
export function excelColumnPoints(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
}

export interface PrintedSheet {
  page: {
    orientation: string;
    fitToWidth: number;
    fitToHeight: number;
    margins: Record<string, number>;
    centered: boolean;
    titleRows: string | null;
    area: string | null;
    breaks: number[];
  };
  autoFilter: string | null;
  frozenRows: number | null;
  widths: number[];
  heights: Record<number, number>;
  merges: string[];
  /** "B5": "#,##0" for cells given a format; "col 3 from 2": format of a column's data rows */
  formats: Record<string, string>;
  wrapped: string[];
  /** Pictures: points from the sheet's top-left corner, size in points, and the PNG as base64 */
  images: { left: number; top: number; width: number; height: number; png: string }[];
}

/** Excel's height of a row nobody sized. */
const STANDARD_ROW = 15;
const EMU_PER_POINT = 12_700;

/** The sheet's top-left corner to a cell's, in points: `widths` and `heights` are the sheet's own. */
function corner(widths: number[], heights: Record<number, number>, col0: number, row0: number) {
  let left = 0;
  for (let c = 0; c < col0; c++) left += widths[c] ?? excelColumnPoints(8.43);
  let top = 0;
  for (let r = 1; r <= row0; r++) top += heights[r] ?? STANDARD_ROW;
  return { left, top };
}

interface FileImage {
  imageId: string;
  range: {
    tl: { nativeCol: number; nativeColOff: number; nativeRow: number; nativeRowOff: number };
    ext: { width: number; height: number };
  };
}

function imagesFromFile(ws: ExcelJS.Worksheet, widths: number[], heights: Record<number, number>) {
  return (ws.getImages() as unknown as FileImage[]).map(({ imageId, range: { tl, ext } }) => {
    const at = corner(widths, heights, tl.nativeCol, tl.nativeRow);
    const { buffer } = ws.workbook.getImage(Number(imageId));
    return {
      left: hundredths(at.left + tl.nativeColOff / EMU_PER_POINT),
      top: hundredths(at.top + tl.nativeRowOff / EMU_PER_POINT),
      width: hundredths(ext.width * 0.75),
      height: hundredths(ext.height * 0.75),
      png: Buffer.from(buffer as unknown as Uint8Array).toString("base64"),
    };
  });
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
/** Pictures are placed in EMU (1/12 700 pt) in a file: a hundredth of a point is as close as both can say. */
const hundredths = (n: number) => Math.round(n * 100) / 100;
const bare = (a: string) => a.replace(/\$/g, "");

function roundAll(margins: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(margins).map(([k, v]) => [k, round(v)]));
}

/**
 * A written .xlsx loaded back as ExcelJS reads it, with the manual page breaks ExcelJS writes but does not read
 * (it leaves rowBreaks empty on load): taken from each sheet's XML.
 */
export async function loadWritten(buffer: ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
  for (const [i, ws] of wb.worksheets.entries()) {
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async("string")) ?? "";
    const rowBreaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => ({ id: Number(m[1]) }));
    (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks = rowBreaks;
  }
  return wb;
}

/** A sheet read back from an .xlsx file. */
export function printedFromFile(ws: ExcelJS.Worksheet): PrintedSheet {
  const p = ws.pageSetup;
  const widths: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++)
    widths.push(excelColumnPoints(ws.getColumn(c).width ?? 8.43));
  const heights: Record<number, number> = {};
  const formats: Record<string, string> = {};
  const columnFormats: (string | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    columnFormats[c] = ws.getColumn(c).numFmt;
    if (columnFormats[c]) formats[`col ${c}`] = columnFormats[c]!;
  }
  const wrapped: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Cells a merge covers show their first cell; ExcelJS copies its style onto them.
      if (cell.isMerged && cell.master !== cell) return;
      const own = cell.numFmt;
      if (own && own !== "General" && own !== columnFormats[Number(cell.col)])
        formats[cell.address] = own;
      if (cell.alignment?.wrapText) wrapped.push(cell.address);
    });
  });
  const breaks = ((ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map(
    (b) => b.id + 1
  );
  const filter = ws.autoFilter;
  return {
    page: {
      orientation: p.orientation ?? "portrait",
      fitToWidth: p.fitToWidth ?? 0,
      fitToHeight: p.fitToHeight ?? 0,
      margins: roundAll(p.margins as unknown as Record<string, number>),
      centered: !!p.horizontalCentered,
      titleRows: p.printTitlesRow ? bare(p.printTitlesRow) : null,
      area: p.printArea ? bare(p.printArea) : null,
      breaks,
    },
    autoFilter: typeof filter === "string" ? filter : null,
    frozenRows: ws.views?.[0]?.state === "frozen" ? (ws.views[0].ySplit ?? null) : null,
    widths,
    heights,
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    formats,
    wrapped: wrapped.sort(),
    images: imagesFromFile(ws, widths, heights),
  };
}

const columnNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const letter = (n: number): string =>
  (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));

/** "B2:D3" → ["B2", "C2", "D2", "B3", …] */
function cellsOf(address: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return [];
  const out: string[] = [];
  for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++)
    for (let c = columnNumber(m[1]); c <= columnNumber(m[3] ?? m[1]); c++)
      out.push(`${letter(c)}${r}`);
  return out;
}

/** What the Office.js adapter asked of the workbook for one sheet. */
export function printedFromMock(sheet: SheetWrite): PrintedSheet {
  const page = sheet.pageLayout as Record<string, unknown> & {
    zoom?: { horizontalFitToPages: number; verticalFitToPages: number };
  };
  const widths: number[] = [];
  const heights: Record<number, number> = {};
  const cellFormats: Record<string, string> = {};
  const formats: Record<string, string> = {};
  const wrapped: string[] = [];
  for (const r of sheet.ranges) {
    const format = r.mock.format as Record<string, unknown>;
    const columns = /^([A-Z]+):\1$/.exec(r.address);
    if (columns && typeof format.columnWidth === "number")
      widths[columnNumber(columns[1]) - 1] = format.columnWidth;
    const rows = /^(\d+):(\d+)$/.exec(r.address);
    if (rows && typeof format.rowHeight === "number")
      for (let n = Number(rows[1]); n <= Number(rows[2]); n++) heights[n] = format.rowHeight;
    const numberFormat = r.mock.numberFormat as string[][] | undefined;
    // A column's data rows formatted at once (one column, many rows) are what the file writer sets on the column.
    const column = /^([A-Z]+)(\d+):\1(\d+)$/.exec(r.address);
    if (Array.isArray(numberFormat) && column && column[2] !== column[3])
      formats[`col ${columnNumber(column[1])}`] = numberFormat[0][0];
    else if (Array.isArray(numberFormat))
      cellsOf(r.address).forEach((a, i) => (cellFormats[a] = numberFormat[0][i]));
    if (format.wrapText === true) wrapped.push(...cellsOf(r.address));
  }
  // Cells a merge covers show their first cell, as in the file.
  const covered = new Set(
    sheet.ranges.filter((r) => r.merged).flatMap((r) => cellsOf(r.address).slice(1))
  );
  for (const [a, f] of Object.entries(cellFormats))
    if (formats[`col ${columnNumber(a.replace(/\d+/, ""))}`] !== f) formats[a] = f;
  return {
    page: {
      orientation: String(page.orientation ?? "").toLowerCase(),
      fitToWidth: page.zoom?.horizontalFitToPages ?? 0,
      fitToHeight: page.zoom?.verticalFitToPages ?? 0,
      margins: roundAll(sheet.print.margins ?? {}),
      centered: page.centerHorizontally === true,
      titleRows: sheet.print.titleRows ? bare(sheet.print.titleRows) : null,
      area: sheet.print.area ?? null,
      breaks: sheet.print.breaks.map((a) => Number(a.replace(/^[A-Z]+/, ""))),
    },
    autoFilter: sheet.autoFilter ?? null,
    frozenRows: sheet.frozenRows ?? null,
    widths: Array.from(widths, (w) => w ?? excelColumnPoints(8.43)),
    heights,
    merges: sheet.ranges
      .filter((r) => r.merged)
      .map((r) => r.address)
      .sort(),
    formats,
    wrapped: [...new Set(wrapped)].filter((a) => !covered.has(a)).sort(),
    images: sheet.images.map((i) => ({
      left: hundredths(i.left as number),
      top: hundredths(i.top as number),
      width: hundredths(i.width as number),
      height: hundredths(i.height as number),
      png: i.png,
    })),
  };
}
