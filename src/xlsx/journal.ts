/** Journal rows pulled from the server written into a workbook file's Nhật ký sheet. */
import type ExcelJS from "exceljs";
import { type JournalEntry, journalWrites } from "../core/journal-writes";
import { SHEET } from "../core/sheets";
import { foldUndoubled } from "../core/text";
import { InputError } from "./files";
import { worksheetToGrid } from "./read";

/** Writes (or overwrites) each hamlet-day once; extra copies are removed. Returns the rows written. */
export function writeJournalRows(wb: ExcelJS.Workbook, entries: JournalEntry[]): number {
  if (!entries.length) return 0;
  const ws = wb.worksheets.find((w) => foldUndoubled(w.name) === foldUndoubled(SHEET.journal));
  const plan = ws && journalWrites(worksheetToGrid(ws), entries);
  if (!ws || !plan)
    throw new InputError(`Sổ không có trang "${SHEET.journal}" với đủ hàng tiêu đề.`);
  for (const w of plan.writes) {
    for (const [col, { value, numFmt }] of Object.entries(w.cells)) {
      // Strings go in as text: a value starting with "=" never becomes a formula.
      const cell = ws.getCell(`${col}${w.row}`);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }
  }
  for (const r of plan.deletions) ws.spliceRows(r, 1);
  return entries.length;
}
