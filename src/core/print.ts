/**
 * The printed page: how wide a column prints (Excel's rule), how much of an A4 page the margins leave, the scale a
 * sheet prints at, and row heights that fit the text each row holds. Layouts use it to size themselves; both
 * adapters then write the same sizes.
 */
import { type LayoutCell, type PrintSetup, type SheetLayout, mm } from "./layout";
import { longestWord, textWidth, wrapLines } from "./text-metrics";

const POINTS_PER_PIXEL = 0.75;
const POINTS_PER_INCH = 72;
/**
 * Widths are in characters of the workbook's default font, Calibri 11 in the files DanVan writes, whose widest
 * digit is 7 pixels (ECMA-376 §18.3.1.13).
 */
const DIGIT_PIXELS = 7;
/** Excel's width for a column nobody sized. */
export const DEFAULT_WIDTH = 8.43;
const A4_POINTS = { short: mm(210) * POINTS_PER_INCH, long: mm(297) * POINTS_PER_INCH };
/** Room Excel leaves between a cell's borders and its text, both sides together (5 px), and a pixel to spare. */
export const CELL_PADDING = 4.5;
/** Text measured from font metrics prints up to this much wider on screen fonts with hinting. */
const HINTING = 1.05;

/** Points between the top and bottom margins. */
function printableHeight(print: PrintSetup): number {
  const paper = print.orientation === "portrait" ? A4_POINTS.long : A4_POINTS.short;
  return paper - (print.margins.top + print.margins.bottom) * POINTS_PER_INCH;
}

/** Points a column of `width` characters prints at: Excel's rule, in whole pixels. */
export function columnPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PIXELS)) / 256) * DIGIT_PIXELS);
  return pixels * POINTS_PER_PIXEL;
}

/** The column width (characters, two decimals) that prints `points` wide, rounded up to a whole pixel. */
export function widthForPoints(points: number): number {
  const pixels = Math.ceil(points / POINTS_PER_PIXEL - 1e-9);
  return Math.round((pixels / DIGIT_PIXELS) * 100) / 100;
}

/** Points between the left and right margins of the page. */
export function printableWidth(print: PrintSetup): number {
  const paper = print.orientation === "portrait" ? A4_POINTS.short : A4_POINTS.long;
  return paper - (print.margins.left + print.margins.right) * POINTS_PER_INCH;
}

function printedColumns(layout: SheetLayout): number[] {
  const area = layout.print?.area ? /^[A-Z]+\d+:([A-Z]+)\d+$/.exec(layout.print.area) : null;
  const last = area ? columnIndex(area[1]) + 1 : layout.columnWidths.length;
  return layout.columnWidths.slice(0, last);
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Points the printed columns take side by side. */
export function printedWidth(layout: SheetLayout): number {
  return printedColumns(layout).reduce((n, w) => n + columnPoints(w), 0);
}

/** The scale "fit to one page wide" prints the sheet at: 1 when it fits as it is. */
export function printScale(layout: SheetLayout): number {
  return layout.print ? Math.min(1, printableWidth(layout.print) / printedWidth(layout)) : 1;
}

/** Height in points of `lines` lines of text at `size` points (Excel's own row for one line is ~1.3 em). */
export function textHeight(size: number, lines = 1): number {
  const points = lines * size * 1.25 + 2;
  return Math.ceil(points / POINTS_PER_PIXEL) * POINTS_PER_PIXEL;
}

/** "C5:J5" → columns 3…10 of row 5. */
function span(merge: string): { row: number; from: number; to: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge);
  if (!m || m[2] !== m[4]) return null;
  return { row: Number(m[2]), from: columnIndex(m[1]) + 1, to: columnIndex(m[3]) + 1 };
}

/** The last column each merged cell reaches, keyed "row:col" of its first cell. */
function mergeEnds(layout: SheetLayout): Map<string, number> {
  const ends = new Map<string, number>();
  for (const m of layout.merges) {
    const s = span(m);
    if (s) ends.set(`${s.row}:${s.from}`, s.to);
  }
  return ends;
}

function cellHeight(c: LayoutCell, layout: SheetLayout, widthPoints: number): number {
  const size = c.size ?? layout.font.size;
  if (typeof c.value !== "string" || !c.wrap) return textHeight(size);
  const room = widthPoints - CELL_PADDING;
  return textHeight(size, wrapLines(c.value, room / HINTING, size, c.bold));
}

/**
 * Heights for every row that holds content, tall enough for the wrapped text of its cells (merged cells over the
 * width of their columns). Heights the layout already gives are kept where they are taller.
 */
