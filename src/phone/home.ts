/**
 * What the phone keeps in the browser's storage, and the sync session over it: the identity, and per campaign
 * the outbox, the journal, the plan last fetched and the conflicts to show. Nothing here leaves the phone but
 * through the session.
 */
import { z } from "zod";
import { Plan } from "../core/model";
import { fetchTransport } from "../sync/client";
import type { Identity } from "../sync/identity";
import { browserStorage, keyValuePlace } from "../sync/key-value";
import { RowData } from "../sync/protocol";
import type { LocalJournal } from "../sync/rows";
import { type SavedDocument, type SavedPlace, savedDocument } from "../sync/saved";
import { SyncSession } from "../sync/session";
import { StoredJournal } from "../sync/stored-journal";

const storage = browserStorage();
const place = (key: string): SavedPlace =>
  keyValuePlace(storage, `danvan.ap.${key}`, "bộ nhớ của trình duyệt");

export const identityPlace = () => place("identity");

/** The name the last report was signed with, offered again the next day. */
export const reporterName = {
  get: () => storage.getItem("danvan.ap.reporter"),
  set: (name: string) => storage.setItem("danvan.ap.reporter", name),
};

const CachedPlan = z.object({ plan: Plan });

/**
 * What the server said of a day this phone sent, other than taking it: the edit met another device's (a
 * conflict the commune settles) or was refused. Kept until the day is sent again or its row changes.
 */
export const DayNote = z.object({
  date: z.string(),
  kind: z.enum(["conflict", "refused"]),
  reason: z.string(),
  /** What this phone had sent. */
  proposed: RowData.nullable(),
});
export type DayNote = z.infer<typeof DayNote>;
const DayNotes = z.object({ notes: z.array(DayNote) });

export interface Home {
  journal: StoredJournal;
  session: SyncSession;
  plan: SavedDocument<{ plan: Plan }>;
  notes: SavedDocument<{ notes: DayNote[] }>;
}

export function openHome(identity: Identity, notify: (message: string) => void): Home {
  const campaign = (key: string) => place(`${key}.${identity.campaign}`);
  const journal = new StoredJournal(campaign("journal"), notify);
  const notes = savedDocument(
    campaign("notes"),
    {
      what: "Ghi chú về các ngày đã gửi",
      next: "Các xung đột vẫn được giữ ở xã để xã chọn.",
      version: 1,
      schema: DayNotes,
      upgrades: {},
    },
    notify
  );
  // A row arriving for a day (the commune's choice, another device's later edit) settles what was noted.
  const settling: LocalJournal = {
    read: () => journal.read(),
    async write(rows) {
      await forgetNotes(notes, new Set(rows.map((r) => r.date)));
      return journal.write(rows);
    },
  };
  const session = new SyncSession(identity, {
    transport: fetchTransport(identity.server),
    outbox: [campaign("outbox")],
    journal: settling,
    notify,
    retry: { attempts: 3, baseMs: 500 },
  });
  const plan = savedDocument(
    campaign("plan"),
    {
      what: "Kế hoạch đã tải",
      next: "Kế hoạch sẽ được tải lại khi có mạng.",
      version: 1,
      schema: CachedPlan,
      upgrades: {},
    },
    notify
  );
  return { journal, session, plan, notes };
}

/** Forgets what was noted of `days` (sent again, or a new row arrived for them). */
export async function forgetNotes(notes: Home["notes"], days: Set<string>): Promise<void> {
  const kept = (await notes.load())?.notes ?? [];
  if (kept.some((n) => days.has(n.date)))
    await notes.save({ notes: kept.filter((n) => !days.has(n.date)) });
}
