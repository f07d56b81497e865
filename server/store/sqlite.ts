/**
 * Embedded SQLite (better-sqlite3 12): WAL with synchronous=FULL, so an acknowledged commit survives a crash.
 * SQLite has one writer: write transactions queue on one connection (a campaign lock needs nothing more), while
 * reads run on a second connection over the last committed snapshot and never wait for a write.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type Database, type Sql, StoreUnavailable, type WriteSql } from "./database";

/** Errors that mean the file cannot be used now, not that the request was wrong. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/;

function unavailable(e: unknown): boolean {
  const { code, message } = e as { code?: unknown; message?: unknown };
  return (
    (typeof code === "string" && UNAVAILABLE.test(code)) ||
    (typeof message === "string" && /database connection is not open/.test(message))
  );
}

/** One connection and the queue of transactions that take turns on it. */
class Connection {
  private queue: Promise<unknown> = Promise.resolve();
  readonly sql: WriteSql;

  /** Compiled statements by their text: the same few statements run over and over. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly db: BetterSqlite3.Database) {
    const prepared = (sql: string) => {
      let statement = this.statements.get(sql);
      if (!statement) this.statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    this.sql = {
      all: async <T>(sql: string, params: unknown[] = []) => prepared(sql).all(...params) as T[],
      get: async <T>(sql: string, params: unknown[] = []) =>
        prepared(sql).get(...params) as T | undefined,
      run: async (sql: string, params: unknown[] = []) => prepared(sql).run(...params).changes,
      lock: async () => undefined,
    };
  }

  transaction<T>(begin: string, fn: (tx: WriteSql) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      try {
        this.db.exec(begin);
        const result = await fn(this.sql);
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
        throw unavailable(e) ? new StoreUnavailable(e) : e;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async drain(): Promise<void> {
    await this.queue;
  }
}

function open(path: string, readOnly: boolean): BetterSqlite3.Database {
  const db = new BetterSqlite3(path);
  db.pragma("busy_timeout = 5000");
  if (readOnly) {
    db.pragma("query_only = ON");
    return db;
  }
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  return db;
}

export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly writer: Connection;
  private readonly reader: Connection;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.writer = new Connection(open(path, false));
    // An in-memory database exists only on its own connection.
    this.reader = path === ":memory:" ? this.writer : new Connection(open(path, true));
  }

  write<T>(fn: (tx: WriteSql) => Promise<T>): Promise<T> {
    return this.writer.transaction("BEGIN IMMEDIATE", fn);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.reader.transaction("BEGIN", fn);
  }

  async ping(): Promise<void> {
    await this.read((tx) => tx.get("SELECT 1"));
  }

  async close(): Promise<void> {
    await this.writer.drain();
    await this.reader.drain();
    this.reader.db.close();
    if (this.writer !== this.reader) this.writer.db.close();
  }
}
