/** PostgreSQL, for a province or the nation: the same SQL, writes serialized by an advisory lock. */
import pg from "pg";
import { type Database, type Sql, numbered } from "./database";

/** Any fixed number: the advisory lock every write transaction takes. */
const WRITE_LOCK = 7_157_001;

function sqlOn(client: pg.PoolClient): Sql {
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as T[],
    get: async <T>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows[0] as T | undefined,
    run: async (sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rowCount ?? 0,
  };
}

export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the database (restart, failover) is replaced on next use; without this
    // handler its error would end the server.
    this.pool.on("error", () => undefined);
    // Counts come back as text otherwise; ours fit in a JavaScript number.
    pg.types.setTypeParser(20, (v) => Number(v));
  }

  private async transaction<T>(begin: string, fn: (tx: Sql) => Promise<T>, lock: boolean): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      if (lock) await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      const result = await fn(sqlOn(client));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN", fn, true);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn, false);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
