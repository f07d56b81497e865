/**
 * A journal with no workbook (the phone page): one row per hamlet-day, kept as a saved document in the
 * device's storage. The officer's entry replaces that day's row; rows pulled from the server are written
 * the same way, so the row on the device is always the one that counts.
 */
import { z } from "zod";
import type { JournalEntry } from "../core/journal-writes";
import { hamletKey } from "../core/text";
import type { LocalRow } from "./client";
import { RowData } from "./protocol";
import type { LocalJournal } from "./rows";
import { type SavedFormat, type SavedPlace, savedDocument } from "./saved";

const StoredRow = z.object({ hamlet: z.string().min(1), date: z.string(), data: RowData });

const StoredJournalDoc = z.object({ rows: z.array(StoredRow) });
type StoredJournalDoc = z.infer<typeof StoredJournalDoc>;

export const JOURNAL_FORMAT: SavedFormat<StoredJournalDoc> = {
  what: "Nhật ký lưu trên máy",
  next: "Các ngày đã gửi sẽ được nhận lại từ máy chủ ở lần đồng bộ sau; báo cáo chưa gửi vẫn nằm trong hàng chờ.",
  version: 1,
  schema: StoredJournalDoc,
  upgrades: {},
};

const dayOf = (r: { hamlet: string; date: string }) => `${r.date}|${hamletKey(r.hamlet)}`;

export class StoredJournal implements LocalJournal {
  private readonly doc;

  constructor(place: SavedPlace, notify: (message: string) => void) {
    this.doc = savedDocument(place, JOURNAL_FORMAT, notify);
  }

  /** Every row kept, one per hamlet-day. */
  async rows(): Promise<LocalRow[]> {
    return (await this.doc.load())?.rows ?? [];
  }

  /** The officer's entry for its day: it replaces the row kept for that hamlet-day. */
  async put(row: LocalRow): Promise<void> {
    await this.save([row]);
  }

  async read() {
    return { rows: await this.rows(), refused: [] };
  }

  async write(entries: JournalEntry[]): Promise<number> {
    await this.save(
      entries.map(({ hamlet, date, values, note, reporter, sentAt }) => ({
        hamlet,
        date,
        data: { values, note, reporter, sentAt },
      }))
    );
    return entries.length;
  }

  private async save(rows: LocalRow[]): Promise<void> {
    const kept = new Map((await this.rows()).map((r) => [dayOf(r), r]));
    for (const r of rows) kept.set(dayOf(r), r);
    const sorted = [...kept.values()].sort((a, b) => a.date.localeCompare(b.date));
    await this.doc.save({ rows: sorted });
  }
}
