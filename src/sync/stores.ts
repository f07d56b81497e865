/**
 * The outbox as a saved document (format 2), and the stores that keep it: one place, or several mirroring each
 * other (the task pane mirrors its browser storage into a very hidden sheet, so a wiped cache loses nothing).
 */
import { z } from "zod";
import { type SavedPlace, type SavedFormat, memoryPlace, savedDocument } from "./saved";

/**
 * A queued edit. Only what the client itself relies on is checked here; the row is checked by the server, so a
 * bad one comes back as one rejected mutation instead of costing the whole outbox.
 */
const QueuedRow = z.object({ hamlet: z.string(), date: z.string() }).passthrough();
/** A commune's daily report for its parent (a NewCommuneReport). */
const QueuedReport = z.object({ commune: z.string(), date: z.string() }).passthrough();

const id = z.number().int().min(1);
const PendingRow = z.object({ id, name: z.literal("putRow"), args: QueuedRow, hash: z.string() });
const PendingReport = z.object({
  id,
  name: z.literal("putReport"),
  args: QueuedReport,
  hash: z.string(),
});
const PendingMutation = z.discriminatedUnion("name", [PendingRow, PendingReport]);
export type PendingMutation = z.infer<typeof PendingMutation>;
export type PendingRow = z.infer<typeof PendingRow>;

export const OutboxState = z
  .object({
    /** The enrolment (its client id) this outbox belongs to; another one means the device was enrolled again. */
    device: z.string().min(1),
    /** This outbox's own client id: a new one whenever the outbox starts over, so no mutation id is reused. */
    clientID: z.string().min(8).max(64),
    nextMutationID: z.number().int().min(1),
    pending: z.array(PendingMutation),
    cookie: z.number().int().min(0).nullable(),
    /** Per row key: the server version last seen and the hash of the data it had. */
    known: z.record(z.object({ version: z.number().int().min(0), hash: z.string() })),
  })
  .refine(
    (s) =>
      s.pending.every((m, i) => m.id < s.nextMutationID && (i === 0 || m.id > s.pending[i - 1].id)),
    { message: "mutation ids out of order", path: ["pending"] }
  );
export type OutboxState = z.infer<typeof OutboxState>;

export const OUTBOX_FORMAT: SavedFormat<OutboxState> = {
  what: "Hàng chờ đồng bộ",
  next: "Các dòng trong sổ sẽ được gửi lại từ đầu; máy chủ bỏ qua dòng đã có, dòng khác bản trên máy chủ thành xung đột để xã chọn.",
  // Format 3 names each mutation (a report may wait beside the rows): an older DanVan leaves it alone.
  version: 3,
  schema: OutboxState,
  upgrades: {
    // Format 1 had no `device`: its client id was the enrolment's own.
    1: (doc) => ({ device: doc.clientID, ...doc }),
    // Format 2 held journal rows only.
    2: (doc) => ({
      ...doc,
      pending: Array.isArray(doc.pending)
        ? doc.pending.map((m: Record<string, unknown>) => ({ name: "putRow", ...m }))
        : doc.pending,
    }),
  },
};

export interface StateStore {
  load(): Promise<OutboxState | null>;
  save(state: OutboxState): Promise<void>;
}

/** The outbox kept in `places`, the first one primary and the others its mirrors. */
export function outboxStore(places: SavedPlace[], notify: (message: string) => void): StateStore {
  const stores = places.map((p) => savedDocument(p, OUTBOX_FORMAT, notify));
  return stores.reduce(mirroredStore);
}

/**
 * Saves to both; loads the primary, or the mirror when the primary was wiped or set aside as damaged.
 */
export function mirroredStore(primary: StateStore, mirror: StateStore): StateStore {
  return {
    async load() {
      return (await primary.load()) ?? (await mirror.load());
    },
    async save(state) {
      await mirror.save(state);
      await primary.save(state);
    },
  };
}

/** In memory, validated like any other place. */
export function memoryStore(): StateStore & { clear(): void } {
  const place = memoryPlace();
  return {
    ...outboxStore([place], () => undefined),
    clear() {
      place.text = null;
    },
  };
}
