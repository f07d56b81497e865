/**
 * Sending from the phone: "Gửi" keeps the entry in the phone's journal and outbox first, then the shared sync
 * session sends it whenever the server can be reached (at once, when the connection returns, when the page
 * opens or comes back to the front, and every half minute while something waits). One sync at a time.
 */
import type { LocalRow } from "../sync/client";
import { AuthError, SyncFailure, UnreachableError, VersionError } from "../sync/errors";
import type { SyncOutcome } from "../sync/session";
import { type DayNote, type Home, forgetNotes } from "./home";

const RETRY_MS = 30_000;

export interface SendProblem {
  message: string;
  /** No answer (what waits goes later), the phone must be enrolled again (revoked), or anything else. */
  kind: "unreachable" | "enrol" | "other";
}

export class Sender {
  /** Why the last attempt did not get through, or null. */
  problem: SendProblem | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly home: Home,
    private readonly changed: () => void
  ) {
    addEventListener("online", () => void this.syncNow());
    addEventListener("offline", () => changed());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") void this.syncNow();
    });
    setInterval(() => void this.retry(), RETRY_MS);
  }

  /** Keeps the entry on the phone (journal and outbox), then tries to send it. */
  async send(row: LocalRow): Promise<void> {
    await this.home.journal.put(row);
    await forgetNotes(this.home.notes, new Set([row.date]));
    await this.home.session.queue();
    this.changed();
    void this.syncNow();
  }

  /** Sends what waits and brings in the hamlet's rows; a call during a sync runs once more after it. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.running;
  }

  /** The half-minute retry: only while something waits. */
  private async retry(): Promise<void> {
    try {
      if ((await this.home.session.pending()) === 0) return;
    } catch (e) {
      return this.failed(e);
    }
    await this.syncNow();
  }

  /** Never fails: what goes wrong, the phone's storage included, becomes the problem shown. */
  private async run(): Promise<void> {
    if (!navigator.onLine) {
      this.problem = null;
      return this.changed();
    }
    try {
      const before = new Map((await this.home.journal.rows()).map((r) => [r.date, r.data]));
      await this.note(await this.home.session.sync(), before);
      this.problem = null;
    } catch (e) {
      return this.failed(e);
    }
    this.changed();
  }

  private failed(e: unknown): void {
    this.problem = problemOf(e);
    this.changed();
  }

  /** Keeps what the server said of this phone's days: conflicts and refusals, with what the phone had sent. */
  private async note(outcome: SyncOutcome, sent: Map<string, LocalRow["data"]>): Promise<void> {
    const fresh: DayNote[] = [
      ...outcome.conflicts.map((c) => ({ ...c, kind: "conflict" as const })),
      ...outcome.refused.map((r) => ({ ...r, kind: "refused" as const })),
    ].map((n) => ({
      date: n.date,
      kind: n.kind,
      reason: n.reason,
      proposed: sent.get(n.date) ?? null,
    }));
    if (!fresh.length) return;
    const days = new Set(fresh.map((n) => n.date));
    const kept = ((await this.home.notes.load())?.notes ?? []).filter((n) => !days.has(n.date));
    await this.home.notes.save({ notes: [...kept, ...fresh] });
  }
}

function problemOf(e: unknown): SendProblem {
  if (e instanceof AuthError)
    return { message: `${e.message} Báo cáo chưa gửi vẫn được giữ trên máy.`, kind: "enrol" };
  if (e instanceof UnreachableError)
    return {
      message: "Chưa kết nối được máy chủ. Báo cáo được giữ trên máy và tự gửi khi có mạng.",
      kind: "unreachable",
    };
  if (e instanceof VersionError)
    return { message: `${e.message} Hãy tải lại trang.`, kind: "other" };
  if (e instanceof SyncFailure) return { message: e.message, kind: "other" };
  return { message: STORAGE_PROBLEM, kind: "other" };
}

/** What else fails here is the browser's storage: full, or blocked in a private window. */
export const STORAGE_PROBLEM =
  "Không lưu được vào bộ nhớ của trình duyệt (có thể đã đầy, hoặc đang ở chế độ ẩn danh). Giải phóng bộ nhớ hoặc mở trang ở cửa sổ thường rồi thử lại.";
