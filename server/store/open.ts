/** `--db` to a store: postgres://… for PostgreSQL; a file path or sqlite:… for SQLite (default ./data/danvan.db). */
import type { Database } from "./database";
import { migrate } from "./migrations";
import { PostgresDatabase } from "./postgres";
import { SqliteDatabase } from "./sqlite";

export const DEFAULT_DB = "./data/danvan.db";

export async function openDatabase(url: string = DEFAULT_DB): Promise<Database> {
  const db = /^postgres(ql)?:\/\//.test(url)
    ? new PostgresDatabase(url)
    : new SqliteDatabase(url.replace(/^sqlite:(\/\/)?/, ""));
  await migrate(db);
  return db;
}
