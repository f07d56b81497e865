/**
 * Onboarding through the API, no shell needed after the province's first code: a province issues its communes'
 * (and districts') codes, a commune creates its campaign from its plan and issues its hamlets' codes, and each
 * lists and revokes the devices of its own subtree. Every check is here, on the server.
 */
import { Plan } from "../src/core/model";
import { describeInvalid } from "../src/sync/invalid";
import type {
  CodeTarget,
  CreatedCampaign,
  DeviceInfo,
  IssuedCode,
  Scope,
} from "../src/sync/protocol";
import { AdminError, createCampaignIn } from "./admin";
import { issueCode } from "./codes";
import { type Caller, type Member, member } from "./devices";
import { SyncError, forbidden } from "./errors";
import { ANCESTORS, LEVEL, findOrCreateOrg, findOrg } from "./orgs";
import type { Database, Sql } from "./store/database";

/** The org a province (or district) device issues a commune or district code for, created if new. */
async function placeUnder(
  tx: Sql,
  m: Member,
  target: { commune?: string; district?: string }
): Promise<{ scope: Scope; org: number; name: string }> {
  if (m.scope !== "province" && m.scope !== "district")
    throw forbidden(
      `Chỉ thiết bị của tỉnh hoặc huyện cấp mã cho xã; đây là thiết bị của ${LEVEL[m.scope]}.`
    );
  let parent = m.org.id;
  if (target.district) {
    if (m.scope === "district")
      throw forbidden(`Thiết bị của huyện ${m.org.name} chỉ cấp mã cho các xã của huyện mình.`);
    parent = await findOrCreateOrg(tx, "district", target.district, m.org.id);
    if (!target.commune) return { scope: "district", org: parent, name: target.district };
  }
  const commune = target.commune!;
  return {
    scope: "commune",
    org: await findOrCreateOrg(tx, "commune", commune, parent),
    name: commune,
  };
}

/** A hamlet of the commune device's campaign (its own, or its commune's newest). */
async function hamletOf(
  tx: Sql,
  m: Member,
  hamlet: string
): Promise<{ scope: Scope; org: number; name: string; campaign: number }> {
  if (m.scope !== "commune")
    throw forbidden(`Chỉ thiết bị của xã cấp mã cho ấp; đây là thiết bị của ${LEVEL[m.scope]}.`);
  const campaign = m.campaign ?? (await newestCampaign(tx, m.org.id));
  if (campaign === null)
    throw forbidden(
      "Xã chưa có đợt nào; hãy tạo đợt từ sổ kế hoạch (danvan campaign create) trước."
    );
  const found = await findOrg(tx, "hamlet", hamlet, m.org.id);
  if (!found) throw new SyncError("not_found", `Xã ${m.org.name} không có ấp "${hamlet}".`);
  return { scope: "hamlet", org: found.id, name: found.name, campaign };
}

/** The commune's newest campaign, or null before its first. */
async function newestCampaign(tx: Sql, communeId: number): Promise<number | null> {
  const row = await tx.get<{ id: number | null }>(
    "SELECT MAX(id) AS id FROM campaigns WHERE commune_id = ?",
    [communeId]
  );
  return row?.id == null ? null : Number(row.id);
}

/** A new code for a commune, district or hamlet under the calling device; reissuing is allowed. */
export async function issueCodeFor(
  db: Database,
  caller: Caller,
  target: CodeTarget
): Promise<IssuedCode> {
  return db.write(async (tx) => {
    const m = await member(tx, caller);
    const place =
      "hamlet" in target
        ? await hamletOf(tx, m, target.hamlet)
        : { ...(await placeUnder(tx, m, target)), campaign: null };
    const issued = await issueCode(tx, {
      scope: place.scope,
      org: place.org,
      campaign: place.campaign,
    });
    return { ...issued, scope: place.scope, name: place.name };
  }, "admin");
}

/** The calling commune's campaign from its plan (checked like any body), with its hamlets' codes. */
export async function createCampaignFor(
  db: Database,
  caller: Caller,
  input: unknown
): Promise<CreatedCampaign> {
  const plan = Plan.safeParse(input);
  if (!plan.success) throw new SyncError("invalid", `Kế hoạch: ${describeInvalid(plan.error)}`);
  try {
    return await db.write(async (tx) => {
      const m = await member(tx, caller);
      if (m.scope !== "commune")
        throw forbidden(`Chỉ thiết bị của xã tạo đợt; đây là thiết bị của ${LEVEL[m.scope]}.`);
      const { campaign, hamlets, expires_at } = await createCampaignIn(tx, m.org.id, plan.data);
      return { campaign, codes: { hamlets }, expires_at };
    }, "admin");
  } catch (e) {
    throw e instanceof AdminError ? new SyncError("invalid", e.message) : e;
  }
}

type DeviceRow = {
  id: number;
  name: string;
  scope: Scope;
  campaign_id: number | null;
  revoked: number;
  created_at: string;
  org: string;
  parent: string | null;
};

/** The devices of the caller's subtree, itself included, oldest first. */
export async function listDevices(db: Database, caller: Caller): Promise<DeviceInfo[]> {
  const { rows, self } = await db.read(async (tx) => {
    const m = await member(tx, caller);
    const rows = await tx.all<DeviceRow>(
      `SELECT dv.id, dv.name, dv.scope, dv.campaign_id, dv.revoked, dv.created_at, a.name AS org, b.name AS parent
       FROM devices dv ${ANCESTORS} WHERE ? IN (a.id, b.id, c.id, d.id) ORDER BY dv.id`,
      [m.org.id]
    );
    return { rows, self: m.id };
  });
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    scope: r.scope,
    org: r.org,
    parent: r.parent,
    campaign: r.campaign_id === null ? null : Number(r.campaign_id),
    revoked: Boolean(Number(r.revoked)),
    created_at: r.created_at,
    self: Number(r.id) === self,
  }));
}

/** Revokes a device of the caller's subtree; one elsewhere is refused as if it did not exist for it. */
export async function revokeIn(db: Database, caller: Caller, deviceId: number): Promise<void> {
  await db.write(async (tx) => {
    const m = await member(tx, caller);
    if (m.scope === "hamlet") throw forbidden("Thiết bị của ấp không thu hồi thiết bị.");
    // The device asking would lock itself out, and a province's only device its whole subtree.
    if (deviceId === m.id)
      throw forbidden(
        "Không thu hồi được chính thiết bị đang dùng; hãy thu hồi nó từ một thiết bị khác của cấp này hoặc cấp trên."
      );
    const inside = await tx.get<{ id: number }>(
      `SELECT dv.id FROM devices dv ${ANCESTORS} WHERE dv.id = ? AND ? IN (a.id, b.id, c.id, d.id)`,
      [deviceId, m.org.id]
    );
    if (!inside)
      throw forbidden(`Thiết bị số ${deviceId} không thuộc ${LEVEL[m.scope]} ${m.org.name}.`);
    await tx.run("UPDATE devices SET revoked = 1 WHERE id = ?", [deviceId]);
  });
}
