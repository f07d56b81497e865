/**
 * What the commune's administrator does with `danvan admin`: campaigns from a plan workbook, enrolment codes.
 *
 * A commune is known by its name under its province. Without a province a name identifies nothing — Vietnam has
 * many "Tân Phong" — so each campaign created without one gets a commune of its own, never another's hamlets.
 * With a province, the same name is the same commune: its next campaign joins it.
 */
import type { Plan } from "../src/core/model";
import { clean, fold, hamletKey } from "../src/core/text";
import { codeHash, newCode } from "./secrets";
import type { Database, Sql } from "./store/database";

export class AdminError extends Error {}

const now = () => new Date().toISOString();

async function createOrg(
  tx: Sql,
  kind: string,
  name: string,
  parentId: number | null
): Promise<number> {
  const created = await tx.get<{ id: number }>(
    "INSERT INTO orgs (kind, name, parent_id) VALUES (?, ?, ?) RETURNING id",
    [kind, name, parentId]
  );
  return Number(created!.id);
}

async function findOrCreateOrg(
  tx: Sql,
  kind: string,
  name: string,
  parentId: number | null
): Promise<number> {
  const found = await tx.get<{ id: number }>(
    "SELECT id FROM orgs WHERE kind = ? AND name = ? AND (parent_id = CAST(? AS INTEGER) OR (parent_id IS NULL AND CAST(? AS INTEGER) IS NULL))",
    [kind, name, parentId, parentId]
  );
  return found ? Number(found.id) : createOrg(tx, kind, name, parentId);
}

async function issue(
  tx: Sql,
  campaign: number,
  scope: "commune" | "hamlet",
  orgId: number
): Promise<string> {
  const code = newCode();
  await tx.run(
    "INSERT INTO enrollment_codes (code_hash, campaign_id, scope, org_id, created_at) VALUES (?, ?, ?, ?, ?)",
    [codeHash(code), campaign, scope, orgId, now()]
  );
  return code;
}

export interface CreatedCampaign {
  campaign: number;
  codes: { commune: string; hamlets: Record<string, string> };
}

/** The commune and its hamlets as organisations, the campaign, and one enrolment code for each. */
export async function createCampaign(
  db: Database,
  plan: Plan,
  province?: string
): Promise<CreatedCampaign> {
  const commune = clean(
    plan.settings.place_name ||
      plan.settings.party_committee.replace(/^ĐẢNG (ỦY|UỶ|BỘ) (XÃ )?/iu, "")
  );
  if (!commune) throw new AdminError("Sổ không có Địa danh (tên xã) trên trang Kế hoạch.");
  if (!plan.hamlets.length) throw new AdminError("Sổ không có trang ấp nào.");
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
    const row = await tx.get<{ id: number }>(
      "INSERT INTO campaigns (commune_id, name, start_date, end_date, plan, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      [
        communeId,
        plan.settings.name || "Đợt dân vận",
        plan.settings.start,
        plan.settings.end,
        JSON.stringify(plan),
        now(),
      ]
    );
    const campaign = Number(row!.id);
    const hamlets: Record<string, string> = {};
    for (const h of plan.hamlets)
      hamlets[h.name] = await issue(
        tx,
        campaign,
        "hamlet",
        await findOrCreateOrg(tx, "hamlet", h.name, communeId)
      );
    return {
      campaign,
      codes: { commune: await issue(tx, campaign, "commune", communeId), hamlets },
    };
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
    if (communes.size > 1)
      throw new AdminError(
        `Có ấp "${hamlet}" ở ${communes.size} xã: ${matches.map(describe).join("; ")}. Thêm --campaign SỐ để chọn.`
      );
    const match = matches[0];
    return {
      code: await issue(tx, Number(match.campaign), "hamlet", Number(match.org)),
      campaign: Number(match.campaign),
    };
  }, "admin");
}

/** Revoking a device: its token stops working at once; what it sent stays, with its name in the audit. */
export async function revokeDevice(db: Database, deviceId: number): Promise<boolean> {
  return db.write(
    async (tx) => (await tx.run("UPDATE devices SET revoked = 1 WHERE id = ?", [deviceId])) > 0
  );
}
