/* global Excel */
/** The open workbook as a sync client's journal; pulled rows are written in one batch after a read in two. */
import { type JournalEntry, journalWrites } from "../core/journal-writes";
import { SHEET } from "../core/sheets";
import { foldUndoubled } from "../core/text";
import { type LocalJournal, workbookJournal } from "../sync/rows";
import { readWorkbook } from "./read";
import { readPlanFromWorkbook } from "./tasks";
import { queueCellWrites } from "./write";

export function openWorkbookJournal(): LocalJournal {
  return workbookJournal(
    async () => (await Excel.run((context) => readPlanFromWorkbook(context))).plan,
    (rows) => Excel.run((context) => writeJournalEntries(context, rows))
  );
}

export async function writeJournalEntries(
  context: Excel.RequestContext,
  entries: JournalEntry[]
): Promise<number> {
  if (!entries.length) return 0;
  const { grid } = await readWorkbook(context);
  const sheet = grid.sheets.find((s) => foldUndoubled(s.name) === foldUndoubled(SHEET.journal));
  const plan = sheet && journalWrites(sheet, entries);
  if (!sheet || !plan) throw new Error(`Sổ không có trang "${SHEET.journal}" với đủ hàng tiêu đề.`);
  const ws = context.workbook.worksheets.getItem(sheet.name);
  queueCellWrites(ws, plan.writes);
  for (const r of plan.deletions) ws.getRange(`${r}:${r}`).delete("Up");
  await context.sync();
  return entries.length;
}
