/** The schema, per dialect; applied in order, each version once. */
import type { Database } from "./database";

type Migration = { version: number; sqlite: string[]; postgres: string[] };

const ID = { sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT", postgres: "SERIAL PRIMARY KEY" };

function both(version: number, statements: (id: string) => string[]): Migration {
  return { version, sqlite: statements(ID.sqlite), postgres: statements(ID.postgres) };
}

/** Migration 4's new tables, the same in both dialects. */
const HIERARCHY_TABLES = [
  `CREATE INDEX enrollment_codes_tag ON enrollment_codes (tag)`,
  `CREATE INDEX devices_org ON devices (org_id)`,
  // A commune's report of a day: every version kept (the audit); the one a roll-up reads is marked latest.
  `CREATE TABLE commune_reports (commune_id INTEGER NOT NULL REFERENCES orgs(id), day TEXT NOT NULL,
    version INTEGER NOT NULL, latest INTEGER NOT NULL, report TEXT NOT NULL, figures TEXT NOT NULL,
    sent_at TEXT NOT NULL, received_at TEXT NOT NULL, device_id INTEGER NOT NULL REFERENCES devices(id),
    client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, PRIMARY KEY (commune_id, day, version))`,
  `CREATE INDEX commune_reports_latest ON commune_reports (day, commune_id) WHERE latest = 1`,
  `CREATE TABLE org_settings (org_id INTEGER PRIMARY KEY REFERENCES orgs(id), settings TEXT NOT NULL)`,
];

export const MIGRATIONS: Migration[] = [
  both(1, (id) => [
    // province → optional district → commune → hamlet
    `CREATE TABLE orgs (id ${id}, kind TEXT NOT NULL CHECK (kind IN ('province','district','commune','hamlet')),
      name TEXT NOT NULL, parent_id INTEGER REFERENCES orgs(id))`,
    `CREATE TABLE campaigns (id ${id}, commune_id INTEGER NOT NULL REFERENCES orgs(id), name TEXT NOT NULL,
      start_date TEXT, end_date TEXT, plan TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE enrollment_codes (code_hash TEXT PRIMARY KEY, campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
      scope TEXT NOT NULL, org_id INTEGER NOT NULL REFERENCES orgs(id), created_at TEXT NOT NULL, used_at TEXT)`,
    `CREATE TABLE devices (id ${id}, token_hash TEXT NOT NULL UNIQUE, campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
      scope TEXT NOT NULL, org_id INTEGER NOT NULL REFERENCES orgs(id), name TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL)`,
    // A client is one outbox (a task pane, a CLI home) of a device; mutation ids count per client.
    `CREATE TABLE clients (client_id TEXT PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id),
      last_mutation_id INTEGER NOT NULL DEFAULT 0)`,
    `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
    `INSERT INTO counters (name, value) VALUES ('change', 0)`,
    `CREATE TABLE journal_rows (campaign_id INTEGER NOT NULL REFERENCES campaigns(id), hamlet_id INTEGER NOT NULL REFERENCES orgs(id),
      day TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, device_id INTEGER NOT NULL REFERENCES devices(id),
      updated_at TEXT NOT NULL, change INTEGER NOT NULL, PRIMARY KEY (campaign_id, hamlet_id, day))`,
    `CREATE INDEX journal_rows_change ON journal_rows (campaign_id, change)`,
    `CREATE TABLE conflicts (id ${id}, campaign_id INTEGER NOT NULL REFERENCES campaigns(id), hamlet_id INTEGER NOT NULL REFERENCES orgs(id),
      day TEXT NOT NULL, base_version INTEGER NOT NULL, current_version INTEGER NOT NULL, proposed TEXT NOT NULL,
      device_id INTEGER NOT NULL REFERENCES devices(id), client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, created_at TEXT NOT NULL,
      resolved_at TEXT, resolved_by INTEGER REFERENCES devices(id), resolution TEXT)`,
    `CREATE TABLE rejected (client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL,
      PRIMARY KEY (client_id, mutation_id))`,
    `CREATE TABLE audit (id ${id}, campaign_id INTEGER NOT NULL, hamlet_id INTEGER NOT NULL, day TEXT NOT NULL,
      device_id INTEGER NOT NULL, client_id TEXT, mutation_id INTEGER, action TEXT NOT NULL, version INTEGER NOT NULL,
      before TEXT, after TEXT, at TEXT NOT NULL)`,
  ]),
  // Protocol 2: a row's "sent" ("HH:MM" of its own day) becomes "sentAt", the full date and time.
  {
    version: 2,
    sqlite: [
      `UPDATE journal_rows SET data = json_remove(json_set(data, '$.sentAt',
         CASE WHEN json_extract(data, '$.sent') IS NULL THEN NULL ELSE day || 'T' || json_extract(data, '$.sent') END), '$.sent')`,
      `UPDATE conflicts SET proposed = json_remove(json_set(proposed, '$.sentAt',
         CASE WHEN json_extract(proposed, '$.sent') IS NULL THEN NULL ELSE day || 'T' || json_extract(proposed, '$.sent') END), '$.sent')`,
    ],
    postgres: [
      `UPDATE journal_rows SET data = ((data::jsonb - 'sent') || jsonb_build_object('sentAt',
         CASE WHEN data::jsonb->>'sent' IS NULL THEN NULL ELSE day || 'T' || (data::jsonb->>'sent') END))::text`,
      `UPDATE conflicts SET proposed = ((proposed::jsonb - 'sent') || jsonb_build_object('sentAt',
         CASE WHEN proposed::jsonb->>'sent' IS NULL THEN NULL ELSE day || 'T' || (proposed::jsonb->>'sent') END))::text`,
    ],
  },
  // Each campaign numbers its own changes, so its writes never wait for another campaign's. Every campaign starts
  // from the global number reached so far: a cookie handed out before this migration is never ahead of its
  // campaign's counter, so no change after it is skipped. The global counter stays, unused.
  both(3, () => [
    `ALTER TABLE campaigns ADD COLUMN last_change INTEGER NOT NULL DEFAULT 0`,
    `UPDATE campaigns SET last_change = (SELECT value FROM counters WHERE name = 'change')`,
    `CREATE INDEX orgs_parent ON orgs (parent_id, kind)`,
    `CREATE INDEX conflicts_open ON conflicts (campaign_id, resolved_at)`,
  ]),
  // The hierarchy: devices and codes of a province, district or commune carry no campaign; codes expire and lock
  // after wrong tries; the communes' daily reports (every version kept) and the upper levels' settings.
  {
    version: 4,
    sqlite: [
      // SQLite cannot drop NOT NULL: each table is rebuilt (foreign keys are off in a schema change).
      `CREATE TABLE devices_v4 (id INTEGER PRIMARY KEY AUTOINCREMENT, token_hash TEXT NOT NULL UNIQUE,
        campaign_id INTEGER REFERENCES campaigns(id), scope TEXT NOT NULL, org_id INTEGER NOT NULL REFERENCES orgs(id),
        name TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)`,
      `INSERT INTO devices_v4 SELECT id, token_hash, campaign_id, scope, org_id, name, revoked, created_at FROM devices`,
      `DROP TABLE devices`,
      `ALTER TABLE devices_v4 RENAME TO devices`,
      `CREATE TABLE codes_v4 (code_hash TEXT PRIMARY KEY, campaign_id INTEGER REFERENCES campaigns(id), scope TEXT NOT NULL,
        org_id INTEGER NOT NULL REFERENCES orgs(id), created_at TEXT NOT NULL, used_at TEXT, expires_at TEXT NOT NULL,
        tag TEXT, failures INTEGER NOT NULL DEFAULT 0)`,
      `INSERT INTO codes_v4 (code_hash, campaign_id, scope, org_id, created_at, used_at, expires_at)
        SELECT code_hash, campaign_id, scope, org_id, created_at, used_at,
          strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+14 days') FROM enrollment_codes`,
      `DROP TABLE enrollment_codes`,
      `ALTER TABLE codes_v4 RENAME TO enrollment_codes`,
      ...HIERARCHY_TABLES,
    ],
    postgres: [
      `ALTER TABLE devices ALTER COLUMN campaign_id DROP NOT NULL`,
      `ALTER TABLE enrollment_codes ALTER COLUMN campaign_id DROP NOT NULL, ADD COLUMN expires_at TEXT,
        ADD COLUMN tag TEXT, ADD COLUMN failures INTEGER NOT NULL DEFAULT 0`,
      `UPDATE enrollment_codes SET expires_at =
        to_char((created_at::timestamptz + interval '14 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      `ALTER TABLE enrollment_codes ALTER COLUMN expires_at SET NOT NULL`,
      ...HIERARCHY_TABLES,
    ],
  },
];

/** Applies the migrations not yet applied, up to `through` (tests stop at an older schema). */
export async function migrate(db: Database, through = Infinity): Promise<void> {
  const change = db.schemaChange?.bind(db) ?? ((fn) => db.write(fn, "admin"));
  await change(async (tx) => {
    await tx.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    );
    const done = new Set(
      (await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) =>
        Number(r.version)
      )
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > through) continue;
      for (const statement of m[db.dialect]) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [
        m.version,
        new Date().toISOString(),
      ]);
    }
  });
}
