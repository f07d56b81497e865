/**
 * One sync session for every client: the CLI, the task pane, and the phone page that has no workbook at all.
 * Each sync queues the rows that count, pushes, pulls, writes back what the client does not already hold, and
 * says what was refused or became a conflict. What differs per client comes in as ports: where state is kept,
 * the client's journal, the transport, and how a notice reaches the user.
 */
import type { Plan } from "../core/model";
import type { NewCommuneReport, RollupSettings } from "../core/rollup";
import { hamletKey } from "../core/text";
import {
  type LocalRow,
  type RetryPolicy,
  type Sent,
  SyncClient,
  type Transport,
  dataHash,
} from "./client";
import { ServerError, UnreachableError } from "./errors";
import type { Identity } from "./identity";
import {
  type CodeTarget,
  CommuneReport,
  type Conflict,
  CreatedCampaign,
  type DeviceInfo,
  DevicesResponse,
  IssuedCode,
  type PullResponse,
  type ReportRequest,
  type RowData,
  RollupResponse,
  RollupSettings as RollupSettingsSchema,
  type RollupSettingsRequest,
  type SyncedRow,
} from "./protocol";
import type { LocalJournal, Refusal } from "./rows";
import type { SavedPlace } from "./saved";
import { memoryStore, outboxStore } from "./stores";

export interface SessionPorts {
  transport: Transport;
  /** Where the outbox is kept: the primary first, then the places that mirror it. */
  outbox: SavedPlace[];
  /** The client's journal; none for a device that only issues codes, sends reports or reads roll-ups. */
  journal?: LocalJournal;
  /** Shows the user a notice at once (a damaged outbox set aside), even if the sync then fails. */
  notify: (message: string) => void;
  retry?: RetryPolicy;
}

/** An edit that became a conflict; a conflict this device may settle also carries its id and both versions. */
export interface ConflictNotice {
  hamlet: string;
  date: string;
  reason: string;
  id?: number;
  device?: string;
  current?: RowData | null;
  proposed?: RowData;
}

export interface SyncOutcome {
  /** Edits the server took in this sync (new, or already there), not counting refused or conflicted ones. */
  pushed: number;
  /** Rows received from the server and written into this client's journal. */
  pulled: number;
  refused: Refusal[];
  conflicts: ConflictNotice[];
  /** Edits still waiting to be sent. */
  pending: number;
  /** The commune's reports that waited in the outbox and went in this sync: taken (with their version) or refused. */
  reports: ReportOutcome[];
}

/** A report resent after its answer was lost comes back without its version. */
export type ReportOutcome =
  { date: string; sent: true; version?: number } | { date: string; sent: false; reason: string };

/**
 * What became of the commune's report: taken by the server (its version of that date), waiting in the outbox
 * for the server (sent by the next sync or send), or refused with the server's reason.
 */
export type ReportSent =
  | { sent: true; version: number }
  | { sent: false; queued: true }
  | { sent: false; queued: false; reason: string };

/** A commune of the caller's subtree, by name (and district where names repeat). */
export interface CommuneName {
  commune: string;
  district?: string;
}

const key = (hamlet: string, date: string) => `${date}|${hamletKey(hamlet)}`;

const NO_JOURNAL: LocalJournal = {
  read: async () => ({ rows: [], refused: [] }),
  write: async () => 0,
};

export class SyncSession {
  constructor(
    private readonly identity: Identity,
    private readonly ports: SessionPorts
  ) {}

  private async client(): Promise<SyncClient> {
    const store = outboxStore(this.ports.outbox, this.ports.notify);
    const client = new SyncClient(this.ports.transport, store, this.identity, this.ports.retry);
    await client.open();
    return client;
  }

  /** Edits waiting to be sent. */
  async pending(): Promise<number> {
    return (await this.client()).pending.length;
  }

  /** The hamlet-days whose edits wait in the outbox, oldest first: the phone page's "Chờ gửi". */
  async waiting(): Promise<{ hamlet: string; date: string }[]> {
    const days = new Map<string, { hamlet: string; date: string }>();
    for (const m of (await this.client()).pending)
      if (m.name === "putRow")
        days.set(key(m.args.hamlet, m.args.date), { hamlet: m.args.hamlet, date: m.args.date });
    return [...days.values()];
  }

  /**
   * Puts the journal's changed rows into the outbox without sending anything, so an entry is kept on the
   * device before any network; the next sync sends them. Returns how many edits were queued.
   */
  async queue(): Promise<number> {
    const client = await this.client();
    return (await this.enqueue(client)).queued;
  }

