/* global Excel */
/**
 * Sheet layouts from the core written into the open workbook as queued operations: the caller syncs once.
 * Cells of one row that share a style are formatted as one range, so a report costs a few hundred
 * operations, not one per cell.
 */
import { columnLetter } from "../core/grid";
import type { CellWrite } from "../core/journal-writes";
import type {
  CellStyle,
  LayoutCell,
  LayoutImage,
  ListValidation,
  SheetLayout,
} from "../core/layout";
import { DEFAULT_WIDTH, columnPoints } from "../core/print";
import { sheetNameKey } from "../core/template";
import { writableText } from "../core/text";
import { type Feature, supports } from "./features";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const;

/** Text that Excel would take for a formula is written as text (a leading apostrophe is not shown); text
 * loses the characters XML forbids (the saved file would not open again) and stays within a cell's length. */
export function safeValue(value: string | number | null): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  const text = writableText(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function matrix(layout: SheetLayout): {
  values: (string | number)[][];
  rows: number;
  cols: number;
} {
  // reduce, not Math.max(...cells): a big sheet has more cells than the call stack has room for arguments.
  const rows = layout.cells.reduce((n, c) => Math.max(n, c.row), 1);
  const cols = layout.cells.reduce(
    (n, c) => Math.max(n, c.col),
    Math.max(1, layout.columnWidths.length)
  );
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
  page.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
  page.setPrintMargins("Inches", p.margins);
  page.centerHorizontally = p.centerHorizontally;
  if (p.titleRows) page.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
  if (p.area) page.setPrintArea(p.area);
  for (const row of layout.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
}

/** Excel's height of a row nobody sized, in points (the layout sizes every row above a picture). */
const STANDARD_ROW_POINTS = 15;

/** Points from the sheet's top-left corner to the picture's, by the layout's own column widths and row heights. */
export function imagePosition(
  layout: SheetLayout,
  image: LayoutImage
): { left: number; top: number } {
  let left = image.offsetX;
  for (let col = 1; col < image.col; col++)
    left += columnPoints(layout.columnWidths[col - 1] ?? DEFAULT_WIDTH);
  let top = image.offsetY;
  for (let row = 1; row < image.row; row++) top += layout.rowHeights?.[row] ?? STANDARD_ROW_POINTS;
  return { left, top };
}

/** A picture as a shape (ExcelApi 1.9), from its base64 PNG, where the layout places it. */
function addImage(ws: Excel.Worksheet, layout: SheetLayout, image: LayoutImage): void {
  const shape = ws.shapes.addImage(image.png);
  const { left, top } = imagePosition(layout, image);
  shape.left = left;
  shape.top = top;
  shape.lockAspectRatio = true;
  shape.width = image.width;
  shape.height = image.height;
  shape.name = image.name;
  shape.altTextDescription = image.name;
}

/** Rows of the same height next to each other, as one "5:9" range each. */
export function heightRuns(heights: Record<number, number>): { rows: string; height: number }[] {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const runs: { from: number; to: number; height: number }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.to === row - 1 && last.height === heights[row]) last.to = row;
    else runs.push({ from: row, to: row, height: heights[row] });
  }
  return runs.map((r) => ({ rows: `${r.from}:${r.to}`, height: r.height }));
}

/** Excel on the web refuses requests over 5 MB: what is queued is counted, and synced before it gets there. */
export const REQUEST_LIMIT_BYTES = 4_000_000;
/** Rough cost of one formatting operation in the request. */
const OPERATION_BYTES = 300;
/** Values are sent in blocks of rows of about this size. */
const BLOCK_BYTES = 1_000_000;

export class RequestBudget {
  private used = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_LIMIT_BYTES
  ) {}

  /** Counts `bytes` about to be queued; syncs first when they would take the request over the limit. */
  async spend(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      suspendUntilSync(this.context);
      this.used = 0;
    }
    this.used += bytes;
  }
}

