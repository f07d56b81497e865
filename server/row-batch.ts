/**
 * The row writes of one transaction, gathered in memory and sent together: the rows it reads first in one
 * query, then each new version, audit line, conflict and refusal as multi-row statements, and the campaign's
 * change counter once. Held under the campaign's lock, so the numbers it hands out follow commit order.
 */
import type { RowData } from "../src/sync/protocol";
import type { Device } from "./devices";
import { placeholders, type Sql, type Statement } from "./store/database";

export interface StoredRow {
  data: string;
  version: number;
  deviceId: number;
}

/** The mutation a write came from; none when the commune resolved a conflict. */
export interface Origin {
  clientID: string | null;
  id: number | null;
}

const key = (hamlet: number, day: string) => `${hamlet}|${day}`;

export class RowBatch {
  private readonly current = new Map<string, StoredRow | null>();
  private readonly changed = new Map<
    string,
    { hamlet: number; day: string; row: StoredRow; change: number }
  >();
  private readonly audit: unknown[][] = [];
  private readonly conflicts: unknown[][] = [];
  private readonly rejected: unknown[][] = [];
  private readonly at = new Date().toISOString();
  private readonly startChange: number;

  constructor(
    private readonly tx: Sql,
    private readonly campaign: number,
    private change: number
  ) {
    this.startChange = change;
  }

  /** Reads the rows these (hamlet, day) pairs name, in one query. */
  async load(keys: { hamlet: number; day: string }[]): Promise<void> {
    const wanted = [...new Map(keys.map((k) => [key(k.hamlet, k.day), k])).values()].filter(
      (k) => !this.current.has(key(k.hamlet, k.day))
    );
    if (!wanted.length) return;
    for (const k of wanted) this.current.set(key(k.hamlet, k.day), null);
    const rows = await this.tx.all<{
      hamlet_id: number;
      day: string;
      data: string;
      version: number;
      device_id: number;
    }>(
      `SELECT hamlet_id, day, data, version, device_id FROM journal_rows
       WHERE campaign_id = ? AND (${wanted.map(() => "(hamlet_id = ? AND day = ?)").join(" OR ")})`,
      [this.campaign, ...wanted.flatMap((k) => [k.hamlet, k.day])]
    );
    for (const r of rows)
      this.current.set(key(Number(r.hamlet_id), r.day), {
        data: r.data,
        version: Number(r.version),
        deviceId: Number(r.device_id),
      });
  }

  /** The row as this transaction sees it (after its own writes); load() it first. */
  row(hamlet: number, day: string): StoredRow | null {
    return this.current.get(key(hamlet, day)) ?? null;
  }

  /** A new version of the row; returns its version number. */
  write(device: Device, hamlet: number, day: string, data: RowData, origin: Origin): number {
    const before = this.row(hamlet, day);
    const row = {
      data: JSON.stringify(data),
      version: (before?.version ?? 0) + 1,
      deviceId: device.id,
    };
    this.current.set(key(hamlet, day), row);
    this.changed.set(key(hamlet, day), { hamlet, day, row, change: ++this.change });
    this.audit.push([
      this.campaign,
      hamlet,
      day,
      device.id,
      origin.clientID,
      origin.id,
      before ? "update" : "insert",
      row.version,
      before?.data ?? null,
      row.data,
      this.at,
    ]);
    return row.version;
  }

  conflict(
    device: Device,
    hamlet: number,
    day: string,
    baseVersion: number,
    data: RowData,
    origin: { clientID: string; id: number }
  ): void {
    const currentVersion = this.row(hamlet, day)?.version ?? 0;
    this.conflicts.push([
      this.campaign,
      hamlet,
      day,
      baseVersion,
      currentVersion,
      JSON.stringify(data),
      device.id,
      origin.clientID,
      origin.id,
      this.at,
    ]);
  }

  reject(clientID: string, id: number, reason: string): void {
    this.rejected.push([clientID, id, reason, this.at]);
  }

  /** Everything gathered, as at most five statements whatever the number of mutations (for tx.runAll). */
  statements(): Statement[] {
    const rows = [...this.changed.values()];
    const out = [
      insert(
        "journal_rows (campaign_id, hamlet_id, day, data, version, device_id, updated_at, change)",
        rows.map((r) => [
          this.campaign,
          r.hamlet,
          r.day,
          r.row.data,
          r.row.version,
          r.row.deviceId,
          this.at,
          r.change,
        ]),
        ` ON CONFLICT (campaign_id, hamlet_id, day) DO UPDATE SET data = excluded.data, version = excluded.version,
           device_id = excluded.device_id, updated_at = excluded.updated_at, change = excluded.change`
      ),
      insert(
        "audit (campaign_id, hamlet_id, day, device_id, client_id, mutation_id, action, version, before, after, at)",
        this.audit
      ),
      insert(
        "conflicts (campaign_id, hamlet_id, day, base_version, current_version, proposed, device_id, client_id, mutation_id, created_at)",
        this.conflicts
      ),
      insert("rejected (client_id, mutation_id, reason, created_at)", this.rejected),
    ];
    if (this.change !== this.startChange)
      out.push(["UPDATE campaigns SET last_change = ? WHERE id = ?", [this.change, this.campaign]]);
    return out.filter((s): s is Statement => s !== null);
  }
}

/** One multi-row INSERT, or null for no rows. */
function insert(into: string, rows: unknown[][], suffix = ""): Statement | null {
  return rows.length
    ? [
        `INSERT INTO ${into} VALUES ${placeholders(rows.length, rows[0].length)}${suffix}`,
        rows.flat(),
      ]
    : null;
}
