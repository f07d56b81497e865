/**
 * Building blocks of the sheets printed as Party documents (Hướng dẫn 36-HD/VPTW): a row-by-row sheet builder,
 * the heading (issuing body top left, ĐẢNG CỘNG SẢN VIỆT NAM and the place-date line top right) and the
 * signature block. The daily report (BC), the upper level's roll-up (TH) and the enrolment sheet share them.
 */
import { columnLetter } from "./grid";
import { type LayoutCell, PARTY_DOCUMENT_PRINT, type PrintSetup, type SheetLayout } from "./layout";
import { fitColumns, fitRowHeights, keepTogether, printableWidth } from "./print";
import { formatVietnameseNumber } from "./quantity";

export const DOCUMENT_FONT = { name: "Times New Roman", size: 13 };
export const NO_BREAK = "\u00a0";

/** A sheet written top to bottom, `cols` columns wide. */
export class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  row = 1;

  constructor(readonly cols: number) {}

  put(
    col: number,
    value: string | number | null,
    style: Partial<LayoutCell> = {},
    toCol = col
  ): void {
    this.cells.push({ row: this.row, col, value, ...style });
    if (toCol > col) this.merges.push(`${cellName(col, this.row)}:${cellName(toCol, this.row)}`);
  }

  /** A full-width line of text, wrapped. */
  line(value: string, style: Partial<LayoutCell> = {}): void {
    this.put(1, value, { wrap: true, ...style }, this.cols);
    this.row++;
  }

  /** An empty row of `points` height. */
  gap(points = 10): void {
    this.heights[this.row] = points;
    this.row++;
  }

  /**
   * The sheet sized for its page: columns as wide as their content, what is left of the page width to the
   * `flex` column (and `minPoints` to a column a picture covers), every row as tall as its wrapped text.
   */
  layout(
    name: string,
    print: PrintSetup,
    flex: number,
    minPoints: Record<number, number> = {}
  ): SheetLayout {
    const font = DOCUMENT_FONT;
    const columnWidths = fitColumns(this.cells, this.merges, this.cols, font, {
      width: printableWidth(print),
      flex,
      minPoints,
    });
    return fitRowHeights({
      name,
      font,
      columnWidths,
      cells: this.cells,
      merges: this.merges,
      rowHeights: this.heights,
      print,
    });
  }
}

/**
 * The sheet as a Party report on A4 portrait: the rows from `closing` (the last section) print on one page
 * with the signature, as the format wants no signature page on its own; `titleRows` repeat on every page.
 */
export function partyReport(
  s: SheetBuilder,
  name: string,
  flex: number,
  closing: number,
  titleRows?: string
): SheetLayout {
  const print = titleRows ? { ...PARTY_DOCUMENT_PRINT, titleRows } : PARTY_DOCUMENT_PRINT;
  return keepTogether(s.layout(name, print, flex), closing);
}

/** A figure as Vietnamese text: "12.500.000", "1,5". */
export const figureText = (n: number): string => formatVietnameseNumber(n);

/** "C5" for column 3 (1-based), row 5. */
export function cellName(col: number, row: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

/** "ngày 04 tháng 12 năm 2024": day and months 1–2 with a leading zero, as the format asks. */
export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `ngày ${String(d).padStart(2, "0")} tháng ${month} năm ${y}`;
}

export interface Heading {
  /** "ĐẢNG ỦY XÃ TÂN PHONG", "TỈNH ỦY TÂY NINH" */
  party_committee: string;
  /** "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN" */
  issuer: string;
  /** "Tân Phong", for the place-date line */
  place_name: string;
  /** The document's date (ISO) */
  date: string;
  /** "BC/BCĐ" after "Số" */
  number_suffix: string;
}

/** The heading rows: issuing body over columns 1…`leftBlock`, the national line over the rest; then a gap. */
export function partyHeading(s: SheetBuilder, h: Heading, leftBlock: number): void {
  const left = { align: "center" as const, wrap: true };
  s.put(1, h.party_committee.toUpperCase() || null, left, leftBlock);
  s.put(
    leftBlock + 1,
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    { align: "center", bold: true, underline: true },
    s.cols
  );
  s.row++;
  s.put(1, h.issuer.toUpperCase() || null, { ...left, bold: true }, leftBlock);
  s.row++;
  s.put(1, "*", left, leftBlock);
  s.put(
    leftBlock + 1,
    `${h.place_name || "…"}, ${longDate(h.date)}`,
    { align: "center", italic: true },
    s.cols
  );
  s.row++;
  s.put(1, `Số        -${h.number_suffix}`, left, leftBlock);
  s.row++;
  s.gap();
}

/** "Nơi nhận" at the left, "T/M BAN CHỈ ĐẠO / TRƯỞNG BAN" and the signer's name (or a blank to sign) at the right. */
export function signatureBlock(
  s: SheetBuilder,
  recipient: string,
  signer: string,
  leftBlock: number
): void {
  const right = leftBlock + 1;
  s.put(1, "Nơi nhận:", { bold: true, italic: true }, leftBlock);
  s.put(right, "T/M BAN CHỈ ĐẠO", { bold: true, align: "center" }, s.cols);
  s.row++;
  s.put(1, `- ${recipient || "Ban Chỉ đạo cấp trên"};`, { size: 12, wrap: true }, leftBlock);
  s.put(right, "TRƯỞNG BAN", { bold: true, align: "center" }, s.cols);
  s.row++;
  s.put(1, "- Lưu.", { size: 12 }, leftBlock);
  s.row++;
  s.gap(60);
  if (signer) s.put(right, signer, { bold: true, align: "center" }, s.cols);
  else s.put(right, "(Ký, ghi rõ họ tên)", { italic: true, align: "center", size: 12 }, s.cols);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Table cells: header (shaded, bold, centred, wrapped), figures (right), head counts (centred), text (wrapped). */
export const TABLE = {
  head: { bold: true, border: true, align: "center", wrap: true, fill: "FFDDEBF7" },
  figure: { border: true, align: "right" },
  count: { border: true, align: "center" },
  text: { border: true, wrap: true },
} satisfies Record<string, Partial<LayoutCell>>;