/** Rows of values in blocks, each with its JSON size. */
function valueBlocks(
  values: (string | number)[][]
): { from: number; rows: (string | number)[][]; bytes: number }[] {
  const blocks: { from: number; rows: (string | number)[][]; bytes: number }[] = [];
  let current = { from: 0, rows: [] as (string | number)[][], bytes: 0 };
  values.forEach((row, i) => {
    const bytes = JSON.stringify(row).length;
    if (current.rows.length && current.bytes + bytes > BLOCK_BYTES) {
      blocks.push(current);
      current = { from: i, rows: [], bytes: 0 };
    }
    current.rows.push(row);
    current.bytes += bytes;
  });
  blocks.push(current);
  return blocks;
}

function when(feature: Feature, action: () => void): void {
  if (supports(feature)) action();
}

/**
 * Queues a new sheet (removing an older one of the same name, if `existing` says there is one) with values,
 * styles, merges, sizes, formats, dropdowns, frozen rows, autofilter, print setup and pictures: what src/xlsx/write.ts
 * writes to a file, so a sheet made in Excel and one made by the CLI print alike. It syncs only when the budget says
 * the request would grow past Excel on the web's limit; the caller syncs at the end.
 */
export async function queueSheet(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: readonly string[],
  budget = new RequestBudget(context)
): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  // Renamed first and deleted after the new sheet exists: a workbook may not lose its last sheet. Excel
  // takes "kế hoạch" for "Kế hoạch", so the old sheet is found the same way.
  const oldName = existing.find((n) => sheetNameKey(n) === sheetNameKey(layout.name));
  const old = oldName === undefined ? null : sheets.getItem(oldName);
  if (old) old.name = `${layout.name.slice(0, 24)} (cũ)`;
  const ws = sheets.add(layout.name);
  old?.delete();
  const { values, rows, cols } = matrix(layout);
  const last = columnLetter(cols - 1);
  for (const block of valueBlocks(values)) {
    await budget.spend(block.bytes);
    ws.getRange(`A${block.from + 1}:${last}${block.from + block.rows.length}`).values = block.rows;
  }
  ws.getRange(`A1:${last}${rows}`).format.font.name = layout.font.name;
  for (const { cell, toCol } of styleRuns(layout.cells)) {
    await budget.spend(OPERATION_BYTES);
    const address = `${columnLetter(cell.col - 1)}${cell.row}:${columnLetter(toCol - 1)}${cell.row}`;
    applyStyle(ws.getRange(address), cell, toCol - cell.col + 1, layout.font);
  }
  for (const m of layout.merges) ws.getRange(m).merge(false);
  layout.columnWidths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = columnPoints(w);
  });
  for (const { rows: range, height } of heightRuns(layout.rowHeights ?? {}))
    ws.getRange(range).format.rowHeight = height;
  for (const f of layout.columnFormats ?? []) {
    const col = columnLetter(f.col - 1);
    ws.getRange(`${col}${f.fromRow}:${col}${f.toRow}`).numberFormat = Array.from(
      { length: f.toRow - f.fromRow + 1 },
      () => [f.numFmt]
    );
  }
  when("dataValidation", () => (layout.validations ?? []).forEach((v) => applyValidation(ws, v)));
  when("freezePanes", () => layout.freezeRows && ws.freezePanes.freezeRows(layout.freezeRows));
  when("autoFilter", () => layout.autoFilter && ws.autoFilter.apply(layout.autoFilter));
  applyPrint(ws, layout);
  if (supports("shapes"))
    for (const image of layout.images ?? []) {
      await budget.spend(image.png.length);
      addImage(ws, layout, image);
    }
  return ws;
}

/** Cells written one by one into an existing sheet (rows pulled from the server, rows added to a table). */
export function queueCellWrites(ws: Excel.Worksheet, writes: CellWrite[]): void {
  for (const w of writes) {
    for (const [col, { value, numFmt }] of Object.entries(w.cells)) {
      const range = ws.getRange(`${col}${w.row}`);
      if (numFmt) range.numberFormat = [[numFmt]];
      range.values = [[safeValue(value === null || typeof value === "boolean" ? null : value)]];
    }
  }
}

/** Screen updating and recalculation wait for the next sync, where the host allows it. */
export function suspendUntilSync(context: Excel.RequestContext): void {
  when("suspendScreenUpdating", () => context.application.suspendScreenUpdatingUntilNextSync());
  when("suspendCalculation", () => context.application.suspendApiCalculationUntilNextSync());
}
