/**
 * A pull: what changed in the device's campaign since its cookie and the device may read — its hamlet's rows,
 * or all its commune's — read from one snapshot. The cookie is the campaign's change number; since a campaign's
 * writes commit one at a time in number order, a snapshot never holds a number without every smaller one.
 */
import type { Conflict, PullResponse, SyncedRow } from "../src/sync/protocol";
import { type Caller, clientOf, identify } from "./devices";
import type { Database, Sql } from "./store/database";

type RowRecord = {
  hamlet: string;
  day: string;
  data: string;
  version: number;
  device: string;
  updated_at: string;
};

function toSynced(r: RowRecord): SyncedRow {
  return {
    ...JSON.parse(r.data),
    hamlet: r.hamlet,
    date: r.day,
    version: Number(r.version),
    author: r.device,
    updatedAt: r.updated_at,
  };
}

export async function pull(
  db: Database,
  caller: Caller,
  clientID: string,
  cookie: unknown
): Promise<PullResponse> {
  return db.read(async (tx) => {
    const { device, head } = await identify(tx, caller);
    // The client's state and its refused mutations in one query.
    const refusals = await tx.all<{
      device_id: number;
      last_mutation_id: number;
      mutation_id: number | null;
      reason: string | null;
    }>(
      `SELECT k.device_id, k.last_mutation_id, r.mutation_id, r.reason FROM clients k LEFT JOIN rejected r ON r.client_id = k.client_id
       WHERE k.client_id = ? ORDER BY r.mutation_id`,
      [clientID]
    );
    const { lastMutationID } = clientOf(device, refusals[0]);
    const valid =
      typeof cookie === "number" && Number.isInteger(cookie) && cookie >= 0 && cookie <= head;
    const since = valid ? (cookie as number) : 0;
    const hamletOnly = device.scope === "hamlet";
    const rows = await tx.all<RowRecord>(
      `SELECT o.name AS hamlet, r.day, r.data, r.version, d.name AS device, r.updated_at
       FROM journal_rows r JOIN orgs o ON o.id = r.hamlet_id JOIN devices d ON d.id = r.device_id
       WHERE r.campaign_id = ? AND r.change > ? AND r.change <= ?${hamletOnly ? " AND r.hamlet_id = ?" : ""} ORDER BY r.change`,
      hamletOnly ? [device.campaign, since, head, device.orgId] : [device.campaign, since, head]
    );
    return {
      cookie: head,
      reset: !valid,
      lastMutationID,
      rows: rows.map(toSynced),
      conflicts: hamletOnly ? [] : await openConflicts(tx, device.campaign),
      rejected: refusals.flatMap((r) =>
        r.mutation_id === null ? [] : [{ id: Number(r.mutation_id), reason: r.reason ?? "" }]
      ),
    };
  });
}

async function openConflicts(tx: Sql, campaign: number): Promise<Conflict[]> {
  const rows = await tx.all<{
    id: number;
    hamlet: string;
    day: string;
    base_version: number;
    current_version: number;
    proposed: string;
    device: string;
    created_at: string;
    current: string | null;
  }>(
    `SELECT c.id, o.name AS hamlet, c.day, c.base_version, c.current_version, c.proposed, d.name AS device, c.created_at, r.data AS current
     FROM conflicts c JOIN orgs o ON o.id = c.hamlet_id JOIN devices d ON d.id = c.device_id
     LEFT JOIN journal_rows r ON r.campaign_id = c.campaign_id AND r.hamlet_id = c.hamlet_id AND r.day = c.day
     WHERE c.campaign_id = ? AND c.resolved_at IS NULL ORDER BY c.id`,
    [campaign]
  );
  return rows.map((c) => ({
    id: Number(c.id),
    hamlet: c.hamlet,
    date: c.day,
    baseVersion: Number(c.base_version),
    currentVersion: Number(c.current_version),
    current: c.current ? JSON.parse(c.current) : null,
    proposed: JSON.parse(c.proposed),
    device: c.device,
    createdAt: c.created_at,
  }));
}
