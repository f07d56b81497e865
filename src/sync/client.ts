/**
 * The sync client under every session: a mutation is written to the outbox before it is sent, resent until
 * acknowledged, and dropped only when the server's last mutation id covers it. A 401 keeps the outbox; failures
 * back off exponentially.
 */
import type { z } from "zod";
import { AuthError, ServerError, UnreachableError, VersionError } from "./errors";
import {
  ErrorBody,
  GapError,
  type MutationResult,
  PROTOCOL_VERSION,
  type PullResponse,
  PullResponse as PullResponseSchema,
  type PushResponse,
  PushResponse as PushResponseSchema,
  type PutRow,
  PutRow as PutRowSchema,
  type RowData,
  rowKey,
} from "./protocol";
import type { NewCommuneReport } from "../core/rollup";
import type { OutboxState, PendingMutation, PendingRow, StateStore } from "./stores";

export { AuthError, ServerError, UnreachableError, VersionError };
export type { OutboxState, PendingMutation, StateStore };

export interface Transport {
  /** Resolves with the HTTP status and JSON body; rejects when nothing came back. */
  post(path: string, body: unknown, token: string): Promise<{ status: number; body: unknown }>;
}

/** The server's typed error, or null when the body is not one (a proxy's page, nothing at all). */
export function errorBody(body: unknown): ErrorBody | null {
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** A refusal as the user reads it: the server's own words, or, without them, a hint it may not be DanVan. */
export function refusal(status: number, error: ErrorBody | null): ServerError {
  return new ServerError(
    error?.error ??
      `Máy chủ trả lời lỗi ${status} mà không theo giao thức DanVan; kiểm tra địa chỉ máy chủ (có đúng máy chủ DanVan không) hoặc thử lại sau.`,
    error?.code
  );
}

/** A client id no server has seen: 32 hex digits. */
export function newClientID(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** An outbox that starts over for the enrolment `device`, under a client id of its own. */
export function emptyState(device: string, clientID = newClientID()): OutboxState {
  return { device, clientID, nextMutationID: 1, pending: [], cookie: null, known: {} };
}

/** A stable text of a row's data: equal data, equal hash. */
export function dataHash(d: RowData): string {
  const values = Object.fromEntries(
    Object.entries(d.values)
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
  );
  return JSON.stringify([values, d.note, d.reporter, d.sentAt]);
}

export interface LocalRow {
  hamlet: string;
  date: string;
  data: RowData;
}

const BATCH = 100;

/** What the server said of one sent edit, with the row it was for ("" as hamlet for the commune's report). */
export interface Sent extends MutationResult {
  name: PendingMutation["name"];
  hamlet: string;
  date: string;
}

/** What a server older than the commune's report says of a push carrying one: update it; the report waits. */
export const OLD_SERVER_REPORT =
  "Máy chủ DanVan chưa nhận được báo cáo gửi lên (máy chủ cũ hơn máy này); báo cáo vẫn nằm trong hàng chờ. Hãy nhờ người quản trị cập nhật máy chủ.";

const isRow = (m: PendingMutation): m is PendingRow => m.name === "putRow";

/** Edits of the same thing: a hamlet-day's row, or the commune's report of a date. */
function mutationKey(m: PendingMutation): string {
  return isRow(m) ? rowKey(m.args.hamlet, m.args.date) : `report|${m.args.date}`;
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export class SyncClient {
  private state!: OutboxState;

  constructor(
    private readonly transport: Transport,
    private readonly store: StateStore,
    private readonly identity: { clientID: string; token: string },
    private readonly retry: RetryPolicy = { attempts: 5, baseMs: 200 }
  ) {}

  async open(): Promise<OutboxState> {
    this.state = (await this.store.load()) ?? emptyState(this.identity.clientID);
    if (this.state.device !== this.identity.clientID) this.startOverFor(this.identity.clientID);
    return this.state;
  }

  get pending(): readonly PendingMutation[] {
    return this.state.pending;
  }

  /**
   * A new enrolment (after a 401): pending edits start over at id 1 under a new client id. Rows are absolute
   * values, so only the newest edit of each row is kept: replaying older ones from a new device would meet the
   * old device's later writes as false conflicts.
   */
  private startOverFor(device: string): void {
    // A later edit supersedes an earlier one only if the server can accept it (an invalid one is rejected).
    const valid = (m: PendingMutation) => !isRow(m) || PutRowSchema.safeParse(m.args).success;
    const newest = new Map(this.state.pending.filter(valid).map((m) => [mutationKey(m), m]));
    const pending = this.state.pending.filter((m) => !valid(m) || newest.get(mutationKey(m)) === m);
    this.state = {
      ...emptyState(device),
      known: this.state.known,
      nextMutationID: pending.length + 1,
      pending: pending.map((m, i) => ({ ...m, id: i + 1 })),
    };
  }

  /** Queues every row whose data differs from what the server last had; saved before anything is sent. */
  async enqueue(rows: LocalRow[]): Promise<number> {
    let added = 0;
    for (const r of rows) {
      const key = rowKey(r.hamlet, r.date);
      const hash = dataHash(r.data);
      const queued = [...this.state.pending]
        .reverse()
        .find((m) => isRow(m) && mutationKey(m) === key);
      if ((queued ? queued.hash : this.state.known[key]?.hash) === hash) continue;
      const args: PutRow = {
        ...r.data,
        hamlet: r.hamlet,
        date: r.date,
        baseVersion: this.state.known[key]?.version ?? 0,
      };
      this.state.pending.push({ id: this.state.nextMutationID++, name: "putRow", args, hash });
      added++;
    }
    if (added) await this.store.save(this.state);
    return added;
  }

  /** Queues the commune's report of a date, saved before it is sent; returns its mutation id. */
  async enqueueReport(report: NewCommuneReport): Promise<number> {
    const id = this.state.nextMutationID++;
    const hash = JSON.stringify(report);
    this.state.pending.push({ id, name: "putReport", args: report, hash });
    await this.store.save(this.state);
    return id;
  }

  /**
   * One request, retried with backoff while nothing comes back or the server fails; the typed errors a retry
   * cannot help (auth, version, a refusal) are thrown at once.
   */
  async request<T>(path: string, body: unknown, parse: (x: unknown) => T): Promise<T> {
    let lastError: Error = new UnreachableError("Không kết nối được máy chủ.");
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      if (attempt)
        await (this.retry.sleep ?? sleep)(
          this.retry.baseMs * 2 ** (attempt - 1) * (0.5 + Math.random())
        );
      let response: { status: number; body: unknown };
      try {
        response = await this.transport.post(path, body, this.identity.token);
      } catch {
        lastError = new UnreachableError("Không kết nối được máy chủ.");
        continue;
      }
      if (response.status === 200) return parseAnswer(response.body, parse);
      const error = errorBody(response.body);
      if (error?.code === "auth") throw new AuthError(error.error);
      if (error?.code === "version") throw new VersionError(error.error);
      if (error?.code === "gap") return parse(error);
      lastError = refusal(response.status, error);
      if (response.status < 500 && response.status !== 429) throw lastError;
    }
    throw lastError;
  }

  /** Sends the outbox in order until it is empty; returns what the server said of each edit. */
  async push(): Promise<Sent[]> {
    const results: Sent[] = [];
    while (this.state.pending.length) {
      const batch = this.state.pending.slice(0, BATCH);
      const response = await this.request(
        "/push",
        {
          protocolVersion: PROTOCOL_VERSION,
          clientID: this.state.clientID,
          mutations: batch.map((m) => ({ id: m.id, name: m.name, args: m.args })),
        },
        parsePush
      ).catch((e) => {
        // Only a server that does not know putReport refuses a well-formed push as a whole.
        const oldServer = e instanceof ServerError && e.code === "invalid";
        throw oldServer && batch.some((m) => !isRow(m)) ? new ServerError(OLD_SERVER_REPORT) : e;
      });
      this.acknowledge(batch, response, results);
      await this.store.save(this.state);
    }
    return results;
  }

  private acknowledge(
    batch: PendingMutation[],
    response: PushResponse | GapResponse,
    results: Sent[]
  ): void {
    const last = response.lastMutationID;
    const byId = new Map(("results" in response ? response.results : []).map((r) => [r.id, r]));
    for (const m of batch.filter((x) => x.id <= last)) {
      const r = byId.get(m.id) ?? { id: m.id, status: "duplicate" as const };
      const hamlet = isRow(m) ? m.args.hamlet : "";
      results.push({ ...r, name: m.name, hamlet, date: m.args.date });
      if (isRow(m) && r.status === "applied" && r.version !== undefined)
        this.state.known[mutationKey(m)] = { version: r.version, hash: m.hash };
    }
    this.state.pending = this.state.pending.filter((m) => m.id > last);
    // The server is missing ids before our oldest (its record was lost): the absolute rows are safe to renumber.
    const first = this.state.pending[0];
    if (first && first.id > last + 1) {
      this.state.pending = this.state.pending.map((m, i) => ({ ...m, id: last + 1 + i }));
      this.state.nextMutationID = last + 1 + this.state.pending.length;
    }
  }

  /**
   * Fetches what changed since the last cookie; known versions follow the server. `write` puts the rows into
   * the client first: if it fails the cookie stays, so they come again, and the client's stale rows are never
   * taken for its own edits of the newer ones. `fromStart` asks for every row again, whatever the cookie.
   */
  async pull(
    write?: (response: PullResponse) => Promise<void>,
    fromStart = false
  ): Promise<PullResponse> {
    const response = await this.request(
      "/pull",
      {
        protocolVersion: PROTOCOL_VERSION,
        clientID: this.state.clientID,
        cookie: fromStart ? null : this.state.cookie,
      },
      (b) => PullResponseSchema.parse(b)
    );
    await write?.(response);
    for (const row of response.rows)
      this.state.known[rowKey(row.hamlet, row.date)] = {
        version: row.version,
        hash: dataHash(row),
      };
    this.state.cookie = response.cookie;
    await this.store.save(this.state);
    return response;
  }
}

/** What a 200 whose body is not this protocol's answer means: another program, or a server of another DanVan. */
export const NOT_DANVAN_ANSWER =
  "Máy chủ trả lời không đúng giao thức DanVan; kiểm tra địa chỉ máy chủ, hoặc cập nhật DanVan ở máy chủ và máy này.";

function parseAnswer<T>(body: unknown, parse: (x: unknown) => T): T {
  try {
    return parse(body);
  } catch {
    throw new ServerError(NOT_DANVAN_ANSWER);
  }
}

type GapResponse = z.infer<typeof GapError>;

function parsePush(body: unknown): PushResponse | GapResponse {
  const gap = GapError.safeParse(body);
  return gap.success ? gap.data : PushResponseSchema.parse(body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** fetch() as a transport (Node 20 and browsers). */
export function fetchTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    async post(path, body, token) {
      const response = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed };
    },
  };
}
