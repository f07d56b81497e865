/**
 * The commune's daily report going up: stored from a putReport mutation (every version kept, the newest marked
 * latest, so re-sending a day replaces it without adding), read back by the commune itself or by its province
 * (or district), and rolled up over the communes of a province or district for one date.
 */
import {
  type NewCommuneReport,
  type RollupReport,
  RollupSettings,
  parseNewCommuneReport,
  rollup,
} from "../src/core/rollup";
import { formatDate } from "../src/core/dates";
import type {
  CommuneReport,
  MutationResult,
  ReportRequest,
  RollupResponse,
  RollupSettingsRequest,
} from "../src/sync/protocol";
import { type Caller, type Device, type Member, member, now } from "./devices";
import { SyncError, forbidden } from "./errors";
import { type CommuneOrg, type Org, communesUnder, orgKey } from "./orgs";
import { type Database, type Sql, type Statement, placeholders } from "./store/database";

export type CheckedReport =
  { id: number; report: NewCommuneReport } | { id: number; reason: string };

/** A putReport's args checked: only a commune device sends up, and only a report that holds together. */
export function checkReport(m: { id: number; args?: unknown }, device: Device): CheckedReport {
  if (device.scope !== "commune")
    return { id: m.id, reason: "Chỉ thiết bị của xã gửi báo cáo lên cấp trên." };
  const parsed = parseNewCommuneReport(m.args);
  return parsed.ok ? { id: m.id, report: parsed.report } : { id: m.id, reason: parsed.message };
}

/** The reports of one push, written together: a new version per changed report, the older one no longer latest. */
export class ReportBatch {
  private readonly latest = new Map<string, { version: number; report: string }>();
  private readonly rows: {
    day: string;
    version: number;
    report: NewCommuneReport;
    text: string;
    id: number;
  }[] = [];

  constructor(
    private readonly tx: Sql,
    private readonly device: Device,
    private readonly clientID: string
  ) {}

  async load(days: string[]): Promise<void> {
    if (!days.length) return;
    const wanted = [...new Set(days)];
    const rows = await this.tx.all<{ day: string; version: number; report: string }>(
      `SELECT day, version, report FROM commune_reports WHERE commune_id = ? AND latest = 1 AND day IN ${placeholders(1, wanted.length)}`,
      [this.device.communeId, ...wanted]
    );
    for (const r of rows) this.latest.set(r.day, { version: Number(r.version), report: r.report });
  }

  /** The report as the next version of its day; the same report again keeps its version. */
  put(id: number, report: NewCommuneReport): MutationResult {
    const text = JSON.stringify(report);
    const current = this.latest.get(report.date);
    if (current?.report === text) return { id, status: "applied", version: current.version };
    const version = (current?.version ?? 0) + 1;
    this.latest.set(report.date, { version, report: text });
    this.rows.push({ day: report.date, version, report, text, id });
    return { id, status: "applied", version };
  }

  statements(): Statement[] {
    if (!this.rows.length) return [];
    const days = [...new Set(this.rows.map((r) => r.day))];
    const at = now();
    const values = this.rows.map((r) => [
      this.device.communeId,
      r.day,
      r.version,
      this.latest.get(r.day)!.version === r.version ? 1 : 0,
      r.text,
      JSON.stringify({ day_total: r.report.day_total, cumulative: r.report.cumulative }),
      r.report.sent_at,
      at,
      this.device.id,
      this.clientID,
      r.id,
    ]);
    return [
      [
        `UPDATE commune_reports SET latest = 0 WHERE commune_id = ? AND latest = 1 AND day IN ${placeholders(1, days.length)}`,
        [this.device.communeId, ...days],
      ],
      [
        `INSERT INTO commune_reports (commune_id, day, version, latest, report, figures, sent_at, received_at, device_id, client_id, mutation_id)
         VALUES ${placeholders(values.length, values[0].length)}`,
        values.flat(),
      ],
    ];
  }
}

/** Only a province or district reads across communes. */
function upper(m: Member, what: string): Org {
  if (m.scope !== "province" && m.scope !== "district")
    throw forbidden(`Chỉ thiết bị của tỉnh hoặc huyện ${what}.`);
  return m.org;
}

