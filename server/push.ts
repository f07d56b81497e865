/**
 * A push: the client's mutations applied in order in one transaction under its campaign's lock, together with
 * the client's last mutation id — so each is applied at most once, a refused one still moves the client on, and
 * one commit (one fsync) serves the whole batch. Ids already applied are acknowledged again without effect; a
 * gap stops the push after what came before it (the client resends from its oldest).
 */
import { hamletKey } from "../src/core/text";
import { quoted } from "../src/sync/invalid";
import type { MutationResult, PushResponse, PutRow } from "../src/sync/protocol";
import { MAX_STORED_INT, checkPutRow } from "../src/sync/row-check";
import { type Caller, type Device, clientOf, identify } from "./devices";
import { SyncError } from "./errors";
import { type CheckedReport, ReportBatch, checkReport } from "./reports";
import { RowBatch } from "./row-batch";
import type { Database, Sql, Statement } from "./store/database";

/** The hamlets this device may write, by hamletKey: its own, or every hamlet of its commune (one query). */
async function writableHamlets(tx: Sql, device: Device): Promise<Map<string, number>> {
  if (device.scope === "hamlet") return new Map([[hamletKey(device.orgName), device.orgId]]);
  const hamlets = await tx.all<{ id: number; name: string }>(
    "SELECT id, name FROM orgs WHERE kind = 'hamlet' AND parent_id = ?",
    [device.communeId]
  );
  return new Map(hamlets.map((h) => [hamletKey(h.name), Number(h.id)]));
}

type Checked =
  { id: number; row: PutRow; hamlet: number } | { id: number; reason: string } | CheckedReport;

function sameData(a: string, row: PutRow): boolean {
  const { values, note, reporter, sentAt } = row;
  return a === JSON.stringify({ values, note, reporter, sentAt });
}

/** One new mutation against the rows (and reports) as this transaction sees them. */
function apply(
  batch: RowBatch,
  reports: ReportBatch,
  device: Device,
  clientID: string,
  m: Checked
): MutationResult {
  if ("reason" in m) {
    batch.reject(clientID, m.id, m.reason);
    return { id: m.id, status: "rejected", reason: m.reason };
  }
  if ("report" in m) return reports.put(m.id, m.report);
  const { row, hamlet } = m;
  const data = { values: row.values, note: row.note, reporter: row.reporter, sentAt: row.sentAt };
  const current = batch.row(hamlet, row.date);
  const version = current?.version ?? 0;
  if (current && sameData(current.data, row)) return { id: m.id, status: "applied", version };
  // A stale base is a conflict only when another device wrote since: one device's queued edits follow each other.
  if (version !== row.baseVersion && current?.deviceId !== device.id) {
    batch.conflict(device, hamlet, row.date, row.baseVersion, data, { clientID, id: m.id });
    return {
      id: m.id,
      status: "conflict",
      version,
      reason: "Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại.",
    };
  }
  return {
    id: m.id,
    status: "applied",
    version: batch.write(device, hamlet, row.date, data, { clientID, id: m.id }),
  };
}

type Numbered = { id: number; name?: string; args?: unknown };

/** Which mutations are new, in order: ids already applied are duplicates; a gap ends the list. */
function sequence(mutations: Numbered[], lastApplied: number) {
  let last = lastApplied;
  const results: MutationResult[] = [];
  const fresh: (Numbered & { at: number })[] = [];
  for (const m of mutations) {
    if (m.id > last + 1) return { results, fresh, last, gap: true };
    if (m.id <= last) results.push({ id: m.id, status: "duplicate" });
    else {
      fresh.push({ ...m, at: results.length });
      results.push({ id: m.id, status: "applied" }); // replaced by its outcome
      last = m.id;
    }
  }
  return { results, fresh, last, gap: false };
}

/** A new mutation checked: the row it writes and the hamlet's id (or the report), or why it is refused. */
function check(m: Numbered, device: Device, hamlets: Map<string, number>): Checked {
  if (m.name === "putReport") return checkReport(m, device);
  const checked = checkPutRow(m.args, device.dates);
  if ("reason" in checked) return { id: m.id, reason: checked.reason };
  const hamlet = hamlets.get(hamletKey(checked.row.hamlet));
  if (hamlet === undefined)
    return {
      id: m.id,
      reason: `Thiết bị này không được ghi nhật ký của ấp ${quoted(checked.row.hamlet)}.`,
    };
  return { id: m.id, row: checked.row, hamlet };
}

/** The client's last mutation id, moved on (or the client recorded, on its first push). */
function clientMoved(clientID: string, device: Device, last: number): Statement {
  return [
    `INSERT INTO clients (client_id, device_id, last_mutation_id) VALUES (?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id`,
    [clientID, device.id, last],
  ];
}

export async function push(
  db: Database,
  caller: Caller,
  clientID: string,
  mutations: Numbered[]
): Promise<PushResponse> {
  if (mutations.some((m) => m.id > MAX_STORED_INT))
    throw new SyncError("invalid", "Số thứ tự thay đổi quá lớn.");
  const outcome = await db.write(async (tx) => {
    const { device, head } = await identify(tx, caller, tx.forUpdate("c"));
    const client = clientOf(
      device,
      await tx.get("SELECT device_id, last_mutation_id FROM clients WHERE client_id = ?", [
        clientID,
      ])
    );
    const { results, fresh, last, gap } = sequence(mutations, client.lastMutationID);
    const rows = fresh.some((m) => m.name !== "putReport");
    const hamlets = rows ? await writableHamlets(tx, device) : new Map<string, number>();
    const checked = fresh.map((m) => check(m, device, hamlets));
    const batch = new RowBatch(tx, device.campaign, head);
    await batch.load(
      checked.flatMap((m) => ("row" in m ? [{ hamlet: m.hamlet, day: m.row.date }] : []))
    );
    const reports = new ReportBatch(tx, device, clientID);
    await reports.load(checked.flatMap((m) => ("report" in m ? [m.report.date] : [])));
    checked.forEach((m, i) => (results[fresh[i].at] = apply(batch, reports, device, clientID, m)));
    const moved = fresh.length || !client.known ? [clientMoved(clientID, device, last)] : [];
    await tx.runAll([...batch.statements(), ...reports.statements(), ...moved]);
    return { lastMutationID: last, results, gap };
  });
  if (outcome.gap) {
    const next = outcome.lastMutationID + 1;
    throw new SyncError("gap", `Thiếu thay đổi số ${next}; gửi lại từ thay đổi cũ nhất.`, {
      lastMutationID: outcome.lastMutationID,
    });
  }
  return { lastMutationID: outcome.lastMutationID, results: outcome.results };
}