export function fitRowHeights(layout: SheetLayout): SheetLayout {
  const ends = mergeEnds(layout);
  const points = (from: number, to: number) => {
    let sum = 0;
    for (let col = from; col <= to; col++)
      sum += columnPoints(layout.columnWidths[col - 1] ?? DEFAULT_WIDTH);
    return sum;
  };
  const heights: Record<number, number> = { ...layout.rowHeights };
  for (const c of layout.cells) {
    if (c.value === null || c.value === "") continue;
    const width = points(c.col, ends.get(`${c.row}:${c.col}`) ?? c.col);
    heights[c.row] = Math.max(heights[c.row] ?? 0, cellHeight(c, layout, width));
  }
  return { ...layout, rowHeights: heights };
}

/** Room left unused at the foot of a page, for the rounding of heights by the printing program. */
const PAGE_SLACK = 0.97;

/**
 * Starts a new page at `fromRow` when the rows from there to the end would otherwise be split across two
 * pages (and fit on one), so a signature block never prints apart from the lines above it.
 */
export function keepTogether(layout: SheetLayout, fromRow: number): SheetLayout {
  if (!layout.print) return layout;
  const page = (printableHeight(layout.print) * PAGE_SLACK) / printScale(layout);
  const heights = layout.rowHeights ?? {};
  const last = layout.cells.reduce((n, c) => Math.max(n, c.row), 0);
  const height = (r: number) => heights[r] ?? textHeight(layout.font.size);
  let used = 0;
  let startOfBlock = 0;
  for (let r = 1; r <= last; r++) {
    if (used + height(r) > page) used = 0;
    if (r === fromRow) startOfBlock = used;
    used += height(r);
  }
  let block = 0;
  for (let r = fromRow; r <= last; r++) block += height(r);
  const splits = startOfBlock > 0 && startOfBlock + block > page && block <= page;
  return splits ? { ...layout, pageBreaks: [...(layout.pageBreaks ?? []), fromRow] } : layout;
}

/** What a cell needs of its column(s): its text unbroken, or its longest word where it wraps. */
export function neededWidth(c: LayoutCell, font: SheetLayout["font"]): number {
  const text = c.value === null ? "" : String(c.value);
  if (!text) return 0;
  const size = c.size ?? font.size;
  const width = c.wrap ? longestWord(text, size, c.bold) : textWidth(text, size, c.bold);
  return width * HINTING + CELL_PADDING;
}

/**
 * Column widths for generated content on one page width: each column as wide as its cells need (merged cells
 * widen the last column they cover; `minPoints` gives a column room for a picture), then what is left of the
 * page goes to the `flex` column.
 */
export function fitColumns(
  cells: LayoutCell[],
  merges: string[],
  columns: number,
  font: SheetLayout["font"],
  page: { width: number; flex: number; minPoints?: Record<number, number> }
): number[] {
  const ends = mergeEnds({ merges } as SheetLayout);
  const pixels = Array<number>(columns).fill(0);
  const need = (c: LayoutCell) => Math.ceil(neededWidth(c, font) / POINTS_PER_PIXEL);
  const spans = cells.map((c) => ({ c, to: ends.get(`${c.row}:${c.col}`) ?? c.col }));
  for (const { c, to } of spans)
    if (to === c.col) pixels[c.col - 1] = Math.max(pixels[c.col - 1], need(c));
  for (const { c, to } of spans) {
    const have = pixels.slice(c.col - 1, to).reduce((n, p) => n + p, 0);
    if (to > c.col && have < need(c)) pixels[to - 1] += need(c) - have;
  }
  // Room a column needs for what is not text: a picture over it.
  for (const [col, points] of Object.entries(page.minPoints ?? {}))
    pixels[Number(col) - 1] = Math.max(
      pixels[Number(col) - 1],
      Math.ceil(points / POINTS_PER_PIXEL)
    );
  const room = Math.floor(page.width / POINTS_PER_PIXEL) - pixels.reduce((n, p) => n + p, 0);
  if (room > 0) pixels[page.flex - 1] += room;
  return pixels.map((p) => widthForPoints(p * POINTS_PER_PIXEL));
}

/** Margins for working sheets, which are not Party documents: 12 mm all round. */
const WORKSHEET_MARGINS = {
  top: mm(12),
  bottom: mm(12),
  left: mm(12),
  right: mm(12),
  header: mm(6),
  footer: mm(6),
};
/** Below this scale a portrait page reads too small and the sheet turns landscape. */
const MIN_PORTRAIT_SCALE = 0.9;

/** A working sheet's print: A4 one page wide, portrait when it fits at ≥ 90 %, else landscape. */
export function worksheetPrint(
  columnWidths: number[],
  extra: Pick<PrintSetup, "titleRows" | "area"> = {}
): PrintSetup {
  const portrait: PrintSetup = {
    paperSize: "A4",
    orientation: "portrait",
    fitToWidth: 1,
    margins: WORKSHEET_MARGINS,
    centerHorizontally: true,
    ...extra,
  };
  const width = columnWidths.reduce((n, w) => n + columnPoints(w), 0);
  const fits = printableWidth(portrait) / width >= MIN_PORTRAIT_SCALE;
  return fits ? portrait : { ...portrait, orientation: "landscape" };
}
