/** The rows a workbook holds for sync: the one that counts for each hamlet-day, with its full sent time. */
import { formatTime, parseTime } from "../core/dates";
import type { JournalEntry } from "../core/journal-writes";
import { effectiveRows } from "../core/journal";
import type { JournalRow, Plan } from "../core/model";
import { hamletKey } from "../core/text";
import type { LocalRow } from "./client";

/** A row this device did not send, or the server refused. */
export interface Refusal {
  hamlet: string;
  date: string;
  reason: string;
}

/** A client's own journal, whatever holds it: a workbook, a phone's storage. */
export interface LocalJournal {
  /** The rows that count now, one per hamlet-day, and those that cannot be sent, with why. */
  read(): Promise<{ rows: LocalRow[]; refused: Refusal[] }>;
  /** Writes rows received from the server; returns how many it wrote. */
  write(rows: JournalEntry[]): Promise<number>;
}

/** The row's full sent date and time, as the wire carries it. */
export function sentAt(row: JournalRow): string | null {
  const day = row.sent_date ?? row.date;
  return row.sent_minutes === null || !day ? null : `${day}T${formatTime(row.sent_minutes)}`;
}

/**
 * The effective row of each hamlet-day (core/journal.ts decides which one counts, the same rule the report
 * uses), and rows naming a hamlet the plan does not have, refused.
 */
export function journalRows(plan: Plan): { rows: LocalRow[]; refused: Refusal[] } {
  const rows = effectiveRows(plan).map(({ hamlet, date, row }) => ({
    hamlet,
    date,
    data: { values: row.values, note: row.note, reporter: row.reporter, sentAt: sentAt(row) },
  }));
  const known = new Set(plan.hamlets.map((h) => hamletKey(h.name)));
  const refused = plan.journal
    .filter((r) => r.date && r.hamlet && !known.has(hamletKey(r.hamlet)))
    .map((r) => ({
      hamlet: r.hamlet,
      date: r.date!,
      reason: `Ấp ${r.hamlet} không có trong kế hoạch của xã nên dòng này không được gửi.`,
    }));
  return { rows, refused };
}

/** A workbook as a sync client's journal: `readPlan` reads it, `write` writes received rows into it. */
export function workbookJournal(
  readPlan: () => Promise<Plan>,
  write: (rows: JournalEntry[]) => Promise<number>
): LocalJournal {
  return { read: async () => journalRows(await readPlan()), write };
}

/** A synced row as the journal reads it: Giờ gửi split back into its day and minutes (the inverse of sentAt). */
export function journalRowOf(row: LocalRow): JournalRow {
  const [day, time] = row.data.sentAt?.split("T") ?? [null, null];
  const { values, note, reporter } = row.data;
  return {
    date: row.date,
    hamlet: row.hamlet,
    values,
    note,
    reporter,
    sent_minutes: time ? parseTime(time) : null,
    sent_date: day,
  };
}