  async sync(): Promise<SyncOutcome> {
    const client = await this.client();
    const { local, own } = await this.enqueue(client);
    // A report waiting in the outbox goes too, and the sync says what became of it.
    const pushed = await client.push();
    const sent = pushed.filter((s) => s.name === "putRow");
    let received = 0;
    // A journal holding nothing (a new workbook, a phone's damaged journal set aside) gets every row again.
    const pulled = await client.pull(async (r) => {
      received = await this.writeBack(local.rows, r.rows);
    }, local.rows.length === 0);
    const reasons = refusalReasons(pushed, pulled);
    const refused = refusalsOf(sent, reasons);
    return {
      pushed: sent.filter((s) => s.status !== "conflict" && !refused.has(s.id)).length,
      pulled: received,
      refused: [...local.refused, ...own.refused, ...refused.values()],
      conflicts: conflictsOf(sent, pulled),
      pending: client.pending.length,
      reports: pushed.filter((s) => s.name === "putReport").map((s) => reportOutcome(s, reasons)),
    };
  }

  /**
   * The commune keeps one version of a conflicted row, then syncs so the workbook holds it. Retried like any
   * request; "already settled" (a retry after a lost answer, or another commune device) counts as done.
   */
  async resolve(id: number, choice: "current" | "proposed"): Promise<SyncOutcome> {
    const client = await this.client();
    try {
      await client.request(`/conflicts/${id}/resolve`, { choice }, () => null);
    } catch (e) {
      if (!(e instanceof ServerError && e.code === "not_found")) throw e;
    }
    return this.sync();
  }

  /**
   * A new enrolment code under this device: a province's for a commune (created under it, or under its
   * district) or a district; a commune's for a hamlet of its newest campaign.
   */
  async issueCode(target: CodeTarget): Promise<IssuedCode> {
    return this.call("/codes", target, IssuedCode);
  }

  /** The commune's campaign from its plan, with one enrolment code per hamlet. */
  async createCampaign(plan: Plan): Promise<CreatedCampaign> {
    return this.call("/campaigns", { plan }, CreatedCampaign);
  }

  /** The devices of this device's subtree (itself included). */
  async devices(): Promise<DeviceInfo[]> {
    return (await this.call("/devices", {}, DevicesResponse)).devices;
  }

  /** Revokes a device of this device's subtree: its token stops working at once. */
  async revoke(device: number): Promise<void> {
    await this.call(`/devices/${device}/revoke`, {}, { parse: () => null });
  }

  /**
   * Sends the commune's report of a date to its parent through the outbox: saved first, then pushed with
   * whatever else waits. Unreachable: it stays queued and the next sync or send delivers it, once.
   */
  async sendReport(report: NewCommuneReport): Promise<ReportSent> {
    if (this.identity.scope !== "commune")
      return {
        sent: false,
        queued: false,
        reason: "Chỉ thiết bị của xã gửi báo cáo lên cấp trên.",
      };
    const client = await this.client();
    const id = await client.enqueueReport(report);
    let sent: Sent[];
    try {
      sent = await client.push();
    } catch (e) {
      if (e instanceof UnreachableError) return { sent: false, queued: true };
      throw e;
    }
    const mine = sent.find((s) => s.id === id);
    if (mine?.status === "rejected")
      return { sent: false, queued: false, reason: mine.reason ?? "Máy chủ không nhận báo cáo." };
    // Sent before, its answer lost: the version is the one the server holds now.
    const version = mine?.version ?? (await this.communeReport(report.date)).version;
    return { sent: true, version };
  }

  /** A commune's latest report of a date: this commune's own, or (province, district) one of its communes. */
  async communeReport(date: string, commune?: CommuneName): Promise<CommuneReport> {
    const request: ReportRequest = { date, ...commune };
    return this.call("/report", request, CommuneReport);
  }

  /** The roll-up of a date over this province's (or district's) communes, and its settings for the TH sheet. */
  async rollup(date: string): Promise<RollupResponse> {
    return this.call("/rollup", { date }, RollupResponse);
  }

  /** The province's roll-up settings (deadline, heading), changed by the fields given. */
  async rollupSettings(change: RollupSettingsRequest = {}): Promise<RollupSettings> {
    return this.call("/rollup-settings", change, RollupSettingsSchema);
  }

