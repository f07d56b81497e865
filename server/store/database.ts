/**
 * One interface over embedded SQLite and PostgreSQL. Writes run one at a time (SQLite: BEGIN IMMEDIATE on one
 * connection; PostgreSQL: a transaction-scoped advisory lock), so change numbers follow commit order and a
 * pull's cookie can never skip a slow commit. SQL is written once with `?` placeholders.
 */
export interface Sql {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface Database {
  readonly dialect: "sqlite" | "postgres";
  /** A write transaction; committed (durably) when the promise resolves. */
  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** A read transaction over one consistent snapshot. */
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
