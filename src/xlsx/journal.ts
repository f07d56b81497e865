/** A workbook file as a sync client's journal: its rows read, rows pulled from the server written into Nhật ký. */
import type ExcelJS from "exceljs";
import { type JournalEntry, journalWrites } from "../core/journal-writes";
import { readPlan } from "../core/reader";
import { SHEET } from "../core/sheets";
import { foldUndoubled } from "../core/text";
import { InputError } from "./files";
import { workbookToGrid, worksheetToGrid } from "./read";
import { type LocalJournal, workbookJournal } from "../sync/rows";
import { writable } from "./write";

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
      cell.value = writable(value);
      if (numFmt) cell.numFmt = numFmt;
    }
  }
  for (const r of plan.deletions) ws.spliceRows(r, 1);
  return entries.length;
}

/** The open workbook `wb` of `file`: rows received are written into it and the file saved. */
export function fileJournal(wb: ExcelJS.Workbook, file: string): LocalJournal {
  return workbookJournal(
    async () => readPlan(workbookToGrid(wb)).plan,
    async (rows) => {
      const written = writeJournalRows(wb, rows);
      await wb.xlsx.writeFile(file);
      return written;
    }
  );
}
