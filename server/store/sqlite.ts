/**
 * Embedded SQLite (better-sqlite3 12): WAL with synchronous=FULL, so an acknowledged commit survives a crash.
 * SQLite has one writer: write transactions take turns on one connection (a campaign lock needs nothing more),
 * and those that arrive together share one commit — one fsync — each in a savepoint of its own. Reads run on a
 * second connection over the last committed snapshot and never wait for a write.
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

type Job = {
  fn: (tx: WriteSql) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The most write transactions one commit holds, so a commit never keeps the event loop for long. */
const MAX_GROUP = 100;

function storeError(e: unknown): unknown {
  return unavailable(e) ? new StoreUnavailable(e) : e;
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
      forUpdate: () => "",
      runAll: async (statements) => {
        for (const [sql, params] of statements) prepared(sql).run(...params);
      },
    };
  }

  /** Runs `work` after everything queued before it. */
  protected enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A read transaction, after those before it. */
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      try {
        this.db.exec("BEGIN");
        const result = await fn(this.sql);
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
        throw storeError(e);
      }
    });
  }

  async drain(): Promise<void> {
    await this.queue;
  }
}

/** The writing connection: write transactions that arrive together share one commit. */
class Writer extends Connection {
  private waiting: Job[] = [];

  /** Write transactions, gathered into shared commits. */
  write<T>(fn: (tx: WriteSql) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ fn, resolve, reject } as Job);
      // Not awaited: commit() answers every job itself, with its result or its error.
      if (this.waiting.length === 1) void this.enqueue(() => this.commitWaiting());
    });
  }

  /** Runs every write waiting now (and those that arrive meanwhile) in shared commits. */
  private async commitWaiting(): Promise<void> {
    // Requests read from the network in the same turn of the event loop join this commit.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length) await this.commit(this.waiting.splice(0, MAX_GROUP));
  }

  /** A transaction of its own with foreign keys off, checked before it commits (SQLite's table rebuild). */
  schemaChange(fn: (tx: WriteSql) => Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      this.db.pragma("foreign_keys = OFF");
      try {
        this.db.exec("BEGIN IMMEDIATE");
        await fn(this.sql);
        const broken = this.db.pragma("foreign_key_check") as unknown[];
        if (broken.length) throw new Error(`foreign keys broken: ${JSON.stringify(broken[0])}`);
        this.db.exec("COMMIT");
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw storeError(e);
      } finally {
        this.db.pragma("foreign_keys = ON");
      }
    });
  }

  private async commit(jobs: Job[]): Promise<void> {
    const done: { job: Job; result: unknown }[] = [];
    try {
      this.db.exec("BEGIN IMMEDIATE");
      for (const job of jobs) {
        this.db.exec("SAVEPOINT job");
        try {
          done.push({ job, result: await job.fn(this.sql) });
          this.db.exec("RELEASE job");
        } catch (e) {
          // Only this job's work is undone; the others still commit.
          this.db.exec("ROLLBACK TO job");
          this.db.exec("RELEASE job");
          job.reject(storeError(e));
        }
      }
      this.db.exec("COMMIT");
      for (const { job, result } of done) job.resolve(result);
    } catch (e) {
      // Nothing of this commit is kept: every job not yet answered fails with it.
      if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
      for (const job of jobs) job.reject(storeError(e));
    }
  }
}

/** A file that is not a database, or cannot be opened, is an unavailable store, not a fault of DanVan's. */
function open(path: string, readOnly: boolean): BetterSqlite3.Database {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path);
    db.pragma("busy_timeout = 5000");
    if (readOnly) {
      db.pragma("query_only = ON");
      return db;
    }
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    return db;
  } catch (e) {
    db?.close();
    throw storeError(e);
  }
}

export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly writer: Writer;
  private readonly reader: Connection;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.writer = new Writer(open(path, false));
    // An in-memory database exists only on its own connection.
    this.reader = path === ":memory:" ? this.writer : new Connection(open(path, true));
  }

  write<T>(fn: (tx: WriteSql) => Promise<T>): Promise<T> {
    return this.writer.write(fn);
  }

  schemaChange(fn: (tx: WriteSql) => Promise<void>): Promise<void> {
    return this.writer.schemaChange(fn);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.reader.read(fn);
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
