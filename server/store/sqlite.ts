/** Embedded SQLite (better-sqlite3 12): WAL with synchronous=FULL, so an acknowledged commit survives a crash. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database, Sql } from "./database";

export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly db: BetterSqlite3.Database;
  /** One connection: transactions queue behind each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new BetterSqlite3(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
  }

  private readonly sql: Sql = {
    all: async <T>(sql: string, params: unknown[] = []) => this.db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: unknown[] = []) => this.db.prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, params: unknown[] = []) => this.db.prepare(sql).run(...params).changes,
  };

  private transaction<T>(begin: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.db.exec(begin);
      try {
        const result = await fn(this.sql);
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN IMMEDIATE", fn);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction("BEGIN", fn);
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
