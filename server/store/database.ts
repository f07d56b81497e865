/**
 * One interface over embedded SQLite and PostgreSQL. A write transaction takes the lock of what it orders: the
 * writes of one campaign run one at a time (so its change numbers follow commit order and a pull's cookie never
 * skips a slow commit), while other campaigns' writes and every read go on. SQL is written once with `?`
 * placeholders; on PostgreSQL each statement is a round trip, so a request sends as few as it can.
 */
export interface Sql {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

/** The lock of the organisation tree, campaigns, codes and the schema: admin writes take it, one at a time. */
export type AdminLock = "admin";

export interface WriteSql extends Sql {
  /**
   * A SELECT's suffix that takes the campaign lock of the `campaigns` row it reads as `alias`, and reads that
   * row as it is once the lock is held: the lock and the read in one statement. (PostgreSQL's campaign lock is
   * that row's lock; SQLite's one writer already holds every lock, so there it is empty.)
   */
  forUpdate(alias: string): string;
  /** Writes that do not read each other's effects, sent together: one round trip on PostgreSQL. */
  runAll(statements: Statement[]): Promise<void>;
}

export type Statement = [sql: string, params: unknown[]];

export interface Database {
  readonly dialect: "sqlite" | "postgres";
  /**
   * A write transaction, holding the admin lock from its start when asked (a campaign's writes take their
   * campaign's lock with forUpdate); committed (durably) when the promise resolves.
   */
  write<T>(fn: (tx: WriteSql) => Promise<T>, lock?: AdminLock): Promise<T>;
  /**
   * The schema's own write transaction, holding the admin lock. On SQLite it runs with foreign keys off and
   * checks them before committing, as SQLite's table rebuild (a column made nullable) requires. (Stores that
   * wrap a migrated one need not have it.)
   */
  schemaChange?(fn: (tx: WriteSql) => Promise<void>): Promise<void>;
  /** A read transaction over one consistent snapshot; never waits for writes. */
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves when the store answers; rejects with StoreUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached (database down, connection lost, file gone): nothing was written; retry later. */
export class StoreUnavailable extends Error {
  constructor(readonly cause: unknown) {
    super(`store unavailable: ${String((cause as { message?: unknown })?.message ?? cause)}`);
  }
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** "(?, ?, ?), (?, ?, ?)": the VALUES of a multi-row INSERT. */
export function placeholders(rows: number, columns: number): string {
  const row = `(${Array(columns).fill("?").join(", ")})`;
  return Array(rows).fill(row).join(", ");
}
