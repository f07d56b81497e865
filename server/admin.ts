/**
 * What the commune's administrator does with `danvan admin`: campaigns from a plan workbook, enrolment codes.
 *
 * A commune is known by its name under its province. Without a province a name identifies nothing — Vietnam has
 * many "Tân Phong" — so each campaign created without one gets a commune of its own, never another's hamlets.
 * With a province, the same name is the same commune: its next campaign joins it.
 */
import type { Plan } from "../src/core/model";
import { clean, fold, hamletKey } from "../src/core/text";
import { describeInvalid } from "../src/sync/invalid";
import { PlaceName } from "../src/sync/protocol";
import { issueCode } from "./codes";
import { createOrg, findOrCreateOrg } from "./orgs";
import type { Database, Sql } from "./store/database";

export class AdminError extends Error {}

const now = () => new Date().toISOString();

export interface CreatedCampaign {
  campaign: number;
  codes: { commune: string; hamlets: Record<string, string> };
}

/** The commune's name as its plan gives it (Địa danh, else the Party committee's line). */
function communeOf(plan: Plan): string {
  const commune = clean(
    plan.settings.place_name ||
      plan.settings.party_committee.replace(/^ĐẢNG (ỦY|UỶ|BỘ) (XÃ )?/iu, "")
  );
  if (!commune) throw new AdminError("Sổ không có Địa danh (tên xã) trên trang Kế hoạch.");
  return commune;
}

/**
 * A campaign of the commune from its plan, its hamlets as organisations under the commune, and one enrolment code
 * per hamlet (with when they expire). The campaign's change numbers start after the commune's earlier campaigns',
 * so a commune device moving on to it never takes an old cookie for a newer one.
 */
export async function createCampaignIn(
  tx: Sql,
  communeId: number,
  plan: Plan
): Promise<{ campaign: number; hamlets: Record<string, string>; expires_at: string }> {
  if (!plan.hamlets.length) throw new AdminError("Sổ không có trang ấp nào.");
  const row = await tx.get<{ id: number }>(
    `INSERT INTO campaigns (commune_id, name, start_date, end_date, plan, created_at, last_change)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(last_change), 0) FROM campaigns WHERE commune_id = ?)) RETURNING id`,
    [
      communeId,
      plan.settings.name || "Đợt dân vận",
      plan.settings.start,
      plan.settings.end,
      JSON.stringify(plan),
      now(),
      communeId,
    ]
  );
  const campaign = Number(row!.id);
  const hamlets: Record<string, string> = {};
  let expires_at = "";
  for (const h of plan.hamlets) {
    const org = await findOrCreateOrg(tx, "hamlet", h.name, communeId);
    const issued = await issueCode(tx, { scope: "hamlet", org, campaign });
    hamlets[h.name] = issued.code;
    expires_at = issued.expires_at;
  }
  return { campaign, hamlets, expires_at };
}

/** The commune and its hamlets as organisations, the campaign, and one enrolment code for each. */
export async function createCampaign(
  db: Database,
  plan: Plan,
  province?: string
): Promise<CreatedCampaign> {
  const commune = communeOf(plan);
  return db.write(async (tx) => {
    const provinceName = clean(province ?? "");
    const communeId = provinceName
      ? await findOrCreateOrg(
          tx,
          "commune",
          commune,
          await findOrCreateOrg(tx, "province", provinceName, null)
        )
      : await createOrg(tx, "commune", commune, null);
    const { campaign, hamlets } = await createCampaignIn(tx, communeId, plan);
    const code = await issueCode(tx, { scope: "commune", org: communeId, campaign });
    return { campaign, codes: { commune: code.code, hamlets } };
  }, "admin");
}

/**
 * A province, created once by the server's operator (a second call finds it), and an enrolment code for its
 * administrator's device: everything below it is then done through the API.
 */
export async function createProvince(
  db: Database,
  name: string
): Promise<{ org: number; code: string; expires_at: string }> {
  if (!clean(name)) throw new AdminError("Thiếu tên tỉnh (--name).");
  const named = PlaceName.safeParse(name);
  if (!named.success) throw new AdminError(describeInvalid(named.error, "Tên tỉnh (--name)"));
  return db.write(async (tx) => {
    const org = await findOrCreateOrg(tx, "province", name, null);
    return { org, ...(await issueCode(tx, { scope: "province", org, campaign: null })) };
  }, "admin");
}

/** Which campaign a new hamlet code is for, when the hamlet's name alone could mean several. */
export interface CodeTarget {
  campaign?: number;
  commune?: string;
}

/** "xã Tân Phong", "Tan Phong" → one key. */
const communeKey = (name: string) => fold(clean(name).replace(/^(xã|xa)\s+/iu, ""));

type Candidate = {
  org: number;
  campaign: number;
  name: string;
  commune_id: number;
  commune: string;
  province: string | null;
};

function describe(c: Candidate): string {
  return `đợt ${c.campaign} (xã ${c.commune}${c.province ? `, tỉnh ${c.province}` : ""})`;
}

/**
 * Another code for a hamlet (a second device, a lost phone), in the newest campaign of the one commune that has
 * the hamlet. A name found in two communes is refused with the campaigns to choose from.
 */
export async function issueHamletCode(
  db: Database,
  hamlet: string,
  target: CodeTarget = {}
): Promise<{ code: string; campaign: number }> {
  return db.write(async (tx) => {
    const rows = await tx.all<Candidate>(
      `SELECT o.id AS org, c.id AS campaign, o.name, m.id AS commune_id, m.name AS commune, p.name AS province
       FROM orgs o JOIN orgs m ON m.id = o.parent_id JOIN campaigns c ON c.commune_id = m.id LEFT JOIN orgs p ON p.id = m.parent_id
       WHERE o.kind = 'hamlet' ORDER BY c.id DESC`
    );
    const matches = rows.filter(
      (r) =>
        hamletKey(r.name) === hamletKey(hamlet) &&
        (target.campaign === undefined || Number(r.campaign) === target.campaign) &&
        (target.commune === undefined || communeKey(r.commune) === communeKey(target.commune))
    );
    const where = [
      target.campaign ? `đợt ${target.campaign}` : "",
      target.commune ? `xã ${target.commune}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    if (!matches.length)
      throw new AdminError(`Không có ấp "${hamlet}" trong ${where || "đợt nào"}.`);
    const communes = new Set(matches.map((m) => Number(m.commune_id)));
    if (communes.size > 1) {
      // The commune's name chooses only where the names differ; same-named communes need the campaign.
      const names = new Set(matches.map((m) => communeKey(m.commune)));
      const choose = names.size > 1 ? "--commune XÃ hoặc --campaign SỐ" : "--campaign SỐ";
      throw new AdminError(
        `Có ấp "${hamlet}" ở ${communes.size} xã: ${matches.map(describe).join("; ")}. Thêm ${choose} để chọn.`
      );
    }
    const match = matches[0];
    const campaign = Number(match.campaign);
    const { code } = await issueCode(tx, { scope: "hamlet", org: Number(match.org), campaign });
    return { code, campaign };
  }, "admin");
}

/** Revoking a device: its token stops working at once; what it sent stays, with its name in the audit. */
export async function revokeDevice(db: Database, deviceId: number): Promise<boolean> {
  return db.write(
    async (tx) => (await tx.run("UPDATE devices SET revoked = 1 WHERE id = ?", [deviceId])) > 0
  );
}
