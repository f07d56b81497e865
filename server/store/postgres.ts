/**
 * PostgreSQL, for a province or the nation: the same SQL as SQLite. A campaign's writes order themselves by the
 * lock of the campaign's row, so communes never wait for each other; the admin writes by an advisory lock.
 * Statements are prepared once per connection, and independent writes go as one statement (data-modifying
 * WITH), so a push costs few round trips.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import {
  type Database,
  type AdminLock,
  type Sql,
  type Statement,
  StoreUnavailable,
  type WriteSql,
  numbered,
} from "./database";

/** The admin lock: an advisory lock, any fixed number. */
const ADMIN_LOCK = 7_157_001;

/** Connection failures and server shutdowns (SQLSTATE classes 08 and 57P, a database that is gone). */
function unavailable(e: unknown): boolean {
  const code = String((e as { code?: unknown }).code ?? "");
  const message = String((e as { message?: unknown }).message ?? "");
  return (
    /^(08|57P|3D000|53300)/.test(code) ||
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE)$/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message
    )
  );
}

/** Prepared statements: by text, their name and numbered text. Only so many, as each connection keeps them. */
const prepared = new Map<string, { name: string; text: string }>();
const MAX_PREPARED = 200;

function statement(sql: string, values: unknown[]): pg.QueryConfig {
  const known = prepared.get(sql);
  if (known) return { ...known, values };
  if (prepared.size >= MAX_PREPARED) return { text: numbered(sql), values };
  const made = {
    name: `s${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`,
    text: numbered(sql),
  };
  prepared.set(sql, made);
  return { ...made, values };
}

function sqlOn(client: pg.PoolClient): WriteSql {
  const query = (sql: string, params: unknown[] = []) => client.query(statement(sql, params));
  return {
    all: async <T>(sql: string, params?: unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: unknown[]) =>
      (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: unknown[]) => (await query(sql, params)).rowCount ?? 0,
    forUpdate: (alias: string) => ` FOR NO KEY UPDATE OF ${alias}`,
    runAll: async (statements: Statement[]) => {
      if (statements.length <= 1) {
        for (const [sql, params] of statements) await query(sql, params);
        return;
      }
      const parts = statements.map(([sql], i) => `w${i} AS (${sql})`);
      await query(
        `WITH ${parts.join(", ")} SELECT 1`,
        statements.flatMap(([, params]) => params)
      );
    },
  };
}

export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;

  constructor(url: string, options: { pool?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.pool ?? 10,
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection dropped by the database (restart, failover) is replaced on next use; without this
    // handler its error would end the server.
    this.pool.on("error", () => undefined);
    // Counts come back as text otherwise; ours fit in a JavaScript number.
    pg.types.setTypeParser(20, (v) => Number(v));
  }

  private async transaction<T>(
    begin: string,
    fn: (tx: WriteSql) => Promise<T>,
    lock?: AdminLock
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw new StoreUnavailable(e);
    }
    let broken: unknown;
    try {
      const tx = sqlOn(client);
      await client.query(begin);
      if (lock) await client.query(statement("SELECT pg_advisory_xact_lock(?)", [ADMIN_LOCK]));
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch((rollback) => (broken = rollback));
      throw unavailable(e) ? new StoreUnavailable(e) : e;
    } finally {
      // A connection that failed its ROLLBACK is closed, not handed to the next request.
      client.release(broken !== undefined);
    }
  }

  write<T>(fn: (tx: WriteSql) => Promise<T>, lock?: AdminLock): Promise<T> {
    return this.transaction("BEGIN", fn, lock);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
  }

  async ping(): Promise<void> {
    await this.read((tx) => tx.get("SELECT 1"));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
