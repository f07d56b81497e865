/**
 * The organisation tree: province → optional district → commune → hamlet. A name means something only under its
 * parent ("Tân Phong" is in many provinces), so orgs are always found under one, and a device's subtree is its
 * org and everything below it.
 */
import { clean, fold, hamletKey } from "../src/core/text";
import type { Scope } from "../src/sync/protocol";
import type { Sql } from "./store/database";

/** Each level's name, as a message names it. */
export const LEVEL: Record<Scope, string> = {
  province: "tỉnh",
  district: "huyện",
  commune: "xã",
  hamlet: "ấp",
};

export interface Org {
  id: number;
  kind: Scope;
  name: string;
}

/** "xã Tân Phong", "Tan Phong" → one key; "huyện Tân Biên", "tỉnh Tây Ninh" likewise. */
export function orgKey(kind: Scope, name: string): string {
  if (kind === "hamlet") return hamletKey(name);
  return fold(clean(name).replace(/^(xã|xa|phường|phuong|huyện|huyen|tỉnh|tinh)\s+/iu, ""));
}

export async function createOrg(
  tx: Sql,
  kind: Scope,
  name: string,
  parentId: number | null
): Promise<number> {
  const created = await tx.get<{ id: number }>(
    "INSERT INTO orgs (kind, name, parent_id) VALUES (?, ?, ?) RETURNING id",
    [kind, clean(name), parentId]
  );
  return Number(created!.id);
}

/** The org of `kind` under `parent` (none: at the top) whose name means the same as `name`, if any. */
export async function findOrg(
  tx: Sql,
  kind: Scope,
  name: string,
  parentId: number | null
): Promise<Org | null> {
  const rows = await tx.all<{ id: number; name: string }>(
    "SELECT id, name FROM orgs WHERE kind = ? AND (parent_id = CAST(? AS INTEGER) OR (parent_id IS NULL AND CAST(? AS INTEGER) IS NULL)) ORDER BY id",
    [kind, parentId, parentId]
  );
  const key = orgKey(kind, name);
  const found = rows.find((r) => orgKey(kind, r.name) === key);
  return found ? { id: Number(found.id), kind, name: found.name } : null;
}

export async function findOrCreateOrg(
  tx: Sql,
  kind: Scope,
  name: string,
  parentId: number | null
): Promise<number> {
  return (await findOrg(tx, kind, name, parentId))?.id ?? createOrg(tx, kind, name, parentId);
}

/** The org and those above it, nearest first (at most four levels). */
export async function lineage(tx: Sql, orgId: number): Promise<Org[]> {
  const row = await tx.get<Record<string, string | number | null>>(
    `SELECT a.id AS a_id, a.kind AS a_kind, a.name AS a_name, b.id AS b_id, b.kind AS b_kind, b.name AS b_name,
       c.id AS c_id, c.kind AS c_kind, c.name AS c_name, d.id AS d_id, d.kind AS d_kind, d.name AS d_name
     FROM orgs a LEFT JOIN orgs b ON b.id = a.parent_id LEFT JOIN orgs c ON c.id = b.parent_id
       LEFT JOIN orgs d ON d.id = c.parent_id WHERE a.id = ?`,
    [orgId]
  );
  if (!row) return [];
  return ["a", "b", "c", "d"]
    .filter((p) => row[`${p}_id`] !== null)
    .map((p) => ({
      id: Number(row[`${p}_id`]),
      kind: row[`${p}_kind`] as Scope,
      name: String(row[`${p}_name`]),
    }));
}

/** The name of the org of `kind` in a lineage, or null. */
export function named(orgs: Org[], kind: Scope): string | null {
  return orgs.find((o) => o.kind === kind)?.name ?? null;
}

/** The devices' orgs joined with up to three levels above: `? IN (a.id, b.id, c.id, d.id)` is "within ?". */
export const ANCESTORS = `JOIN orgs a ON a.id = dv.org_id LEFT JOIN orgs b ON b.id = a.parent_id
  LEFT JOIN orgs c ON c.id = b.parent_id LEFT JOIN orgs d ON d.id = c.parent_id`;

export interface CommuneOrg {
  id: number;
  name: string;
  district: string | null;
}

/**
 * The communes of a province (directly under it or under one of its districts) or of a district, as SQL
 * yielding (id, name, district), and its parameters.
 */
export function communesUnder(root: Org): [string, unknown[]] {
  const direct = `SELECT m.id, m.name, CAST(NULL AS TEXT) AS district FROM orgs m WHERE m.parent_id = ? AND m.kind = 'commune'`;
  if (root.kind !== "province") return [direct, [root.id]];
  return [
    `${direct} UNION ALL SELECT m.id, m.name, d.name AS district FROM orgs d JOIN orgs m ON m.parent_id = d.id AND m.kind = 'commune'
     WHERE d.parent_id = ? AND d.kind = 'district'`,
    [root.id, root.id],
  ];
}
