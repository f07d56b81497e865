/**
 * Enrolment, push and pull over the store. Each mutation is applied in its own write transaction together with
 * the client's last mutation id, so it is applied at most once and acknowledged only once committed.
 */
import { hamletKey } from "../src/core/text";
import {
  type Conflict, type EnrollResponse, ERROR_STATUS, ErrorBody, type ErrorCode, type MutationResult, type PullResponse, PutRow, type RowData, type SyncedRow,
} from "../src/sync/protocol";
import { codeHash, hash, newClientId, newToken } from "./secrets";
import type { Database, Sql } from "./store/database";

/** A refusal the client is told about, as one of the protocol's typed error bodies. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  get body(): ErrorBody {
    return ErrorBody.parse({ code: this.code, error: this.message, ...this.extra });
  }
}

export interface Device {
  id: number;
  name: string;
  campaign: number;
  scope: "commune" | "hamlet";
  orgId: number;
  communeId: number;
}

const now = () => new Date().toISOString();

export async function enroll(db: Database, code: string, name = "Thiết bị"): Promise<EnrollResponse> {
  return db.write(async (tx) => {
    const row = await tx.get<{ campaign_id: number; scope: "commune" | "hamlet"; org_id: number; used_at: string | null }>(
      "SELECT campaign_id, scope, org_id, used_at FROM enrollment_codes WHERE code_hash = ?",
      [codeHash(code)]
    );
    if (!row || row.used_at) throw new SyncError("forbidden", "Mã đăng ký không đúng hoặc đã được dùng.");
    await tx.run("UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?", [now(), codeHash(code)]);
    const token = newToken();
    const device = await tx.get<{ id: number }>(
      "INSERT INTO devices (token_hash, campaign_id, scope, org_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      [hash(token), row.campaign_id, row.scope, row.org_id, name, now()]
    );
    const clientID = newClientId();
    await tx.run("INSERT INTO clients (client_id, device_id) VALUES (?, ?)", [clientID, device!.id]);
    const org = await tx.get<{ name: string; parent: string | null }>(
      "SELECT o.name, p.name AS parent FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id WHERE o.id = ?",
      [row.org_id]
    );
    const hamlet = row.scope === "hamlet" ? org!.name : null;
    return { clientID, token, scope: row.scope, campaign: Number(row.campaign_id), commune: hamlet ? org!.parent ?? "" : org!.name, hamlet };
  });
}

export async function authenticate(db: Database, token: string | undefined): Promise<Device> {
  if (!token) throw new SyncError("auth", "Thiếu mã thiết bị; hãy đăng ký thiết bị.");
  const row = await db.read((tx) =>
    tx.get<{ id: number; name: string; campaign_id: number; scope: "commune" | "hamlet"; org_id: number; revoked: number; commune_id: number }>(
      `SELECT d.id, d.name, d.campaign_id, d.scope, d.org_id, d.revoked, c.commune_id
       FROM devices d JOIN campaigns c ON c.id = d.campaign_id WHERE d.token_hash = ?`,
      [hash(token)]
    )
  );
  if (!row || Number(row.revoked)) throw new SyncError("auth", "Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại.");
  return { id: Number(row.id), name: row.name, campaign: Number(row.campaign_id), scope: row.scope, orgId: Number(row.org_id), communeId: Number(row.commune_id) };
}

/** The client's last mutation id; a client id is bound to the device that first used it. */
async function clientState(tx: Sql, device: Device, clientID: string): Promise<number> {
  const row = await tx.get<{ device_id: number; last_mutation_id: number }>(
    "SELECT device_id, last_mutation_id FROM clients WHERE client_id = ?",
    [clientID]
  );
  if (!row) {
    await tx.run("INSERT INTO clients (client_id, device_id) VALUES (?, ?)", [clientID, device.id]);
    return 0;
  }
  if (Number(row.device_id) !== device.id) throw new SyncError("forbidden", "Mã máy khách thuộc thiết bị khác.");
  return Number(row.last_mutation_id);
}

async function nextChange(tx: Sql): Promise<number> {
  const row = await tx.get<{ value: number }>("UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value");
  return Number(row!.value);
}

/** The hamlet a row names, if this device may write it: its own hamlet, or any hamlet of its commune. */
async function writableHamlet(tx: Sql, device: Device, name: string): Promise<number | null> {
  const hamlets = await tx.all<{ id: number; name: string }>("SELECT id, name FROM orgs WHERE kind = 'hamlet' AND parent_id = ?", [device.communeId]);
  const match = hamlets.find((h) => hamletKey(h.name) === hamletKey(name));
  if (!match) return null;
  return device.scope === "commune" || Number(match.id) === device.orgId ? Number(match.id) : null;
}

