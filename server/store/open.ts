/** `--db` to a store: postgres://… for PostgreSQL; a file path or sqlite:… for SQLite (default ./data/danvan.db). */
import type { Database } from "./database";
import { migrate } from "./migrations";
import { PostgresDatabase } from "./postgres";
import { SqliteDatabase } from "./sqlite";

export const DEFAULT_DB = "./data/danvan.db";

/** `pool`: PostgreSQL connections per server (default 10). */
export async function openDatabase(
  url: string = DEFAULT_DB,
  options: { pool?: number } = {}
): Promise<Database> {
  const db = /^postgres(ql)?:\/\//.test(url)
    ? new PostgresDatabase(url, options)
    : new SqliteDatabase(url.replace(/^sqlite:(\/\/)?/, ""));
  await migrate(db);
  return db;
}