  /** One request of the hierarchy, retried like a push; its answer checked against the protocol. */
  private async call<T>(path: string, body: unknown, schema: { parse(x: unknown): T }): Promise<T> {
    const client = new SyncClient(
      this.ports.transport,
      memoryStore(),
      this.identity,
      this.ports.retry
    );
    return client.request(path, body, (x) => schema.parse(x));
  }

  /** Reads the journal and queues the rows this device may send. */
  private async enqueue(client: SyncClient) {
    const local = await (this.ports.journal ?? NO_JOURNAL).read();
    const own = this.ownRows(local.rows);
    return { local, own, queued: await client.enqueue(own.rows) };
  }

  /** A hamlet's device sends its own hamlet's rows, under the server's spelling of its name. */
  private ownRows(rows: LocalRow[]): { rows: LocalRow[]; refused: Refusal[] } {
    const hamlet = this.identity.hamlet;
    if (this.identity.scope === "commune" || !hamlet) return { rows, refused: [] };
    const mine = (r: LocalRow) => hamletKey(r.hamlet) === hamletKey(hamlet);
    return {
      rows: rows.filter(mine).map((r) => ({ ...r, hamlet })),
      refused: rows
        .filter((r) => !mine(r))
        .map((r) => ({
          hamlet: r.hamlet,
          date: r.date,
          reason: `Thiết bị này chỉ gửi nhật ký của ấp ${hamlet}.`,
        })),
    };
  }

  /** Only rows that differ from what the client holds: its own rows coming back leave its workbook as typed. */
  private async writeBack(local: LocalRow[], received: SyncedRow[]): Promise<number> {
    const held = new Map(local.map((r) => [key(r.hamlet, r.date), dataHash(r.data)]));
    const changed = received.filter((r) => held.get(key(r.hamlet, r.date)) !== dataHash(r));
    return changed.length ? (this.ports.journal ?? NO_JOURNAL).write(changed) : 0;
  }
}

/**
 * Why the server refused each of this sync's edits, by mutation id ("" when it gave no reason). A resent edit
 * comes back "duplicate": whether it was refused the first time, the pull says.
 */
function refusalReasons(sent: Sent[], pulled: PullResponse): Map<number, string> {
  const earlier = new Map(pulled.rejected.map((r) => [r.id, r.reason]));
  const out = new Map<number, string>();
  for (const s of sent) {
    const reason = s.status === "duplicate" ? earlier.get(s.id) : s.reason;
    if (s.status === "rejected" || (s.status === "duplicate" && reason !== undefined))
      out.set(s.id, reason ?? "");
  }
  return out;
}

function reportOutcome(s: Sent, reasons: Map<number, string>): ReportOutcome {
  const reason = reasons.get(s.id);
  if (reason !== undefined)
    return { date: s.date, sent: false, reason: reason || "Máy chủ không nhận báo cáo." };
  return { date: s.date, sent: true, ...(s.version !== undefined ? { version: s.version } : {}) };
}

/** The rows the server refused in this sync, by mutation id, with their hamlet, day and reason. */
function refusalsOf(sent: Sent[], reasons: Map<number, string>): Map<number, Refusal> {
  const out = new Map<number, Refusal>();
  for (const s of sent) {
    const reason = reasons.get(s.id);
    if (reason !== undefined)
      out.set(s.id, {
        hamlet: s.hamlet,
        date: s.date,
        reason: reason || "Máy chủ không nhận dòng này.",
      });
  }
  return out;
}

/** This device's edits that met another device's, and (for the commune) every conflict waiting for it. */
function conflictsOf(sent: Sent[], pulled: PullResponse): ConflictNotice[] {
  const open = pulled.conflicts.map(openConflict);
  const listed = new Set(open.map((c) => key(c.hamlet, c.date)));
  const mine = sent
    .filter((s) => s.status === "conflict" && !listed.has(key(s.hamlet, s.date)))
    .map((s) => ({
      hamlet: s.hamlet,
      date: s.date,
      reason: s.reason ?? "Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại.",
    }));
  return [...mine, ...open];
}

function openConflict(c: Conflict): ConflictNotice {
  return {
    hamlet: c.hamlet,
    date: c.date,
    reason: `Thiết bị "${c.device}" gửi bản khác với bản đang có; xã chọn bản giữ lại.`,
    id: c.id,
    device: c.device,
    current: c.current,
    proposed: c.proposed,
  };
}