function rowData(args: PutRow): RowData {
  return { values: args.values, note: args.note, reporter: args.reporter, sentAt: args.sentAt };
}

function sameData(a: RowData, b: RowData): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function reject(tx: Sql, clientID: string, id: number, reason: string): Promise<MutationResult> {
  await tx.run("INSERT INTO rejected (client_id, mutation_id, reason, created_at) VALUES (?, ?, ?, ?)", [clientID, id, reason, now()]);
  return { id, status: "rejected", reason };
}

async function applyPutRow(tx: Sql, device: Device, clientID: string, id: number, raw: unknown): Promise<MutationResult> {
  const parsed = PutRow.safeParse(raw);
  if (!parsed.success) return reject(tx, clientID, id, `Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  const args = parsed.data;
  const hamlet = await writableHamlet(tx, device, args.hamlet);
  if (hamlet === null) return reject(tx, clientID, id, `Thiết bị này không được ghi nhật ký của ấp ${args.hamlet}.`);
  const current = await tx.get<{ data: string; version: number; device_id: number }>(
    "SELECT data, version, device_id FROM journal_rows WHERE campaign_id = ? AND hamlet_id = ? AND day = ?",
    [device.campaign, hamlet, args.date]
  );
  const version = current ? Number(current.version) : 0;
  const data = rowData(args);
  if (current && sameData(JSON.parse(current.data), data)) return { id, status: "applied", version };
  // A stale base is a conflict only when another device wrote since: one device's queued edits follow each other.
  if (version !== args.baseVersion && Number(current?.device_id) !== device.id) {
    await tx.run(
      `INSERT INTO conflicts (campaign_id, hamlet_id, day, base_version, current_version, proposed, device_id, client_id, mutation_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [device.campaign, hamlet, args.date, args.baseVersion, version, JSON.stringify(data), device.id, clientID, id, now()]
    );
    return { id, status: "conflict", version, reason: "Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại." };
  }
  await writeRow(tx, device, hamlet, args.date, data, version, current?.data ?? null, { clientID, id });
  return { id, status: "applied", version: version + 1 };
}