/** The commune whose report the caller asks for: its own, or (province, district) one of its communes by name. */
async function communeAsked(tx: Sql, m: Member, req: ReportRequest): Promise<CommuneOrg> {
  if (m.scope === "hamlet") throw forbidden("Thiết bị của ấp không xem báo cáo của xã.");
  if (m.scope === "commune") {
    if (req.commune && orgKey("commune", req.commune) !== orgKey("commune", m.org.name))
      throw forbidden(`Thiết bị của xã ${m.org.name} chỉ xem báo cáo của xã mình.`);
    return { id: m.org.id, name: m.org.name, district: null };
  }
  if (!req.commune) throw new SyncError("invalid", "Thiếu tên xã.");
  const [sql, params] = communesUnder(m.org);
  const matches = (await tx.all<CommuneOrg>(sql, params)).filter(
    (c) =>
      orgKey("commune", c.name) === orgKey("commune", req.commune!) &&
      (!req.district || orgKey("district", c.district ?? "") === orgKey("district", req.district))
  );
  if (!matches.length)
    throw new SyncError("not_found", `Không có xã "${req.commune}" trong ${m.org.name}.`);
  if (matches.length > 1)
    throw new SyncError(
      "invalid",
      `Có ${matches.length} xã tên "${req.commune}"; hãy nói rõ huyện.`
    );
  return matches[0];
}

/** A commune's latest report of a date, under the names the server knows it by. */
export async function communeReport(
  db: Database,
  caller: Caller,
  req: ReportRequest
): Promise<CommuneReport> {
  return db.read(async (tx) => {
    const commune = await communeAsked(tx, await member(tx, caller), req);
    const row = await tx.get<{ report: string; version: number }>(
      "SELECT report, version FROM commune_reports WHERE commune_id = ? AND day = ? AND latest = 1",
      [commune.id, req.date]
    );
    if (!row)
      throw new SyncError(
        "not_found",
        `Xã ${commune.name} chưa gửi báo cáo ngày ${formatDate(req.date)}.`
      );
    return {
      ...JSON.parse(row.report),
      commune: commune.name,
      district: commune.district,
      version: Number(row.version),
    };
  });
}

/** The settings as stored (only what was set), and with the defaults the org's kind and name give. */
async function settingsOf(
  tx: Sql,
  org: Org
): Promise<{ stored: object; settings: RollupSettings }> {
  const row = await tx.get<{ settings: string }>(
    "SELECT settings FROM org_settings WHERE org_id = ?",
    [org.id]
  );
  const stored = row ? (JSON.parse(row.settings) as object) : {};
  return { stored, settings: withDefaults(org, stored) };
}

/** The settings an organisation stored, over the heading its level and name give by default. */
function withDefaults(org: Org, stored: object): RollupSettings {
  const level = org.kind === "district" ? "district" : "province";
  const area = level === "district" ? "HUYỆN" : "TỈNH";
  return RollupSettings.parse({
    level,
    party_committee: `${area} ỦY ${org.name.toUpperCase()}`,
    issuer: `BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN ${area}`,
    place_name: org.name,
    ...stored,
  });
}

/** The roll-up of `date` over the caller's communes: each one's latest report, late after its deadline. */
export async function rollupFor(
  db: Database,
  caller: Caller,
  date: string
): Promise<RollupResponse> {
  return db.read(async (tx) => {
    const org = upper(await member(tx, caller), "xem tổng hợp các xã");
    const [sql, params] = communesUnder(org);
    const rows = await tx.all<
      CommuneOrg & { sent_at: string | null; version: number | null; figures: string | null }
    >(
      `WITH x AS (${sql}) SELECT x.id, x.name, x.district, r.sent_at, r.version, r.figures
       FROM x LEFT JOIN commune_reports r ON r.commune_id = x.id AND r.day = ? AND r.latest = 1`,
      [...params, date]
    );
    const { settings } = await settingsOf(tx, org);
    const received: RollupReport[] = rows
      .filter((r) => r.figures !== null)
      .map((r) => ({
        commune: r.name,
        district: r.district,
        date,
        sent_at: r.sent_at!,
        version: Number(r.version),
        ...JSON.parse(r.figures!),
      }));
    const expected = rows.map((r) => ({ name: r.name, district: r.district }));
    return { rollup: rollup(expected, received, date, settings.deadline), settings };
  });
}

/** Changes the province's (or district's) roll-up settings by the fields given; answers with them all. */
export async function rollupSettingsFor(
  db: Database,
  caller: Caller,
  change: RollupSettingsRequest
): Promise<RollupSettings> {
  return db.write(async (tx) => {
    const org = upper(await member(tx, caller), "đặt giờ nhận báo cáo của các xã");
    const { stored } = await settingsOf(tx, org);
    const next = { ...stored, ...change };
    await tx.run(
      `INSERT INTO org_settings (org_id, settings) VALUES (?, ?)
       ON CONFLICT (org_id) DO UPDATE SET settings = excluded.settings`,
      [org.id, JSON.stringify(next)]
    );
    return withDefaults(org, next);
  });
}
