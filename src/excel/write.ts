/* global Excel */
/**
 * Sheet layouts from the core written into the open workbook as queued operations: the caller syncs once.
 * Cells of one row that share a style are formatted as one range, so a report costs a few hundred
 * operations, not one per cell.
 */
import { columnLetter } from "../core/grid";
import type { CellStyle, LayoutCell, ListValidation, SheetLayout } from "../core/layout";
import { type Feature, supports } from "./features";

/** Points per character of column width (Calibri/Times 11–13 pt). */
const POINTS_PER_CHAR = 5.6;
const POINTS_PER_INCH = 72;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const;

/** Text that Excel would take for a formula is written as text (a leading apostrophe is not shown). */
export function safeValue(value: string | number | null): string | number {
  if (value === null) return "";
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function matrix(layout: SheetLayout): {
  values: (string | number)[][];
  rows: number;
  cols: number;
} {
  const rows = Math.max(1, ...layout.cells.map((c) => c.row));
  const cols = Math.max(1, layout.columnWidths.length, ...layout.cells.map((c) => c.col));
  const values = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  for (const c of layout.cells) values[c.row - 1][c.col - 1] = safeValue(c.value);
  return { values, rows, cols };
}

const STYLE_KEYS: (keyof CellStyle)[] = [
  "bold",
  "italic",
  "underline",
  "size",
  "align",
  "wrap",
  "border",
  "numFmt",
  "fill",
];

function styleKey(c: LayoutCell): string {
  return STYLE_KEYS.map((k) => String(c[k] ?? "")).join("|");
}

/** Runs of adjacent cells in one row with the same style: [first cell, last column]. */
export function styleRuns(cells: LayoutCell[]): { cell: LayoutCell; toCol: number }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { cell: LayoutCell; toCol: number; key: string }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    const key = styleKey(c);
    if (last && last.cell.row === c.row && last.toCol === c.col - 1 && last.key === key)
      last.toCol = c.col;
    else if (key.replace(/\|/g, "")) runs.push({ cell: c, toCol: c.col, key });
  }
  return runs;
}

function applyStyle(
  range: Excel.Range,
  style: CellStyle,
  width: number,
  font: SheetLayout["font"]
): void {
  const f = range.format;
  f.font.name = font.name;
  f.font.size = style.size ?? font.size;
  if (style.bold) f.font.bold = true;
  if (style.italic) f.font.italic = true;
  if (style.underline) f.font.underline = "Single";
  if (style.align)
    f.horizontalAlignment =
      style.align === "center" ? "Center" : style.align === "right" ? "Right" : "Left";
  f.verticalAlignment = "Center";
  if (style.wrap) f.wrapText = true;
  if (style.fill) f.fill.color = `#${style.fill.slice(-6)}`;
  if (style.numFmt) range.numberFormat = [Array(width).fill(style.numFmt)];
  if (style.border) {
    for (const edge of EDGES) {
      if (edge !== "InsideVertical" || width > 1)
        range.format.borders.getItem(edge).style = "Continuous";
    }
  }
}

function applyValidation(ws: Excel.Worksheet, v: ListValidation): void {
  const range = ws.getRange(v.range);
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source: `=${v.list}` } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: "Giá trị không hợp lệ",
    message: "Chọn một giá trị trong danh sách.",
  };
}

function applyPrint(ws: Excel.Worksheet, layout: SheetLayout): void {
  const p = layout.print;
  if (!p || !supports("pageLayout")) return;
  const page = ws.pageLayout;
  page.paperSize = Excel.PaperType.a4;
  page.orientation =
    p.orientation === "landscape"
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.topMargin = p.margins.top * POINTS_PER_INCH;
  page.bottomMargin = p.margins.bottom * POINTS_PER_INCH;
  page.leftMargin = p.margins.left * POINTS_PER_INCH;
  page.rightMargin = p.margins.right * POINTS_PER_INCH;
  page.centerHorizontally = true;
}

function when(feature: Feature, action: () => void): void {
  if (supports(feature)) action();
}

/**
 * Queues a new sheet (removing an older one of the same name, if `existing` says there is one) with values,
 * styles, merges, sizes, formats, dropdowns, frozen rows and print setup. No sync here.
 */
export function queueSheet(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: readonly string[]
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  // Renamed first and deleted after the new sheet exists: a workbook may not lose its last sheet.
  const old = existing.includes(layout.name) ? sheets.getItem(layout.name) : null;
  if (old) old.name = `${layout.name.slice(0, 24)} (cũ)`;
  const ws = sheets.add(layout.name);
  old?.delete();
  const { values, rows, cols } = matrix(layout);
  ws.getRange(`A1:${columnLetter(cols - 1)}${rows}`).values = values;
  ws.getRange(`A1:${columnLetter(cols - 1)}${rows}`).format.font.name = layout.font.name;
  for (const { cell, toCol } of styleRuns(layout.cells)) {
    const address = `${columnLetter(cell.col - 1)}${cell.row}:${columnLetter(toCol - 1)}${cell.row}`;
    applyStyle(ws.getRange(address), cell, toCol - cell.col + 1, layout.font);
  }
  for (const m of layout.merges) ws.getRange(m).merge(false);
  layout.columnWidths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * POINTS_PER_CHAR;
  });
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const f of layout.columnFormats ?? []) {
    const col = columnLetter(f.col - 1);
    ws.getRange(`${col}${f.fromRow}:${col}${f.toRow}`).numberFormat = Array.from(
      { length: f.toRow - f.fromRow + 1 },
      () => [f.numFmt]
    );
  }
  when("dataValidation", () => (layout.validations ?? []).forEach((v) => applyValidation(ws, v)));
  when("freezePanes", () => layout.freezeRows && ws.freezePanes.freezeRows(layout.freezeRows));
  applyPrint(ws, layout);
  return ws;
}

/** Screen updating and recalculation wait for the next sync, where the host allows it. */
export function suspendUntilSync(context: Excel.RequestContext): void {
  when("suspendScreenUpdating", () => context.application.suspendScreenUpdatingUntilNextSync());
  when("suspendCalculation", () => context.application.suspendApiCalculationUntilNextSync());
}