async function writeRow(
  tx: Sql, device: Device, hamlet: number, date: string, data: RowData, version: number, before: string | null,
  mutation: { clientID: string | null; id: number | null }
): Promise<void> {
  const change = await nextChange(tx);
  const after = JSON.stringify(data);
  await tx.run(
    `INSERT INTO journal_rows (campaign_id, hamlet_id, day, data, version, device_id, updated_at, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, hamlet_id, day) DO UPDATE SET data = excluded.data, version = excluded.version,
       device_id = excluded.device_id, updated_at = excluded.updated_at, change = excluded.change`,
    [device.campaign, hamlet, date, after, version + 1, device.id, now(), change]
  );
  await tx.run(
    `INSERT INTO audit (campaign_id, hamlet_id, day, device_id, client_id, mutation_id, action, version, before, after, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [device.campaign, hamlet, date, device.id, mutation.clientID, mutation.id, before ? "update" : "insert", version + 1, before, after, now()]
  );
}

/**
 * Applies mutations in order, each in its own transaction with the client's last mutation id. Already applied
 * ids are acknowledged again without effect; a gap stops the push (the client resends from its oldest).
 */
export async function push(db: Database, device: Device, clientID: string, mutations: { id: number; args?: unknown }[]) {
  const results: MutationResult[] = [];
  let last = 0;
  for (const m of mutations) {
    const outcome = await db.write(async (tx) => {
      const lastId = await clientState(tx, device, clientID);
      if (m.id <= lastId) return { last: lastId, result: { id: m.id, status: "duplicate" as const } };
      if (m.id > lastId + 1) throw new SyncError("gap", `Thiếu thay đổi số ${lastId + 1}; gửi lại từ thay đổi cũ nhất.`, { lastMutationID: lastId });
      const result = await applyPutRow(tx, device, clientID, m.id, m.args);
      await tx.run("UPDATE clients SET last_mutation_id = ? WHERE client_id = ?", [m.id, clientID]);
      return { last: m.id, result };
    });
    last = outcome.last;
    results.push(outcome.result);
  }
  if (!mutations.length) last = await db.write((tx) => clientState(tx, device, clientID));
  return { lastMutationID: last, results };
}

type RowRecord = { hamlet: string; day: string; data: string; version: number; device: string; updated_at: string; change: number };

function toSynced(r: RowRecord): SyncedRow {
  return { ...JSON.parse(r.data), hamlet: r.hamlet, date: r.day, version: Number(r.version), author: r.device, updatedAt: r.updated_at };
}

/** What changed since the cookie and this device may read: its hamlet's rows, or all its commune's. */
export async function pull(db: Database, device: Device, clientID: string, cookie: unknown): Promise<PullResponse> {
  return db.read(async (tx) => {
    const head = Number((await tx.get<{ value: number }>("SELECT value FROM counters WHERE name = 'change'"))!.value);
    const valid = typeof cookie === "number" && Number.isInteger(cookie) && cookie >= 0 && cookie <= head;
    const since = valid ? (cookie as number) : 0;
    const scope = device.scope === "hamlet" ? " AND r.hamlet_id = ?" : "";
    const params = device.scope === "hamlet" ? [device.campaign, since, head, device.orgId] : [device.campaign, since, head];
    const rows = await tx.all<RowRecord>(
      `SELECT o.name AS hamlet, r.day, r.data, r.version, d.name AS device, r.updated_at, r.change
       FROM journal_rows r JOIN orgs o ON o.id = r.hamlet_id JOIN devices d ON d.id = r.device_id
       WHERE r.campaign_id = ? AND r.change > ? AND r.change <= ?${scope} ORDER BY r.change`,
      params
    );
    const client = await tx.get<{ device_id: number; last_mutation_id: number }>(
      "SELECT device_id, last_mutation_id FROM clients WHERE client_id = ?",
      [clientID]
    );
    if (client && Number(client.device_id) !== device.id) throw new SyncError("forbidden", "Mã máy khách thuộc thiết bị khác.");
    const rejected = await tx.all<{ mutation_id: number; reason: string }>(
      "SELECT mutation_id, reason FROM rejected WHERE client_id = ? ORDER BY mutation_id",
      [clientID]
    );
    return {
      cookie: head,
      reset: !valid,
      lastMutationID: Number(client?.last_mutation_id ?? 0),
      rows: rows.map(toSynced),
      conflicts: device.scope === "commune" ? await openConflicts(tx, device.campaign) : [],
      rejected: rejected.map((r) => ({ id: Number(r.mutation_id), reason: r.reason })),
    };
  });
}

async function openConflicts(tx: Sql, campaign: number): Promise<Conflict[]> {
  const rows = await tx.all<{
    id: number; hamlet: string; day: string; base_version: number; current_version: number; proposed: string; device: string;
    created_at: string; current: string | null;
  }>(
    `SELECT c.id, o.name AS hamlet, c.day, c.base_version, c.current_version, c.proposed, d.name AS device, c.created_at, r.data AS current
     FROM conflicts c JOIN orgs o ON o.id = c.hamlet_id JOIN devices d ON d.id = c.device_id
     LEFT JOIN journal_rows r ON r.campaign_id = c.campaign_id AND r.hamlet_id = c.hamlet_id AND r.day = c.day
     WHERE c.campaign_id = ? AND c.resolved_at IS NULL ORDER BY c.id`,
    [campaign]
  );
  return rows.map((c) => ({
    id: Number(c.id), hamlet: c.hamlet, date: c.day, baseVersion: Number(c.base_version), currentVersion: Number(c.current_version),
    current: c.current ? JSON.parse(c.current) : null, proposed: JSON.parse(c.proposed), device: c.device, createdAt: c.created_at,
  }));
}

/** The commune keeps the current row or takes the proposed one; either way the conflict is closed and audited. */
export async function resolveConflict(db: Database, device: Device, id: number, choice: "current" | "proposed"): Promise<SyncedRow | null> {
  if (device.scope !== "commune") throw new SyncError("forbidden", "Chỉ thiết bị của xã được giải quyết xung đột.");
  return db.write(async (tx) => {
    const c = await tx.get<{ hamlet_id: number; day: string; proposed: string; resolved_at: string | null }>(
      "SELECT hamlet_id, day, proposed, resolved_at FROM conflicts WHERE id = ? AND campaign_id = ?",
      [id, device.campaign]
    );
    if (!c || c.resolved_at) throw new SyncError("not_found", "Không có xung đột này hoặc đã được giải quyết.");
    await tx.run("UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?", [now(), device.id, choice, id]);
    if (choice === "current") return null;
    const current = await tx.get<{ data: string; version: number }>(
      "SELECT data, version FROM journal_rows WHERE campaign_id = ? AND hamlet_id = ? AND day = ?",
      [device.campaign, c.hamlet_id, c.day]
    );
    await writeRow(tx, device, Number(c.hamlet_id), c.day, JSON.parse(c.proposed), Number(current?.version ?? 0), current?.data ?? null, {
      clientID: null, id: null,
    });
    return null;
  });
}

export async function campaignPlan(db: Database, device: Device): Promise<unknown> {
  const row = await db.read((tx) => tx.get<{ plan: string }>("SELECT plan FROM campaigns WHERE id = ?", [device.campaign]));
  return JSON.parse(row!.plan);
}
