/**
 * Devices of the sync server: enrolment with a one-time code, and who a bearer token is — checked inside the
 * transaction of the request it comes with, so a push or a pull costs no extra transaction.
 */
import { clean, stripXmlUnsafe } from "../src/core/text";
import type { EnrollRequest, EnrollResponse, Scope } from "../src/sync/protocol";
import type { CampaignDates } from "../src/sync/row-check";
import { takeCode } from "./codes";
import { SyncError } from "./errors";
import { type Org, lineage, named } from "./orgs";
import { hash, newClientId, newToken } from "./secrets";
import type { Database, Sql } from "./store/database";

export interface Device {
  id: number;
  name: string;
  campaign: number;
  scope: Scope;
  orgId: number;
  /** The hamlet's name for a hamlet device, the commune's for a commune device. */
  orgName: string;
  communeId: number;
  dates: CampaignDates;
}

/** A device as the hierarchy's requests know it: where it sits, whatever its campaign. */
export interface Member {
  id: number;
  scope: Scope;
  org: Org;
  /** Its campaign when it is bound to one (hamlets, commune devices of old admin codes). */
  campaign: number | null;
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

export async function enroll(
  db: Database,
  code: string,
  name?: string,
  only?: EnrollRequest["scope"]
): Promise<EnrollResponse> {
  const outcome = await db.write(async (tx) => {
    const taken = await takeCode(tx, code, only);
    // A refusal still commits: a wrong try counts against the code it resembles.
    if (!taken.ok) return taken;
    const { scope, org, campaign } = taken.code;
    const token = newToken();
    const device = await tx.get<{ id: number }>(
      "INSERT INTO devices (token_hash, campaign_id, scope, org_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      [hash(token), campaign, scope, org, deviceName(name), now()]
    );
    const clientID = newClientId();
    await tx.run("INSERT INTO clients (client_id, device_id) VALUES (?, ?)", [
      clientID,
      device!.id,
    ]);
    const orgs = await lineage(tx, org);
    const answer: EnrollResponse = {
      clientID,
      token,
      scope,
      campaign,
      commune: named(orgs, "commune") ?? "",
      hamlet: named(orgs, "hamlet"),
      province: named(orgs, "province"),
      district: named(orgs, "district"),
    };
    return { ok: true as const, answer };
  });
  if (!outcome.ok) throw new SyncError("forbidden", outcome.refusal);
  return outcome.answer;
}

type DeviceRecord = {
  id: number;
  name: string;
  campaign_id: number;
  scope: Scope;
  org_id: number;
  org_name: string;
  revoked: number;
  commune_id: number;
  start_date: string | null;
  end_date: string | null;
  last_change: number;
};

const REVOKED = "Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại.";

/** The device a token belongs to and where it sits, for the hierarchy's requests. */
export async function member(tx: Sql, caller: Caller): Promise<Member> {
  if (!caller.token) throw new SyncError("auth", "Thiếu mã thiết bị; hãy đăng ký thiết bị.");
  const row = await tx.get<{
    id: number;
    scope: Scope;
    campaign_id: number | null;
    revoked: number;
    org_id: number;
    org_name: string;
  }>(
    `SELECT d.id, d.scope, d.campaign_id, d.revoked, o.id AS org_id, o.name AS org_name
     FROM devices d JOIN orgs o ON o.id = d.org_id WHERE d.token_hash = ?`,
    [hash(caller.token)]
  );
  if (!row || Number(row.revoked)) throw new SyncError("auth", REVOKED);
  const campaign = row.campaign_id === null ? null : Number(row.campaign_id);
  return {
    id: Number(row.id),
    scope: row.scope,
    org: { id: Number(row.org_id), kind: row.scope, name: row.org_name },
    campaign,
  };
}

/** Why a device without a campaign cannot push or pull journal rows. */
function noCampaign(m: Member): SyncError {
  return new SyncError(
    "forbidden",
    m.scope === "commune"
      ? "Xã chưa có đợt nào trên máy chủ; hãy tạo đợt từ sổ kế hoạch (danvan campaign create) trước."
      : "Thiết bị của tỉnh hoặc huyện không đồng bộ nhật ký của ấp; dùng danvan code, danvan rollup."
  );
}

/**
 * The device a token belongs to, checked inside the caller's transaction, with its campaign's newest change
 * number: its own campaign, or (a commune device bound to none) its commune's newest. Given a write's
 * `tx.forUpdate("c")`, the same statement takes the campaign's lock first.
 */
export async function identify(
  tx: Sql,
  caller: Caller,
  forUpdate = ""
): Promise<{ device: Device; head: number }> {
  if (!caller.token) throw new SyncError("auth", "Thiếu mã thiết bị; hãy đăng ký thiết bị.");
  const row = await tx.get<DeviceRecord>(
    `SELECT d.id, d.name, c.id AS campaign_id, d.scope, d.org_id, o.name AS org_name, d.revoked, c.commune_id, c.start_date, c.end_date,
       c.last_change
     FROM devices d JOIN campaigns c ON c.id = COALESCE(d.campaign_id, (SELECT MAX(x.id) FROM campaigns x WHERE x.commune_id = d.org_id))
       JOIN orgs o ON o.id = d.org_id WHERE d.token_hash = ?${forUpdate}`,
    [hash(caller.token)]
  );
  if (!row) throw noCampaign(await member(tx, caller));
  if (Number(row.revoked)) throw new SyncError("auth", REVOKED);
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
