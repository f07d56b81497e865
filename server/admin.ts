/** What the commune's administrator does with `danvan admin`: campaigns from a plan workbook, enrolment codes. */
import type { Plan } from "../src/core/model";
import { hamletKey } from "../src/core/text";
import { codeHash, newCode } from "./secrets";
import type { Database, Sql } from "./store/database";

export class AdminError extends Error {}

const now = () => new Date().toISOString();

async function findOrCreateOrg(tx: Sql, kind: string, name: string, parentId: number | null): Promise<number> {
  const found = await tx.get<{ id: number }>(
    "SELECT id FROM orgs WHERE kind = ? AND name = ? AND (parent_id = CAST(? AS INTEGER) OR (parent_id IS NULL AND CAST(? AS INTEGER) IS NULL))",
    [kind, name, parentId, parentId]
  );
  if (found) return Number(found.id);
  const created = await tx.get<{ id: number }>("INSERT INTO orgs (kind, name, parent_id) VALUES (?, ?, ?) RETURNING id", [kind, name, parentId]);
  return Number(created!.id);
}

async function issue(tx: Sql, campaign: number, scope: "commune" | "hamlet", orgId: number): Promise<string> {
  const code = newCode();
  await tx.run("INSERT INTO enrollment_codes (code_hash, campaign_id, scope, org_id, created_at) VALUES (?, ?, ?, ?, ?)", [
    codeHash(code), campaign, scope, orgId, now(),
  ]);
  return code;
}

export interface CreatedCampaign {
  campaign: number;
  codes: { commune: string; hamlets: Record<string, string> };
}

/** The commune and its hamlets as organisations, the campaign, and one enrolment code for each. */
export async function createCampaign(db: Database, plan: Plan, province?: string): Promise<CreatedCampaign> {
  const commune = plan.settings.place_name || plan.settings.party_committee.replace(/^ĐẢNG (ỦY|UỶ|BỘ) (XÃ )?/iu, "");
  if (!commune) throw new AdminError("Sổ không có Địa danh (tên xã) trên trang Kế hoạch.");
  if (!plan.hamlets.length) throw new AdminError("Sổ không có trang ấp nào.");
  return db.write(async (tx) => {
    const provinceId = province ? await findOrCreateOrg(tx, "province", province, null) : null;
    const communeId = await findOrCreateOrg(tx, "commune", commune, provinceId);
    const row = await tx.get<{ id: number }>(
      "INSERT INTO campaigns (commune_id, name, start_date, end_date, plan, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      [communeId, plan.settings.name || "Đợt dân vận", plan.settings.start, plan.settings.end, JSON.stringify(plan), now()]
    );
    const campaign = Number(row!.id);
    const hamlets: Record<string, string> = {};
    for (const h of plan.hamlets) hamlets[h.name] = await issue(tx, campaign, "hamlet", await findOrCreateOrg(tx, "hamlet", h.name, communeId));
    return { campaign, codes: { commune: await issue(tx, campaign, "commune", communeId), hamlets } };
  });
}

/** Another code for a hamlet (a second device, a lost phone): in the newest campaign that has the hamlet. */
export async function issueHamletCode(db: Database, hamlet: string, campaign?: number): Promise<{ code: string; campaign: number }> {
  return db.write(async (tx) => {
    const rows = await tx.all<{ org: number; campaign: number; name: string }>(
      `SELECT o.id AS org, c.id AS campaign, o.name FROM orgs o JOIN campaigns c ON c.commune_id = o.parent_id
       WHERE o.kind = 'hamlet' ORDER BY c.id DESC`
    );
    const match = rows.find((r) => hamletKey(r.name) === hamletKey(hamlet) && (campaign === undefined || Number(r.campaign) === campaign));
    if (!match) throw new AdminError(`Không có ấp "${hamlet}" trong đợt nào${campaign ? ` (đợt ${campaign})` : ""}.`);
    return { code: await issue(tx, Number(match.campaign), "hamlet", Number(match.org)), campaign: Number(match.campaign) };
  });
}

/** Revoking a device: its token stops working at once; what it sent stays, with its name in the audit. */
export async function revokeDevice(db: Database, deviceId: number): Promise<boolean> {
  return db.write(async (tx) => (await tx.run("UPDATE devices SET revoked = 1 WHERE id = ?", [deviceId])) > 0);
}
