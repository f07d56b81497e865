/**
 * Devices of the sync server: enrolment with a one-time code, and who a bearer token is — checked inside the
 * transaction of the request it comes with, so a push or a pull costs no extra transaction.
 */
import { clean, stripXmlUnsafe } from "../src/core/text";
import type { EnrollResponse } from "../src/sync/protocol";
import type { CampaignDates } from "../src/sync/row-check";
import { SyncError } from "./errors";
import { codeHash, hash, newClientId, newToken } from "./secrets";
import type { Database, Sql } from "./store/database";

export interface Device {
  id: number;
  name: string;
  campaign: number;
  scope: "commune" | "hamlet";
  orgId: number;
  /** The hamlet's name for a hamlet device, the commune's for a commune device. */
  orgName: string;
  communeId: number;
  dates: CampaignDates;
}

/** Who is calling: the bearer token, and the device once it has been checked (for the request log). */
export interface Caller {
  token: string | undefined;
  device?: Device;
}

export const now = () => new Date().toISOString();

/** A device's own name, fit to show in a workbook: no unsafe characters, never empty. */
function deviceName(name: string | undefined): string {
  return clean(stripXmlUnsafe(name ?? "")).slice(0, 100) || "Thiết bị";
}

export async function enroll(db: Database, code: string, name?: string): Promise<EnrollResponse> {
  return db.write(async (tx) => {
    // Taking the code and checking it is one statement: two devices racing for one code cannot both win.
    const row = await tx.get<{ campaign_id: number; scope: "commune" | "hamlet"; org_id: number }>(
      "UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL RETURNING campaign_id, scope, org_id",
      [now(), codeHash(code)]
    );
    if (!row) throw new SyncError("forbidden", "Mã đăng ký không đúng hoặc đã được dùng.");
    const token = newToken();
    const device = await tx.get<{ id: number }>(
      "INSERT INTO devices (token_hash, campaign_id, scope, org_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      [hash(token), row.campaign_id, row.scope, row.org_id, deviceName(name), now()]
    );
    const clientID = newClientId();
    await tx.run("INSERT INTO clients (client_id, device_id) VALUES (?, ?)", [
      clientID,
      device!.id,
    ]);
    const org = await tx.get<{ name: string; parent: string | null }>(
      "SELECT o.name, p.name AS parent FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id WHERE o.id = ?",
      [row.org_id]
    );
    const hamlet = row.scope === "hamlet" ? org!.name : null;
    return {
      clientID,
      token,
      scope: row.scope,
      campaign: Number(row.campaign_id),
      commune: hamlet ? (org!.parent ?? "") : org!.name,
      hamlet,
    };
  });
}

type DeviceRecord = {
  id: number;
  name: string;
  campaign_id: number;
  scope: "commune" | "hamlet";
  org_id: number;
  org_name: string;
  revoked: number;
  commune_id: number;
  start_date: string | null;
  end_date: string | null;
  last_change: number;
};

/**
 * The device a token belongs to, checked inside the caller's transaction, with its campaign's newest change
 * number. Given a write's `tx.forUpdate("c")`, the same statement takes the campaign's lock first.
 */
export async function identify(
  tx: Sql,
  caller: Caller,
  forUpdate = ""
): Promise<{ device: Device; head: number }> {
  if (!caller.token) throw new SyncError("auth", "Thiếu mã thiết bị; hãy đăng ký thiết bị.");
  const row = await tx.get<DeviceRecord>(
    `SELECT d.id, d.name, d.campaign_id, d.scope, d.org_id, o.name AS org_name, d.revoked, c.commune_id, c.start_date, c.end_date,
       c.last_change
     FROM devices d JOIN campaigns c ON c.id = d.campaign_id JOIN orgs o ON o.id = d.org_id WHERE d.token_hash = ?${forUpdate}`,
    [hash(caller.token)]
  );
  if (!row || Number(row.revoked))
    throw new SyncError("auth", "Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại.");
  caller.device = {
    id: Number(row.id),
    name: row.name,
    campaign: Number(row.campaign_id),
    scope: row.scope,
    orgId: Number(row.org_id),
    orgName: row.org_name,
    communeId: Number(row.commune_id),
    dates: { start: row.start_date, end: row.end_date },
  };
  return { device: caller.device, head: Number(row.last_change) };
}

/** A client's last mutation id, if the server knows the client; a client id is bound to the device that first used it. */
export function clientOf(
  device: Device,
  row: { device_id: number; last_mutation_id: number } | undefined
): { lastMutationID: number; known: boolean } {
  if (row && Number(row.device_id) !== device.id)
    throw new SyncError("forbidden", "Mã máy khách thuộc thiết bị khác.");
  return { lastMutationID: Number(row?.last_mutation_id ?? 0), known: row !== undefined };
}

export async function campaignPlan(db: Database, caller: Caller): Promise<unknown> {
  const plan = await db.read(async (tx) => {
    const { device } = await identify(tx, caller);
    return tx.get<{ plan: string }>("SELECT plan FROM campaigns WHERE id = ?", [device.campaign]);
  });
  return JSON.parse(plan!.plan);
}
