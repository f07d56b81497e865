/** Journal rows pulled from the server written into a workbook's Nhật ký sheet: each hamlet-day once. */
import type ExcelJS from "exceljs";
import { dateToExcelSerial, parseTime } from "../core/dates";
import { FORMAT } from "../core/layout";
import { JOURNAL_INDICATOR_COLUMNS, JOURNAL_TABLE, SHEET } from "../core/sheets";
import { findTable } from "../core/table";
import { foldUndoubled, hamletKey } from "../core/text";
import { parseDate } from "../core/dates";
import { cellText } from "../core/grid";
import type { SyncedRow } from "../sync/protocol";
import { InputError } from "./files";
import { worksheetToGrid } from "./read";

function journalSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => foldUndoubled(w.name) === foldUndoubled(SHEET.journal));
  if (!ws) throw new InputError(`Sổ không có trang "${SHEET.journal}".`);
  return ws;
}

/** Writes (or overwrites) the pulled rows; extra copies of a hamlet-day are removed. Returns rows written. */
export function writeJournalRows(wb: ExcelJS.Workbook, rows: SyncedRow[]): number {
  if (!rows.length) return 0;
  const ws = journalSheet(wb);
  const table = findTable(worksheetToGrid(ws), JOURNAL_TABLE);
  if (!table || table.missing.length)
    throw new InputError(`Trang "${SHEET.journal}" không có đủ hàng tiêu đề.`);
  const at = new Map<string, number[]>();
  for (const r of table.rows) {
    const date = parseDate(r.cells.date ?? null);
    if (date)
      at.set(`${date}|${hamletKey(cellText(r.cells.hamlet))}`, [
        ...(at.get(`${date}|${hamletKey(cellText(r.cells.hamlet))}`) ?? []),
        r.row,
      ]);
  }
  let next = Math.max(table.headerRow, ...table.rows.map((r) => r.row)) + 1;
  const extra: number[] = [];
  for (const row of rows) {
    const found = at.get(`${row.date}|${hamletKey(row.hamlet)}`) ?? [];
    const target = found[0] ?? next++;
    extra.push(...found.slice(1));
    fill(ws.getRow(target), table.cols, row);
  }
  for (const r of extra.sort((a, b) => b - a)) ws.spliceRows(r, 1);
  return rows.length;
}

function fill(row: ExcelJS.Row, cols: Record<string, string>, data: SyncedRow): void {
  const set = (field: string, value: ExcelJS.CellValue, numFmt?: string) => {
    if (!cols[field]) return;
    const cell = row.getCell(cols[field]);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  set("date", dateToExcelSerial(data.date), FORMAT.date);
  set("hamlet", data.hamlet);
  for (const [key] of JOURNAL_INDICATOR_COLUMNS) set(key, data.values[key] ?? null);
  // Strings go in as text: a value starting with "=" never becomes a formula.
  set("note", data.note || null);
  set("reporter", data.reporter || null);
  const sent = data.sent ? parseTime(data.sent) : null;
  set("sent", sent === null ? null : sent / 1440, FORMAT.time);
}
